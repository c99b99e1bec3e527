import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../lib/domain/timeline-entry.js';
import { createFunctionHandler } from '../../../lib/lambda/create-function-handler.js';
import { functions } from '../../../lib/lambda/table.js';
import { currentCorrelationId } from '../../../lib/observability/correlation.js';
import { recordMailEvent } from '../../../lib/services/mail/mail-events.js';
import { lambdaContext } from '../../support/lambda.js';
import { recordingMetrics } from '../../support/metrics.js';
import type { MailEventDeps } from '../../../lib/services/ports/deps.js';

/** record-mail-event as the function runs it, on fakes: the entries it writes kept, the metrics it counts recorded. */
const world = () => {
  const entries: TimelineEntry[] = [];
  const suppressed: string[] = [];
  const { metrics, counts } = recordingMetrics();
  const deps: MailEventDeps = {
    requests: { mustExist: () => ({ label: 'request' }) } as never,
    timeline: { append: (entry: TimelineEntry) => (entries.push(entry), { label: 'entry' }) } as never,
    users: { findByEmail: async () => undefined } as never,
    unitOfWork: { commit: async () => undefined },
    now: () => new Date('2026-11-25T10:00:00.000Z'),
    correlationId: currentCorrelationId,
    metrics,
    suppressions: { suppress: async ({ email }) => void suppressed.push(email), list: async () => ({ items: [] }), lift: async () => undefined },
  };
  const handler = createFunctionHandler(functions.recordMailEvent)(({ event }) => recordMailEvent(deps, event));
  return { handler, entries, suppressed, counts };
};

const bounce = (tags: Record<string, string[]>) => ({
  source: 'aws.ses',
  'detail-type': 'Email Bounced',
  time: '2026-11-25T09:59:00.000Z',
  detail: {
    eventType: 'Bounce',
    mail: { messageId: 'ses-0100019a', tags },
    bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: 'petr@acme.example' }, { emailAddress: 'jana@acme.example' }] },
  },
});

describe('a bounce', () => {
  it('records on the request the action whose mail bounced (the mail’s correlation-id tag), and counts the addresses it suppressed', async () => {
    const { handler, entries, suppressed, counts } = world();
    await handler(bounce({ request: ['2026-0042'], 'correlation-id': ['JKJaXmPLvHcESHA_'] }), lambdaContext());
    expect(suppressed).toEqual(['petr@acme.example', 'jana@acme.example']);
    expect(entries.map((entry) => [entry.kind, entry.correlationId])).toEqual([
      ['mail_undeliverable', 'JKJaXmPLvHcESHA_'],
      ['mail_undeliverable', 'JKJaXmPLvHcESHA_'],
    ]);
    expect(counts()).toEqual({ AddressesSuppressed: 2 });
  });

  it('of a mail sent before mails were tagged with it is the SES message’s own', async () => {
    const { handler, entries } = world();
    await handler(bounce({ request: ['2026-0042'] }), lambdaContext());
    expect(entries.map((entry) => entry.correlationId)).toEqual(['ses:ses-0100019a', 'ses:ses-0100019a']);
  });
});
