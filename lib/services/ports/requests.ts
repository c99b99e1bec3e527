import type { Page, Write } from './common.js';
import type { Attachment, ScanVerdict } from '../../domain/attachment.js';
import type { RankChange, Ranked } from '../../domain/ranking.js';
import type { Request, RequestStatus, RequestType } from '../../domain/request.js';
import type { Participant } from '../../domain/participant.js';
import type { TimelineEntry } from '../../domain/timeline-entry.js';

/** The ports of requests, their timelines, files, participants and queues. */

export interface RequestFilter {
  status?: RequestStatus;
  type?: RequestType;
  /** Folded (see `searchText`) text that the title must contain. */
  titleContains?: string;
}

export type ListScope = { kind: 'org'; orgId: string } | { kind: 'all' } | { kind: 'invited'; userId: string };

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
  /** The same, and the file was scanned `clean` (404 if not uploaded, 409 if not clean): what people may cite. */
  mustBeClean(requestId: string, attachmentId: string): Write;
  /** The scanner's verdict on a file at its key (confirmed, or being confirmed), only while its scan is still pending (409 otherwise: a verdict replayed). */
  recordScan(attachment: Attachment, verdict: ScanVerdict, threat?: string): Write;
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
