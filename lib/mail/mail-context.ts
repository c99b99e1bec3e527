import type { AccessLevel } from '../domain/access.js';
import type { Platform } from '../domain/platform.js';
import type { RequestStatus } from '../domain/request.js';
import type { TimelineEntry } from '../domain/timeline-entry.js';
import type { Brand } from './brands.js';
import type { Language } from './i18n.js';

/**
 * How the recipient relates to the request (lib/domain/access.ts): the client organisation's
 * admins and members decide for it (its offers, the review of its deliveries, reopening an
 * answer, paying its order); the agency and invited participants are told what happened and who
 * decides. A mail asks a person to do only what they may do.
 */
export type RecipientAccess = Exclude<AccessLevel, 'none'>;

/** Everything one notification mail is made of; the notifier builds it per recipient. */
export interface MailContext {
  /** The entry as the recipient sees it on the timeline (the notifier's `toTimelineEntryView`). */
  entry: TimelineEntry;
  request: { requestId: string; title: string; status: RequestStatus; platform: Platform };
  recipient: {
    name: string;
    language: Language;
    access: RecipientAccess;
    /** Whether they may accept an offer: the organisation's admins, its members when it allows them (`mayAcceptOffers`). */
    mayAcceptOffers: boolean;
  };
  brand: Brand;
  /** Absolute URLs built by the caller; still passed through safeUrl. */
  links: { request: string; unsubscribe: string; preferences: string };
  /** Only for the rank_changed digest: the organisation's queue as it is now, top first (max ~10 shown). */
  queue?: { requestId: string; title: string; position: number }[];
  /** For rank_changed: how many requests the reorder moved. */
  moved?: number;
  orgName?: string;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  preheader: string;
}
