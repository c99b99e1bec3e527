import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { dynamoMailRecordStore } from '../../lib/adapters/dynamodb/mail-record-store.js';
import { ConflictError } from '../../lib/domain/errors.js';
import { claimLeaseMs } from '../../lib/domain/mail/mail-record.js';
import type { NewMailRecord } from '../../lib/services/ports/mail.js';
import { documents } from '../support/fresh-organisation.js';

const store = () => dynamoMailRecordStore(documents(), () => inject('stack').tableName);

const newMail = (): NewMailRecord => ({
  group: `entry#2099-0001#${randomUUID()}`,
  recipientId: randomUUID(),
  email: 'someone@example.cz',
  requestId: '2099-0001',
  entryId: randomUUID(),
  entryCreatedAt: '2026-11-25T10:00:00.000Z',
});

describe('mail records in DynamoDB Local', () => {
  it('lets one sender claim a mail: a second claim meanwhile is busy, and after the send it is done', async () => {
    const deliveries = store();
    const mail = newMail();
    const now = new Date();
    expect(await deliveries.claim(mail, 'first', now)).toBe('claimed');
    expect(await deliveries.claim(mail, 'second', now)).toBe('busy');
    await deliveries.sent(mail, 'first', { messageId: 'ses-1', at: now.toISOString(), attempts: 1 });
    expect(await deliveries.claim(mail, 'third', now)).toBe('done');
    expect(await deliveries.get(mail)).toMatchObject({ state: 'sent', messageId: 'ses-1', attempts: 1 });
  });

  it('lets a retry take over a claim its sender left longer than the lease, and refuses the old sender’s outcome then', async () => {
    const deliveries = store();
    const mail = newMail();
    const then = new Date(Date.now() - claimLeaseMs - 1000);
    expect(await deliveries.claim(mail, 'died', then)).toBe('claimed');
    expect(await deliveries.claim(mail, 'retry', new Date())).toBe('claimed');
    await expect(deliveries.sent(mail, 'died', { messageId: 'ses-late', at: new Date().toISOString(), attempts: 1 })).rejects.toBeInstanceOf(ConflictError);
    await deliveries.sent(mail, 'retry', { messageId: 'ses-2', at: new Date().toISOString(), attempts: 1 });
    expect(await deliveries.get(mail)).toMatchObject({ state: 'sent', messageId: 'ses-2' });
  });

  it('parks a mail, lists it, takes it back once to send again, and a sent one leaves the list', async () => {
    const deliveries = store();
    const mail = newMail();
    const at = new Date().toISOString();
    await deliveries.claim(mail, 'a', new Date());
    await deliveries.park(mail, 'a', { error: 'ServiceUnavailable', at, attempts: 4 });
    expect(await deliveries.claim(mail, 'b', new Date())).toBe('done');
    const listed = async () => {
      const found = [];
      let cursor: string | undefined;
      do {
        const page = await deliveries.listParked(100, cursor);
        found.push(...page.items.filter((item) => item.group === mail.group));
        cursor = page.nextCursor;
      } while (cursor);
      return found;
    };
    expect(await listed()).toEqual([expect.objectContaining({ state: 'parked', error: 'ServiceUnavailable', attempts: 4 })]);
    await deliveries.claimParked(mail, 'c', new Date());
    await expect(deliveries.claimParked(mail, 'd', new Date())).rejects.toBeInstanceOf(ConflictError);
    await deliveries.sent(mail, 'c', { messageId: 'ses-3', at, attempts: 5 });
    expect(await listed()).toEqual([]);
    const sent = await deliveries.get(mail);
    expect(sent).toMatchObject({ state: 'sent', messageId: 'ses-3', attempts: 5 });
    expect(sent).not.toHaveProperty('error');
  });

  it('records a suppressed address once, and never over a mail record that exists', async () => {
    const deliveries = store();
    const mail = newMail();
    await deliveries.suppressed(mail, new Date().toISOString());
    await deliveries.suppressed(mail, new Date().toISOString());
    expect(await deliveries.get(mail)).toMatchObject({ state: 'suppressed' });
    expect(await deliveries.claim(mail, 'x', new Date())).toBe('done');
  });
});
