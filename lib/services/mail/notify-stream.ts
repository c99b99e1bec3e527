import { TimelineEntry } from '../../domain/timeline-entry.js';
import type { TableStreamEvent } from '../../lambda/stream-event.js';
import { correlated } from '../../observability/correlation.js';
import { logger } from '../../observability/logger.js';
import { notifyEntry } from './notifier.js';
import type { NotifierDeps } from '../ports/deps.js';

/** Records mailed at once; the rest wait, so one batch does not open hundreds of SES calls. */
const concurrency = 5;

/**
 * A batch of new timeline entries from the table's stream. Each record is mailed on its own; a
 * record that fails is reported by its sequence number (Lambda's partial batch response), so
 * only it and the ones after it come again, and those already mailed find their mail records
 * and send nothing twice. An item that is not a timeline entry can never be mailed: it is
 * logged as an error and not retried.
 */
export const notifyStreamRecords = async (deps: NotifierDeps, event: TableStreamEvent) => {
  const failed = new Set<string>();
  const records = [...event.Records];
  const work = async () => {
    for (let record = records.shift(); record; record = records.shift()) {
      const sequence = record.dynamodb.SequenceNumber;
      const parsed = TimelineEntry.safeParse(record.dynamodb.NewImage);
      if (!parsed.success) {
        logger.error('stream record is not a timeline entry: nothing to mail', { eventID: record.eventID, issues: parsed.error.issues });
        continue;
      }
      // Each line about an entry names the action that wrote it (its correlation id), not this batch's invocation.
      const about = { requestId: parsed.data.requestId, entryId: parsed.data.entryId, ...correlated(parsed.data.correlationId) };
      try {
        const outcomes = await notifyEntry(deps, parsed.data);
        logger.info('entry mailed', { ...about, kind: parsed.data.kind, outcomes });
      } catch (error) {
        logger.warn('entry not mailed yet: will be retried', { ...about, error });
        failed.add(sequence);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, work));
  // In stream order: Lambda retries from the first failed record on.
  return { batchItemFailures: event.Records.filter((r) => failed.has(r.dynamodb.SequenceNumber)).map((r) => ({ itemIdentifier: r.dynamodb.SequenceNumber })) };
};
