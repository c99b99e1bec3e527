import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { EnvName, readEnv } from '../config/env.js';
import { portalUrlOf } from '../config/portal-urls.js';
import { replyKeyOf } from '../domain/mail/reply-token.js';
import { currentCorrelationId } from '../observability/correlation.js';
import { clock } from '../adapters/clock.js';
import { dynamoAttachmentStore } from '../adapters/dynamodb/attachment-store.js';
import { dynamoCallerContext } from '../adapters/dynamodb/caller-context.js';
import { documentClient, tableName } from '../adapters/dynamodb/document-client.js';
import { dynamoIdempotencyStore } from '../adapters/dynamodb/idempotency-store.js';
import { dynamoInboundRecords } from '../adapters/dynamodb/inbound-records.js';
import { recentUsers } from '../adapters/dynamodb/recent-users.js';
import { dynamoRequestStore } from '../adapters/dynamodb/request-store.js';
import { dynamoTimelineStore } from '../adapters/dynamodb/timeline-store.js';
import { dynamoUnitOfWork } from '../adapters/dynamodb/unit-of-work.js';
import { dynamoUserStore } from '../adapters/dynamodb/user-store.js';
import { businessMetrics } from '../adapters/metrics.js';
import { s3FileStore } from '../adapters/s3/file-store.js';
import { s3InboundMailbox } from '../adapters/s3/inbound-mailbox.js';
import { secretValue } from '../adapters/secrets/secrets.js';
import { sesFromEnvironment, sesMailer } from '../adapters/ses/ses-mailer.js';
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
