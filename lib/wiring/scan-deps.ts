import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { EnvName, readEnv } from '../config/env.js';
import { currentCorrelationId } from '../observability/correlation.js';
import { clock } from '../adapters/clock.js';
import { dynamoAttachmentStore } from '../adapters/dynamodb/attachment-store.js';
import { documentClient, tableName } from '../adapters/dynamodb/document-client.js';
import { recentUsers } from '../adapters/dynamodb/recent-users.js';
import { dynamoTimelineStore } from '../adapters/dynamodb/timeline-store.js';
import { dynamoUnitOfWork } from '../adapters/dynamodb/unit-of-work.js';
import { dynamoUserStore } from '../adapters/dynamodb/user-store.js';
import { businessMetrics } from '../adapters/metrics.js';
import { s3Quarantine } from '../adapters/s3/quarantine.js';
import type { ScanDeps } from '../services/ports/scan.js';

/** What recording a malware scan's verdict needs, built once per container: the stores it touches only. */
export const scanDeps: ScanDeps = {
  attachments: dynamoAttachmentStore(documentClient, tableName),
  timeline: dynamoTimelineStore(documentClient, tableName),
  users: dynamoUserStore(documentClient, tableName, recentUsers()),
  unitOfWork: dynamoUnitOfWork(documentClient),
  now: () => clock.now(),
  newId: () => randomUUID(),
  correlationId: currentCorrelationId,
  metrics: businessMetrics,
  quarantine: s3Quarantine(),
  bucketName: () => readEnv(EnvName.bucketName, z.string().min(1)),
};
