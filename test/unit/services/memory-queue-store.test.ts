import { randomUUID } from 'node:crypto';
import { formatRequestNumber } from '../../../lib/domain/request.js';
import { describeQueueStore } from '../../support/contracts/queue-store.js';
import { memoryRequests } from '../../support/memory/memory-requests.js';
import { memoryUnitOfWork } from '../../support/memory/memory-unit-of-work.js';

// The memory stores the service tests use hold to the same contract as the DynamoDB ones
// (test/integration/queue-store.test.ts).
let sequence = 0;
const stores = { ...memoryRequests(), unitOfWork: memoryUnitOfWork() };
describeQueueStore('memory', () => ({
  ...stores,
  newOrgId: () => randomUUID(),
  newRequestId: async () => formatRequestNumber(2026, ++sequence),
}));
