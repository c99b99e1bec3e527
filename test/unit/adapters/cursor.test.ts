import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../lib/adapters/dynamodb/cursor.js';
import { ValidationError } from '../../../lib/domain/errors.js';

describe('page cursors', () => {
  it('round-trips a position', () => {
    const position = { pk: 'REQ#2026-0001', sk: 'REQ', gsi1sk: '2026-11-24T10:00:00.000Z#2026-0001' };
    expect(decodeCursor(encodeCursor(position), ['pk', 'sk', 'gsi1sk'])).toEqual(position);
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['JSON that is not a position', Buffer.from('[1,2]').toString('base64url')],
    ['a cursor of another list', encodeCursor({ sk: 'TL#x' })],
    ['a cursor that tries to choose the partition', encodeCursor({ pk: 'a', sk: 'b', gsi1sk: 'c', gsi1pk: 'ORG#other#REQ' })],
  ])('refuses %s with a 400 on query.cursor', (_what, cursor) => {
    expect(() => decodeCursor(cursor, ['pk', 'sk', 'gsi1sk'])).toThrow(ValidationError);
    try {
      decodeCursor(cursor, ['pk', 'sk', 'gsi1sk']);
    } catch (error) {
      expect((error as ValidationError).problems[0]?.field).toBe('query.cursor');
    }
  });
});
