import type { Platform } from '../domain/platform.js';
import type { RequestStatus } from '../domain/request.js';
import type { TimelineEntry } from '../domain/timeline-entry.js';
import type { Brand } from './brands.js';
import type { Language } from './i18n.js';

/** Everything one notification mail is made of; the notifier builds it per recipient. */
export interface MailContext {
  entry: TimelineEntry;
  request: { requestId: string; title: string; status: RequestStatus; platform: Platform };
  recipient: { name: string; language: Language };
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
