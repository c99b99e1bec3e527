import type { InboundOutcome } from '../../domain/mail/inbound-mail.js';
import type { MailRecord } from '../../domain/mail/mail-record.js';
import type { Person } from '../../domain/mail/notification-matrix.js';
import type { MailPreferences } from '../../domain/mail/preferences.js';
import type { Platform } from '../../domain/platform.js';
import type { Page } from './common.js';

/** Why mail to an address is not sent. */
export interface Suppression {
  email: string;
  reason: 'bounce' | 'complaint';
  at: string;
  /** SES's words, e.g. the bounce's diagnostic code. */
  detail?: string;
}

/** The people the notifier may mail and what they chose (one store: the user items and theirs). */
export interface MailPeopleStore {
  orgMembers(orgId: string): Promise<Person[]>;
  agencyStaff(): Promise<Person[]>;
  /** People by id, in one round trip; unknown ids are absent. */
  byIds(userIds: readonly string[]): Promise<Map<string, Person>>;
  /** Who of these muted the request, and which of their addresses are suppressed, in one round trip. */
  facts(requestId: string, people: readonly Person[]): Promise<{ muted: Set<string>; suppressed: Map<string, Suppression> }>;
}

/** A person's own mail settings. */
export interface PreferenceStore {
  preferences(userId: string): Promise<MailPreferences & { mutedRequests: string[] }>;
  /** Conditional on the user existing. */
  update(userId: string, change: Partial<MailPreferences>): Promise<void>;
  mute(userId: string, requestId: string, at: string): Promise<void>;
  unmute(userId: string, requestId: string): Promise<void>;
}

export interface SuppressionStore {
  suppress(suppression: Suppression): Promise<void>;
  /** The suppressed addresses, newest first; `contains`: only addresses with this text (lower case) in them. */
  list(limit: number, cursor?: string, contains?: string): Promise<Page<Suppression>>;
  /** Mails the address again; answers the suppression it lifted, if there was one. */
  lift(email: string): Promise<Suppression | undefined>;
}

/** What a claim found: it is ours now, someone already sent or parked it, or someone is sending it right now. */
export type ClaimResult = 'claimed' | 'done' | 'busy';

export type MailRecordKey = Pick<MailRecord, 'group' | 'recipientId'>;
export type NewMailRecord = Pick<MailRecord, 'group' | 'recipientId' | 'email' | 'requestId' | 'entryId' | 'entryCreatedAt'>;

/** The mail records (see lib/domain/mail/mail-record.ts); every write is conditional. */
export interface MailRecordStore {
  get(key: MailRecordKey): Promise<MailRecord | undefined>;
  /** Takes a new mail, or one whose sender died (its claim older than the lease at `now`). */
  claim(record: NewMailRecord, token: string, now: Date): Promise<ClaimResult>;
  /** Takes a parked mail back to send it again; a ConflictError if it is not parked (any more). */
  claimParked(key: MailRecordKey, token: string, now: Date): Promise<MailRecord>;
  sent(key: MailRecordKey, token: string, outcome: { messageId: string; at: string; attempts: number }): Promise<void>;
  park(key: MailRecordKey, token: string, outcome: { error: string; at: string; attempts: number }): Promise<void>;
  /** Records that the address is suppressed; nothing if the mail has a record already. */
  suppressed(record: NewMailRecord, at: string): Promise<void>;
  listParked(limit: number, cursor?: string): Promise<Page<MailRecord>>;
}

/**
 * The mails sent to one person about one request, by the Message-ID their mailbox saw (`<…>`, as
 * SES wrote it): the next mail to them about it answers the last and refers back to the first.
 */
export interface MailThread {
  first: string;
  /** The last ones, oldest first (at most `threadLength`). */
  recent: string[];
}

/** How many Message-IDs a thread keeps (besides its first). */
export const threadLength = 20;

export interface ThreadStore {
  get(requestId: string, userId: string): Promise<MailThread | undefined>;
  /** Adds a sent mail's Message-ID without a condition (two concurrent appends both land), keeping the last `threadLength`. */
  append(requestId: string, userId: string, messageId: string): Promise<void>;
}

/** A file a mail carries (e.g. an order's PDF). */
export interface MailAttachment {
  fileName: string;
  contentType: string;
  content: Uint8Array;
}

/** A mail ready to go: addresses and headers already checked. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** Where replies go (SES's ReplyToAddresses, so the `Reply-To` header is SES's to write): the person's own reply address. */
  replyTo?: string;
  /** SES message tags: come back with bounce and complaint events. */
  tags: Record<string, string>;
  attachments?: MailAttachment[];
}

/** Thrown by a mailer for a mail that will never go through as it is (retrying won't help). */
export class MailRejectedError extends Error {
  override readonly name = 'MailRejectedError';
}

export interface Mailer {
  /**
   * Sends one mail; answers SES's message id and, when it is known, the Message-ID header SES gave
   * the mail (`<id@region.amazonses.com>`). A `MailRejectedError` is final, anything else may pass on a retry.
   */
  send(mail: OutgoingMail): Promise<{ messageId: string; messageIdHeader?: string }>;
}

/** The stored PDFs of binding orders (keys under `orders/`), for the mail that carries one. */
export interface OrderDocuments {
  /** The whole document; throws if it can't be read (a mail waits for its PDF rather than going without it). */
  read(key: string): Promise<Uint8Array>;
}

/** Where links in mail point, per platform: configured at deployment, never taken from a request. */
export interface MailSite {
  portalUrl(platform: Platform): string;
  /** The API's public URL, for one-click unsubscribe (RFC 8058 posts to it directly). */
  apiUrl: string;
  /** The sender address; the brand adds its display name. */
  mailFrom: string;
  /** The domain SES receives mail for: each person's replies go to `reply+<token>@` it. */
  inboundDomain: string;
}

/** The raw mail SES stored under `mail/`, read by the inbound-mail function only. */
export interface InboundMailbox {
  /** The stored mail's size in bytes; undefined if nothing is at the key. */
  size(key: string): Promise<number | undefined>;
  read(key: string): Promise<Uint8Array>;
  /** At most the first `bytes` bytes: the head of a mail too large to read whole. */
  readStart(key: string, bytes: number): Promise<Uint8Array>;
}

/** What inbound mail remembers: each stored mail's outcome, and whom it answered lately. Every write is conditional. */
export interface InboundRecords {
  /** The outcome recorded for this stored mail, if it was handled before. */
  handled(objectKey: string, now: Date): Promise<InboundOutcome | undefined>;
  record(outcome: InboundOutcome, now: Date): Promise<void>;
  /** Takes the address's one answer until `now` + `seconds`; false while an earlier one still holds it. */
  claimAnswer(email: string, now: Date, seconds: number): Promise<boolean>;
}

/** The deployment's configuration: where replies go, who answers, where the portals are. */
export interface InboundSite {
  inboundDomain: string;
  mailFrom: string;
  portalUrl(platform: Platform): string;
}
