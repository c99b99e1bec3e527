import { EnvName } from '../config/env.js';
import { documentClient, tableName } from '../adapters/dynamodb/document-client.js';
import { dynamoWebhookSubscriptionStore } from '../adapters/dynamodb/webhook-subscription-store.js';
import { dnsAddressResolver } from '../adapters/net/address-resolver.js';
import { aesGcmSealer, sealingKeyOf } from '../adapters/secrets/secret-sealer.js';
import { secretValue } from '../adapters/secrets/secrets.js';

/**
 * What every webhook function shares, and nothing more (so a function that needs only these
 * bundles no other store): the subscriptions, the sealer of their signing secrets, the resolver
 * that checks where they point, and whether loopback http is allowed.
 */
export const webhookSubscriptions = dynamoWebhookSubscriptionStore(documentClient, tableName);

/** The `webhook-keys` secret's value (cached per container by `secretValue`) as the sealing key. */
export const webhookSecretSealer = aesGcmSealer(async () => sealingKeyOf(await secretValue('webhook-keys')));

export const addressResolver = dnsAddressResolver();

/**
 * `http://127.0.0.1` (and `http://localhost`) as a subscription's URL: only on the local stack,
 * which sets WEBHOOKS_ALLOW_LOOPBACK=1 (local/stack.ts); nothing in AWS sets it (an infra test
 * checks), so there only https URLs to public addresses are taken. Read at each call: the local
 * stack sets it after modules may have been loaded.
 */
export const allowLoopbackHttp = (): boolean => process.env[EnvName.webhooksAllowLoopback] === '1';
