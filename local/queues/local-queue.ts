import { randomUUID } from 'node:crypto';
import type { BusinessClock } from '../workflow/clock.js';

/** One message as the queue keeps it. */
interface Message {
  messageId: string;
  body: string;
  sentAt: number;
  /** Business time from which it may be received (its delay, or its visibility timeout after a failure). */
  visibleAt: number;
  receiveCount: number;
  inFlight: boolean;
}

export interface LocalQueueOptions {
  /** The function its event source mapping hands batches to. */
  functionName: string;
  batchSize: number;
  clock: BusinessClock;
  /** Runs the function with an SQS event; what it returns is its answer, what it throws fails the batch. */
  invoke: (functionName: string, event: unknown) => Promise<unknown>;
  /** Business seconds a failed message stays hidden before it comes again (the queue's visibility timeout). */
  visibilityTimeoutSeconds: number;
  /** Receives after which a message goes to the dead-letter list (the redrive policy's maxReceiveCount). */
  maxReceiveCount: number;
  arn: string;
  region: string;
  log: (line: string) => void;
}

/** Which messages of a batch the function handed back (its partial batch response), all of them if it threw or answered nonsense. */
const failedIds = (answer: unknown, batch: readonly Message[]): Set<string> => {
  const failures = (answer as { batchItemFailures?: unknown } | null | undefined)?.batchItemFailures;
  if (!Array.isArray(failures)) return new Set();
  return new Set(failures.map((failure) => (failure as { itemIdentifier?: unknown }).itemIdentifier).filter((id): id is string => batch.some((m) => m.messageId === id)));
};

/**
 * One SQS queue and its Lambda event source mapping, in memory: messages wait out their delay on
 * the business clock (so a test that moves the clock moves them), are handed to the function in
 * batches as an `SQSEvent`, and those it reports failed (`reportBatchItemFailures`) come back
 * after the visibility timeout, until the fifth receive sends them to the dead-letter list, which
 * is logged. Messages do not survive a restart (nothing is lost: the retry sweep finds what is due).
 */
export const createLocalQueue = (options: LocalQueueOptions) => {
  const { clock, log, functionName } = options;
  const messages = new Map<string, Message>();
  const deadLetters: Message[] = [];
  const timers = new Set<() => void>();
  let running = false;
  let stopped = false;

  const visible = () => {
    const now = clock.now().getTime();
    return [...messages.values()].filter((message) => !message.inFlight && message.visibleAt <= now).sort((a, b) => a.visibleAt - b.visibleAt || a.sentAt - b.sentAt);
  };

  /** Wakes the poller when a hidden message becomes visible, by business time. */
  const wakeAt = (at: number) => {
    const cancel = clock.at(new Date(at), () => {
      timers.delete(cancel);
      poll();
    }, `queue ${functionName}`);
    timers.add(cancel);
  };

  const receive = async (batch: Message[]) => {
    for (const message of batch) {
      message.inFlight = true;
      message.receiveCount += 1;
    }
    const now = clock.now();
    const event = {
      Records: batch.map((message) => ({
        messageId: message.messageId,
        receiptHandle: message.messageId,
        body: message.body,
        attributes: {
          ApproximateReceiveCount: String(message.receiveCount),
          SentTimestamp: String(message.sentAt),
          ApproximateFirstReceiveTimestamp: String(now.getTime()),
        },
        messageAttributes: {},
        eventSource: 'aws:sqs',
        eventSourceARN: options.arn,
        awsRegion: options.region,
      })),
    };
    let failed: Set<string>;
    try {
      failed = failedIds(await options.invoke(functionName, event), batch);
    } catch (error) {
      log(`queue ${functionName}: ${batch.length} messages, threw ${error instanceof Error ? error.message : String(error)}`);
      failed = new Set(batch.map((message) => message.messageId));
    }
    const retryAt = clock.now().getTime() + options.visibilityTimeoutSeconds * 1000;
    for (const message of batch) {
      message.inFlight = false;
      if (!failed.has(message.messageId)) {
        messages.delete(message.messageId);
      } else if (message.receiveCount >= options.maxReceiveCount) {
        messages.delete(message.messageId);
        deadLetters.push(message);
        log(`queue ${functionName}: dead letter after ${message.receiveCount} receives: ${message.messageId} ${message.body}`);
      } else {
        message.visibleAt = retryAt;
        wakeAt(retryAt);
      }
    }
    if (failed.size > 0) log(`queue ${functionName}: ${failed.size} of ${batch.length} messages failed; back after ${options.visibilityTimeoutSeconds} s`);
  };

  /** Hands out batches while messages are visible, one batch at a time. */
  const poll = () => {
    if (running || stopped) return;
    running = true;
    void (async () => {
      try {
        for (let batch = visible().slice(0, options.batchSize); batch.length > 0 && !stopped; batch = visible().slice(0, options.batchSize)) await receive(batch);
      } finally {
        running = false;
        // A message sent while the last batch ran.
        if (visible().length > 0 && !stopped) poll();
      }
    })();
  };

  return {
    functionName,
    /** SendMessage: visible now, or after `delaySeconds` of business time. */
    send(body: string, delaySeconds = 0): string {
      const messageId = randomUUID();
      const now = clock.now().getTime();
      const message: Message = { messageId, body, sentAt: now, visibleAt: now + delaySeconds * 1000, receiveCount: 0, inFlight: false };
      messages.set(messageId, message);
      if (delaySeconds > 0) wakeAt(message.visibleAt);
      else queueMicrotask(poll);
      return messageId;
    },
    /** What waits: visible, hidden (delayed or after a failure) and in flight. */
    get depth() {
      return messages.size;
    },
    get deadLetters(): readonly { messageId: string; body: string }[] {
      return deadLetters;
    },
    stop() {
      stopped = true;
      for (const cancel of timers) cancel();
      timers.clear();
    },
  };
};

export type LocalQueue = ReturnType<typeof createLocalQueue>;
