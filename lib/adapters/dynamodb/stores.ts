import type { DocumentClient } from './document-client.js';
import type { ServiceDeps } from '../../services/ports/deps.js';
import { dynamoAttachmentStore } from './attachment-store.js';
import { dynamoAuditLog } from './audit-log-store.js';
import { dynamoCallerContext } from './caller-context.js';
import { dynamoFeedbackStore } from './feedback-store.js';
import { dynamoHandoverStore } from './handover-store.js';
import { dynamoIdempotencyStore } from './idempotency-store.js';
import { dynamoOfferStore } from './offer-store.js';
import { dynamoOrderStore } from './order-store.js';
import { dynamoOrganisationStore } from './organisation-store.js';
import { dynamoPaymentStore } from './payment-store.js';
import { dynamoWorkflowStore } from './workflow-store.js';
import { dynamoParticipantStore } from './participant-store.js';
import { dynamoQueueStore } from './queue-store.js';
import type { RecentUsers } from './recent-users.js';
import { dynamoRequestStore } from './request-store.js';
import { dynamoTimelineStore } from './timeline-store.js';
import { dynamoUnitOfWork } from './unit-of-work.js';
import { dynamoUserStore } from './user-store.js';

/** Every store of the single table and the unit of work that commits their writes, on one client. */
export const dynamoStores = (client: DocumentClient, tableName: () => string, recent: RecentUsers) => {
  const organisations = dynamoOrganisationStore(client, tableName);
  return {
    requests: dynamoRequestStore(client, tableName),
    timeline: dynamoTimelineStore(client, tableName),
    attachments: dynamoAttachmentStore(client, tableName),
    participants: dynamoParticipantStore(client, tableName),
    idempotency: dynamoIdempotencyStore(client, tableName),
    queues: dynamoQueueStore(client, tableName),
    organisations,
    billing: organisations,
    offers: dynamoOfferStore(client, tableName),
    orders: dynamoOrderStore(client, tableName),
    payments: dynamoPaymentStore(client, tableName),
    workflows: dynamoWorkflowStore(client, tableName),
    handovers: dynamoHandoverStore(client, tableName),
    feedback: dynamoFeedbackStore(client, tableName),
    audit: dynamoAuditLog(client, tableName),
    users: dynamoUserStore(client, tableName, recent),
    callers: dynamoCallerContext(client, tableName, recent),
    unitOfWork: dynamoUnitOfWork(client),
  } satisfies Omit<ServiceDeps, 'now' | 'newId' | 'correlationId' | 'metrics'>;
};
