import type { TimelineEntry } from '../../services/ports.js';
import { timelineKey } from './keys.js';
import type { GuardedItem } from './transact.js';

/** The write of a timeline entry, for the transaction of the change it records. */
export const entryPut = (TableName: string, entry: TimelineEntry): GuardedItem => ({
  item: { Put: { TableName, Item: { ...timelineKey(entry.requestId, entry.createdAt, entry.entryId), entity: 'timeline', ...entry } } },
});
