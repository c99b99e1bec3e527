import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { QueryCommand } from '../../lib/adapters/dynamodb/document-client.js';
import { requestKey, timelinePrefix } from '../../lib/adapters/dynamodb/keys.js';
import type { TimelineEntryKind } from '../../lib/domain/timeline-entry.js';
import { functions } from '../../lib/lambda/table.js';
import { routes } from '../../lib/http/routes.js';
import { stringsFor } from '../../lib/mail/strings.js';
import { anonymous, asDemoUser, ok, people } from '../support/api-client.js';
import { documents, freshOrganisation } from '../support/fresh-organisation.js';
import { invoke, invokeRaw } from '../support/invoke.js';
import { failMailTo, header, mailsAbout as allMailsAbout, recipientOf, toOtherTestsStaff, waitForMails as waitForAllMails, type SentMail } from '../support/mailbox.js';

// This file counts whole recipient lists: of the people it knows (see toOtherTestsStaff).
const mailsAbout = async (requestId: string) => (await allMailsAbout(requestId)).filter((mail) => !toOtherTestsStaff(mail));
const waitForMails = async (requestId: string, done: (mails: SentMail[]) => boolean) =>
  (await waitForAllMails(requestId, (all) => done(all.filter((mail) => !toOtherTestsStaff(mail))))).filter((mail) => !toOtherTestsStaff(mail));
import { attach } from '../support/attachments.js';

const agency = [people.agent, people.admin];
const summary = (kind: TimelineEntryKind, language: 'cs' | 'en' = 'cs') => stringsFor(language).summaries[kind];
const sorted = (list: readonly string[]) => [...list].map((item) => item.toLowerCase()).sort();

/**
 * Makes a change and returns exactly the mails it caused: the ones about the request that arrive
 * after it, once `expected` mails have come. A mail too many shows up here or in the next step.
 */
const mailsOf = async (requestId: string, expected: number, change: () => Promise<unknown>): Promise<SentMail[]> => {
  const before = (await mailsAbout(requestId)).length;
  await change();
  const mails = await waitForMails(requestId, (all) => all.length >= before + expected);
  return mails.slice(before);
};

/** A request of a fresh organisation filed by its member, who reads English; its admin reads Czech. */
const digimadiRequest = async (title = 'Nový web pro Digimadi') => {
  const org = await freshOrganisation('Mail');
  ok(await org.member.send(routes.updatePreferences, { body: { language: 'en' } }));
  const { requestId } = ok(
    await org.member.send(routes.createRequest, { body: { type: 'inquiry', title, description: 'Potřebujeme nový web.', platform: 'digimadi' } }),
  );
  // Its creation is mailed to the organisation's admin and the agency; wait for it, so later steps see only theirs.
  await waitForMails(requestId, (mails) => mails.length >= 3);
  return { ...org, requestId };
};

/** Markup of a mail that would run or load something: a dangerous tag, an event handler or a script URL in any tag. */
const liveMarkup = (html: string): string[] =>
  [...html.matchAll(/<[a-z][^>]*>/gi)].map((m) => m[0]).filter((tag) => /^<(script|img|iframe|svg|object|embed|form|input)\b|\son\w+\s*=|javascript:|vbscript:|data:/i.test(tag));

describe('mail on every change', () => {
  it('mails each change to the people the notification matrix names, once each, in their language and the request’s brand', async () => {
    const org = await freshOrganisation('Matrix');
    ok(await org.member.send(routes.updatePreferences, { body: { language: 'en' } }));
    const [eva, tomas] = await Promise.all([asDemoUser(people.agent), asDemoUser(people.admin)]);
    const languageOf = (to: string) => (to === org.emails.member.toLowerCase() ? 'en' : 'cs');
    let requestId = '';
    const created = await (async () => {
      const answer = ok(
        await org.member.send(routes.createRequest, { body: { type: 'inquiry', title: 'Matrix test', description: 'Vše o poštách.', platform: 'digimadi' } }),
      );
      requestId = answer.requestId;
      return (await waitForMails(requestId, (mails) => mails.length >= 3)).slice(0);
    })();
    const invitee = `invited.${randomUUID().slice(0, 8)}@partner.example`;
    const steps: { what: string; kind: TimelineEntryKind; to: string[]; change?: () => Promise<{ status: number }>; mails?: SentMail[] }[] = [
      { what: 'request created by the member', kind: 'request_created', to: [org.emails.admin, ...agency], mails: created },
      { what: 'a message by an agent', kind: 'message', to: [org.emails.member, org.emails.admin, people.admin], change: () => eva.send(routes.postMessage, { path: { requestId }, body: { body: 'Dobrý den, upřesníte rozsah?' } }) },
      { what: 'the agent assigned', kind: 'assignee_changed', to: [people.agent], change: () => tomas.send(routes.assignRequest, { path: { requestId }, body: { assigneeId: eva.userId } }) },
      { what: 'a message by the requester, now to the assignee only on the agency side', kind: 'message', to: [org.emails.admin, people.agent], change: () => org.member.send(routes.postMessage, { path: { requestId }, body: { body: 'Jen úvodní stránku.' } }) },
      { what: 'an internal note: the agency only', kind: 'internal_note', to: [people.agent], change: () => tomas.send(routes.postMessage, { path: { requestId }, body: { body: 'Pozor na termín.', internal: true } }) },
      { what: 'an attachment added by the requester', kind: 'attachment_added', to: [org.emails.admin, people.agent], change: () => attach(org.member, requestId) },
      { what: 'a participant invited', kind: 'participant_invited', to: [org.emails.member, invitee], change: () => org.admin.send(routes.inviteParticipant, { path: { requestId }, body: { email: invitee, name: 'Pavla Partnerová' } }) },
      { what: 'a status change', kind: 'status_changed', to: [org.emails.member, org.emails.admin, invitee], change: () => eva.send(routes.takeAction, { path: { requestId }, body: { action: 'clarify' } }) },
    ];
    for (const step of steps) {
      const mails =
        step.mails ??
        (await mailsOf(requestId, step.to.length, async () => {
          const answer = await step.change!();
          expect((answer as { status: number }).status, step.what).toBeLessThan(300);
        }));
      expect(sorted(mails.map(recipientOf)), step.what).toEqual(sorted(step.to));
      for (const mail of mails) {
        const language = languageOf(recipientOf(mail));
        expect(mail.subject, step.what).toMatch(new RegExp(`^\\[#${requestId}\\] `));
        if (step.kind !== 'status_changed') expect(mail.subject, step.what).toContain(summary(step.kind, language));
        expect(mail.from).toMatch(/^"Digimadi Helpdesk" </);
        expect(mail.body.html).toContain('Digimadi');
        expect(mail.body.html).toContain(`lang="${language}"`);
        expect(mail.body.text).toContain(requestId);
      }
    }
    // The participant removed (by id), and then a barrier: the last step's mails are all in once it is.
    const participants = ok(await org.admin.send(routes.listParticipants, { path: { requestId } }));
    const removed = await mailsOf(requestId, 2, async () =>
      expect((await org.admin.send(routes.removeParticipant, { path: { requestId, userId: participants[0]!.userId } })).status).toBe(204),
    );
    expect(sorted(removed.map(recipientOf))).toEqual(sorted([org.emails.member, invitee]));
    // Both mails, the member's English one and the invitee's Czech one, name who was removed.
    for (const mail of removed) expect(mail.body.text).toContain('Pavla Partnerová');
    const barrier = await mailsOf(requestId, 2, () => eva.send(routes.postMessage, { path: { requestId }, body: { body: 'Poslední.' } }));
    expect(sorted(barrier.map(recipientOf))).toEqual(sorted([org.emails.member, org.emails.admin]));
    const all = await mailsAbout(requestId);
    expect(all).toHaveLength(steps.reduce((sum, step) => sum + step.to.length, 0) + 2 + 2);
  });

  it('mails a reorder of several requests once per person, listing the new order', async () => {
    const org = await freshOrganisation('Reorder');
    const ids: string[] = [];
    for (const title of ['První', 'Druhý', 'Třetí']) {
      const { requestId } = ok(await org.admin.send(routes.createRequest, { body: { type: 'inquiry', title: `Fronta ${title}`, description: 'x', platform: 'azami' } }));
      await waitForMails(requestId, (mails) => mails.length >= 2);
      ids.push(requestId);
    }
    const reordered = [...ids].reverse();
    ok(await org.admin.send(routes.setQueueOrder, { body: { order: reordered } }));
    const reorderMails = async () => (await Promise.all(ids.map(mailsAbout))).flat().filter((mail) => mail.subject.includes(summary('rank_changed')));
    const until = Date.now() + 15_000;
    while ((await reorderMails()).length < agency.length && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
    // A barrier on the last request: by the time its mails are in, every rank change was handled.
    await mailsOf(ids[2]!, 2, () => org.member.send(routes.postMessage, { path: { requestId: ids[2]! }, body: { body: 'Hotovo?' } }));
    const mails = await reorderMails();
    expect(sorted(mails.map(recipientOf))).toEqual(sorted(agency));
    expect(mails[0]!.body.text).toMatch(new RegExp(`1\\. .*${reordered[0]}[\\s\\S]*2\\. .*${reordered[1]}`));
  });

  it('sends nothing more when the stream delivers the same record again', async () => {
    const { requestId, admin } = await digimadiRequest('Replayed');
    const mails = await mailsOf(requestId, 3, () => admin.send(routes.postMessage, { path: { requestId }, body: { body: 'Jednou.' } }));
    expect(mails).toHaveLength(3);
    const { Items = [] } = await documents().send(
      new QueryCommand({ TableName: inject('stack').tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :tl)', ExpressionAttributeValues: { ':pk': requestKey(requestId).pk, ':tl': timelinePrefix } }),
    );
    const message = Items.find((item) => item.kind === 'message')!;
    const record = { eventID: 'replay-1', eventName: 'INSERT' as const, dynamodb: { SequenceNumber: '900000000001', NewImage: marshall(message) } };
    // Twice, as a stream retrying a batch would: both answer that nothing failed, and nobody gets a second mail.
    for (const eventID of ['replay-1', 'replay-2']) {
      expect(await invoke(functions.notify, { Records: [{ ...record, eventID }] })).toEqual({ status: 200, result: { batchItemFailures: [] } });
    }
    expect((await mailsAbout(requestId)).length).toBe(3 + 3);
  });

  it('retries a recipient SES keeps refusing, then parks the mail where the agency lists and resends it; the others get theirs', async () => {
    const { requestId, emails } = await digimadiRequest('Parked mail');
    const [eva, tomas] = await Promise.all([asDemoUser(people.agent), asDemoUser(people.admin)]);
    await failMailTo(emails.admin, 20, 'outage');
    await failMailTo(emails.member, 2, 'throttle');
    const mails = await mailsOf(requestId, 2, () => eva.send(routes.postMessage, { path: { requestId }, body: { body: 'Pro všechny.' } }));
    // The member's two throttled attempts were retried; the admin's mail never went.
    expect(sorted(mails.map(recipientOf))).toEqual(sorted([emails.member, people.admin]));
    const parked = async () => ok(await tomas.send(routes.listParkedMail, { query: { limit: 100 } })).items.filter((mail) => mail.requestId === requestId);
    const until = Date.now() + 15_000;
    while ((await parked()).length === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
    const [mail] = await parked();
    expect(mail).toMatchObject({ requestId, email: emails.admin.toLowerCase(), state: 'parked', attempts: 4, error: expect.stringContaining('ServiceUnavailable') });
    // A client may not see or resend parked mail.
    expect((await eva.send(routes.listParkedMail, { query: {} })).status).toBe(200);
    const client = (await freshOrganisation('Nosy')).admin;
    expect((await client.send(routes.listParkedMail, { query: {} })).status).toBe(403);
    expect((await client.send(routes.resendMail, { path: { mailId: mail!.mailId } })).status).toBe(403);
    await fetch(`${inject('stack').mailUrl}/_faults`, { method: 'DELETE' });
    const resent = ok(await tomas.send(routes.resendMail, { path: { mailId: mail!.mailId } }));
    expect(resent).toMatchObject({ state: 'sent', messageId: expect.any(String) });
    expect((await mailsAbout(requestId)).filter((m) => recipientOf(m) === emails.admin.toLowerCase()).map((m) => m.subject)).toEqual([
      expect.stringContaining(summary('request_created')),
      expect.stringContaining(summary('message')),
    ]);
    expect(await parked()).toEqual([]);
    // Sent is sent: a second resend is a conflict, an id nobody gave out a 400.
    expect(await tomas.send(routes.resendMail, { path: { mailId: mail!.mailId } })).toMatchObject({ status: 409, error: { code: 'conflict' } });
    expect(await tomas.send(routes.resendMail, { path: { mailId: 'bm90LWEtbWFpbA' } })).toMatchObject({ status: 400, error: { details: [{ field: 'path.mailId' }] } });
  });

  it('parks at once a mail SES rejects for good', async () => {
    const { requestId, emails } = await digimadiRequest('Rejected mail');
    const eva = await asDemoUser(people.agent);
    await failMailTo(emails.member, 1, 'reject');
    await mailsOf(requestId, 2, () => eva.send(routes.postMessage, { path: { requestId }, body: { body: 'Odmítnuto.' } }));
    const tomas = await asDemoUser(people.admin);
    const until = Date.now() + 15_000;
    let parked: { attempts: number; error?: string }[] = [];
    while (parked.length === 0 && Date.now() < until) {
      parked = ok(await tomas.send(routes.listParkedMail, { query: { limit: 100 } })).items.filter((mail) => mail.requestId === requestId);
    }
    expect(parked).toEqual([expect.objectContaining({ attempts: 1, error: expect.stringContaining('MessageRejected') })]);
  });
});

describe('nothing anyone typed is live in a mail', () => {
  it('escapes scripts, handlers and javascript: links, keeps headers on one line, and builds links from configuration only', async () => {
    const org = await freshOrganisation('Hostile');
    // A title or name with a line break is refused at the edge (single-line fields); what gets in is mailed harmlessly.
    const refused = await org.member.send(routes.createRequest, { body: { type: 'defect', title: 'Hack\r\nBcc: evil@example.com', description: '', platform: 'azami' } });
    expect(refused).toMatchObject({ status: 400, error: { details: [{ field: 'body.title' }] } });
    const title = 'Hack Bcc: evil@example.com <script>alert(1)</script>';
    // The request is filed with a forged Host header: links must still point at the configured portal.
    const api = new URL(inject('stack').apiUrl);
    const created = ok(await org.member.send(routes.createRequest, { body: { type: 'defect', title, description: '<img src=x onerror=alert(1)>', platform: 'azami' } }));
    const { requestId } = created;
    await waitForMails(requestId, (mails) => mails.length >= 3);
    const hostile = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[klik](javascript:alert(1)) [klik2](JaVaScRiPt:alert(2)) [ok](https://example.com/ok)',
      '<a href="javascript:alert(3)">x</a> "><svg onload=alert(4)>',
    ].join('\n\n');
    const posted = await new Promise<number>((resolve, reject) => {
      const body = JSON.stringify({ body: hostile, format: 'markdown' });
      const req = http.request(
        { host: api.hostname, port: api.port, method: 'POST', path: `/requests/${requestId}/messages`, headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'content-type': 'application/json', authorization: `Bearer ${org.member.token}` } },
        (res) => (res.resume(), resolve(res.statusCode ?? 0)),
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(posted).toBe(201);
    const mails = await waitForMails(requestId, (all) => all.filter((m) => m.subject.includes(summary('message'))).length >= 3);
    for (const mail of mails) {
      expect(mail.subject).not.toMatch(/[\r\n]/);
      expect(mail.subject).toContain('Bcc: evil@example.com');
      expect(liveMarkup(mail.body.html!)).toEqual([]);
      expect(JSON.stringify(mail)).not.toContain('evil.example');
      const hrefs = [...mail.body.html!.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
      const allowed = [inject('stack').apiUrl, ...Object.values(inject('stack').portalUrls), 'https://example.com/ok'];
      for (const href of hrefs) expect(allowed.some((prefix) => href.startsWith(prefix)), href).toBe(true);
      for (const value of (mail.headers ?? []).map((h) => h.value)) expect(value).not.toMatch(/[\r\n]/);
    }
    const message = mails.find((m) => m.subject.includes(summary('message')))!;
    expect(message.body.html).toContain('&lt;script&gt;');
    expect(message.body.html).toContain('href="https://example.com/ok"');

    // A person's name with markup, mailed to them and about them (with a line break it is refused).
    const invitee = `hostile.${randomUUID().slice(0, 8)}@partner.example`;
    const brokenName = await org.admin.send(routes.inviteParticipant, { path: { requestId }, body: { email: invitee, name: 'Eva\r\nBcc: evil@example.com' } });
    expect(brokenName).toMatchObject({ status: 400, error: { details: [{ field: 'body.name' }] } });
    const invited = await mailsOf(requestId, 2, () =>
      org.admin.send(routes.inviteParticipant, { path: { requestId }, body: { email: invitee, name: 'Eva Bcc: evil@example.com <b onclick=x()>bold</b>' } }),
    );
    expect(sorted(invited.map(recipientOf))).toEqual(sorted([org.emails.member, invitee]));
    for (const mail of invited) {
      expect(mail.subject).not.toMatch(/[\r\n]/);
      expect(mail.destination.to).toHaveLength(1);
      expect(liveMarkup(mail.body.html!)).toEqual([]);
      expect(mail.body.html).toContain('&lt;b onclick=x()&gt;bold&lt;/b&gt;');
      for (const value of (mail.headers ?? []).map((h) => h.value)) expect(value).not.toMatch(/[\r\n]|evil@example\.com/);
    }
  });
});

describe('bounces and complaints', () => {
  it('suppresses a bounced address at once, shows it on the request, and mails the others on the next change', async () => {
    const { requestId, emails, admin } = await digimadiRequest('Bounced');
    const eva = await asDemoUser(people.agent);
    const bounce = {
      source: 'aws.ses' as const,
      'detail-type': 'Email Bounced',
      time: new Date().toISOString(),
      detail: {
        eventType: 'Bounce' as const,
        mail: { messageId: `bounce-${randomUUID()}`, timestamp: new Date().toISOString(), tags: { request: [requestId] } },
        bounce: { bounceType: 'Permanent' as const, bounceSubType: 'General', bouncedRecipients: [{ emailAddress: emails.member, diagnosticCode: 'smtp; 550 5.1.1 user unknown' }] },
      },
    };
    expect(await invoke(functions.recordMailEvent, bounce)).toEqual({ status: 200, result: { suppressed: [emails.member.toLowerCase()], requestId } });
    const timeline = ok(await admin.send(routes.listTimeline, { path: { requestId } })).items;
    expect(timeline.at(-1)).toMatchObject({ kind: 'mail_undeliverable', actorType: 'system', details: { email: emails.member.toLowerCase(), reason: 'bounce' } });
    // A mail with no correlation-id tag (as this event's): the bounce is its SES message's own action.
    expect(timeline.at(-1)).toMatchObject({ correlationId: `ses:${bounce.detail.mail.messageId}` });
    // The entry itself is mailed to the organisation's admin and the agency (not to the address that bounces).
    const undeliverable = await waitForMails(requestId, (mails) => mails.filter((m) => m.subject.includes(summary('mail_undeliverable'))).length >= 3);
    expect(sorted(undeliverable.filter((m) => m.subject.includes(summary('mail_undeliverable'))).map(recipientOf))).toEqual(sorted([emails.admin, ...agency]));
    const next = await mailsOf(requestId, 2, () => eva.send(routes.postMessage, { path: { requestId }, body: { body: 'Po odrazu.' } }));
    expect(sorted(next.map(recipientOf))).toEqual(sorted([emails.admin, people.admin]));
    // A transient bounce suppresses nothing; a second delivery of the same event writes no second entry.
    expect(await invoke(functions.recordMailEvent, { ...bounce, detail: { ...bounce.detail, bounce: { ...bounce.detail.bounce, bounceType: 'Transient' as const } } })).toMatchObject({
      result: { suppressed: [] },
    });
    await invoke(functions.recordMailEvent, bounce);
    const entries = ok(await admin.send(routes.listTimeline, { path: { requestId } })).items.filter((entry) => entry.kind === 'mail_undeliverable');
    expect(entries).toHaveLength(1);
    // Once the mailbox is fixed, the agency lifts the suppression (a client may not), and mail flows again.
    const tomas = await asDemoUser(people.admin);
    expect((await admin.send(routes.liftSuppression, { path: { email: emails.member } })).status).toBe(403);
    expect(ok(await tomas.send(routes.liftSuppression, { path: { email: emails.member.toUpperCase() } }))).toMatchObject({ email: emails.member.toLowerCase(), reason: 'bounce' });
    expect((await tomas.send(routes.liftSuppression, { path: { email: emails.member } })).status).toBe(404);
    const again = await mailsOf(requestId, 3, () => eva.send(routes.postMessage, { path: { requestId }, body: { body: 'Zase doručeno.' } }));
    expect(sorted(again.map(recipientOf))).toEqual(sorted([emails.member, emails.admin, people.admin]));
    expect(await invokeRaw(functions.recordMailEvent.name, { source: 'aws.ses', detail: {} })).toMatchObject({ functionError: 'Unhandled', body: { errorType: 'ValidationError' } });
  });
});

describe('mail preferences', () => {
  it('mutes a request by the List-Unsubscribe one-click POST, and by the route; a GET of the link changes nothing and sends the browser to the portal’s mute page', async () => {
    const { requestId, emails, member, admin } = await digimadiRequest('Muted');
    const eva = await asDemoUser(people.agent);
    const first = await mailsOf(requestId, 3, () => eva.send(routes.postMessage, { path: { requestId }, body: { body: 'První.' } }));
    const toMember = first.find((mail) => recipientOf(mail) === emails.member.toLowerCase())!;
    expect(header(toMember, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const unsubscribeUrl = /^<(.+)>$/.exec(header(toMember, 'List-Unsubscribe') ?? '')![1]!;
    expect(unsubscribeUrl.startsWith(`${inject('stack').apiUrl}/unsubscribe/`)).toBe(true);
    // A GET (a browser, a link scanner) changes nothing: it is sent on to the portal's page that
    // confirms the mute, which is the mail's own mute link.
    const opened = await fetch(unsubscribeUrl, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    const mutePage = /\S+\/mute\?link=[\w.-]+/.exec(toMember.body.text!)![0];
    expect(opened.headers.get('location')).toBe(mutePage);
    expect(mutePage.endsWith(`?link=${unsubscribeUrl.split('/unsubscribe/')[1]}`)).toBe(true);
    expect(ok(await member.send(routes.getPreferences)).mutedRequests).toEqual([]);
    const oneClick = await fetch(unsubscribeUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.json()).toEqual({ requestId, muted: true });
    expect(ok(await member.send(routes.getPreferences))).toEqual({ language: 'en', mailScope: 'all', mutedRequests: [requestId] });
    ok(await admin.send(routes.muteRequest, { path: { requestId } }));
    // Nobody of the organisation is mailed now; the agency still is.
    const next = await mailsOf(requestId, 1, () => eva.send(routes.postMessage, { path: { requestId }, body: { body: 'Druhá.' } }));
    expect(next.map(recipientOf)).toEqual([people.admin]);
    ok(await admin.send(routes.unmuteRequest, { path: { requestId } }));
    const third = await mailsOf(requestId, 2, () => eva.send(routes.postMessage, { path: { requestId }, body: { body: 'Třetí.' } }));
    expect(sorted(third.map(recipientOf))).toEqual(sorted([emails.admin, people.admin]));
    // Someone else's request can't be muted (404), a forged link mutes nothing (400).
    const other = (await freshOrganisation('Other')).admin;
    expect((await other.send(routes.muteRequest, { path: { requestId } })).status).toBe(404);
    const forged = unsubscribeUrl.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await fetch(forged, { method: 'POST' })).status).toBe(400);
    const forgedGet = await fetch(forged, { redirect: 'manual' });
    expect(forgedGet.status).toBe(400);
    expect(await forgedGet.json()).toMatchObject({ error: { code: 'validation_failed', details: [{ field: 'path.token', reason: 'is not a link orderdesk made' }] } });
  });

  it('opens the request from a signed link without a login, read-only, and refuses a forged or misused one', async () => {
    const { requestId, emails, admin } = await digimadiRequest('Opened by link');
    const eva = await asDemoUser(people.agent);
    const mails = await mailsOf(requestId, 3, () => eva.send(routes.postMessage, { path: { requestId }, body: { body: 'Odkaz.' } }));
    const toAdmin = mails.find((mail) => recipientOf(mail) === emails.admin.toLowerCase())!;
    const openToken = /\/requests\/[\d-]+\?link=([\w.-]+)/.exec(toAdmin.body.text!)![1]!;
    expect(ok(await anonymous().send(routes.openLink, { path: { token: openToken } }))).toEqual({
      requestId,
      title: 'Opened by link',
      status: 'submitted',
      platform: 'digimadi',
      loginHint: emails.admin.toLowerCase(),
    });
    const muteToken = /unsubscribe\/([\w.-]+)>/.exec(header(toAdmin, 'List-Unsubscribe')!)![1]!;
    expect(await anonymous().send(routes.openLink, { path: { token: muteToken } })).toMatchObject({ status: 400, error: { details: [{ field: 'path.token' }] } });
    const [payload, signature] = openToken.split('.');
    const otherRequest = Buffer.from(Buffer.from(payload!, 'base64url').toString().replace(requestId, '2026-0001')).toString('base64url');
    expect((await anonymous().send(routes.openLink, { path: { token: `${otherRequest}.${signature}` } })).status).toBe(400);
    expect(ok(await admin.send(routes.getPreferences)).language).toBe('cs');
  });

  it('limits a person’s mail to their own requests when they choose so', async () => {
    const { requestId, emails, admin } = await digimadiRequest('Own only');
    const eva = await asDemoUser(people.agent);
    expect(ok(await admin.send(routes.updatePreferences, { body: { mailScope: 'own' } }))).toMatchObject({ mailScope: 'own' });
    const mails = await mailsOf(requestId, 2, () => eva.send(routes.postMessage, { path: { requestId }, body: { body: 'Jen vlastní.' } }));
    expect(sorted(mails.map(recipientOf))).toEqual(sorted([emails.member, people.admin]));
    expect(await admin.send(routes.updatePreferences, { body: {} })).toMatchObject({ status: 400 });
    const german = await admin.raw('PATCH', '/me/preferences', { body: { language: 'de' } });
    expect(german).toMatchObject({ status: 400, body: { error: { details: [{ field: 'body.language' }] } } });
  });
});

describe('Cognito’s mails', () => {
  it('writes the invitation of a new person through the custom-message trigger, in the brand of the request they were invited to', async () => {
    const { requestId, admin } = await digimadiRequest('Invitation mail');
    const invitee = `cognito.${randomUUID().slice(0, 8)}@partner.example`;
    expect((await admin.send(routes.inviteParticipant, { path: { requestId }, body: { email: invitee, name: 'Iva Invited' } })).status).toBe(201);
    // cognito-local sends no mail: it logs each message as the trigger wrote it.
    const log = path.join(inject('stack').dataDir, 'logs', 'cognito.log');
    const until = Date.now() + 15_000;
    let delivery = '';
    while (Date.now() < until) {
      const text = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
      const at = text.indexOf(`Destination:   ${invitee}`);
      if (at >= 0) {
        delivery = text.slice(at, at + 20_000);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(delivery, 'the invitation in cognito.log').not.toBe('');
    expect(delivery).toMatch(/Email Subject:\s+\S/);
    expect(delivery).toContain('Digimadi');
    expect(delivery).toContain(requestId);
    // Cognito put the login and the temporary password in place of the template's placeholders.
    expect(delivery).toContain(invitee);
    expect(delivery).not.toContain('{####}');
  });
});
