import { describe, expect, it } from 'vitest';
import { MailEvent, undeliverableOf } from '../../../../lib/domain/mail/mail-event.js';

/** SES's EventBridge bounce event, in the documented shape. */
const bounceEvent = {
  version: '0',
  id: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
  'detail-type': 'Email Bounced',
  source: 'aws.ses',
  account: '123456789012',
  time: '2026-11-24T09:06:12Z',
  region: 'eu-central-1',
  resources: ['arn:aws:ses:eu-central-1:123456789012:configuration-set/orderdesk-dev'],
  detail: {
    eventType: 'Bounce',
    bounce: {
      feedbackId: '01000170d1c5b3d7-example-000000',
      bounceType: 'Permanent',
      bounceSubType: 'General',
      bouncedRecipients: [{ emailAddress: 'Petr.Svoboda@Example.CZ', action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
      timestamp: '2026-11-24T09:06:11.000Z',
      reportingMTA: 'dsn; a1-2.smtp-out.eu-central-1.amazonses.com',
    },
    mail: {
      timestamp: '2026-11-24T09:06:10.000Z',
      source: 'helpdesk@azami.example',
      sendingAccountId: '123456789012',
      messageId: '01000170d1c5b0c0-example-000000',
      destination: ['Petr.Svoboda@Example.CZ'],
      headersTruncated: false,
      tags: { 'ses:configuration-set': ['orderdesk-dev'], request: ['2026-0042'] },
    },
  },
};

const parsed = (event: unknown) => MailEvent.parse(event);
const withDetail = (detail: Record<string, unknown>) => ({ ...bounceEvent, detail: { ...bounceEvent.detail, ...detail } });

describe('MailEvent', () => {
  it('accepts SES’s EventBridge bounce event', () => {
    const event = MailEvent.safeParse(bounceEvent);
    expect(event.success).toBe(true);
    expect(event.data?.time).toBe('2026-11-24T09:06:12Z');
    expect(event.data?.detail.mail.tags?.request).toEqual(['2026-0042']);
  });

  it('refuses an event without time', () => {
    const { time: _time, ...timeless } = bounceEvent;
    expect(MailEvent.safeParse(timeless).success).toBe(false);
  });

  it('refuses an event from another source', () => {
    expect(MailEvent.safeParse({ ...bounceEvent, source: 'aws.s3' }).success).toBe(false);
  });
});

describe('undeliverableOf', () => {
  it('stops mailing every permanently bounced recipient, lower-cased, with the diagnostic code', () => {
    const event = withDetail({
      bounce: {
        ...bounceEvent.detail.bounce,
        bouncedRecipients: [...bounceEvent.detail.bounce.bouncedRecipients, { emailAddress: 'EVA@example.cz', diagnosticCode: 'smtp; 550 mailbox gone' }],
      },
    });
    expect(undeliverableOf(parsed(event))).toEqual([
      { email: 'petr.svoboda@example.cz', reason: 'bounce', detail: 'smtp; 550 5.1.1 user unknown' },
      { email: 'eva@example.cz', reason: 'bounce', detail: 'smtp; 550 mailbox gone' },
    ]);
  });

  it.each(['Transient', 'Undetermined'])('keeps mailing after a %s bounce', (bounceType) => {
    expect(undeliverableOf(parsed(withDetail({ bounce: { ...bounceEvent.detail.bounce, bounceType } })))).toEqual([]);
  });

  it('stops mailing whoever complained', () => {
    const event = {
      ...bounceEvent,
      'detail-type': 'Email Complaint Received',
      detail: {
        eventType: 'Complaint',
        mail: bounceEvent.detail.mail,
        complaint: { complainedRecipients: [{ emailAddress: 'Jana@Acme.Example' }], complaintFeedbackType: 'abuse', timestamp: '2026-11-24T10:00:00.000Z' },
      },
    };
    const stop = undeliverableOf(parsed(event));
    expect(stop.map(({ email, reason }) => ({ email, reason }))).toEqual([{ email: 'jana@acme.example', reason: 'complaint' }]);
  });

  it('stops mailing nobody after a delivery', () => {
    const event = { ...bounceEvent, 'detail-type': 'Email Delivered', detail: { eventType: 'Delivery', mail: bounceEvent.detail.mail } };
    expect(undeliverableOf(parsed(event))).toEqual([]);
  });
});
