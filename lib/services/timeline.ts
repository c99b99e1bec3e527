import type { AccessLevel } from '../domain/access.js';
import { actingRole } from '../domain/access.js';
import type { User } from '../domain/user.js';
import type { ServiceDeps } from './deps.js';
import type { TimelineEntry } from './ports.js';

/** A timeline entry by `user`, stamped with the time and a fresh id. */
export const newEntry = (
  deps: Pick<ServiceDeps, 'newId'>,
  user: User,
  level: Exclude<AccessLevel, 'none'>,
  requestId: string,
  createdAt: string,
  fields: Pick<TimelineEntry, 'kind'> & Partial<Omit<TimelineEntry, 'kind'>>,
): TimelineEntry => ({
  entryId: deps.newId(),
  requestId,
  visibility: 'all',
  actorId: user.userId,
  actorName: user.name,
  actorRole: actingRole(level, user),
  createdAt,
  ...fields,
});
