import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { CursorId, CursorTime, cursorCodec } from '../../../lib/adapters/dynamodb/cursor.js';
import { ValidationError } from '../../../lib/domain/errors.js';

const timeline = cursorCodec('timeline', z.strictObject({ createdAt: CursorTime, entryId: CursorId }));
const requests = cursorCodec('requests', z.strictObject({ createdAt: CursorTime, requestId: z.string().regex(/^\d{4}-\d{4,6}$/) }));
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const refusal = (decode: () => unknown) => {
  try {
    decode();
  } catch (error) {
    return error instanceof ValidationError ? error.problems : error;
  }
  return 'accepted';
};

describe('page cursors', () => {
  it('round-trips a position', () => {
    const position = { createdAt: '2026-11-24T10:00:00.000Z', entryId: '6f1c8a53-1d0e-4c6e-9a57-2b1f3c9d7e10' };
    expect(timeline.decode(timeline.encode(position))).toEqual(position);
  });

  it('is opaque: it carries no table keys', () => {
    const cursor = requests.encode({ createdAt: '2026-11-24T10:00:00.000Z', requestId: '2026-0001' });
    expect(Buffer.from(cursor, 'base64url').toString()).not.toMatch(/REQ#|gsi|"pk"|"sk"/);
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['base64 of something that is not JSON', Buffer.from('{{{').toString('base64url')],
    ['JSON that is not a cursor', raw([1, 2])],
    ['a cursor of another list', requests.encode({ createdAt: '2026-11-24T10:00:00.000Z', requestId: '2026-0001' })],
    ['a position of another shape', raw({ list: 'timeline', at: { sk: 'TL#x' } })],
    ['a position with a forged table key', raw({ list: 'timeline', at: { createdAt: '2026-11-24T10:00:00.000Z', entryId: 'x', pk: 'REQ#2026-0002' } })],
    ['a position that is no valid key part', raw({ list: 'timeline', at: { createdAt: 'yesterday', entryId: '' } })],
    ['an id with key separators', raw({ list: 'timeline', at: { createdAt: '2026-11-24T10:00:00.000Z', entryId: 'a#b' } })],
  ])('refuses %s with a 400 on query.cursor', (_what, cursor) => {
    expect(refusal(() => timeline.decode(cursor))).toEqual([{ field: 'query.cursor', reason: 'is not a cursor this list gave out' }]);
  });
});
