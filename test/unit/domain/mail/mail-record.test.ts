import { describe, expect, it } from 'vitest';
import { mailIdOf, parseMailId } from '../../../../lib/domain/mail/mail-record.js';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('mailIdOf and parseMailId', () => {
  it.each([
    { group: 'entry#2026-0042#entry-0001', recipientId: 'user-jana' },
    { group: 'reorder#org-1#user-jana#2026-11-24T09:05:00.000Z', recipientId: 'user-tomáš' },
  ])('decodes the id of $group back to its record’s key', (key) => {
    const id = mailIdOf(key);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(parseMailId(id)).toEqual(key);
  });

  it('names different records by different ids', () => {
    expect(mailIdOf({ group: 'entry#2026-0042#e-1', recipientId: 'u-1' })).not.toBe(mailIdOf({ group: 'entry#2026-0042#e-1', recipientId: 'u-2' }));
  });

  it.each(['', 'garbage!', 'a b', 'abc=', 'a/b+c', b64('no newline here')])('refuses the non-id %j', (given) => {
    expect(parseMailId(given)).toBeUndefined();
  });

  it('refuses a group that starts with neither entry# nor reorder#', () => {
    expect(parseMailId(b64('user#x\nu-1'))).toBeUndefined();
    expect(parseMailId(b64('entry\nu-1'))).toBeUndefined();
    expect(parseMailId(b64('xentry#2026-0042#e-1\nu-1'))).toBeUndefined();
  });

  it('refuses an empty group or recipient', () => {
    expect(parseMailId(b64('\nu-1'))).toBeUndefined();
    expect(parseMailId(b64('entry#2026-0042#e-1\n'))).toBeUndefined();
  });

  it('refuses extra newline-separated parts', () => {
    expect(parseMailId(b64('entry#2026-0042#e-1\nu-1\nu-2'))).toBeUndefined();
    expect(parseMailId(b64('entry#2026-0042#e-1\nu-1\n'))).toBeUndefined();
  });

  it('refuses over-long input', () => {
    const long = b64(`entry#2026-0042#${'e'.repeat(600)}\nu-1`);
    expect(long.length).toBeGreaterThan(700);
    expect(parseMailId(long)).toBeUndefined();
    const justFits = b64(`entry#2026-0042#${'e'.repeat(500)}\nu-1`);
    expect(justFits.length).toBeLessThanOrEqual(700);
    expect(parseMailId(justFits)).toEqual({ group: `entry#2026-0042#${'e'.repeat(500)}`, recipientId: 'u-1' });
  });
});
