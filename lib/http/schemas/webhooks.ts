import * as z from 'zod';
import { WebhookEventType } from '../../domain/webhooks/event-types.js';
import { oneLine } from './requests.js';

/** Input schemas of the webhook subscription routes (docs/webhooks.md). */

export const WebhookSubscriptionPath = z.strictObject({ subscriptionId: z.string().min(1).max(64) });

// A string, not z.url(): the URL rules (https, no credentials, a public address) are the
// domain's, and their refusals say which rule in words (lib/domain/webhooks/address-safety.ts).
const Url = z
  .string()
  .min(1)
  .max(2000)
  .describe('Where deliveries are POSTed: https, with no user name or password, to a host that resolves to public addresses only (checked now and again on every delivery)');

const EventTypes = z
  .array(WebhookEventType)
  .min(1)
  .refine((types) => new Set(types).size === types.length, { message: 'list each event type once' })
  .describe('The events wanted; `request.status_changed` also gets every other event that moved the request’s status');

const OrgId = z.string().min(1).max(64);
const Description = oneLine(1, 200).describe('What the subscription is for, as the agency’s admins read it (e.g. “Azami request pages”)');

export const NewWebhookSubscriptionBody = z
  .strictObject({
    url: Url,
    eventTypes: EventTypes,
    orgId: OrgId.optional().describe('Only this organisation’s requests; every organisation’s when left out'),
    description: Description.optional(),
  })
  .meta({ id: 'NewWebhookSubscription' });

export const WebhookSubscriptionChangeBody = z
  .strictObject({
    url: Url.optional(),
    eventTypes: EventTypes.optional(),
    orgId: OrgId.nullable().optional().describe('Only this organisation’s requests; `null`: every organisation’s again'),
    description: Description.nullable().optional().describe('`null` clears it'),
    enabled: z.boolean().optional().describe('`false` stops deliveries; `true` starts them again, also after orderdesk disabled it (its failure streak starts afresh)'),
    version: z.number().int().positive().optional().describe('The `version` you read: a change decided on an older one is a 409, not a silent overwrite'),
  })
  .refine((body) => Object.entries(body).some(([key, value]) => key !== 'version' && value !== undefined), {
    message: 'give at least one of url, eventTypes, orgId, description or enabled',
  })
  .meta({ id: 'WebhookSubscriptionChange' });
