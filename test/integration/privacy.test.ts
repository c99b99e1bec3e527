import { AdminGetUserCommand, UserNotFoundException } from '@aws-sdk/client-cognito-identity-provider';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ScanCommand } from '../../lib/adapters/dynamodb/document-client.js';
import { s3FileStore } from '../../lib/adapters/s3/file-store.js';
import type { InboundOutcome } from '../../lib/domain/mail/inbound-mail.js';
import { formerUserId, formerUserName, keptReasons, type ErasureRecord, type PersonExport } from '../../lib/domain/privacy.js';
import { routes } from '../../lib/http/routes.js';
import { cognitoClient } from '../../local/cognito.js';
import { receiveLocally } from '../../local/inbound-mail.js';
import { localCredentials, localRegion } from '../../local/local-aws.js';
import { pollUntil } from '../../local/poll.js';
import { anonymous, asDemoUser, asInvitedPerson, newInquiry, ok, people, type Answer, type Client, type SignedIn } from '../support/api-client.js';
import { attach } from '../support/attachments.js';
import { eml } from '../support/eml.js';
import { documents, freshOrganisation } from '../support/fresh-organisation.js';
import { header, recipientOf, replyAddressOf, waitForMails } from '../support/mailbox.js';
import { acmeBilling, pricedOffer } from '../support/offers.js';

/**
 * A person's GDPR rights through the local stack (docs/privacy.md): everything stored about them
 * exported as one JSON document, and their erasure, after which the only items of the whole table
 * that still name them (id, address or name) are exactly the ones the erasure's answer lists as kept.
 */

const stack = () => inject('stack');
const unique = () => randomUUID().slice(0, 8);
const refusal = (answer: Answer) => ({ status: answer.status, code: answer.error?.code });

/** Every item of the local table, as stored. */
const wholeTable = async (): Promise<Record<string, unknown>[]> => {
  const client = documents();
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: stack().tableName, ExclusiveStartKey: start, ConsistentRead: true }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
};

const keyOf = (item: Record<string, unknown>) => `${String(item.pk)} ${String(item.sk)}`;

/** The items that name the person anywhere, by a plain search of each item's JSON: their id, their address or their name, in any case. */
const naming = (items: Record<string, unknown>[], who: { userId: string; email: string; name: string }) =>
  items.filter((item) => {
    const json = JSON.stringify(item).toLowerCase();
    return [who.userId, who.email, who.name].some((mention) => json.includes(mention.toLowerCase()));
  });

/** A request's items that the person's erasure could touch (not the workflow's own bookkeeping, which moves by itself). */
const partitionOf = (items: Record<string, unknown>[], requestId: string) =>
  items.filter((item) => item.pk === `REQ#${requestId}` && item.sk !== 'WORKFLOW' && !String(item.sk).startsWith('REMINDER#')).sort((a, b) => keyOf(a).localeCompare(keyOf(b)));


/** A mail received through the stack as SES would deliver it. */
const receive = async (from: string, to: string, text: string): Promise<InboundOutcome> => {
  const run = await receiveLocally(stack(), Buffer.from(eml({ from, to, text }), 'utf8'), { dmarc: 'pass' });
  if ('error' in run) throw new Error(`inbound-mail failed: ${run.error.errorType}: ${run.error.errorMessage}`);
  return run.outcome;
};

const localBucket = () =>
  s3FileStore({
    target: () => ({ bucket: stack().bucketName, region: localRegion, endpoint: stack().s3Url, pathStyle: true }),
    credentials: () => localCredentials,
    now: () => new Date(),
  });

const timelineOf = async (client: Client, requestId: string) => ok(await client.send(routes.listTimeline, { path: { requestId }, query: { limit: 100 } })).items;

let admin: SignedIn;
let agent: SignedIn;
beforeAll(async () => {
  [admin, agent] = await Promise.all([asDemoUser(people.admin), asDemoUser(people.agent)]);
});

describe('a person’s data (GDPR)', () => {
  it('exports, then erases, a person who wrote messages, accepted an offer, was invited to a request and muted one: what stays is exactly what the answer keeps', async () => {
    // Xenie, a client admin of her organisation, with a name and address no other test uses.
    const tag = unique();
    const org = await freshOrganisation('Privacy');
    const elsewhere = await freshOrganisation('Partner');
    const name = `Xenie Výmazová ${tag}`;
    const email = `xenie.${tag}@privacy.example`;
    const invited = ok(await org.admin.send(routes.invitePerson, { path: { orgId: org.orgId }, body: { email, name, role: 'client_admin' } }));
    const xenie = await asInvitedPerson(email);
    const userId = xenie.userId;
    expect(invited.userId).toBe(userId);
    const who = { userId, email, name };

    // Her own request: messages (signed with her name; one by Idempotency-Key), a file, a priced offer she accepts.
    ok(await xenie.send(routes.setBilling, { path: { orgId: org.orgId }, body: acmeBilling }));
    const { requestId: ordered } = ok(await xenie.send(routes.createRequest, { body: newInquiry(`Privacy ${tag}: e-shop`) }));
    ok(await xenie.send(routes.postMessage, { path: { requestId: ordered }, body: { body: `Dobrý den, pište mi na ${email}.\n\nS pozdravem\n${name}` }, headers: { 'idempotency-key': randomUUID() } }));
    ok(await attach(xenie, ordered));
    ok(await agent.send(routes.postMessage, { path: { requestId: ordered }, body: { body: 'Dobrý den, pošleme nabídku.' } }));
    const offer = ok(await agent.send(routes.postOffer, { path: { requestId: ordered }, body: pricedOffer() }));
    ok(await xenie.send(routes.acceptOffer, { path: { requestId: ordered, offerNumber: offer.number }, body: { contentHash: offer.contentHash } }));
    const { order } = ok(await xenie.send(routes.getOrder, { path: { requestId: ordered } }));
    // Its PDF is made by the workflow; the erasure must find it made.
    await pollUntil('the order_issued entry', async () => (await timelineOf(org.admin, ordered)).find((entry) => entry.kind === 'order_issued'), { timeoutMs: 20_000 });

    // A second request of hers, muted.
    const { requestId: muted } = ok(await xenie.send(routes.createRequest, { body: newInquiry(`Privacy ${tag}: muted`) }));
    ok(await xenie.send(routes.muteRequest, { path: { requestId: muted } }));

    // Another organisation's request she is invited to, where she writes, and replies by mail.
    const { requestId: guested } = ok(await elsewhere.admin.send(routes.createRequest, { body: newInquiry(`Partner ${tag}: spolupráce`) }));
    ok(await elsewhere.admin.send(routes.inviteParticipant, { path: { requestId: guested }, body: { email, name } }));
    ok(await xenie.send(routes.postMessage, { path: { requestId: guested }, body: { body: 'Ráda pomůžu.' } }));
    ok(await agent.send(routes.postMessage, { path: { requestId: guested }, body: { body: 'Díky, ozveme se.' } }));
    const [mailToHer] = await waitForMails(guested, (mails) => mails.some((mail) => recipientOf(mail) === email && mail.body.text?.includes('Díky, ozveme se.')));
    const replyTo = await replyAddressOf(guested, email);
    const reply = await receive(email, replyTo, 'Ano, platí.');
    expect(reply).toMatchObject({ outcome: 'posted', requestId: guested, userId });
    const herMails = (await waitForMails(guested, (mails) => mails.some((mail) => recipientOf(mail) === email))).filter((mail) => recipientOf(mail) === email);
    const tokenIn = (found: (string | undefined)[]) => {
      const token = found.find((each) => each !== undefined);
      if (!token) throw new Error('no link in her mails');
      return token;
    };
    const openToken = tokenIn(herMails.map((mail) => /\/requests\/[\d-]+\?link=([\w.-]+)/.exec(mail.body.text ?? '')?.[1]));
    const muteToken = tokenIn(herMails.map((mail) => /unsubscribe\/([\w.-]+)>/.exec(header(mail, 'List-Unsubscribe') ?? '')?.[1]));
    expect(mailToHer).toBeDefined();
    expect(ok(await anonymous().send(routes.openLink, { path: { token: openToken } })).requestId).toBe(guested);

    // Export: the agency's admins anyone's, she her own; her colleague admin, an agent, another organisation may not.
    expect(refusal(await org.admin.send(routes.exportPerson, { path: { userId } }))).toEqual({ status: 403, code: 'forbidden' });
    expect(refusal(await agent.send(routes.exportPerson, { path: { userId } }))).toEqual({ status: 403, code: 'forbidden' });
    expect(refusal(await elsewhere.admin.send(routes.exportPerson, { path: { userId } }))).toEqual({ status: 404, code: 'not_found' });
    expect(refusal(await admin.send(routes.exportPerson, { path: { userId: `nobody-${tag}` } }))).toEqual({ status: 404, code: 'not_found' });
    const own = ok(await xenie.send(routes.exportPerson, { path: { userId } }));
    expect(own.fileName).toMatch(/^orderdesk-export-\d{4}-\d{2}-\d{2}\.json$/);
    const link = ok(await admin.send(routes.exportPerson, { path: { userId } }));
    expect(Date.parse(link.expiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60_000 + 5_000);
    const download = await fetch(link.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain(link.fileName);
    const exported = (await download.json()) as PersonExport;
    expect(exported.person).toMatchObject({ userId, email, name, role: 'client_admin', orgId: org.orgId });
    expect(exported.memberships).toEqual([{ organisation: { orgId: org.orgId, name: expect.any(String) }, role: 'client_admin' }]);
    expect(exported.preferences.mutedRequests).toEqual([{ requestId: muted, mutedAt: expect.any(String) }]);
    expect(exported.invitations).toEqual([expect.objectContaining({ record: 'invitation', requestId: guested, userId })]);
    expect(exported.requests.map((request) => request.requestId).sort()).toEqual([ordered, muted].sort());
    expect(exported.messages.map((message) => message.body)).toEqual(expect.arrayContaining([expect.stringContaining(email), 'Ráda pomůžu.', expect.stringContaining('Ano, platí.')]));
    expect(exported.files).toEqual([expect.objectContaining({ record: 'attachment', requestId: ordered, fileName: 'Nabídka.pdf' })]);
    expect(exported.decisions.map((decision) => decision.record).sort()).toEqual(['offer', 'order']);
    expect(exported.mentions.map((entry) => entry.kind)).toContain('participant_invited');
    expect(exported.mail.map((record) => record.record)).toEqual(expect.arrayContaining(['mail_record', 'mail_thread']));
    expect(exported.log.map((line) => line.action)).toEqual(expect.arrayContaining(['person_invited', 'person_exported']));
    expect(JSON.stringify(exported)).not.toContain('"pk"');

    // Erasure: the agency's admins only, never themselves; an id nobody had is a 404.
    expect(refusal(await org.admin.send(routes.erasePerson, { path: { userId } }))).toEqual({ status: 403, code: 'forbidden' });
    expect(refusal(await agent.send(routes.erasePerson, { path: { userId } }))).toEqual({ status: 403, code: 'forbidden' });
    expect(refusal(await admin.send(routes.erasePerson, { path: { userId: admin.userId } }))).toEqual({ status: 403, code: 'forbidden' });
    expect(refusal(await admin.send(routes.erasePerson, { path: { userId: `nobody-${tag}` } }))).toEqual({ status: 404, code: 'not_found' });

    const started = Date.now();
    const erased: ErasureRecord = ok(await admin.send(routes.erasePerson, { path: { userId } }));
    const tookMs = Date.now() - started;
    expect(erased).toMatchObject({ userId, erasedBy: admin.userId });
    expect(erased.deleted).toMatchObject({ profile: 1, email_lookup: 1, mute: 1, invitation: 1, inbound_mail_file: 1 });
    expect(erased.deleted.idempotency_record).toBeGreaterThan(0);
    expect(erased.deleted.mail_record).toBeGreaterThan(0);
    expect(erased.deleted.mail_thread).toBeGreaterThan(0);
    expect(erased.anonymised).toMatchObject({ request: 2, attachment: 1, inbound_mail_outcome: 1 });
    expect(erased.anonymised.timeline_entry).toBeGreaterThan(3);
    expect(erased.anonymised.log_entry).toBeGreaterThan(1);
    // Kept: the binding order, its PDF and the acceptance behind it (tax documents), and the erasure's own record.
    expect(erased.kept.map(({ kind, store, key }) => ({ kind, store, key }))).toEqual(
      [
        { kind: 'erasure_record', store: 'table', key: `ERASED#${userId} ERASURE` },
        { kind: 'offer', store: 'table', key: `REQ#${ordered} OFFER#0001` },
        { kind: 'order', store: 'table', key: `REQ#${ordered} ORDER` },
        { kind: 'order_document', store: 'files', key: `orders/${ordered}/${order.orderNumber}.pdf` },
      ].sort((a, b) => `${a.store} ${a.key}`.localeCompare(`${b.store} ${b.key}`)),
    );
    expect(erased.kept.find((kept) => kept.kind === 'order')).toMatchObject({ requestId: ordered, reason: keptReasons.order, keepUntil: expect.stringMatching(/^20\d\d-12-31T22:59:59\.000Z$/) });
    expect(erased.kept.find((kept) => kept.kind === 'order')?.reason).toContain('zákon o DPH §35');

    // The whole table: the only items that still name her are the ones kept.
    const after = await wholeTable();
    const keptKeys = erased.kept.filter((kept) => kept.store === 'table').map((kept) => kept.key);
    expect(naming(after, who).map(keyOf).sort()).toEqual([...keptKeys].sort());
    // Her login is gone.
    await expect(cognitoClient(stack().cognitoUrl).send(new AdminGetUserCommand({ UserPoolId: stack().userPool.userPoolId, Username: email }))).rejects.toBeInstanceOf(UserNotFoundException);
    // The raw mail she sent is gone from the bucket; the order's PDF stays.
    expect(await localBucket().describe(reply.objectKey)).toBeUndefined();
    expect(await localBucket().describe(`orders/${ordered}/${order.orderNumber}.pdf`)).toBeDefined();
    // Her messages stay, by "former user".
    const timeline = await timelineOf(org.admin, ordered);
    const hers = timeline.filter((entry) => entry.kind === 'message' && entry.actorId === formerUserId);
    expect(hers.map((entry) => [entry.actorName, entry.body])).toEqual([[formerUserName, `Dobrý den, pište mi na ${formerUserName}.\n\nS pozdravem\n${formerUserName}`]]);
    expect(ok(await admin.send(routes.getOrder, { path: { requestId: ordered } })).order.acceptedBy).toEqual({ userId, name, email });
    expect(refusal(await admin.send(routes.getPerson, { path: { userId } }))).toEqual({ status: 404, code: 'not_found' });

    // Erasing again answers the same and changes nothing.
    const partitions = (items: Record<string, unknown>[]) => [ordered, muted, guested].flatMap((requestId) => partitionOf(items, requestId));
    expect(ok(await admin.send(routes.erasePerson, { path: { userId } }))).toEqual(erased);
    const again = await wholeTable();
    expect(naming(again, who).sort((a, b) => keyOf(a).localeCompare(keyOf(b)))).toEqual(naming(after, who).sort((a, b) => keyOf(a).localeCompare(keyOf(b))));
    expect(partitions(again)).toEqual(partitions(after));

    // Her old token, mail links and reply address answer as for someone orderdesk does not know.
    expect(refusal(await xenie.send(routes.getMe))).toEqual({ status: 403, code: 'forbidden' });
    const opened = await anonymous().send(routes.openLink, { path: { token: openToken } });
    expect(refusal(opened)).toEqual({ status: 404, code: 'not_found' });
    expect(opened.error?.message).toBe(`Request ${guested} was not found`);
    expect(refusal(await anonymous().send(routes.unsubscribe, { path: { token: muteToken } }))).toEqual({ status: 404, code: 'not_found' });
    expect(naming(await wholeTable(), who).map(keyOf).sort()).toEqual([...keptKeys].sort());
    expect(await receive(email, replyTo, 'Ještě jedna věc.')).toMatchObject({ outcome: 'refused', reason: 'unknown-person' });

    // For the record in docs/privacy.md: how long an erasure took against this table.
    console.info(`erasure of one person: ${tookMs} ms against a table of ${after.length} items`);
  }, 120_000);

  it('refuses to erase an organisation’s last client admin (409: make another admin first) and leaves them as they were', async () => {
    const org = await freshOrganisation('LastAdmin');
    const alena = org.admin as SignedIn;
    const refused = await admin.send(routes.erasePerson, { path: { userId: alena.userId } });
    expect(refusal(refused)).toEqual({ status: 409, code: 'conflict' });
    expect(refused.error?.next).toMatch(/another person client_admin first/);
    expect(ok(await alena.send(routes.getMe))).toMatchObject({ userId: alena.userId, role: 'client_admin' });
    expect(ok(await admin.send(routes.getPerson, { path: { userId: alena.userId } })).state).toBe('active');
  });
});
