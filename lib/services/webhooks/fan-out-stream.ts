import { TimelineEntry } from '../../domain/timeline-entry.js';
import type { TableStreamEvent } from '../../lambda/stream-event.js';
import { correlated } from '../../observability/correlation.js';
import { logger } from '../../observability/logger.js';
import type { WebhookFanOutDeps } from '../ports/webhooks.js';
import { fanOutEntry } from './fan-out.js';

/**
 * A batch of new timeline entries from the table's stream, fanned out in order. A record that
 * fails (the table or the queue did not answer) is reported by its sequence number, with every
 * record after it (Lambda retries a stream from the first failure on); a retried record makes no
 * second delivery (see `fanOutEntry`). An item that is not a timeline entry is logged, not retried.
 */
export const fanOutStreamRecords = async (deps: WebhookFanOutDeps, event: TableStreamEvent) => {
  for (const [index, record] of event.Records.entries()) {
    const parsed = TimelineEntry.safeParse(record.dynamodb.NewImage);
    if (!parsed.success) {
      logger.error('stream record is not a timeline entry: no webhook', { eventID: record.eventID, issues: parsed.error.issues });
      continue;
    }
    const about = { requestId: parsed.data.requestId, entryId: parsed.data.entryId, ...correlated(parsed.data.correlationId) };
    try {
      const outcome = await fanOutEntry(deps, parsed.data);
      if (outcome.queued.length + outcome.requeued.length > 0) logger.info('webhook deliveries queued', { ...about, kind: parsed.data.kind, ...outcome });
    } catch (error) {
      logger.warn('webhooks of an entry not queued yet: will be retried', { ...about, error });
      return { batchItemFailures: event.Records.slice(index).map((r) => ({ itemIdentifier: r.dynamodb.SequenceNumber })) };
    }
  }
  return { batchItemFailures: [] };
};
