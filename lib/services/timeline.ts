import { actorStamp, type Actor } from '../domain/actor.js';
import type { TimelineEntry } from '../domain/timeline-entry.js';
import type { ServiceDeps } from './deps.js';

/** A timeline entry by `actor` (a person or a part of the system), stamped with the time and a fresh id. */
export const newEntry = (
  deps: Pick<ServiceDeps, 'newId'>,
  actor: Actor,
  requestId: string,
  createdAt: string,
  fields: Pick<TimelineEntry, 'kind'> & Partial<Omit<TimelineEntry, 'kind' | 'actorType' | 'actorId' | 'actorName' | 'actorRole'>>,
): TimelineEntry => ({
  entryId: deps.newId(),
  requestId,
  visibility: 'all',
  ...actorStamp(actor),
  createdAt,
  ...fields,
});
