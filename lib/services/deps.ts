import type { CallerContextReader, FileStore, OrganisationStore, QueueStore, RequestStore, UserInvitations, UserLookup } from './ports.js';

/** What the request services are given. Time and ids come in from outside, so tests fix them. */
export interface ServiceDeps {
  requests: RequestStore;
  queues: QueueStore;
  organisations: OrganisationStore;
  users: UserLookup;
  callers: CallerContextReader;
  now: () => Date;
  newId: () => string;
}

export interface FileServiceDeps extends ServiceDeps {
  files: FileStore;
}

export interface InviteDeps extends ServiceDeps {
  invitations: UserInvitations;
}

/** Who calls: the verified token's subject. */
export interface Caller {
  userId: string;
}
