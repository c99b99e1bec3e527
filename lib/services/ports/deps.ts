import type { SystemActorName } from '../../domain/actor.js';
import type { Supplier } from '../../domain/orders/billing.js';
import type { Order } from '../../domain/orders/order.js';
import type { Platform } from '../../domain/platform.js';
import type { MetricName } from '../../observability/metric-names.js';
import type { FileStore, IdempotencyStore, UnitOfWork } from './common.js';
import type { InboundMailbox, InboundRecords, InboundSite, MailPeopleStore, MailRecordStore, MailSite, Mailer, OrderDocuments, PreferenceStore, SuppressionStore, ThreadStore } from './mail.js';
import type { BillingStore, OfferStore, OrderStore, PaymentStore } from './offers-orders.js';
import type { AccountDirectory, AuditLog, CallerContextReader, OrganisationAdmin, OrganisationStore, PeopleStore, UserLookup } from './people.js';
import type { AttachmentStore, ParticipantStore, QueueStore, RequestStore, TimelineStore } from './requests.js';
import type { FeedbackStore, HandoverStore } from './review.js';
import type { AddressResolver, SecretSealer, WebhookSubscriptionStore } from './webhooks.js';
import type { WorkflowEngine, WorkflowStore } from './workflow.js';

/**
 * Counts of what happened (a request filed, a mail sent), for the operators' dashboards and
 * alarms: each counted once its change is committed. The names are lib/observability/metric-names.ts's.
 */
export interface BusinessMetrics {
  count(name: MetricName, value?: number): void;
}

/** What the request services are given: one store per aggregate and the unit of work that
 * commits their writes together. Time and ids come in from outside, so tests fix them. */
export interface ServiceDeps {
  requests: RequestStore;
  timeline: TimelineStore;
  attachments: AttachmentStore;
  participants: ParticipantStore;
  idempotency: IdempotencyStore;
  queues: QueueStore;
  organisations: OrganisationStore;
  billing: BillingStore;
  offers: OfferStore;
  orders: OrderStore;
  payments: PaymentStore;
  workflows: WorkflowStore;
  handovers: HandoverStore;
  feedback: FeedbackStore;
  /** The log of changes to organisations and people. */
  audit: AuditLog;
  users: UserLookup;
  callers: CallerContextReader;
  unitOfWork: UnitOfWork;
  now: () => Date;
  newId: () => string;
  /**
   * The id of the action being served (an API call's request id, `workflow:<execution>`, …; see
   * lib/observability/correlation.ts), recorded on the timeline entries it writes; undefined
   * outside one.
   */
  correlationId: () => string | undefined;
  metrics: BusinessMetrics;
}

export interface FileServiceDeps extends ServiceDeps {
  files: FileStore;
}

/** Inviting a person to one request: a new address gets a login and a user item. */
export interface InviteDeps extends ServiceDeps {
  accounts: AccountDirectory;
  people: PeopleStore;
}

/** Administering organisations and reading the logs: their items and the log of changes, no logins. */
export interface OrganisationAdminDeps extends Pick<ServiceDeps, 'users' | 'unitOfWork' | 'audit' | 'now' | 'newId'> {
  organisations: OrganisationStore & OrganisationAdmin;
  people: PeopleStore;
}

/** Administering people, and (de)activating organisations: also their logins (Cognito). */
export interface PeopleDeps extends OrganisationAdminDeps {
  accounts: AccountDirectory;
}

/** Where a client's decision came from (an offer's, a delivery's), recorded with it: API Gateway's view of the caller. */
export interface Origin {
  ip: string;
  userAgent: string;
}

/** Who calls: the verified token's subject. */
export interface Caller {
  userId: string;
}

/** A part of orderdesk calling by itself (a workflow task, a timer, a webhook, inbound mail). */
export interface SystemCaller {
  system: SystemActorName;
}

/** The use cases that start or wake a request's workflow: the stores and its engine. */
export interface WorkflowDeps extends ServiceDeps {
  engine: WorkflowEngine;
}

/** Posting and deciding offers: the workflow, and the agency's own details an order names. */
export interface OfferDeps extends WorkflowDeps {
  supplier: () => Supplier;
}

/** What the checkpoint is given beside the stores: the stage's configuration. */
export interface CheckpointDeps extends ServiceDeps {
  /** Days before a review deadline's day on which the client is reminded. */
  reviewReminderDays: readonly number[];
}

/** What shaping a request for its caller reads beside the request (its open offer, its organisation's settings). */
export type ViewDeps = Pick<ServiceDeps, 'offers' | 'organisations' | 'now'>;

/** What posting a message reads and writes (inbound mail builds only these). */
export type MessageDeps = Pick<ServiceDeps, 'requests' | 'timeline' | 'attachments' | 'idempotency' | 'callers' | 'unitOfWork' | 'now' | 'newId' | 'correlationId' | 'metrics'>;

/**
 * The stores posting a message reads and writes (`postMessage`, `openCallerRequest`), and no
 * others: the function builds only these, which keeps its bundle (a MIME parser on the DynamoDB
 * base) under its budget.
 */
export type InboundStores = MessageDeps & Pick<ServiceDeps, 'users'>;

export interface InboundMailDeps extends InboundStores {
  mailbox: InboundMailbox;
  /** Where the mail's attachments are stored, under `orgs/` as confirmed uploads are. */
  files: Pick<FileStore, 'put'>;
  records: InboundRecords;
  mailer: Mailer;
  /** The key reply tokens are signed with (`replyKeyOf` the mail-links secret). */
  replyKey: () => Promise<Buffer>;
  site: InboundSite;
}

/** `GET /me`: the caller's user item and the platform of the app client they signed in with. */
export interface MeDeps {
  users: Pick<UserLookup, 'getUser'>;
  platformOfClient: (clientId: string | undefined) => Platform | undefined;
}

/** Making an order's PDF and storing it. */
export interface OrderDocumentDeps extends FileServiceDeps {
  render: (order: Order) => Promise<Uint8Array>;
}

/** Cognito's own mails (invitation, password reset), written by the custom-message trigger. */
export interface AccountMailDeps {
  portalUrl: (platform: Platform) => string;
  /** The platform of the app client a person used (a password reset starts there). */
  platformOfClient: (clientId: string | undefined) => Platform | undefined;
}

/** SES's bounces and complaints: recorded on the timeline and suppressing the address. */
export interface MailEventDeps extends Pick<ServiceDeps, 'requests' | 'timeline' | 'users' | 'unitOfWork' | 'now' | 'correlationId' | 'metrics'> {
  suppressions: SuppressionStore;
}

/** Mailing a timeline entry to the people it concerns, once each: the notify function builds only these. */
export interface NotifierDeps {
  requests: Pick<RequestStore, 'get'>;
  timeline: Pick<TimelineStore, 'get'>;
  users: UserLookup;
  participants: Pick<ParticipantStore, 'list'>;
  queues: Pick<QueueStore, 'clientQueue'>;
  organisations: Pick<OrganisationStore, 'getOrganisation'>;
  people: MailPeopleStore;
  mailRecords: MailRecordStore;
  /** Each person's mails about each request, for the next one's threading headers. */
  threads: ThreadStore;
  mailer: Mailer;
  /** The orders' PDFs, which `order_issued` mails carry. */
  documents: OrderDocuments;
  site: MailSite;
  /** The key that signs links in mail (a secret); reply addresses' key is derived from it. */
  linkKey: () => Promise<Buffer>;
  now: () => Date;
  newId: () => string;
  /** SES errors are retried this many times in all, waiting `baseDelayMs` · 2^n (with jitter) between. */
  retry: { attempts: number; baseDelayMs: number; sleep: (ms: number) => Promise<void> };
  metrics: BusinessMetrics;
}

/** Mail preferences and the signed links of mails (open, mute, unsubscribe). */
export interface PreferenceDeps extends Pick<ServiceDeps, 'users' | 'callers' | 'requests' | 'participants' | 'now'> {
  preferences: PreferenceStore;
  linkKey: () => Promise<Buffer>;
  /** The configured portal URL of a platform (where a browser is sent to confirm a mute). */
  portalUrl: (platform: Platform) => string;
}

/** Reading an organisation and changing its settings and billing details. */
export type OrganisationDeps = Pick<ServiceDeps, 'users' | 'organisations' | 'billing' | 'audit' | 'unitOfWork' | 'now' | 'newId'>;

/**
 * The agency admins' webhook subscriptions: the store, the sealer of their signing secrets, and the
 * resolver their URLs are checked with; the audit log records every change.
 */
export interface WebhookAdminDeps extends Pick<ServiceDeps, 'users' | 'organisations' | 'audit' | 'unitOfWork' | 'now' | 'newId'> {
  subscriptions: WebhookSubscriptionStore;
  sealer: SecretSealer;
  resolver: AddressResolver;
  /** Whether `http://` to loopback is allowed: the local stack's alone (`WEBHOOKS_ALLOW_LOOPBACK`). */
  allowLoopbackHttp: () => boolean;
  /** A new signing secret (`whsec_…`). */
  newSecret: () => string;
}
