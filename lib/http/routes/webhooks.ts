import { webhookEventTypes } from '../../domain/webhooks/event-types.js';
import { retryHours } from '../../domain/webhooks/delivery.js';
import { disableAfterDays, previousSecretHours } from '../../domain/webhooks/subscription.js';
import { CreatedWebhookSubscription, RotatedWebhookSecret, WebhookSubscriptionList, WebhookSubscriptionView } from '../../services/webhooks/subscription-view.js';
import { NoContent } from '../schemas/requests.js';
import { NewWebhookSubscriptionBody, WebhookSubscriptionChangeBody, WebhookSubscriptionPath } from '../schemas/webhooks.js';
import { routeTable, type RouteEntries } from '../route.js';

const onlyAdmins = (what: string) => `only the agency’s admins ${what} (agents and clients too get this)`;
const noSuchSubscription = 'no webhook subscription has this id (deleted, or never made)';
const urlRefusals =
  'a field is invalid; for `body.url` the reason says which rule it breaks: only https URLs; no user name or password in it; the default port or one above 1023; an address in a private network, on this machine or link-local; a host name that does not resolve, or resolves to such an address';
const unresolvable = 'the URL’s host name could not be resolved just now (the resolver did not answer): nothing was changed, try again';

/** What every delivery is, for a platform engineer: said once, in the create route's description. */
const deliveries = [
  'orderdesk POSTs each event a subscription wants to its URL as JSON, signed by the [Standard Webhooks](https://www.standardwebhooks.com) specification (docs/webhooks.md):',
  '',
  '- `webhook-id`: the event’s id, the same on every retry (deduplicate by it);',
  '- `webhook-timestamp`: when it was sent, in epoch seconds;',
  '- `webhook-signature`: `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`, keyed by the secret’s base64 part after `whsec_`; while a rotated-out secret still signs, one `v1,` signature per secret, separated by a space.',
  '',
  `Event types: ${webhookEventTypes.map((type) => `\`${type}\``).join(', ')}.`,
  '',
  `Any 2xx answer is a success; anything else (a redirect too, which is not followed, or no answer within 5 s) is tried again for ${retryHours} hours. The URL must be https to a host that resolves to public addresses only: checked here, and again on every delivery. Locally (\`npm start\`) \`http://127.0.0.1:<port>\` and \`http://localhost:<port>\` are allowed too, so a receiver on the machine can be tried.`,
].join('\n');

/**
 * Webhooks out: the agency's admins subscribe the platforms' receivers to a request's events
 * (docs/webhooks.md). Agency admins only: everyone else is refused with a 403.
 */
export const webhookRoutes = routeTable({
  listWebhookSubscriptions: {
    method: 'GET',
    path: '/webhooks',
    summary: 'The webhook subscriptions, oldest first, each with its state and how its deliveries fare; never a secret (agency admins)',
    tag: 'webhooks',
    status: 200,
    schemas: { response: WebhookSubscriptionList },
    access: { table: 'read' },
    refusals: { 403: onlyAdmins('see webhook subscriptions') },
  },
  createWebhookSubscription: {
    method: 'POST',
    path: '/webhooks',
    summary: 'Subscribe a URL to events of every organisation’s requests or one’s; the answer holds its signing secret (`whsec_…`), shown this once (agency admins)',
    description: deliveries,
    tag: 'webhooks',
    status: 201,
    schemas: { body: NewWebhookSubscriptionBody, response: CreatedWebhookSubscription },
    // The secret: sealing the new signing secret for the table.
    access: { table: 'readWrite', secrets: ['webhook-keys'] },
    refusals: { 400: `${urlRefusals}; \`body.orgId\` no organisation has`, 403: onlyAdmins('create webhook subscriptions'), 503: unresolvable },
  },
  getWebhookSubscription: {
    method: 'GET',
    path: '/webhooks/{subscriptionId}',
    summary: 'A webhook subscription: its URL, events, state, last success or failing streak, and when its secret was rotated; never the secret (agency admins)',
    tag: 'webhooks',
    status: 200,
    schemas: { path: WebhookSubscriptionPath, response: WebhookSubscriptionView },
    access: { table: 'read' },
    refusals: { 403: onlyAdmins('see webhook subscriptions'), 404: noSuchSubscription },
  },
  changeWebhookSubscription: {
    method: 'PATCH',
    path: '/webhooks/{subscriptionId}',
    summary: 'Change a webhook subscription’s URL (checked as on creation), events, organisation or description, or disable and enable it (agency admins)',
    description:
      `Send only what changes. \`enabled: false\` stops deliveries (\`state: disabled\`, \`disabledReason: by_admin\`). orderdesk disables a subscription itself when every delivery failed for ${disableAfterDays} days (\`disabledReason: failing\`); \`enabled: true\` starts it again with its failure streak cleared. The secret is not changed here: rotate it with \`POST /webhooks/{subscriptionId}/secret\`.`,
    tag: 'webhooks',
    status: 200,
    schemas: { path: WebhookSubscriptionPath, body: WebhookSubscriptionChangeBody, response: WebhookSubscriptionView },
    access: { table: 'readWrite' },
    refusals: {
      400: `${urlRefusals}; \`body.orgId\` no organisation has; a body with nothing to change`,
      403: onlyAdmins('change webhook subscriptions'),
      404: noSuchSubscription,
      409: 'the subscription changed since the `version` sent',
      503: unresolvable,
    },
  },
  deleteWebhookSubscription: {
    method: 'DELETE',
    path: '/webhooks/{subscriptionId}',
    summary: 'Delete a webhook subscription: no new event is delivered to it (agency admins)',
    tag: 'webhooks',
    status: 204,
    schemas: { path: WebhookSubscriptionPath, response: NoContent },
    access: { table: 'readWrite' },
    refusals: { 403: onlyAdmins('delete webhook subscriptions'), 404: noSuchSubscription },
  },
  rotateWebhookSecret: {
    method: 'POST',
    path: '/webhooks/{subscriptionId}/secret',
    summary: `Rotate a subscription’s signing secret: the new one is in the answer, shown this once; the old one keeps signing beside it for ${previousSecretHours} hours (agency admins)`,
    description: `For ${previousSecretHours} hours (until \`previousValidUntil\`) every delivery carries two signatures in \`webhook-signature\`, one per secret (\`v1,<new> v1,<old>\`): a receiver that still checks the old secret keeps verifying while it is switched to the new one. Rotating again within those hours drops the oldest at once.`,
    tag: 'webhooks',
    status: 200,
    schemas: { path: WebhookSubscriptionPath, response: RotatedWebhookSecret },
    access: { table: 'readWrite', secrets: ['webhook-keys'] },
    refusals: { 403: onlyAdmins('rotate webhook secrets'), 404: noSuchSubscription },
  },
} satisfies RouteEntries);
