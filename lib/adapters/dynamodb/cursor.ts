import * as z from 'zod';
import { ValidationError } from '../../domain/errors.js';

/**
 * Opaque page cursors, one codec per list. A cursor holds the list's name and the position of the
 * last item given out, in the list's own terms (a time and an id, say), never table keys: the
 * store rebuilds the start key from a checked position and always sets the partition itself from
 * the caller's scope. So a forged cursor, or one of another list, is a 400 naming `cursor`, and
 * no cursor can reach another partition.
 */
export interface CursorCodec<P> {
  encode(position: P): string;
  decode(cursor: string): P;
}

const Envelope = z.strictObject({ list: z.string(), at: z.unknown() });

const refused = (cause: unknown) => new ValidationError([{ field: 'query.cursor', reason: 'is not a cursor this list gave out' }], { cause });

/** `position` should be a strict object, so nothing but the position travels. */
export const cursorCodec = <S extends z.ZodObject>(list: string, position: S): CursorCodec<z.output<S>> => ({
  encode: (at) => Buffer.from(JSON.stringify({ list, at })).toString('base64url'),
  decode: (cursor) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch (cause) {
      throw refused(cause);
    }
    const envelope = Envelope.safeParse(parsed);
    if (!envelope.success || envelope.data.list !== list) throw refused(envelope.error ?? new Error(`a cursor of another list`));
    const at = position.safeParse(envelope.data.at);
    if (!at.success) throw refused(at.error);
    return at.data;
  },
});

/** Position parts, strict enough that a checked position always makes a valid key. */
export const CursorTime = z.iso.datetime();
export const CursorId = z.string().regex(/^[\w-]{1,64}$/);
export const CursorRank = z.string().regex(/^[0-9A-Za-z]{1,64}$/);
