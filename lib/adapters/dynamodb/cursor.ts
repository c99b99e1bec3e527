import * as z from 'zod';
import { ValidationError } from '../../domain/errors.js';

/**
 * Opaque page cursors. Only the sort position travels to the client; the partition is always set
 * by the server from the caller's scope, so a crafted cursor can't reach another partition.
 */
const Position = z.record(z.string(), z.string());

export const encodeCursor = (position: Record<string, string>): string => Buffer.from(JSON.stringify(position)).toString('base64url');

export const decodeCursor = (cursor: string, expectedKeys: readonly string[]): Record<string, string> => {
  try {
    const position = Position.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (Object.keys(position).sort().join() !== [...expectedKeys].sort().join()) throw new Error('foreign cursor');
    return position;
  } catch (cause) {
    throw new ValidationError([{ field: 'query.cursor', reason: 'is not a cursor this list gave out' }], { cause });
  }
};
