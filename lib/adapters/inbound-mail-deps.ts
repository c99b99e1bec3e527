import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { EnvName, readEnv } from '../config/env.js';
import { portalUrlOf } from '../config/portal-urls.js';
import { replyKeyOf } from '../domain/mail/reply-token.js';
import { currentCorrelationId } from '../observability/correlation.js';
import { clock } from './clock.js';
import { dynamoAttachmentStore } from './dynamodb/attachment-store.js';
import { dynamoCallerContext } from './dynamodb/caller-context.js';
import { documentClient, tableName } from './dynamodb/document-client.js';
import { dynamoIdempotencyStore } from './dynamodb/idempotency-store.js';
import { dynamoInboundRecords } from './dynamodb/inbound-records.js';
import { recentUsers } from './dynamodb/recent-users.js';
import { dynamoRequestStore } from './dynamodb/request-store.js';
import { dynamoTimelineStore } from './dynamodb/timeline-store.js';
import { dynamoUnitOfWork } from './dynamodb/unit-of-work.js';
import { dynamoUserStore } from './dynamodb/user-store.js';
import { businessMetrics } from './metrics.js';
import { s3FileStore } from './s3/file-store.js';
import { s3InboundMailbox } from './s3/inbound-mailbox.js';
import { secretValue } from './secrets/secrets.js';
import { sesFromEnvironment, sesMailer } from './ses/ses-mailer.js';
import type { InboundSite } from '../services/ports/mail.js';
import type { InboundMailDeps, InboundStores } from '../services/ports/deps.js';

/** The configured domain and sender, read when first needed. */
const site: InboundSite = {
  get inboundDomain() {
    return readEnv(EnvName.inboundDomain, z.string().min(1)).toLowerCase();
  },
  get mailFrom() {
    return readEnv(EnvName.mailFrom, z.email());
  },
  portalUrl: portalUrlOf,
};

// The stores of posting a message only, as `dynamoStores` makes them (not every aggregate's: see `InboundStores`).
const recent = recentUsers();
const stores: InboundStores = {
  requests: dynamoRequestStore(documentClient, tableName),
  timeline: dynamoTimelineStore(documentClient, tableName),
  attachments: dynamoAttachmentStore(documentClient, tableName),
  idempotency: dynamoIdempotencyStore(documentClient, tableName),
  users: dynamoUserStore(documentClient, tableName, recent),
  callers: dynamoCallerContext(documentClient, tableName, recent),
  unitOfWork: dynamoUnitOfWork(documentClient),
  now: () => clock.now(),
  newId: () => randomUUID(),
  correlationId: currentCorrelationId,
  metrics: businessMetrics,
};

/** What the inbound-mail function needs, built once per container. */
export const inboundMailDeps: InboundMailDeps = {
  ...stores,
  mailbox: s3InboundMailbox(),
  files: s3FileStore(),
  records: dynamoInboundRecords(documentClient, tableName),
  mailer: sesMailer(sesFromEnvironment),
  replyKey: async () => replyKeyOf(Buffer.from(await secretValue('mail-links'), 'utf8')),
  site,
};
