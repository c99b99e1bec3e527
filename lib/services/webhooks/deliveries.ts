import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors.js';
import type { WebhookDelivery } from '../../domain/webhooks/delivery.js';
import { resent } from '../../domain/webhooks/delivery-round.js';
import { resolveCaller } from '../people/caller.js';
import type { Page } from '../ports/common.js';
import type { Caller } from '../ports/deps.js';
import type { WebhookDeliveriesDeps } from '../ports/webhooks.js';

/** A delivery as the agency admins see it: everything but its version (the body is what was sent). */
export type DeliveryView = Omit<WebhookDelivery, 'version'>;

export const toDeliveryView = ({ version: _version, ...delivery }: WebhookDelivery): DeliveryView => delivery;

/** Webhooks are the agency admins' (as their subscriptions are). */
const mustBeAgencyAdmin = async (deps: Pick<WebhookDeliveriesDeps, 'users'>, caller: Caller) => {
  const actor = await resolveCaller(deps.users, caller.userId);
  if (actor.role !== 'admin') throw new ForbiddenError('Only the agency’s admins see and resend webhook deliveries');
  return actor;
};

const subscriptionOf = async (deps: WebhookDeliveriesDeps, subscriptionId: string) => {
  const subscription = await deps.subscriptions.get(subscriptionId);
  if (!subscription) throw new NotFoundError(`Webhook subscription ${subscriptionId}`);
  return subscription;
};

/** A subscription's deliveries, newest first, with their tries (agency admins). */
export const listDeliveries = async (deps: WebhookDeliveriesDeps, caller: Caller, subscriptionId: string, limit: number, cursor?: string): Promise<Page<DeliveryView>> => {
  await mustBeAgencyAdmin(deps, caller);
  await subscriptionOf(deps, subscriptionId);
  const page = await deps.deliveries.listBySubscription(subscriptionId, limit, cursor);
  return { ...page, items: page.items.map(toDeliveryView) };
};

/**
 * "Send again": a parked or delivered delivery starts a new round of tries at once, with the same
 * body and webhook-id (409 while it is still being tried). The subscription must take deliveries:
 * one disabled is enabled first, else the try would only park it again.
 */
export const resendDelivery = async (deps: WebhookDeliveriesDeps, caller: Caller, subscriptionId: string, deliveryId: string): Promise<DeliveryView> => {
  await mustBeAgencyAdmin(deps, caller);
  const [subscription, delivery] = await Promise.all([subscriptionOf(deps, subscriptionId), deps.deliveries.get(deliveryId)]);
  if (!delivery || delivery.subscriptionId !== subscriptionId) throw new NotFoundError(`Webhook delivery ${deliveryId}`);
  const next = resent(delivery, deps.now());
  if (subscription.state !== 'active') {
    throw new ConflictError('This subscription is disabled: nothing is sent to it', 'Enable the subscription, then send the delivery again');
  }
  await deps.unitOfWork.commit([deps.deliveries.update(delivery, next)]);
  await deps.queue.send([deliveryId]);
  return toDeliveryView(next);
};
