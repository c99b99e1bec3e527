import { describe, expect, it } from 'vitest';
import { brandOf } from '../../../lib/mail/brands.js';
import { renderWebhookDisabledMail, type WebhookDisabledMail } from '../../../lib/mail/webhook-disabled.js';

const mail = (change: Partial<WebhookDisabledMail> = {}): WebhookDisabledMail => ({
  brand: brandOf('azami', 'https://portal.azami.example'),
  language: 'cs',
  name: 'Tomáš Správce',
  url: 'https://hooks.digimadi.example/orderdesk?a=1&b=2',
  description: 'Stav požadavků <script>',
  failingSince: '2026-03-02T08:00:00.000Z',
  lastError: 'HTTP 503',
  webhooksUrl: 'https://portal.azami.example/webhooks',
  ...change,
});

describe('the mail that a webhook was disabled', () => {
  it('tells an agency admin in Czech which subscription, since when, what came back last and what to do', () => {
    const { subject, html, text } = renderWebhookDisabledMail(mail(), 5);
    expect(subject).toBe('Webhook byl vypnut: příjemce dlouho neodpovídá');
    expect(text).toContain('nepřijal žádnou zprávu už 5 dní');
    expect(text).toContain('Selhává od: 2. března 2026 v 9:00');
    expect(text).toContain('Poslední odpověď: HTTP 503');
    expect(html).toContain('https://hooks.digimadi.example/orderdesk?a=1&amp;b=2');
    expect(html).toContain('href="https://portal.azami.example/webhooks"');
    // What the subscription's description says is text, never markup.
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('is written in English for an admin who reads English', () => {
    const { subject, text, html } = renderWebhookDisabledMail(mail({ language: 'en', description: undefined, lastError: undefined }), 5);
    expect(subject).toBe('Webhook disabled: its receiver has been failing');
    expect(text).toContain('accepted no delivery for 5 days');
    expect(text).toContain('Failing since: 2 March 2026 at 09:00');
    expect(text).not.toContain('Last answer');
    expect(html).toContain('lang="en"');
  });
});
