import * as z from 'zod';
import { OpenOffer } from './orders/offer.js';
import { Platform } from './platform.js';
import { requestStatuses, requestTypes } from './request-kinds.js';

/** What a client files (seed: inquiry, malfunction/complaint, pre-authorised work). */
export const RequestType = z.enum(requestTypes);
export type RequestType = z.infer<typeof RequestType>;

/** Every status of the request lifecycle (docs/domain.md, "The request lifecycle"). */
export const RequestStatus = z.enum(requestStatuses);
export type RequestStatus = z.infer<typeof RequestStatus>;

/** Human number, also the request's id: year and a per-year sequence, e.g. `2026-0042`. */
export const RequestId = z.string().regex(/^\d{4}-\d{4,6}$/, 'must be a request number like 2026-0042');
export const formatRequestNumber = (year: number, sequence: number): string => `${year}-${String(sequence).padStart(4, '0')}`;

export const Request = z.object({
  requestId: RequestId,
  orgId: z.string(),
  type: RequestType,
  title: z.string(),
  description: z.string(),
  projectRef: z.string().optional(),
  platform: Platform,
  status: RequestStatus,
  /** Bumped by every write that changes the request; writes are conditional on it. */
  version: z.number().int().positive(),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Its fractional-indexing key in its client's queue (see ranking.ts); absent once it leaves the queue. */
  rank: z.string().optional(),
  /** The agency person working on it, if someone was assigned. */
  assigneeId: z.string().optional().describe('The agency person assigned to it'),
  /** When it last became ready work (queued, or straight to work for a fix, or changes requested). */
  readyAt: z.iso.datetime().optional().describe('When it last became ready work for the agency'),
  round: z.number().int().positive().optional().describe('Handovers for review so far: the current or last review round'),
  reviewDeadline: z.iso.datetime().optional().describe('While in review: when the review window ends (23:59:59 Prague, 7 calendar days after the handover); no answer by then is a deemed acceptance'),
  reopenUntil: z.iso.datetime().optional().describe('While answered: until when the client may reopen it; after that it closes by itself'),
  /**
   * While quoted: the open offer's facts that a decision on it depends on (see `OpenOffer`).
   * Storage, not shown: `allowedActions` says what they allow. Requests quoted before it was kept
   * have none; their offers are read instead.
   */
  openOffer: OpenOffer.optional(),
});
export type Request = z.infer<typeof Request>;

/** An update replaces a request by its next version: the same id, a higher version (a store refuses anything else as a bug). */
export const checkNextVersion = (before: Request, after: Request): void => {
  if (after.requestId !== before.requestId || after.version <= before.version) {
    throw new Error(`an update of request ${before.requestId} must keep its id and raise its version`);
  }
};

/** Folds case and diacritics so that "oprava" finds "Oprava přihlášení". */
export const searchText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
