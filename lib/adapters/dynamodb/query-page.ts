import { QueryCommand, type DocumentClient, type QueryCommandInput } from './document-client.js';
import type { Page } from '../../services/ports/common.js';
import { readListed, type RawItem } from './stored-items.js';

export interface PageRead<T> {
  input: QueryCommandInput;
  limit: number;
  /** Parses a stored item; undefined leaves it out (e.g. filtered after reading). */
  parse: (item: RawItem) => T | undefined;
  /** The cursor that continues after this item. */
  cursorAfter: (item: T) => string;
  start?: Record<string, unknown>;
  /** Items the Query also returns that `parse` leaves out on purpose (the parent of a collection), to ask for them too. */
  besides?: number;
}

/**
 * One page of a Query: `limit` items and a cursor when more follow, or the rest without one, so a
 * page is always full or the last. It asks for `limit + 1` items, which is one Query whenever no
 * filter drops items; a filter that does makes it read on from where DynamoDB stopped.
 */
export const queryPage = async <T>(client: DocumentClient, read: PageRead<T>): Promise<Page<T>> => {
  const items: T[] = [];
  const parse = readListed(read.parse);
  const wanted = read.limit + 1;
  let start = read.start;
  do {
    const missing = wanted - items.length;
    // Past the first Query only a filter can have dropped items: ask for more than the gap, since it may drop again.
    const askFor = start === read.start ? missing + (read.besides ?? 0) : Math.max(missing, 25);
    const page = await client.send(new QueryCommand({ ...read.input, ExclusiveStartKey: start, Limit: askFor }));
    for (const raw of page.Items ?? []) {
      const item = parse(raw);
      if (item !== undefined) items.push(item);
      if (items.length === wanted) return { items: items.slice(0, read.limit), nextCursor: read.cursorAfter(items[read.limit - 1]!) };
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return { items };
};
