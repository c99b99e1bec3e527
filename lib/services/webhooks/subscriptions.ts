import { agencyScope, type AuditAction } from '../../domain/audit.js';
import { ConflictError, ForbiddenError, NotFoundError, ServiceBusyError, ValidationError } from '../../domain/errors.js';
import type { User } from '../../domain/user.js';
import { resolvedRefusal, urlRefusal, type ResolvedRefusal, type UrlRefusal } from '../../domain/webhooks/address-safety.js';
import type { WebhookEventType } from '../../domain/webhooks/event-types.js';
import { rotated, type WebhookSubscription } from '../../domain/webhooks/subscription.js';
import type { Write } from '../ports/common.js';
import type { Caller, WebhookAdminDeps } from '../ports/deps.js';
import { logged } from '../people/audit.js';
import { resolveCaller } from '../people/caller.js';
import { toWebhookSubscriptionView, type WebhookSubscriptionView } from './subscription-view.js';

/**
 * Webhook subscriptions, made and changed by the agency's admins (docs/webhooks.md): where
 * orderdesk POSTs which events. Every change is a line in the agency's log (`GET /staff/log`),
 * written in the change's own transaction; no secret ever is.
 */

const mustBeAgencyAdmin = async (deps: Pick<WebhookAdminDeps, 'users'>, caller: Caller, what: string): Promise<User> => {
  const actor = await resolveCaller(deps.users, caller.userId);
  if (actor.role !== 'admin') throw new ForbiddenError(`Only the agency’s admins ${what}`);
  return actor;
};

const subscriptionToChange = async (deps: Pick<WebhookAdminDeps, 'subscriptions'>, subscriptionId: string): Promise<WebhookSubscription> => {
  const subscription = await deps.subscriptions.get(subscriptionId);
  if (!subscription) throw new NotFoundError(`Webhook subscription ${subscriptionId}`);
  return subscription;
};

const refusedAddress = 'this address is in a private network, on this machine or link-local: webhooks go to public addresses only';

const urlReasons: Record<UrlRefusal, (allowLoopbackHttp: boolean) => string> = {
  not_a_url: () => 'is not a URL: give one like https://hooks.example.com/orderdesk',
  scheme: (allowLoopbackHttp) => (allowLoopbackHttp ? 'only https URLs (and, on this local stack, http://127.0.0.1 or http://localhost)' : 'only https URLs'),
  credentials: () => 'must hold no user name or password: a receiver knows deliveries by their signature',
  port: () => 'only the default port (443) or one above 1023',
  address: () => refusedAddress,
};

const resolvedReasons: Record<ResolvedRefusal, string> = {
  unresolved: 'this host name does not resolve',
  address: `this host name resolves to an address in a private network, on this machine or link-local: webhooks go to public addresses only`,
};

const urlProblem = (reason: string) => new ValidationError([{ field: 'body.url', reason }]);

/**
 * The URL as it will be stored and called, once it passes the rules (https, no credentials, a
 * public address) and its host name resolves to public addresses only, at this moment. Each
 * delivery checks the resolved addresses again: a name may point elsewhere later.
 */
const checkedUrl = async (deps: Pick<WebhookAdminDeps, 'resolver' | 'allowLoopbackHttp'>, raw: string): Promise<string> => {
  const allowLoopbackHttp = deps.allowLoopbackHttp();
  const refusal = urlRefusal(raw, allowLoopbackHttp);
  if (refusal) throw urlProblem(urlReasons[refusal](allowLoopbackHttp));
  const url = new URL(raw);
  let addresses: string[];
  try {
    addresses = await deps.resolver.resolve(url.hostname);
  } catch (error) {
    throw new ServiceBusyError(`The host name ${url.hostname} could not be resolved just now; nothing was changed`, 5, { cause: error });
  }
  const resolved = resolvedRefusal(url, addresses, allowLoopbackHttp);
  if (resolved) throw urlProblem(resolvedReasons[resolved]);
  return url.href;
};

/** An organisation a subscription names must exist: it is the body's field, so a 400 naming it. */
const checkOrganisation = async (deps: Pick<WebhookAdminDeps, 'organisations'>, orgId: string): Promise<void> => {
  if (!(await deps.organisations.getOrganisation(orgId))) throw new ValidationError([{ field: 'body.orgId', reason: 'no organisation has this id' }]);
};

/** The log line of a change to a subscription: named by its description, or its URL. */
const loggedChange = (
  deps: Pick<WebhookAdminDeps, 'audit' | 'newId'>,
  at: string,
  actor: User,
  action: AuditAction,
  subscription: WebhookSubscription,
  details: Record<string, unknown> = {},
): Write => logged(deps, at, actor, agencyScope, action, { id: subscription.subscriptionId, name: subscription.description ?? subscription.url }, details);

export const listWebhookSubscriptions = async (deps: WebhookAdminDeps, caller: Caller): Promise<{ items: WebhookSubscriptionView[] }> => {
  await mustBeAgencyAdmin(deps, caller, 'see webhook subscriptions');
  const now = deps.now();
  return { items: (await deps.subscriptions.list()).map((subscription) => toWebhookSubscriptionView(subscription, now)) };
};

export const getWebhookSubscription = async (deps: WebhookAdminDeps, caller: Caller, subscriptionId: string): Promise<WebhookSubscriptionView> => {
  await mustBeAgencyAdmin(deps, caller, 'see webhook subscriptions');
  return toWebhookSubscriptionView(await subscriptionToChange(deps, subscriptionId), deps.now());
};

export interface NewWebhookSubscription {
  url: string;
  eventTypes: WebhookEventType[];
  orgId?: string;
  description?: string;
}

/**
 * Creates a subscription with a new signing secret, answered this once: only its sealed form is
 * stored, and no answer or log line holds it again.
 */
export const createWebhookSubscription = async (
  deps: WebhookAdminDeps,
  caller: Caller,
  input: NewWebhookSubscription,
): Promise<{ subscription: WebhookSubscriptionView; secret: string }> => {
  const actor = await mustBeAgencyAdmin(deps, caller, 'create webhook subscriptions');
  const [url] = await Promise.all([checkedUrl(deps, input.url), input.orgId === undefined ? undefined : checkOrganisation(deps, input.orgId)]);
  const secret = deps.newSecret();
  const sealed = await deps.sealer.seal(secret);
  const now = deps.now();
  const at = now.toISOString();
  const subscription: WebhookSubscription = {
    subscriptionId: `wh-${deps.newId()}`,
    url,
    eventTypes: input.eventTypes,
    ...(input.orgId !== undefined ? { orgId: input.orgId } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    state: 'active',
    secrets: [{ sealed, createdAt: at }],
    createdBy: actor.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await deps.unitOfWork.commit([
    deps.subscriptions.create(subscription),
    loggedChange(deps, at, actor, 'webhook_created', subscription, {
      url,
      eventTypes: subscription.eventTypes,
      ...(subscription.orgId !== undefined ? { orgId: subscription.orgId } : {}),
    }),
  ]);
  return { subscription: toWebhookSubscriptionView(subscription, now), secret };
};

export interface WebhookSubscriptionChange {
  url?: string;
  eventTypes?: WebhookEventType[];
  /** `null` clears it: every organisation's events again. */
  orgId?: string | null;
  /** `null` clears it. */
  description?: string | null;
  enabled?: boolean;
  /** The version read: a change decided on an older one is a 409. */
  version?: number;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, index) => item === b[index]);

/**
 * Changes where a subscription points, what it wants, or whether it is on. Enabling one that
 * orderdesk disabled (its receiver kept failing) starts it afresh: no failure streak, no reason.
 */
export const changeWebhookSubscription = async (
  deps: WebhookAdminDeps,
  caller: Caller,
  subscriptionId: string,
  change: WebhookSubscriptionChange,
): Promise<WebhookSubscriptionView> => {
  const actor = await mustBeAgencyAdmin(deps, caller, 'change webhook subscriptions');
  const before = await subscriptionToChange(deps, subscriptionId);
  if (change.version !== undefined && change.version !== before.version) {
    throw new ConflictError('The webhook subscription was changed by someone else since you read it', 'Reload the subscription and make your change again');
  }
  const [url] = await Promise.all([
    change.url === undefined ? undefined : checkedUrl(deps, change.url),
    change.orgId === undefined || change.orgId === null || change.orgId === before.orgId ? undefined : checkOrganisation(deps, change.orgId),
  ]);

  // What changed, field by field, for the log line: `{ field: { from, to } }`.
  const differences: Record<string, { from: unknown; to: unknown }> = {};
  const fields: Partial<WebhookSubscription> = {};
  if (url !== undefined && url !== before.url) {
    differences.url = { from: before.url, to: url };
    fields.url = url;
  }
  if (change.eventTypes !== undefined && !sameList(change.eventTypes, before.eventTypes)) {
    differences.eventTypes = { from: before.eventTypes, to: change.eventTypes };
    fields.eventTypes = change.eventTypes;
  }
  const orgId = change.orgId === null ? undefined : change.orgId;
  if (change.orgId !== undefined && orgId !== before.orgId) differences.orgId = { from: before.orgId ?? null, to: orgId ?? null };
  const description = change.description === null ? undefined : change.description;
  if (change.description !== undefined && description !== before.description) differences.description = { from: before.description ?? null, to: description ?? null };

  const enabling = change.enabled === true && before.state === 'disabled';
  const disabling = change.enabled === false && before.state === 'active';
  if (Object.keys(differences).length === 0 && !enabling && !disabling) return toWebhookSubscriptionView(before, deps.now());

  const now = deps.now();
  const at = now.toISOString();
  // Written whole (the store replaces the item): a field left undefined is a field cleared.
  const after: WebhookSubscription = {
    ...before,
    ...fields,
    ...(differences.orgId ? { orgId } : {}),
    ...(differences.description ? { description } : {}),
    updatedAt: at,
    version: before.version + 1,
  };
  if (enabling) {
    after.state = 'active';
    after.disabledReason = undefined;
    after.failingSince = undefined;
  }
  if (disabling) {
    after.state = 'disabled';
    after.disabledReason = 'by_admin';
  }
  const lines: Write[] = [];
  if (Object.keys(differences).length > 0) lines.push(loggedChange(deps, at, actor, 'webhook_changed', after, differences));
  if (enabling) lines.push(loggedChange(deps, at, actor, 'webhook_enabled', after, before.disabledReason ? { disabledReason: before.disabledReason } : {}));
  if (disabling) lines.push(loggedChange(deps, at, actor, 'webhook_disabled', after));
  await deps.unitOfWork.commit([deps.subscriptions.update(before, after), ...lines]);
  return toWebhookSubscriptionView(after, now);
};

/**
 * A new signing secret, answered this once. The old one keeps signing for 24 hours beside it
 * (deliveries carry a signature of each), so a receiver switches without losing a delivery.
 */
export const rotateWebhookSecret = async (
  deps: WebhookAdminDeps,
  caller: Caller,
  subscriptionId: string,
): Promise<{ secret: string; previousValidUntil: string }> => {
  const actor = await mustBeAgencyAdmin(deps, caller, 'rotate webhook secrets');
  const before = await subscriptionToChange(deps, subscriptionId);
  const secret = deps.newSecret();
  const sealed = await deps.sealer.seal(secret);
  const now = deps.now();
  const after = rotated(before, sealed, now);
  const previousValidUntil = after.secrets[1]?.validUntil;
  // A subscription always has a current secret, which the rotation gives a validity: never missing.
  if (previousValidUntil === undefined) throw new Error(`Webhook subscription ${subscriptionId} had no current secret to rotate`);
  const at = now.toISOString();
  await deps.unitOfWork.commit([deps.subscriptions.update(before, after), loggedChange(deps, at, actor, 'webhook_secret_rotated', after, { previousValidUntil })]);
  return { secret, previousValidUntil };
};

/** Deletes a subscription: nothing more is delivered to it; its deliveries stay until they expire. */
export const deleteWebhookSubscription = async (deps: WebhookAdminDeps, caller: Caller, subscriptionId: string): Promise<void> => {
  const actor = await mustBeAgencyAdmin(deps, caller, 'delete webhook subscriptions');
  const before = await subscriptionToChange(deps, subscriptionId);
  const at = deps.now().toISOString();
  await deps.unitOfWork.commit([deps.subscriptions.remove(before), loggedChange(deps, at, actor, 'webhook_deleted', before, { url: before.url })]);
};
