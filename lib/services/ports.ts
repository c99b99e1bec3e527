import * as z from 'zod';
import type { Organisation, OrganisationSettings } from '../domain/organisation.js';
import type { RankChange, Ranked } from '../domain/ranking.js';
import type { Request, RequestStatus, RequestType } from '../domain/request.js';
import type { User } from '../domain/user.js';

/** The ports the services need; adapters in lib/adapters implement them. No SDK types here; the
 * stored entities are zod schemas, so adapters check what they read back with the same definition. */

export const Visibility = z.enum(['all', 'agency']).describe('`agency`: internal, never shown to clients or participants');
export type Visibility = z.infer<typeof Visibility>;

/** An entry of a request's timeline: a message, an internal note, or any other activity. Every
 * change writes one in the same transaction as the change; the notifier consumes them. */
export const TimelineEntry = z.object({
  entryId: z.string(),
  requestId: z.string(),
  kind: z.enum([
    'request_created',
    'status_changed',
    'message',
    'internal_note',
    'attachment_added',
    'participant_invited',
    'participant_removed',
    'rank_changed',
    'assignee_changed',
  ]),
  visibility: Visibility,
  actorId: z.string(),
  actorName: z.string(),
  actorRole: z.string(),
  createdAt: z.iso.datetime(),
  body: z.string().optional().describe('As written (plain text or Markdown); render it safely'),
  format: z.enum(['text', 'markdown']).optional(),
  attachmentIds: z.array(z.string()).optional(),
  /** Before/after and other facts of the change, e.g. `{ from: 'submitted', to: 'cancelled' }`. */
  details: z.record(z.string(), z.string()).optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const Attachment = z.object({
  attachmentId: z.string(),
  requestId: z.string(),
  orgId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  key: z.string(),
  status: z.enum(['pending', 'uploaded']),
  visibility: Visibility,
  uploadedBy: z.string(),
  createdAt: z.iso.datetime(),
  /** Epoch seconds after which a pending upload is void (and TTL may remove it). */
  expiresAt: z.number().optional(),
});
export type Attachment = z.infer<typeof Attachment>;

export const Participant = z.object({
  requestId: z.string(),
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  invitedBy: z.string(),
  invitedAt: z.iso.datetime(),
});
export type Participant = z.infer<typeof Participant>;

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

export interface RequestStore {
  nextSequence(year: number): Promise<number>;
  organisationExists(orgId: string): Promise<boolean>;
  getRequest(requestId: string): Promise<Request | undefined>;
  isParticipant(requestId: string, userId: string): Promise<boolean>;
  createRequest(request: Request, entry: TimelineEntry, idempotency?: Idempotency & { answer: unknown }): Promise<void>;
  /** Conditional on the status and version read: a lost race is a ConflictError. */
  changeStatus(request: Request, to: RequestStatus, updatedAt: string, entry: TimelineEntry): Promise<Request>;
  listRequests(scope: ListScope, filter: RequestFilter, limit: number, cursor?: string): Promise<Page<Request>>;
  /** Conditional on the assignee read and on the request not being finished. */
  assign(request: Request, assigneeId: string | undefined, entry: TimelineEntry): Promise<Request>;
  /** Fails with NotFoundError if an attachment is not an uploaded one of this request. */
  addEntry(entry: TimelineEntry, idempotency?: Idempotency & { answer: unknown }): Promise<void>;
  listTimeline(requestId: string, includeAgencyOnly: boolean, limit: number, cursor?: string): Promise<Page<TimelineEntry>>;
  /** The first page of a timeline and the request itself, read together (one Query of the request's item collection). */
  openTimeline(requestId: string, includeAgencyOnly: boolean, limit: number): Promise<Page<TimelineEntry> & { request?: Request }>;
  findIdempotentAnswer(recordId: string, now: Date): Promise<IdempotentAnswer | undefined>;
  putAttachment(attachment: Attachment): Promise<void>;
  getAttachment(requestId: string, attachmentId: string): Promise<Attachment | undefined>;
  confirmAttachment(attachment: Attachment, now: Date, entry: TimelineEntry): Promise<Attachment>;
  listAttachments(requestId: string): Promise<Attachment[]>;
  addParticipant(participant: Participant, entry: TimelineEntry): Promise<void>;
  listParticipants(requestId: string): Promise<Participant[]>;
  removeParticipant(requestId: string, userId: string, entry: TimelineEntry): Promise<void>;
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
  /** Writes new ranks and their activity entries in one transaction. Each change is conditional
   * on the request still being in this queue with the rank read: a lost race is a ConflictError. */
  applyRanks(orgId: string, changes: readonly RankChange[], entries: readonly TimelineEntry[]): Promise<void>;
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

export interface UserInvitations {
  /** Creates the login (an invitation mail goes out) and the user item of a new participant. */
  inviteNewUser(email: string, name: string, now: Date): Promise<User>;
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
}

/** Thrown by a store when a concurrent call with the same Idempotency-Key won the write; the
 * service then replays the winner's answer. */
export class IdempotencyRace extends Error {
  override readonly name = 'IdempotencyRace';
}
