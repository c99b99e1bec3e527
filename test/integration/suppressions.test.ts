import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { PutCommand } from '../../lib/adapters/dynamodb/document-client.js';
import { suppressionKey } from '../../lib/adapters/dynamodb/keys.js';
import { dynamoMailPeopleStore } from '../../lib/adapters/dynamodb/mail-people-store.js';
import { routes } from '../../lib/http/routes.js';
import { functions } from '../../lib/lambda/table.js';
import { asDemoUser, ok, people } from '../support/api-client.js';
import { documents, freshOrganisation } from '../support/fresh-organisation.js';
import { invoke } from '../support/invoke.js';

/** The agency's list of addresses orderdesk no longer mails (bounced or complained), as SES's events make it. */

/** Addresses of their own per test: the list is one for the whole stack, and other tests suppress addresses too. */
const addresses = (count: number) => {
  const tag = `sup${randomUUID().slice(0, 8)}`;
  return { tag, emails: Array.from({ length: count }, (_, i) => `person${i}.${tag}@Bounce.Example`) };
};

const sesEvent = (eventType: 'Bounce' | 'Complaint', email: string) => ({
  source: 'aws.ses' as const,
  'detail-type': eventType === 'Bounce' ? 'Email Bounced' : 'Email Complaint Received',
  time: new Date().toISOString(),
  detail: {
    eventType,
    mail: { messageId: `ses-${randomUUID()}`, timestamp: new Date().toISOString() },
    ...(eventType === 'Bounce'
      ? { bounce: { bounceType: 'Permanent' as const, bounceSubType: 'General', bouncedRecipients: [{ emailAddress: email, diagnosticCode: 'smtp; 550 5.1.1 user unknown' }] } }
      : { complaint: { complainedRecipients: [{ emailAddress: email }], complaintFeedbackType: 'abuse' } }),
  },
});

const suppress = async (eventType: 'Bounce' | 'Complaint', email: string) => {
  expect(await invoke(functions.recordMailEvent, sesEvent(eventType, email))).toMatchObject({ status: 200, result: { suppressed: [email.toLowerCase()] } });
};

describe('the suppressed addresses', () => {
  it('lists bounced and complained addresses newest first, with why, when and what SES said, to agency staff only', async () => {
    const { tag, emails } = addresses(2);
    await suppress('Bounce', emails[0]!);
    await suppress('Complaint', emails[1]!);
    const eva = await asDemoUser(people.agent);
    const listed = ok(await eva.send(routes.listSuppressions, { query: { q: tag } }));
    expect(listed.nextCursor).toBeUndefined();
    expect(listed.items).toEqual([
      { email: emails[1]!.toLowerCase(), reason: 'complaint', at: expect.any(String), detail: 'abuse' },
      { email: emails[0]!.toLowerCase(), reason: 'bounce', at: expect.any(String), detail: 'smtp; 550 5.1.1 user unknown' },
    ]);
    expect(listed.items[0]!.at >= listed.items[1]!.at).toBe(true);
    // Any case: the address is stored in lower case, the query is folded to it.
    expect(ok(await eva.send(routes.listSuppressions, { query: { q: tag.toUpperCase() } })).items).toHaveLength(2);

    const client = await freshOrganisation('Suppressions');
    for (const who of [client.admin, client.member]) expect((await who.send(routes.listSuppressions)).status).toBe(403);
  });

  it('moves an address to the top with its latest reason when it is suppressed again, and drops it once lifted', async () => {
    const { tag, emails } = addresses(2);
    await suppress('Bounce', emails[0]!);
    await suppress('Bounce', emails[1]!);
    await suppress('Complaint', emails[0]!);
    const tomas = await asDemoUser(people.admin);
    const listed = async () => ok(await tomas.send(routes.listSuppressions, { query: { q: tag } })).items.map((item) => [item.email, item.reason]);
    expect(await listed()).toEqual([
      [emails[0]!.toLowerCase(), 'complaint'],
      [emails[1]!.toLowerCase(), 'bounce'],
    ]);
    ok(await tomas.send(routes.liftSuppression, { path: { email: emails[0]! } }));
    expect(await listed()).toEqual([[emails[1]!.toLowerCase(), 'bounce']]);
  });

  it('pages with limit and cursor, full pages then the rest, and refuses a cursor it did not give out', async () => {
    const { tag, emails } = addresses(3);
    for (const email of emails) await suppress('Bounce', email);
    const eva = await asDemoUser(people.agent);
    const first = ok(await eva.send(routes.listSuppressions, { query: { q: tag, limit: 2 } }));
    expect(first.items.map((item) => item.email)).toEqual([emails[2]!, emails[1]!].map((email) => email.toLowerCase()));
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = ok(await eva.send(routes.listSuppressions, { query: { q: tag, limit: 2, cursor: first.nextCursor } }));
    expect(second).toEqual({ items: [expect.objectContaining({ email: emails[0]!.toLowerCase() })] });

    const cursorOf = (list: string, at: unknown) => Buffer.from(JSON.stringify({ list, at })).toString('base64url');
    // Another list's, a forged one, and this list's with a position that is not one.
    for (const cursor of [cursorOf('organisations', { name: 'acme', orgId: 'org-acme' }), 'forged', cursorOf('suppressions', { at: 'yesterday', email: 'x' })]) {
      expect(await eva.send(routes.listSuppressions, { query: { cursor } })).toMatchObject({ status: 400, error: { details: [{ field: 'query.cursor' }] } });
    }
  });

  it('keeps a suppression recorded before the list existed working: it still suppresses, and is lifted by its address', async () => {
    const { emails } = addresses(1);
    const email = emails[0]!.toLowerCase();
    const tableName = inject('stack').tableName;
    const client = documents();
    // As the store wrote it before: no listing key.
    await client.send(new PutCommand({ TableName: tableName, Item: { ...suppressionKey(email), entity: 'suppression', email, reason: 'bounce', at: new Date().toISOString() } }));
    const person = { userId: `u-${randomUUID()}`, email, name: 'Old Bounce', role: 'client_member' as const };
    const { suppressed } = await dynamoMailPeopleStore(client, () => tableName).facts('2026-0001', [person]);
    expect(suppressed.get(email)).toMatchObject({ reason: 'bounce' });

    const tomas = await asDemoUser(people.admin);
    expect(ok(await tomas.send(routes.liftSuppression, { path: { email } }))).toMatchObject({ email, reason: 'bounce' });
    expect((await dynamoMailPeopleStore(client, () => tableName).facts('2026-0001', [person])).suppressed.size).toBe(0);
  });
});
