/** The ports of webhooks out (docs/webhooks.md): subscriptions, deliveries, the queue between them, and the network. */
import type { DeliveryAttempt, WebhookDelivery } from '../../domain/webhooks/delivery.js';
import type { WebhookSubscription } from '../../domain/webhooks/subscription.js';
import type { Platform } from '../../domain/platform.js';
import type { Page, UnitOfWork, Write } from './common.js';
import type { MetricName } from '../../observability/metric-names.js';
import type { MailPeopleStore, MailSite, Mailer } from './mail.js';
import type { UserLookup } from './people.js';
import type { RequestStore } from './requests.js';

/** The subscriptions: few (a handful per platform), so they are read whole. */
export interface WebhookSubscriptionStore {
  get(subscriptionId: string): Promise<WebhookSubscription | undefined>;
  /** Every subscription, active or not, oldest first. */
  list(): Promise<WebhookSubscription[]>;
  /** A new subscription (its id not yet taken). */
  create(subscription: WebhookSubscription): Write;
  /** Conditional on `before.version` still being the stored one (else a ConflictError). */
  update(before: WebhookSubscription, after: WebhookSubscription): Write;
  /** Conditional on `before.version`; its deliveries stay until they expire. */
  remove(before: WebhookSubscription): Write;
}

export interface WebhookDeliveryStore {
  get(deliveryId: string): Promise<WebhookDelivery | undefined>;
  /** Writes a new delivery unless one with its id exists: `false` if it did (a replayed event). */
  createIfAbsent(delivery: WebhookDelivery): Promise<boolean>;
  /** Conditional on `before.version` still being the stored one (else a ConflictError). */
  update(before: WebhookDelivery, after: WebhookDelivery): Write;
  /** A subscription's deliveries, newest first. */
  listBySubscription(subscriptionId: string, limit: number, cursor?: string): Promise<Page<WebhookDelivery>>;
  /** Pending deliveries whose next try is due at `now`, oldest due first. */
  due(now: Date, limit: number): Promise<WebhookDelivery[]>;
}

/** Seals a subscription's signing secret for storage, and opens it to sign (the stage's key, from Secrets Manager). */
export interface SecretSealer {
  seal(secret: string): Promise<string>;
  open(sealed: string): Promise<string>;
}

/** The queue between the table's stream and the sender (SQS in AWS). */
export interface DeliveryQueue {
  /** Queues these deliveries for a try, after `delaySeconds` (at most 900). */
  send(deliveryIds: readonly string[], delaySeconds?: number): Promise<void>;
}

/** What a host name resolves to, every address of it. */
export interface AddressResolver {
  resolve(hostname: string): Promise<string[]>;
}

/**
 * Posts one signed delivery: to the address checked (no second resolution), no redirect
 * followed, 5 s at most, at most 256 KB of the answer read. Never throws: a failure is an attempt
 * with its `error`.
 */
export interface WebhookSender {
  post(url: string, headers: Record<string, string>, body: string): Promise<Omit<DeliveryAttempt, 'at'>>;
}

/** Where an event's links point: the request's page in its brand's portal, and the API. Configured at deployment, never taken from a request. */
export interface WebhookLinks {
  portalUrl(platform: Platform): string;
  /** The API's public URL (`GET /requests/{id}` under it). */
  apiUrl(): string;
}

/** The fan-out from the table's stream: a delivery per subscription that wants a timeline entry's event, queued. */
export interface WebhookFanOutDeps {
  requests: Pick<RequestStore, 'get'>;
  subscriptions: Pick<WebhookSubscriptionStore, 'list'>;
  deliveries: Pick<WebhookDeliveryStore, 'get' | 'createIfAbsent'>;
  queue: DeliveryQueue;
  links: WebhookLinks;
  now: () => Date;
}

/** The agency admins a disabled subscription is mailed to, and how. */
export interface WebhookAdminMail {
  people: Pick<MailPeopleStore, 'agencyStaff'>;
  mailer: Mailer;
  site: Pick<MailSite, 'portalUrl' | 'mailFrom'>;
}

/** The sender behind the queue: one try per message, recorded; a subscription failing for days disabled. */
export interface WebhookSenderDeps {
  deliveries: WebhookDeliveryStore;
  subscriptions: Pick<WebhookSubscriptionStore, 'get' | 'update'>;
  sealer: Pick<SecretSealer, 'open'>;
  sender: WebhookSender;
  queue: DeliveryQueue;
  unitOfWork: UnitOfWork;
  adminMail: WebhookAdminMail;
  now: () => Date;
  /** The `BusinessMetrics` of deps.ts, whose file imports this one. */
  metrics: { count(name: MetricName, value?: number): void };
}

/** The retry sweep: due deliveries back on the queue. */
export interface WebhookRetryDeps {
  deliveries: Pick<WebhookDeliveryStore, 'due'>;
  queue: DeliveryQueue;
  now: () => Date;
}

/** The agency admins' list of a subscription's deliveries and "send again". */
export interface WebhookDeliveriesDeps {
  users: UserLookup;
  subscriptions: Pick<WebhookSubscriptionStore, 'get'>;
  deliveries: Pick<WebhookDeliveryStore, 'get' | 'update' | 'listBySubscription'>;
  queue: DeliveryQueue;
  unitOfWork: UnitOfWork;
  now: () => Date;
}
