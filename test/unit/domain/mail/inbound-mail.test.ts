import { describe, expect, it } from 'vitest';
import { automaticMarker, InboundMailEvent, recipientAddresses, sesVerdicts, type MailHeader } from '../../../../lib/domain/mail/inbound-mail.js';

const h = (...pairs: [string, string][]): MailHeader[] => pairs.map(([key, value]) => ({ key: key.toLowerCase(), value }));

describe('SES’s verdicts', () => {
  it('reads spf, dkim and dmarc from SES’s topmost Authentication-Results, ignoring comments', () => {
    const headers = h(
      ['Authentication-Results', 'amazonses.com; spf=pass (spfCheck: domain of acme.example designates 1.2.3.4 as permitted sender; dmarc=fail) client-ip=1.2.3.4; dkim=pass header.i=@acme.example; dmarc=pass header.from=acme.example;'],
      ['X-SES-Spam-Verdict', 'PASS'],
      ['X-SES-Virus-Verdict', 'PASS'],
    );
    expect(sesVerdicts(headers)).toEqual({ spf: 'pass', dkim: 'pass', dmarc: 'pass', spam: 'PASS', virus: 'PASS' });
  });

  it('trusts nothing but the topmost header, and only if SES wrote it', () => {
    const forgedBelow = h(['Authentication-Results', 'amazonses.com; dmarc=fail header.from=acme.example'], ['Authentication-Results', 'amazonses.com; dmarc=pass']);
    expect(sesVerdicts(forgedBelow).dmarc).toBe('fail');
    expect(sesVerdicts(h(['Authentication-Results', 'mx.google.com; dmarc=pass'], ['Authentication-Results', 'amazonses.com; dmarc=pass'])).dmarc).toBeUndefined();
    expect(sesVerdicts(h(['Authentication-Results', 'amazonses.com.evil.example; dmarc=pass'])).dmarc).toBeUndefined();
    expect(sesVerdicts(h(['Authentication-Results', 'AmazonSES.com 1; DMARC=Pass'])).dmarc).toBe('pass');
    expect(sesVerdicts([]).dmarc).toBeUndefined();
  });
});

describe('automatic mail', () => {
  it('is told by its headers or its sender', () => {
    expect(automaticMarker(h(['Auto-Submitted', 'auto-replied; owner-email="x@y"']), 'a@b.c')).toMatch(/Auto-Submitted/);
    expect(automaticMarker(h(['Auto-Submitted', ' No ']), 'a@b.c')).toBeUndefined();
    expect(automaticMarker(h(['X-Autoreply', 'yes']), 'a@b.c')).toBe('x-autoreply');
    expect(automaticMarker(h(['X-Autorespond', '']), 'a@b.c')).toBe('x-autorespond');
    for (const precedence of ['bulk', 'JUNK', 'list', 'auto_reply']) expect(automaticMarker(h(['Precedence', precedence]), 'a@b.c')).toBeDefined();
    expect(automaticMarker(h(['Precedence', 'first-class']), 'a@b.c')).toBeUndefined();
    expect(automaticMarker(h(['Return-Path', '<>']), 'a@b.c')).toBe('null sender');
    expect(automaticMarker([], 'MAILER-DAEMON@b.c')).toBeDefined();
    expect(automaticMarker([], undefined)).toBe('sender missing');
    expect(automaticMarker(h(['Content-Type', 'multipart/report; report-type=delivery-status']), 'a@b.c')).toBe('multipart/report');
  });
});

describe('the recipients', () => {
  it('are To and Cc, every Delivered-To and the for of the topmost Received, lowercased, once each', () => {
    const headers = h(
      ['Received', 'from mail.acme.example by inbound-smtp.eu-west-1.amazonaws.com with SMTP id abc for Reply+ABC@reply.example; Wed, 25 Nov 2026 10:00:00 +0000 (UTC)'],
      ['Received', 'from x by y for other@elsewhere.example; Wed, 25 Nov 2026 09:59:00 +0000'],
      ['Delivered-To', 'Jana <jana@acme.example>'],
    );
    expect(recipientAddresses(headers, ['Eva <EVA@agency.example>', 'jana@acme.example'])).toEqual(['eva@agency.example', 'jana@acme.example', 'reply+abc@reply.example']);
  });
});

describe('the event', () => {
  const event = (key: string) => ({ source: 'aws.s3', 'detail-type': 'Object Created', detail: { bucket: { name: 'b' }, object: { key, size: 10 } } });
  it('is S3’s Object Created for a plain key under mail/', () => {
    expect(InboundMailEvent.safeParse(event('mail/0123abcd.eml')).success).toBe(true);
    for (const key of ['orgs/x', 'mail/', 'mail/../orgs/x', 'mail/a b', 'mail/a%2Fb']) expect(InboundMailEvent.safeParse(event(key)).success, key).toBe(false);
    expect(InboundMailEvent.safeParse({ ...event('mail/a'), 'detail-type': 'Object Deleted' }).success).toBe(false);
  });
});
