import { randomUUID } from 'node:crypto';
import { formatRequestNumber } from '../../lib/domain/request.js';
import { describeQueueStore } from '../support/contracts/queue-store.js';
import { countedServices } from '../support/counted-services.js';

// The DynamoDB stores on DynamoDB Local hold to the contract the service tests' memory stores are held to
// (test/unit/services/memory-queue-store.test.ts).
const { deps } = countedServices();
describeQueueStore('DynamoDB', () => ({
  ...deps,
  newOrgId: () => randomUUID(),
  // A year no other test files requests in, numbered by the table's own counter.
  newRequestId: async () => formatRequestNumber(2091, await deps.requests.nextSequence(2091)),
}));
