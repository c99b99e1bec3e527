import { describe, expect, it } from 'vitest';
import * as delivery from '../../../lib/domain/webhooks/delivery.js';
import { webhookEventTypes } from '../../../lib/domain/webhooks/event-types.js';
import * as subscription from '../../../lib/domain/webhooks/subscription.js';
import { webhookTimeoutMs } from '../../../lib/adapters/http/webhook-sender.js';
import { attemptOutcome } from '../../../portal/src/agency/webhooks/attempt-words.js';
import { eventNames, eventSentences, eventTypes } from '../../../portal/src/agency/webhooks/event-types.js';
import { readablePayload, requestTitleOf } from '../../../portal/src/agency/webhooks/payload.js';
import { draftOf, newSubscriptionBody, subscriptionChange } from '../../../portal/src/agency/webhooks/subscription-body.js';
import { choiceReason, urlReason } from '../../../portal/src/agency/webhooks/url-reasons.js';
import * as limits from '../../../portal/src/agency/webhooks/webhook-limits.js';

describe('the webhook pages’ words and rules', () => {
  it('names and explains every event type the API has, in both languages', () => {
    expect(eventTypes).toBe(webhookEventTypes);
    for (const language of ['cs', 'en'] as const) {
      for (const type of webhookEventTypes) {
        expect(eventNames[language][type], `${language} ${type}`).toMatch(/\S/);
        expect(eventSentences[language][type], `${language} ${type}`).toMatch(/\.$/);
      }
    }
  });

  it('says the same hours and days as the API enforces', () => {
    expect(limits.retryHours).toBe(delivery.retryHours);
    expect(limits.disableAfterDays).toBe(subscription.disableAfterDays);
    expect(limits.previousSecretHours).toBe(subscription.previousSecretHours);
    expect(limits.timeoutSeconds * 1000).toBe(webhookTimeoutMs);
  });

  // The reasons lib/services/webhooks/subscriptions.ts gives for `body.url`, as it words them.
  it.each([
    ['is not a URL: give one like https://hooks.example.com/orderdesk', 'This is not a web address', 'Tohle není webová adresa'],
    ['only https URLs', 'must start with https://', 'musí začínat https://'],
    ['only https URLs (and, on this local stack, http://127.0.0.1 or http://localhost)', 'http://127.0.0.1:<port> works too', 'funguje i http://127.0.0.1'],
    ['must hold no user name or password: a receiver knows deliveries by their signature', 'Leave the user name and password out', 'Uživatelské jméno a heslo do adresy nepatří'],
    ['only the default port (443) or one above 1023', 'default port (443)', 'výchozí port (443)'],
    ['this address is in a private network, on this machine or link-local: webhooks go to public addresses only', 'This address is in a private network', 'Tahle adresa je v privátní síti'],
    ['this host name does not resolve', 'does not exist', 'neexistuje'],
    ['this host name resolves to an address in a private network, on this machine or link-local: webhooks go to public addresses only', 'points to a private network', 'vede do privátní sítě'],
  ])('words the URL refusal “%s” as a sentence in either language', (reason, en, cs) => {
    expect(urlReason(reason, 'en')).toContain(en);
    expect(urlReason(reason, 'cs')).toContain(cs);
  });

  it('leaves a reason it does not know as the API gave it, and words the choices’ own', () => {
    expect(urlReason('Too small: expected string to have >=1 characters', 'cs')).toBe('Too small: expected string to have >=1 characters');
    expect(choiceReason('eventTypes', 'Too small: expected array to have >=1 items', 'cs')).toBe('Vyberte alespoň jednu událost.');
    expect(choiceReason('orgId', 'no organisation has this id', 'en')).toContain('not there any more');
  });

  it('says what came of each try: the receiver’s status, or why there was none', () => {
    const at = '2026-03-01T10:00:00.000Z';
    expect(attemptOutcome({ at, ms: 12, status: 204 }, 'en')).toBe('HTTP 204: received');
    expect(attemptOutcome({ at, ms: 12, status: 500 }, 'cs')).toBe('HTTP 500: příjemce doručení odmítl');
    expect(attemptOutcome({ at, ms: 5000, error: 'timeout' }, 'en')).toBe('No answer within 5 seconds');
    expect(attemptOutcome({ at, ms: 3, status: 301, error: 'redirect' }, 'en')).toContain('HTTP 301: a redirect');
    expect(attemptOutcome({ at, ms: 3, error: 'refused_address' }, 'cs')).toContain('privátní sítě');
    expect(attemptOutcome({ at, ms: 3, error: 'connection_refused' }, 'en')).toContain('refused the connection');
    expect(attemptOutcome({ at, ms: 3, error: 'something_new' }, 'en')).toBe('Failed: something_new');
  });

  it('reads the request’s title from a delivery’s body, and shows a body that is not JSON as it is', () => {
    const body = JSON.stringify({ type: 'message.posted', data: { request: { requestId: '2026-0001', title: 'Košík' } } });
    expect(requestTitleOf(body)).toBe('Košík');
    expect(readablePayload(body)).toContain('\n  "type": "message.posted"');
    expect(requestTitleOf('not json')).toBeUndefined();
    expect(requestTitleOf('{"data":{"request":{"title":7}}}')).toBeUndefined();
    expect(readablePayload('not json')).toBe('not json');
  });

  it('sends a new subscription without empty optional fields, and a change with only what differs', () => {
    expect(newSubscriptionBody({ url: ' https://hooks.example.com/x ', eventTypes: ['request.created'], orgId: '', description: '  ' })).toEqual({
      url: 'https://hooks.example.com/x',
      eventTypes: ['request.created'],
    });
    const read = {
      subscriptionId: 'wh-1',
      url: 'https://hooks.example.com/x',
      eventTypes: ['request.created', 'message.posted'] as ('request.created' | 'message.posted')[],
      orgId: 'org-a',
      description: 'Azami',
      state: 'active' as const,
      createdAt: '2026-03-01T10:00:00.000Z',
      updatedAt: '2026-03-01T10:00:00.000Z',
      version: 3,
    };
    const draft = draftOf(read);
    expect(subscriptionChange(read, draft)).toEqual({});
    // The same events in another order are no change.
    expect(subscriptionChange(read, { ...draft, eventTypes: ['message.posted', 'request.created'] })).toEqual({});
    expect(subscriptionChange(read, { ...draft, orgId: '', description: '' })).toEqual({ orgId: null, description: null });
    expect(subscriptionChange(read, { ...draft, url: 'https://hooks.example.com/y', eventTypes: ['message.posted'] })).toEqual({ url: 'https://hooks.example.com/y', eventTypes: ['message.posted'] });
  });
});
