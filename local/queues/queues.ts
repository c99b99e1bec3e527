import { QueueName } from '../../lib/config/access.js';
import { functionTimeoutSeconds } from '../../lib/config/limits.js';
import type { FunctionDefinition } from '../../lib/lambda/definition.js';
import type { BusinessClock } from '../workflow/clock.js';
import { createLocalQueue, type LocalQueue } from './local-queue.js';
import { localAccount, startQueueServer } from './queue-server.js';

export interface LocalQueuesOptions {
  host: string;
  /** The function table; a queue is made for each entry with a `queue` trigger. */
  functions: readonly Pick<FunctionDefinition, 'name' | 'trigger'>[];
  clock: BusinessClock;
  invoke: (functionName: string, event: unknown) => Promise<unknown>;
  region: string;
  log: (line: string) => void;
}

/**
 * The queues of the function table's `queue` entries, as the functions stack makes them in AWS
 * (a visibility timeout of six times the function's timeout, five receives before the dead-letter
 * queue), behind a small SQS endpoint; `queueUrls` is what QUEUE_URLS tells the producers.
 */
export const startLocalQueues = async (options: LocalQueuesOptions) => {
  const queues = new Map<string, LocalQueue>();
  for (const entry of options.functions) {
    if (entry.trigger.kind !== 'queue') continue;
    queues.set(
      entry.name,
      createLocalQueue({
        functionName: entry.name,
        batchSize: entry.trigger.batchSize,
        clock: options.clock,
        invoke: options.invoke,
        visibilityTimeoutSeconds: functionTimeoutSeconds * 6,
        maxReceiveCount: 5,
        arn: `arn:aws:sqs:${options.region}:${localAccount}:${entry.name}`,
        region: options.region,
        log: options.log,
      }),
    );
  }
  const server = await startQueueServer({ host: options.host, queues, log: options.log });
  const queueUrls = Object.fromEntries([...queues.keys()].filter((name) => QueueName.safeParse(name).success).map((name) => [name, server.queueUrl(name)]));
  if (queues.size > 0) options.log(`queues: ${[...queues.keys()].join(', ')} at ${server.url} (delays and visibility timeouts on the business clock)`);
  return {
    queueUrls,
    queues,
    stop: async () => {
      for (const queue of queues.values()) queue.stop();
      await server.stop();
    },
  };
};
