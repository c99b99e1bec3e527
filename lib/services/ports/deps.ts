import type { SystemActorName } from '../../domain/actor.js';
import type { MetricName } from '../../observability/metric-names.js';
import type {
  AttachmentStore,
  CallerContextReader,
  FileStore,
  IdempotencyStore,
  OrganisationStore,
  ParticipantStore,
  QueueStore,
  RequestStore,
  TimelineStore,
  UnitOfWork,
  UserInvitations,
  UserLookup,
} from './common.js';
import type { BillingStore, FeedbackStore, HandoverStore, OfferStore, OrderStore, PaymentStore, WorkflowStore } from './offers-orders.js';

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

export interface InviteDeps extends ServiceDeps {
  invitations: UserInvitations;
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
