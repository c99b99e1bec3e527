import type { Attachment } from '../../domain/attachment.js';
import type { Organisation, OrganisationSettings } from '../../domain/organisation.js';
import type { RankChange, Ranked } from '../../domain/ranking.js';
import type { Request, RequestStatus, RequestType } from '../../domain/request.js';
import type { Participant } from '../../domain/participant.js';
import type { TimelineEntry } from '../../domain/timeline-entry.js';
import type { User } from '../../domain/user.js';
import type { Language } from '../../domain/mail/preferences.js';
import type { Platform } from '../../domain/platform.js';

/** The ports the services need; adapters in lib/adapters implement them. No SDK types here; the
 * stored entities are the domain's zod schemas, so adapters check what they read back with them. */

/** A stored answer to replay when a client repeats a call with the same Idempotency-Key. */
export interface IdempotentAnswer {
  fingerprint: string;
  body: unknown;
}

export interface Idempotency {
  /** Scopes the key to a caller and route; a key is never shared between people. */
  recordId: string;
  fingerprint: string;
  /** Epoch seconds. */
  expiresAt: number;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface RequestFilter {
  status?: RequestStatus;
  type?: RequestType;
  /** Folded (see `searchText`) text that the title must contain. */
  titleContains?: string;
}

export type ListScope = { kind: 'org'; orgId: string } | { kind: 'all' } | { kind: 'invited'; userId: string };

/**
 * One conditional write a store prepared (a put, an update, a delete or a condition check), with
 * the domain error its condition stands for. Nothing is written until a unit of work commits it.
 */
export interface Write {
  /** What it writes, for logs: e.g. `request 2026-0042`. */
  readonly label: string;
}

/**
 * Commits the writes of one change together: all or none. A failed condition is the domain
 * error of the first write whose condition failed (a lost race is a ConflictError).
 */
export interface UnitOfWork {
  commit(writes: readonly Write[]): Promise<void>;
}

export interface RequestStore {
  /** The next number of the year's request sequence (an atomic counter, not part of a unit of work). */
  nextSequence(year: number): Promise<number>;
  get(requestId: string): Promise<Request | undefined>;
  list(scope: ListScope, filter: RequestFilter, limit: number, cursor?: string): Promise<Page<Request>>;
  /** A new request; its number must be free. */
  create(request: Request): Write;
  /** The change from `before` (as read) to `after` (as the domain decided), conditional on the version read. */
  update(before: Request, after: Request): Write;
  /** Nothing written: the change only happens if the request exists (404 otherwise). */
  mustExist(requestId: string): Write;
  /** Nothing written: the change only happens while the request has this status (409 otherwise). */
  /** A condition: the request is in one of `statuses`. */
  mustHaveStatus(requestId: string, statuses: readonly RequestStatus[]): Write;
}

export interface TimelineStore {
  append(entry: TimelineEntry): Write;
  /** One entry by its key parts (a mail record names its entry so). */
  get(requestId: string, createdAt: string, entryId: string): Promise<TimelineEntry | undefined>;
  page(requestId: string, includeAgencyOnly: boolean, limit: number, cursor?: string): Promise<Page<TimelineEntry>>;
  /** The first page of a timeline and the request itself, read together (one Query of the request's item collection). */
  open(requestId: string, includeAgencyOnly: boolean, limit: number): Promise<Page<TimelineEntry> & { request?: Request }>;
}

export interface AttachmentStore {
  get(requestId: string, attachmentId: string): Promise<Attachment | undefined>;
  list(requestId: string): Promise<Attachment[]>;
  announce(attachment: Attachment): Write;
  /** `before` pending and not expired at `now` becomes `after` (409 otherwise). */
  confirm(before: Attachment, after: Attachment, now: Date): Write;
  /** Nothing written: the change only happens if the attachment is an uploaded one of the request (404 otherwise). */
  mustBeUploaded(requestId: string, attachmentId: string): Write;
}

export interface ParticipantStore {
  isParticipant(requestId: string, userId: string): Promise<boolean>;
  get(requestId: string, userId: string): Promise<Participant | undefined>;
  list(requestId: string): Promise<Participant[]>;
  /** 409 if they were invited already. */
  add(participant: Participant): Write;
  /** 404 if they were not invited. */
  remove(requestId: string, userId: string): Write;
}

export interface IdempotencyStore {
  find(recordId: string, now: Date): Promise<IdempotentAnswer | undefined>;
  /** The answer to replay; a concurrent call that recorded first makes the commit throw IdempotencyRace. */
  record(idempotency: Idempotency, answer: unknown, now: Date): Write;
}

/** A request in a queue always has its rank. */
export type QueuedRequest = Request & { rank: string };
/** Ready work always knows when it became ready. */
export type ReadyRequest = QueuedRequest & { readyAt: string };

/** Where a request goes: right before or after a request of the queue (as read), or at an end. */
export type QueueGap = { before: Ranked } | { after: Ranked } | { to: 'top' | 'bottom' };

/** The requests on both sides of a gap, nearest first, and past them the next ones (the bounds of a plan), if any. */
export interface QueueSurroundings {
  before: Ranked[];
  after: Ranked[];
  beyondBefore?: Ranked;
  beyondAfter?: Ranked;
}

/** The client queues and the agency's work queue; each read is one Query of an index. */
export interface QueueStore {
  /** A page of an organisation's active requests in rank order; `offset` is how many come before it. */
  clientQueuePage(orgId: string, limit: number, cursor?: string): Promise<Page<QueuedRequest> & { offset: number }>;
  /** The first `max` requests of an organisation's queue, in rank order. */
  clientQueue(orgId: string, max: number): Promise<QueuedRequest[]>;
  /** Every request id and rank of a queue (keys only, small even for thousands). */
  queueRanks(orgId: string): Promise<Ranked[]>;
  /** Up to `count` requests on each side of a gap, leaving out `excluding`: a move reads only these. */
  surroundings(orgId: string, gap: QueueGap, count: number, excluding: string): Promise<QueueSurroundings>;
  /** The rank of the last request in an organisation's queue, for appending a new one. */
  lastRank(orgId: string): Promise<string | undefined>;
  /** Ready work of every organisation, in no particular order (the policy orders it). */
  workQueue(): Promise<ReadyRequest[]>;
  /** A new rank, conditional on the request still being in this queue with the rank read: a lost race is a ConflictError. */
  rerank(orgId: string, change: RankChange): Write;
}

export interface OrganisationStore {
  getOrganisation(orgId: string): Promise<Organisation | undefined>;
  /** Conditional on the organisation as read: a concurrent change is a ConflictError. */
  updateSettings(organisation: Organisation, settings: Partial<OrganisationSettings>, updatedAt: string): Promise<Organisation>;
}

export interface UserLookup {
  getUser(userId: string): Promise<User | undefined>;
  findByEmail(email: string): Promise<User | undefined>;
}

/** The caller's user item and what their call is about, as read together. */
export interface CallerContext {
  user?: User;
  request?: Request;
  /** Whether the caller is invited to `request` (false when no request was asked for). */
  isParticipant: boolean;
  organisation?: Organisation;
}

/**
 * Reads what a call needs to decide access in one round trip: the caller's user item with the
 * request (and the caller's invitation to it) or the organisation the call names. The user item
 * may be one this process read a few seconds ago (role and organisation changes take effect
 * within seconds); the request, the invitation and the organisation are always read.
 */
export interface CallerContextReader {
  read(userId: string, about: { requestId?: string; orgId?: string }): Promise<CallerContext>;
  /**
   * The caller's user item as last read by this process, possibly stale. A hint of what the call
   * will need, so that a read can start alongside the caller's; never a grant of anything.
   */
  recent(userId: string): User | undefined;
}

/** What the invitation mail says: the request, in its platform's brand and the inviter's language. */
export interface InvitationContext {
  requestId: string;
  requestTitle: string;
  platform: Platform;
  language: Language;
}

export interface UserInvitations {
  /** Creates the login (an invitation mail goes out, written for `to`) and the user item of a new participant. */
  inviteNewUser(email: string, name: string, now: Date, to: InvitationContext): Promise<User>;
}

/** What S3 holds at a key. */
export interface StoredFile {
  size: number;
  contentType?: string;
  /** Changes whenever the object is replaced. */
  etag: string;
}

export interface FileStore {
  /** A presigned POST bound to the key, the exact size and the content type. */
  presignUpload(key: string, contentType: string, size: number, expiresInSeconds: number): Promise<{ url: string; fields: Record<string, string> }>;
  /** What S3 holds at the key, if anything. */
  describe(key: string): Promise<StoredFile | undefined>;
  /** Copies `from` to `to` only while `from` still has `etag` and nothing is at `to` yet (one
   * conditional S3 copy); false when either condition failed and nothing was copied. */
  copyOnce(from: string, to: string, etag: string): Promise<boolean>;
  /** Removes the object if it can; a failure is logged, not thrown (a lifecycle rule sweeps up). */
  discard(key: string): Promise<void>;
  presignDownload(key: string, fileName: string, expiresInSeconds: number): Promise<string>;
  /** Stores a file the system made (an order's PDF), replacing what was there. */
  put(key: string, content: Uint8Array, contentType: string): Promise<void>;
}

/** Thrown by a store when a concurrent call with the same Idempotency-Key won the write; the
 * service then replays the winner's answer. */
export class IdempotencyRace extends Error {
  override readonly name = 'IdempotencyRace';
}
