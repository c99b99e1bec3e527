import type { InboundOutcome } from '../../../domain/mail/inbound-mail.js';
import { oneLine } from '../../../mail/plain-text.js';
import { logger } from '../../../observability/logger.js';
import type { MetricName } from '../../../observability/metric-names.js';
import type { InboundMailDeps } from '../../ports/deps.js';
import { handleMail } from './handle-mail.js';

const outcomeMetrics = { posted: 'InboundMailPosted', refused: 'InboundMailRefused', dropped: 'InboundMailDropped' } as const satisfies Record<InboundOutcome['outcome'], MetricName>;

/** One structured line per mail: the outcome, its reason, the object, the sender, the request. */
const logOutcome = (outcome: InboundOutcome) => {
  if (outcome.outcome === 'posted') {
    const { leftOut, ...rest } = outcome;
    logger.info('inbound mail posted', { ...rest, leftOut: leftOut.map((file) => `${oneLine(file.fileName)} (${file.why})`) });
  } else if (outcome.outcome === 'dropped') logger.info('inbound mail dropped', outcome);
  else logger.warn('inbound mail refused', outcome);
};

/**
 * A mail SES received and stored under `mail/`: posted as its sender's message on the request
 * its reply address names, or refused (nothing posted, one line logged, the sender answered at
 * most once a day) or dropped (automatic mail: never answered). The stored mail stays as it is,
 * whatever becomes of it. Handling the same object again (a redelivered event) answers the first
 * outcome and does nothing more.
 */
export const receiveMail = async (deps: InboundMailDeps, objectKey: string): Promise<InboundOutcome> => {
  const now = deps.now();
  const earlier = await deps.records.handled(objectKey, now);
  if (earlier) {
    logger.info('inbound mail handled before: nothing done again', { objectKey, outcome: earlier.outcome });
    return { ...earlier, replayed: true };
  }
  const outcome = await handleMail(deps, objectKey, now);
  await deps.records.record(outcome, now);
  deps.metrics.count(outcomeMetrics[outcome.outcome]);
  logOutcome(outcome);
  return outcome;
};
