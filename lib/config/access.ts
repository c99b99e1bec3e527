import * as z from 'zod';
// Only their types: a value import would bundle the attachment rules into every function that reads a prefix from here (the notifier).
import type { attachmentPrefix, quarantinePrefix, uploadPrefix } from '../domain/attachment-rules.js';

/** Inbound mail as SES stores it (raw MIME), for the inbound-mail function only. */
export const mailPrefix = 'mail/';

/** Binding orders' PDFs (`orders/<requestId>/<orderNumber>.pdf`): written once when an order is made, read to mail and download them. */
export const orderPrefix = 'orders/';

/** A person's data as one JSON document (`exports/<uuid>.json`), written by the export and read through its link; expires after a day (docs/privacy.md). */
export const exportPrefix = 'exports/';

/**
 * The bucket's key prefixes; grants are per prefix, never on the bucket as a whole. `quarantine/`
 * holds the files the malware scan found infected: the verdict function may put them there and
 * no function may ever read them (never grant `get` on it).
 */
export type BucketPrefix = typeof uploadPrefix | typeof attachmentPrefix | typeof mailPrefix | typeof orderPrefix | typeof exportPrefix | typeof quarantinePrefix;

/** What a function may do with the objects under one prefix. HEAD and presigned GETs are `get`,
 * presigned POSTs and copies' destinations `put`. */
export type ObjectAction = 'get' | 'put' | 'delete';

/** `start`: start executions of the request workflow; `report`: send a waiting task its result;
 * `describe`: ask whether an execution of it is still running. */
export type WorkflowAction = 'start' | 'report' | 'describe';

/** Cognito's admin actions on the one user pool, each granted only to the functions that call it. */
export type UserPoolAction = 'AdminCreateUser' | 'AdminGetUser' | 'AdminDisableUser' | 'AdminEnableUser' | 'AdminUserGlobalSignOut' | 'AdminDeleteUser';

/**
 * Secrets in Secrets Manager as `orderdesk/<stage>/<name>`: `payment-webhook` the operator stores;
 * `mail-links` (the key that signs links in mail) and `webhook-keys` (the key that seals webhook
 * subscriptions' signing secrets in the table) the app generates.
 */
export const SecretName = z.enum(['payment-webhook', 'mail-links', 'webhook-keys']);
export type SecretName = z.infer<typeof SecretName>;

/** The queues functions send to, each named by the function-table entry whose `queue` trigger consumes it. */
export const QueueName = z.enum(['webhook-deliver']);
export type QueueName = z.infer<typeof QueueName>;

/**
 * What a function may touch, routes and other functions alike. The function construct turns it
 * into grants and environment variables, so least privilege is decided next to the entry that
 * needs it, and a test checks that each function has exactly these grants.
 */
export interface FunctionAccess {
  table?: 'read' | 'readWrite';
  /** Object actions per key prefix; no function may list the bucket. */
  bucket?: Partial<Record<BucketPrefix, readonly ObjectAction[]>>;
  /** Cognito admin actions on the user pool (the logins). */
  userPool?: readonly UserPoolAction[];
  /** Send mail through SES from the stage's sender identity. */
  mail?: 'send';
  workflow?: readonly WorkflowAction[];
  /** Read these secrets' values. */
  secrets?: readonly SecretName[];
  /** Send messages to these queues (`sqs:SendMessage` on each, nothing else); their URLs in QUEUE_URLS. */
  queues?: readonly QueueName[];
  /** Builds links to the API (a webhook event's): told its URL in API_URL, as functions with `mail` are. Configuration, no grant. */
  apiLinks?: true;
}
