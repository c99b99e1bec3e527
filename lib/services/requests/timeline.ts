import { actorStamp, type Actor } from '../../domain/actor.js';
import type { TimelineEntry } from '../../domain/timeline-entry.js';
import type { ServiceDeps } from '../ports/deps.js';

/**
 * A timeline entry by `actor` (a person or a part of the system), stamped with the time, a fresh
 * id and the correlation id of the action that writes it (an API call's request id, the
 * workflow's execution): the notifier names it with every mail the entry makes.
 */
export const newEntry = (
  deps: Pick<ServiceDeps, 'newId' | 'correlationId'>,
  actor: Actor,
  requestId: string,
  createdAt: string,
  fields: Pick<TimelineEntry, 'kind'> & Partial<Omit<TimelineEntry, 'kind' | 'actorType' | 'actorId' | 'actorName' | 'actorRole'>>,
): TimelineEntry => {
  const correlationId = deps.correlationId();
  return {
    entryId: deps.newId(),
    requestId,
    visibility: 'all',
    ...actorStamp(actor),
    createdAt,
    ...fields,
    ...(correlationId ? { correlationId } : {}),
  };
};
