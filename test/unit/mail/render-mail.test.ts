import { describe, expect, it } from 'vitest';
import { platforms, type Platform } from '../../../lib/domain/platform.js';
import { TimelineEntryKind } from '../../../lib/domain/timeline-entry.js';
import type { Language } from '../../../lib/mail/i18n.js';
import { renderMail, type MailContext } from '../../../lib/mail/render-mail.js';
import { agency, client, contextFor, entries, participant, portals, reviewSteps, seenBy, stepContext } from './fixtures.js';

const what: Record<TimelineEntryKind, string> = {
  request_created: 'a new request',
  status_changed: 'a status change',
  message: 'a message',
  internal_note: 'an internal note',
  attachment_added: 'an added attachment',
  participant_invited: 'an invited participant',
  participant_removed: 'a removed participant',
  rank_changed: 'a queue reorder',
  assignee_changed: 'an assignee change',
  mail_undeliverable: 'an undeliverable address',
  offer_posted: 'a posted offer',
  offer_reminder: 'an offer reminder',
  order_issued: 'an issued order',
  payment_reminder: 'a payment reminder',
  payment_flagged: 'a flagged payment',
  payment_resolved: 'a resolved payment',
  review_reminder: 'a review reminder',
  attachment_blocked: 'a blocked file',
};
const languageNames: Record<Language, string> = { cs: 'Czech', en: 'English' };
const brandNames: Record<Platform, string> = { azami: 'Azami', digimadi: 'Digimadi' };

const cases = TimelineEntryKind.options.flatMap((kind) =>
  (['cs', 'en'] as const).flatMap((language) =>
    platforms.map((platform) => ({ kind, language, platform, name: `renders ${what[kind]} in ${languageNames[language]} for ${brandNames[platform]}` })),
  ),
);

describe('renderMail', () => {
  it('has a fixture for every kind of timeline entry', () => {
    expect(Object.keys(entries).sort()).toEqual([...TimelineEntryKind.options].sort());
  });

  it.each(cases)('$name', ({ kind, language, platform }) => {
    const mail = renderMail(contextFor(kind, language, platform));
    expect(mail.subject).toMatch(/^\[#2026-0042\] \S.* – Oprava přihlášení přes Google$/);
    expect(mail.html).toMatch(new RegExp(`^<!DOCTYPE html>\\n<html lang="${language}">`));
    expect(mail.html).toContain(`${portals[platform]}/requests/2026-0042?link=open-token`);
    expect(mail.html).toContain(`${portals[platform]}/mute?link=mute-token`);
    expect(mail.text).toContain(`${portals[platform]}/requests/2026-0042?link=open-token`);
    expect(mail.text).toContain(`${portals[platform]}/mute?link=mute-token`);
    expect(mail.preheader.length).toBeGreaterThan(0);
    expect(mail.html).toContain(mail.preheader.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
    expect({ subject: mail.subject, text: mail.text, html: mail.html }).toMatchSnapshot();
  });

  it('writes the subject in the recipient’s language', () => {
    expect(renderMail(contextFor('message', 'cs', 'azami')).subject).toBe('[#2026-0042] Nová zpráva – Oprava přihlášení přes Google');
    expect(renderMail(contextFor('message', 'en', 'azami')).subject).toBe('[#2026-0042] New message – Oprava přihlášení přes Google');
    expect(renderMail(contextFor('status_changed', 'en', 'digimadi')).subject).toBe('[#2026-0042] New offer – Oprava přihlášení přes Google');
  });

  it('is Czech when the language is missing or unknown', () => {
    for (const language of [undefined, 'de', ''] as unknown as Language[]) {
      const mail = renderMail(contextFor('message', 'cs', 'azami', { recipient: { ...client, name: 'Petr', language } }));
      expect(mail.subject).toContain('Nová zpráva');
      expect(mail.html).toContain('<html lang="cs">');
    }
  });

  it('marks an internal note as not visible to the client, in both formats', () => {
    const cs = renderMail(contextFor('internal_note', 'cs', 'azami'));
    expect(cs.html).toContain('Interní poznámka – klient ji nevidí');
    expect(cs.text).toContain('Interní poznámka – klient ji nevidí');
    expect(renderMail(contextFor('internal_note', 'en', 'azami')).html).toContain('Internal note – not visible to the client');
  });

  it('names orderdesk itself as the brand', () => {
    const mail = renderMail(contextFor('mail_undeliverable', 'en', 'digimadi'));
    expect(mail.text).not.toContain('orderdesk notifier');
    expect(mail.text).toMatch(/^Digimadi · 24\u00a0Nov\u00a02026, 10:05$/m);
  });

  it('tells who reordered the queue, how many moved and the order now', () => {
    const en = renderMail(contextFor('rank_changed', 'en', 'azami'));
    expect(en.text).toContain('Acme s.r.o. reordered its queue: 3 requests moved.');
    expect(en.text).toMatch(/1\. #2026-0042 Oprava přihlášení přes Google {2}← this request\n {2}2\. #2026-0038/);
    const cs = renderMail(contextFor('rank_changed', 'cs', 'azami', { moved: 5 }));
    expect(cs.text).toContain('Organizace Acme s.r.o. změnila pořadí své fronty: přesunuto 5 požadavků.');
  });

  it('shows the top ten of a long queue and this request below the cut', () => {
    const queue = Array.from({ length: 25 }, (_, i) => ({ requestId: `2026-${String(100 + i).padStart(4, '0')}`, title: `Request ${i + 1}`, position: i + 1 }));
    queue[19] = { requestId: '2026-0042', title: 'Oprava přihlášení přes Google', position: 20 };
    const mail = renderMail(contextFor('rank_changed', 'en', 'azami', { queue }));
    expect(mail.text).toContain(' 10. #2026-0109 Request 10');
    expect(mail.text).not.toContain('Request 11');
    expect(mail.text).toContain('… and 15 more');
    expect(mail.text).toContain(' 20. #2026-0042 Oprava přihlášení přes Google  ← this request');
  });

  it('words the complaint case of an undeliverable address', () => {
    const context = contextFor('mail_undeliverable', 'cs', 'azami');
    context.entry.details = { email: 'petr@example.cz', name: 'Petr', reason: 'complaint' };
    expect(renderMail(context).text).toContain('E-maily na adresu petr@example.cz (Petr) byly označeny jako nevyžádané');
  });

  it('caps a long subject with an ellipsis and keeps its head', () => {
    const context = contextFor('message', 'en', 'azami');
    const mail = renderMail({ ...context, request: { ...context.request, title: 'Dlouhý název '.repeat(40) } });
    expect(Array.from(mail.subject)).toHaveLength(200);
    expect(mail.subject).toMatch(/^\[#2026-0042\] New message – Dlouhý název .*…$/);
  });

  it('turns a link the caller got wrong into a dead one', () => {
    const context = contextFor('message', 'en', 'azami');
    const mail = renderMail({ ...context, links: { request: 'javascript:alert(1)', unsubscribe: 'data:text/html,x', preferences: ' https://portal.azami.test/settings/mail' } });
    expect(mail.html).not.toMatch(/javascript:|data:text/);
    expect(mail.html).toContain('href="#"');
    expect(mail.html).toContain('href="https://portal.azami.test/settings/mail"');
  });
});

describe('mail about offers, orders and payments', () => {
  const render = (kind: TimelineEntryKind, language: Language, details?: Record<string, string>, body?: string) => {
    const context = contextFor(kind, language, 'digimadi');
    return renderMail(details || body !== undefined ? { ...context, entry: { ...context.entry, ...(details ? { details } : {}), ...(body !== undefined ? { body } : {}) } } : context);
  };

  it('names a revised offer and the one it replaces, in the subject and the headline', () => {
    const en = render('offer_posted', 'en');
    expect(en.subject).toBe('[#2026-0042] Offer 2 (replaces offer 1) – Oprava přihlášení přes Google');
    expect(en.text).toMatch(/^Offer 2 \(replaces offer 1\)$/m);
    expect(render('offer_posted', 'cs').subject).toBe('[#2026-0042] Nabídka 2 (nahrazuje nabídku 1) – Oprava přihlášení přes Google');
    const { supersedes: _, ...first } = contextFor('offer_posted', 'en', 'azami').entry.details!;
    expect(render('offer_posted', 'en', { ...first, number: '1' }).subject).toBe('[#2026-0042] New offer – Oprava přihlášení přes Google');
  });

  it('shows the offer’s gross total incl. VAT, its net, validity and delivery, and leads to the request to review it', () => {
    const en = render('offer_posted', 'en');
    expect(en.text).toContain('Offer 2 · Total incl. VAT: CZK\u00a012,100.00 (CZK\u00a010,000.00 excl. VAT)');
    expect(en.text).toContain('Valid until: 25\u00a0December\u00a02026\n');
    expect(en.text).toContain('Delivery: 10 pracovních dnů po zaplacení');
    expect(en.text).toContain('Review the offer: https://portal.digimadi.test/requests/2026-0042?link=open-token');
    expect(en.html).toContain('>Review the offer</a>');
    // The preview is one line: its no-break spaces are plain ones.
    expect(en.preheader).toMatch(/^Tomáš Dvořák: Offer 2: CZK 12,100\.00 incl\. VAT, valid until 25 December 2026\. Cena zahrnuje úpravu přihlášení/);
    const cs = render('offer_posted', 'cs');
    expect(cs.text).toContain('Nabídka 2 · Celkem vč. DPH: 12\u00a0100,00\u00a0Kč (10\u00a0000,00\u00a0Kč bez DPH)');
    expect(cs.text).toContain('Platí do: 25.\u00a0prosince\u00a02026\n');
  });

  it('renders the agent’s note as Markdown', () => {
    const mail = render('offer_posted', 'en');
    expect(mail.html).toContain('<strong>úpravu přihlášení</strong>');
    expect(mail.html).toMatch(/<li[^>]*>přihlášení přes Google i Apple<\/li>/);
  });

  it('shows the time of a validity that does not end with the day', () => {
    const details = { ...contextFor('offer_posted', 'en', 'azami').entry.details!, validUntil: '2026-12-25T11:00:00.000Z' };
    expect(render('offer_posted', 'en', details).text).toContain('Valid until: 25\u00a0December\u00a02026, 12:00');
    expect(render('offer_posted', 'cs', details).text).toContain('Platí do: 25.\u00a0prosince\u00a02026 v\u00a012:00');
  });

  it('reminds of an offer that nobody decided on', () => {
    const en = render('offer_reminder', 'en');
    expect(en.subject).toBe('[#2026-0042] Offer expires soon – Oprava přihlášení přes Google');
    expect(en.text).toContain('Offer 2 is valid until 25\u00a0December\u00a02026 and has been neither accepted nor declined yet.');
    expect(en.text).toContain('Review the offer: https://');
    expect(render('offer_reminder', 'cs').text).toContain('Nabídka 2 platí do 25.\u00a0prosince\u00a02026 a zatím nebyla přijata ani odmítnuta.');
  });

  it('gives an order’s payment details and says the PDF with a QR Platba code is attached', () => {
    const cs = render('order_issued', 'cs');
    expect(cs.subject).toBe('[#2026-0042] Objednávka a platební údaje – Oprava přihlášení přes Google');
    expect(cs.text).toContain('Závaznou objednávku OBJ-2026-0042 najdete v příloze tohoto e-mailu jako PDF.');
    expect(cs.text).toContain('Částka k úhradě: 12\u00a0100,00\u00a0Kč\nSplatnost: 9.\u00a0prosince\u00a02026\nVariabilní symbol: 2026000042\nÚčet (IBAN): CZ65 0800 0000 1920 0014 5399');
    expect(cs.text).toContain('kód QR Platba');
    const en = render('order_issued', 'en');
    expect(en.text).toContain('Amount to pay: CZK\u00a012,100.00\nDue date: 9\u00a0December\u00a02026');
    expect(en.text).toContain('Please pay by bank transfer with the variable symbol above. The attached PDF has a QR Platba code');
    expect(en.text).not.toContain('documentKey');
    expect(en.text).not.toContain('orders/2026-0042');
  });

  it('reminds of a payment due, in euros too', () => {
    const details = { ...contextFor('payment_reminder', 'en', 'azami').entry.details!, currency: 'EUR', gross: '50000' };
    const en = render('payment_reminder', 'en', details);
    expect(en.text).toContain('The payment for order OBJ-2026-0042 is due on 9\u00a0December\u00a02026 and has not arrived yet.');
    expect(en.text).toContain('Amount to pay: €500.00');
    expect(en.text).toContain('Order: OBJ-2026-0042');
    expect(render('payment_reminder', 'cs', details).text).toContain('Částka k úhradě: 500,00\u00a0€');
  });

  it.each([
    ['amount', 'A payment of CZK\u00a012,000.00 (the order: CZK\u00a012,100.00) was not taken as paid: the amount differs.'],
    ['currency', 'A payment of €120.00 (the order: CZK\u00a012,100.00) was not taken as paid: the currency differs.'],
    ['not_awaiting', 'A payment of CZK\u00a012,000.00 (the order: CZK\u00a012,100.00) was not taken as paid: the request is not awaiting payment.'],
  ])('tells the agency why a payment was flagged (%s), marked internal', (reason, sentence) => {
    const base = contextFor('payment_flagged', 'en', 'azami').entry.details!;
    const details = reason === 'currency' ? { ...base, reason, received: '12000', receivedCurrency: 'EUR' } : { ...base, reason };
    const mail = render('payment_flagged', 'en', details);
    expect(mail.text).toContain(sentence);
    expect(mail.text).toContain('[ Internal – not visible to the client ]');
    expect(mail.text).toContain('Source: bank notification');
    expect(render('payment_flagged', 'cs', details).text).toContain('nebyla započtena: ');
  });

  it('tells the agency who resolved a flagged payment and how, in their own words, marked internal', () => {
    const en = renderMail(contextFor('payment_resolved', 'en', 'azami'));
    expect(en.subject).toBe('[#2026-0042] Flagged payment resolved – Oprava přihlášení přes Google');
    expect(en.text).toContain('[ Internal – not visible to the client ]');
    expect(en.text).toContain('Tomáš Dvořák resolved payment pay-0007 (CZK\u00a012,000.00), which was not taken as paid: the amount differs.');
    expect(en.text).toContain('Klient doplatil rozdíl 100 Kč (platba pay-0008), vráceno nic.');
    expect(renderMail(contextFor('payment_resolved', 'cs', 'azami')).text).toContain('Tomáš Dvořák vyřešil(a) platbu pay-0007 (12\u00a0000,00\u00a0Kč), která nebyla započtena: částka nesouhlasí.');
  });

  it('words a reason or source it does not know as it came, and never a property of an object', () => {
    const base = contextFor('payment_flagged', 'en', 'azami').entry.details!;
    const mail = render('payment_flagged', 'en', { ...base, reason: 'constructor', source: 'toString' });
    expect(mail.text).toContain('was not taken as paid: constructor.');
    expect(mail.text).toContain('Source: toString');
    expect(mail.text).not.toContain('native code');
  });

  it('shows no amount it can’t read rather than a wrong one', () => {
    const details = { ...contextFor('order_issued', 'en', 'azami').entry.details!, gross: '12.5', currency: 'USD', dueDate: '2026-02-30' };
    const mail = render('order_issued', 'en', details);
    expect(mail.text).not.toMatch(/NaN|USD|12\.5|Due date/);
  });
});

describe('status changes of offers and payments', () => {
  const offer = { offerId: '2026-0042/2', number: '2', gross: '1210000', currency: 'CZK' };
  const steps: [string, Record<string, string>, string | undefined, { cs: string[]; en: string[] }][] = [
    [
      'accept_offer',
      { action: 'accept_offer', from: 'quoted', to: 'awaiting_payment', ...offer, orderNumber: 'OBJ-2026-0042' },
      undefined,
      {
        en: ['Offer accepted: the order is binding', 'Total incl. VAT: CZK\u00a012,100.00', 'Order: OBJ-2026-0042', 'The order with the payment details follows in a separate e-mail.'],
        cs: ['Nabídka přijata: objednávka je závazná', 'Objednávka s platebními údaji přijde v samostatném e-mailu.'],
      },
    ],
    [
      'accept_free_offer',
      { action: 'accept_free_offer', from: 'quoted', to: 'queued', ...offer, gross: '0' },
      undefined,
      { en: ['Free offer accepted', 'There is nothing to pay: the work joins the queue.'], cs: ['Bezplatná nabídka přijata', 'Nic se neplatí'] },
    ],
    [
      'reject_offer',
      { action: 'reject_offer', from: 'quoted', to: 'clarifying', offerId: offer.offerId, number: '2' },
      'Too expensive for us.',
      { en: ['Offer declined', 'The reason given:\n\nToo expensive for us.'], cs: ['Nabídka odmítnuta', 'Důvod odmítnutí:\n\nToo expensive for us.'] },
    ],
    [
      'expire_offer',
      { action: 'expire_offer', from: 'quoted', to: 'offer_expired', offerId: offer.offerId, number: '2', validUntil: '2026-12-25T22:59:59.000Z' },
      undefined,
      { en: ['Offer expired', 'Valid until: 25\u00a0December\u00a02026', 'Nobody accepted or declined the offer in time. The agency may post a new one.'], cs: ['Platnost nabídky vypršela', 'Nabídka nebyla včas přijata ani odmítnuta.'] },
    ],
    [
      'mark_paid',
      { action: 'mark_paid', from: 'awaiting_payment', to: 'queued', paymentId: 'pay-0008', amount: '1210000', currency: 'CZK', orderNumber: 'OBJ-2026-0042' },
      undefined,
      { en: ['Payment received', 'Amount received: CZK\u00a012,100.00', 'Awaiting payment → Queued'], cs: ['Platba přijata', 'Přijatá částka: 12\u00a0100,00\u00a0Kč'] },
    ],
  ];

  it.each(steps)('words %s in both languages', (_, details, body, expected) => {
    for (const language of ['cs', 'en'] as const) {
      const context = contextFor('status_changed', language, 'azami');
      const mail = renderMail({ ...context, entry: { ...context.entry, details, body, format: undefined } });
      expect(mail.subject).toContain(expected[language][0]!);
      for (const words of expected[language]) expect(mail.text).toContain(words);
      expect({ subject: mail.subject, text: mail.text }).toMatchSnapshot();
    }
  });

  it('shows no total for a free offer', () => {
    const context = contextFor('status_changed', 'en', 'azami');
    const mail = renderMail({ ...context, entry: { ...context.entry, details: steps[1]![1], body: undefined } });
    expect(mail.text).not.toContain('Total');
  });
});

describe('renderMail with a hostile context', () => {
  const evil = '\r\nBcc: evil@example.com\u0000<script>alert(1)</script>';
  const hostileMarkdown = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](java&#x09;script:alert(1))',
    '[x]( javascript:alert(1))',
    '<a href="javascript:alert(1)">click</a>',
    '"><svg onload=alert(1)>',
    '**unterminated [link](javascript:alert(1)',
    '```\nunterminated <script>',
  ].join('\n\n');

  const hostile = (kind: TimelineEntryKind): MailContext => {
    const context = contextFor(kind, 'en', 'azami', { orgName: `Acme${evil}`, recipient: { ...client, name: `Petr${evil}`, language: 'en' } });
    return {
      ...context,
      entry: {
        ...context.entry,
        actorName: `Mallory${evil}<img src=x onerror=alert(1)>`,
        actorRole: '<b>admin</b>',
        body: hostileMarkdown,
        format: kind === 'internal_note' ? 'text' : 'markdown',
        details: Object.fromEntries(Object.entries(context.entry.details ?? {}).map(([key, value]) => [key, `${value}${evil}"><svg onload=alert(1)>`])),
      },
      request: { ...context.request, title: `Login${evil}` },
      queue: context.queue?.map((item) => ({ ...item, title: `${item.title}${evil}` })),
    };
  };

  it.each(TimelineEntryKind.options)('keeps %s mail inert, one-line in the subject and linked to the portal only', (kind) => {
    const mail = renderMail(hostile(kind));
    expect(mail.subject).not.toMatch(/[\r\n\u0000-\u001f\u007f]/);
    expect(mail.subject).toMatch(/^\[#2026-0042\] .* – Login Bcc: evil@example\.com <script>alert\(1\)<\/script>$/);
    expect(mail.preheader).not.toMatch(/[\r\n\u0000-\u001f]/);

    expect(mail.html).not.toMatch(/<script/i);
    expect(mail.html).not.toMatch(/<(img|svg|iframe)\b/i);
    for (const [tag] of mail.html.matchAll(/<[a-zA-Z][^>]*>/g)) expect(tag).not.toMatch(/\son\w+\s*=/i);
    for (const [, href] of mail.html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^https:\/\/portal\.azami\.test\//);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).not.toContain('\u0000');

    expect(mail.text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(mail.text.split('\n')[0]).toMatch(/^Request #2026-0042: Login Bcc: evil@example\.com <script>alert\(1\)<\/script> \((In progress|Quoted|Awaiting payment|In review)\)$/);
  });
});

describe('mail about deliveries, their review and answers', () => {
  type Step = keyof typeof reviewSteps;
  const render = (step: Step, language: Language, change: { details?: Record<string, string>; body?: string } = {}) => {
    const base = reviewSteps[step];
    return renderMail(stepContext({ ...base, ...change, details: { ...base.details, ...change.details } }, language));
  };

  it.each(Object.keys(reviewSteps) as Step[])('words %s in both languages', (step) => {
    for (const language of ['cs', 'en'] as const) {
      const mail = render(step, language);
      expect(mail.subject).not.toMatch(/Změna stavu|Status changed/);
      expect(mail.html).not.toMatch(/23:59|undefined|NaN/);
      expect(mail.text).not.toMatch(/23:59|undefined|NaN/);
      expect({ subject: mail.subject, text: mail.text }).toMatchSnapshot();
    }
  });

  it('hands work over with its round, the day to review it by, where to see it and what silence means', () => {
    const cs = render('hand_over', 'cs');
    expect(cs.subject).toBe('[#2026-0042] Předáno ke kontrole – Oprava přihlášení přes Google');
    expect(cs.text).toContain('Kolo: 2\nZkontrolovat do: 1.\u00a0prosince\u00a02026\nOdkaz: https://staging.azami.test/login?preview=2\n');
    expect(cs.text).toContain(
      'Předanou práci (kolo 2) prosím zkontrolujte do 1.\u00a0prosince\u00a02026. Pokud do té doby nikdo neodpoví, bude považována za převzatou.',
    );
    expect(cs.text).toContain('Na portálu práci buď převezměte (a můžete ji ohodnotit 1 až 5 hvězdičkami), nebo požádejte o úpravy');
    expect(cs.text).toContain('Přílohy: 2 – najdete je v požadavku.');
    expect(cs.text).toContain('Zkontrolovat práci: https://portal.azami.test/requests/2026-0042?link=open-token');
    const en = render('hand_over', 'en');
    expect(en.text).toContain('Round: 2\nReview by: 1\u00a0December\u00a02026\nLink: https://staging.azami.test/login?preview=2\n');
    expect(en.text).toContain('Please review the delivery (round 2) by 1\u00a0December\u00a02026. If nobody answers by then, it is accepted as delivered.');
    expect(en.text).toContain('either accept the delivery (and rate it from 1 to 5 stars, if you like) or request changes');
    expect(en.html).toContain('>Review the delivery</a>');
    // The day to review it by leads the inbox preview: it is what the mail asks for.
    expect(en.preheader).toBe('Tomáš Dvořák: Please review the delivery (round 2) by 1 December 2026. If nobody answers by then, it is accepted as delivered.');
  });

  it('links the place to see the delivery and renders the agent’s notes as Markdown', () => {
    const mail = render('hand_over', 'en');
    expect(mail.html).toMatch(/<a href="https:\/\/staging\.azami\.test\/login\?preview=2"[^>]*>https:\/\/staging\.azami\.test\/login\?preview=2<\/a>/);
    expect(mail.html).toContain('<strong>Google</strong>');
    expect(mail.html).not.toContain('**');
    expect(mail.html).toMatch(/<li[^>]*>odhlaste se<\/li>/);
  });

  it('shows a link it would not put in an href as text, and no link when there is none', () => {
    const mail = render('hand_over', 'en', { details: { link: 'javascript:alert(1)' } });
    expect(mail.html).not.toContain('javascript:alert(1)"');
    expect(mail.html).toContain('>javascript:alert(1)</td>');
    const { link: _, ...noLink } = reviewSteps.hand_over.details;
    expect(renderMail(stepContext({ ...reviewSteps.hand_over, details: noLink }, 'en')).text).not.toContain('Link:');
  });

  it('still says what silence means when a handover’s deadline can’t be read', () => {
    const en = render('hand_over', 'en', { details: { reviewDeadline: 'soon', round: 'two' } });
    expect(en.text).toContain('Please review the delivery. If nobody answers within the review period, it is accepted as delivered.');
    expect(en.text).not.toMatch(/Review by|Round|soon|two/);
    expect(render('hand_over', 'cs', { details: { reviewDeadline: 'soon' } }).text).toContain('Pokud ve lhůtě ke kontrole nikdo neodpoví, bude považována za převzatou.');
  });

  it('says a delivery nobody answered by its day is accepted as delivered, and which day', () => {
    const en = render('deem_accepted', 'en');
    expect(en.subject).toBe('[#2026-0042] Accepted after the review period – Oprava přihlášení přes Google');
    expect(en.text).toMatch(/^Azami · 2\u00a0Dec\u00a02026, 00:00$/m);
    expect(en.text).toContain(
      'Nobody accepted the delivery or requested changes by 1\u00a0December\u00a02026, when the review period ended, so it is accepted as delivered (deemed acceptance).',
    );
    // The day ended: it is in the sentence, not a "review by" that reads as still open.
    expect(en.text).not.toContain('Review by');
    const cs = render('deem_accepted', 'cs');
    expect(cs.text).toContain('Do 1.\u00a0prosince\u00a02026, kdy skončila lhůta ke kontrole, nikdo práci nepřevzal ani nepožádal o úpravy. Proto se považuje za převzatou.');
    expect(cs.text).toContain('Kolo: 2');
  });

  it('reminds the client of a review with its day and what silence means', () => {
    const en = renderMail(contextFor('review_reminder', 'en', 'azami'));
    expect(en.subject).toBe('[#2026-0042] Reminder: review the delivery – Oprava přihlášení přes Google');
    expect(en.text).toContain('The delivery (round 2) awaits your review until 26\u00a0November\u00a02026. Without an answer by then, it is accepted as delivered.');
    expect(en.text).toContain('Review by: 26\u00a0November\u00a02026\nRound: 2');
    expect(en.text).toContain('Review the delivery: https://portal.azami.test/requests/2026-0042?link=open-token');
    const cs = renderMail(contextFor('review_reminder', 'cs', 'azami'));
    expect(cs.subject).toBe('[#2026-0042] Připomínka: zkontrolujte předanou práci – Oprava přihlášení přes Google');
    expect(cs.text).toContain('Předaná práce (kolo 2) čeká na vaši kontrolu do 26.\u00a0listopadu\u00a02026. Pokud do té doby neodpovíte, bude považována za převzatou.');
    expect(cs.html).not.toContain('23:59');
  });

  it('reminds without a day it can’t read rather than with a wrong one', () => {
    const context = contextFor('review_reminder', 'en', 'azami');
    const mail = renderMail({ ...context, entry: { ...context.entry, details: { round: '2', reviewDeadline: '2026-02-30T22:59:59.000Z' } } });
    expect(mail.text).toMatch(/^Reminder: review the delivery\n/m);
    expect(mail.text).not.toMatch(/Review by|February|March|NaN/);
  });

  it('shows an acceptance’s rating as stars and in words, and the comment given', () => {
    const en = render('accept_delivery', 'en');
    expect(en.subject).toBe('[#2026-0042] Delivery accepted – Oprava přihlášení přes Google');
    expect(en.text).toContain('Round: 2\nRating: ★★★★☆ 4 of 5');
    expect(en.text).toContain('The comment given:\n\nFunguje, děkujeme.');
    expect(en.html).toMatch(/<span aria-hidden="true"[^>]*><span style="color:#e8a317;">★★★★<\/span><span style="color:#c9cdd3;">★<\/span><\/span> 4 of 5/);
    expect(render('accept_delivery', 'cs').text).toContain('Hodnocení: ★★★★☆ 4 z 5');
    expect(render('accept_delivery', 'en', { details: { rating: '5' } }).text).toContain('Rating: ★★★★★ 5 of 5');
  });

  it.each(['0', '6', '4.5', ' 4', 'x'])('shows no rating for %j', (rating) => {
    const mail = render('accept_delivery', 'en', { details: { rating } });
    expect(mail.text).not.toContain('Rating');
    expect(mail.html).not.toContain('★');
  });

  it('says the agency works the changes in and hands over the next round', () => {
    const en = render('request_changes', 'en');
    expect(en.text).toContain('The changes asked for:\n\nNa mobilu chybí tlačítko Apple.\n\n1 attachment – see the request.');
    expect(en.text).toContain('The agency works the changes in and hands the work over again for review (round 3).');
    expect(render('request_changes', 'cs').text).toContain('Agentura úpravy zapracuje a předá práci znovu ke kontrole (kolo 3).');
  });

  it('tells until when an answer may be reopened, and that it closes by itself after', () => {
    const en = render('explain', 'en');
    expect(en.text).toContain('Can be reopened until: 1\u00a0December\u00a02026');
    expect(en.text).toContain('you can reopen the request with a comment until 1\u00a0December\u00a02026. Otherwise it closes by itself after that day.');
    // The answer first, then what may follow it.
    expect(en.text.indexOf('Google mění')).toBeLessThan(en.text.indexOf('If the answer does not settle it'));
    const cs = render('explain', 'cs');
    expect(cs.text).toContain('Lze znovu otevřít do: 1.\u00a0prosince\u00a02026');
    expect(cs.text).toContain('Pokud vám odpověď nestačí, můžete požadavek do 1.\u00a0prosince\u00a02026 znovu otevřít s komentářem. Jinak se potom sám uzavře.');
  });

  it('says a request closed because nobody reopened it, only when the workflow closed it', () => {
    expect(render('close', 'en').text).toContain('Nobody reopened the request by 1\u00a0December\u00a02026, so it closed by itself.');
    expect(render('close', 'cs').text).toContain('Do 1.\u00a0prosince\u00a02026 požadavek nikdo znovu neotevřel, proto se sám uzavřel.');
    const byHand = renderMail(stepContext({ ...reviewSteps.close, ...contextFor('status_changed', 'en', 'azami').entry, details: { action: 'close', from: 'answered', to: 'closed' }, body: undefined }, 'en'));
    expect(byHand.text).toMatch(/^Closed$/m);
    expect(byHand.text).not.toMatch(/reopen|Can be reopened/i);
  });

  it('says the agency answers a reopened request', () => {
    expect(render('reopen', 'en').text).toContain('Ani po novém přihlášení to nejde.\n\nThe agency looks into it again and answers.');
    expect(render('reopen', 'cs').text).toContain('Agentura se k požadavku vrátí a odpoví.');
  });

  it('keeps a hostile handover inert: its link stays text, its notes escaped', () => {
    const evil = '\r\nBcc: evil@example.com"><svg onload=alert(1)>';
    const mail = render('hand_over', 'en', {
      // The action stays: an unknown one is only a plainer headline.
      details: Object.fromEntries(Object.entries(reviewSteps.hand_over.details).map(([key, value]) => [key, key === 'action' ? value : `${value}${evil}`])),
      body: '<script>alert(1)</script> [x](javascript:alert(1))',
    });
    expect(mail.html).not.toMatch(/<script|<svg/i);
    for (const [, href] of mail.html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^https:\/\/portal\.azami\.test\//);
    expect(mail.html).toContain('https://staging.azami.test/login?preview=2\r\nBcc: evil@example.com&quot;&gt;&lt;svg onload=alert(1)&gt;');
    expect(mail.subject).toBe('[#2026-0042] Handed over for review – Oprava přihlášení přes Google');
  });
});

describe('mail to those who do not decide for the client: invited participants and the agency', () => {
  type Step = keyof typeof reviewSteps;
  const step = (name: Step, language: Language, who: Parameters<typeof seenBy>[1]) => renderMail(seenBy(stepContext(reviewSteps[name], language), who));
  const of = (kind: TimelineEntryKind, language: Language, who: Parameters<typeof seenBy>[1]) => renderMail(seenBy(contextFor(kind, language, 'azami'), who));
  /** Words that ask the reader to decide, review, reopen or pay, in either language. */
  const asked = /rate it|accept the delivery|request changes and|Review the delivery|review the delivery \(|you can reopen|Please pay|If you have already paid|Review the offer|převezměte|požádejte o úpravy|Zkontrolovat práci|prosím zkontrolujte|můžete požadavek|Zaplaťte prosím|Pokud jste už zaplatili|Nabídku lze na portálu přijmout/;

  it.each(['cs', 'en'] as const)('tells a participant of a handover what happened and that the client reviews it, in %s, asking nothing', (language) => {
    const mail = step('hand_over', language, participant);
    // What the client organisation is asked, which the participant is not:
    expect(step('hand_over', language, client).text).toMatch(asked);
    expect(mail.subject).toMatch(/Předáno ke kontrole|Handed over for review/);
    for (const part of [mail.text, mail.html, mail.preheader]) expect(part).not.toMatch(asked);
    expect(mail.text).toContain(
      language === 'en'
        ? 'The client reviews the delivery (round 2) by 1\u00a0December\u00a02026: accepts it or requests changes. If nobody answers by then, it is accepted as delivered.'
        : 'Klient předanou práci (kolo 2) zkontroluje do 1.\u00a0prosince\u00a02026: buď ji převezme, nebo požádá o úpravy. Pokud do té doby nikdo neodpoví, bude považována za převzatou.',
    );
    // The delivery itself is theirs to see: its round, its end, the link, the notes, the files.
    expect(mail.text).toContain(language === 'en' ? 'Round: 2\nReview period ends: 1\u00a0December\u00a02026\nLink: https://staging.azami.test/login?preview=2' : 'Kolo: 2\nLhůta ke kontrole do: 1.\u00a0prosince\u00a02026');
    expect(mail.html).toContain('<strong>Google</strong>');
    expect(mail.text).toContain(language === 'en' ? 'Open the request: https://portal.azami.test/requests/2026-0042' : 'Otevřít požadavek: https://portal.azami.test/requests/2026-0042');
    expect({ subject: mail.subject, text: mail.text, html: mail.html }).toMatchSnapshot();
  });

  it.each(['cs', 'en'] as const)('tells a participant a delivery was accepted, by whom, when and which round, without its rating or comment, in %s', (language) => {
    const mail = step('accept_delivery', language, participant);
    expect(mail.subject).toMatch(/Práce převzata|Delivery accepted/);
    expect(mail.text).toMatch(/^Jana Nováková · (klient \(správce\)|client admin) · 24/m);
    expect(mail.text).toMatch(/^(Kolo|Round): 2$/m);
    for (const part of [mail.text, mail.html, mail.preheader]) {
      expect(part).not.toMatch(/★|☆|Hodnocení|Rating|4 z 5|4 of 5|Funguje, děkujeme|Komentář k převzetí|The comment given/);
    }
    expect({ subject: mail.subject, text: mail.text, html: mail.html }).toMatchSnapshot();
  });

  it('shows the agency and the client organisation the rating and the comment', () => {
    for (const who of [agency, client]) {
      const mail = step('accept_delivery', 'en', who);
      expect(mail.text).toContain('Rating: ★★★★☆ 4 of 5');
      expect(mail.text).toContain('The comment given:\n\nFunguje, děkujeme.');
    }
  });

  it('tells the agency of a handover that the client reviews it, with no button to review', () => {
    const mail = step('hand_over', 'en', agency);
    expect(mail.text).toContain('The client reviews the delivery (round 2) by 1\u00a0December\u00a02026');
    expect(mail.text).not.toMatch(asked);
    expect(mail.html).toContain('>Open the request</a>');
    // The client organisation is still asked, and its members as well as its admins.
    for (const who of [client, { access: 'org_member', mayAcceptOffers: false } as const]) {
      const asks = step('hand_over', 'en', who);
      expect(asks.text).toContain('Please review the delivery (round 2)');
      expect(asks.text).toContain('either accept the delivery (and rate it from 1 to 5 stars, if you like) or request changes');
      expect(asks.html).toContain('>Review the delivery</a>');
    }
  });

  it('tells participants and the agency that the client may reopen an answer, not that they may', () => {
    for (const who of [participant, agency]) {
      expect(step('explain', 'en', who).text).toContain('the client can reopen the request with a comment until 1\u00a0December\u00a02026');
      expect(step('explain', 'cs', who).text).toContain('Pokud odpověď klientovi nestačí, může požadavek do 1.\u00a0prosince\u00a02026 znovu otevřít');
      const withoutDay = renderMail(seenBy(stepContext({ ...reviewSteps.explain, details: { action: 'explain', from: 'submitted', to: 'answered' } }, 'en'), who));
      expect(withoutDay.text).toContain('the client can reopen the request with a comment');
      expect(withoutDay.text).not.toMatch(asked);
    }
    expect(step('explain', 'en', client).text).toContain('you can reopen the request with a comment until');
  });

  it('tells a participant of an accepted offer what follows without promising the order mail they do not get', () => {
    const context = contextFor('status_changed', 'en', 'azami');
    const accepted = { ...context, entry: { ...context.entry, body: undefined, details: { action: 'accept_offer', from: 'quoted', to: 'awaiting_payment', number: '2', gross: '1210000', currency: 'CZK', orderNumber: 'OBJ-2026-0042' } } };
    expect(renderMail(seenBy(accepted, participant)).text).toContain('Once the order is paid, the work joins the queue.');
    expect(renderMail(seenBy(accepted, participant)).text).not.toContain('separate e-mail');
    expect(renderMail(seenBy(accepted, client)).text).toContain('The order with the payment details follows in a separate e-mail.');
  });

  it('asks to decide on an offer only who may: admins accept or decline, a member may decline, the others are told the client decides', () => {
    for (const kind of ['offer_posted', 'offer_reminder'] as const) {
      const admin = of(kind, 'en', client);
      expect(admin.text).toContain('The offer can be accepted or declined in the portal. Accepting it makes a binding order.');
      expect(admin.text).toContain('Review the offer: https://');
      const member = of(kind, 'en', { access: 'org_member', mayAcceptOffers: false });
      expect(member.text).toContain('Your organisation’s admins can accept the offer in the portal; accepting it makes a binding order. You can decline it there, saying why.');
      const allowedMember = of(kind, 'en', { access: 'org_member', mayAcceptOffers: true });
      expect(allowedMember.text).toContain('The offer can be accepted or declined in the portal.');
      for (const who of [participant, agency]) {
        const mail = of(kind, 'en', who);
        expect(mail.text).toContain('The client accepts or declines the offer in the portal. Accepting it makes a binding order.');
        expect(mail.text).toContain('View the offer: https://');
        expect(mail.text).not.toMatch(asked);
        expect(of(kind, 'cs', who).text).toContain('Nabídku na portálu přijímá, nebo odmítá klient.');
      }
    }
  });

  it('tells the agency that the client pays an order, and that it records a payment the statement shows', () => {
    const issued = of('order_issued', 'en', agency);
    expect(issued.text).toContain('The client pays by bank transfer with the variable symbol above. The attached PDF has a QR Platba code for the client’s banking app.');
    expect(issued.text).not.toMatch(asked);
    const reminder = of('payment_reminder', 'en', agency);
    expect(reminder.text).toContain('The client pays by bank transfer with the variable symbol above.');
    expect(reminder.text).toContain('If the payment is on the bank statement but not recorded here, record it on the request.');
    expect(reminder.text).not.toMatch(asked);
    expect(of('payment_reminder', 'cs', agency).text).toContain('Klient platí bankovním převodem');
    expect(of('payment_reminder', 'en', client).text).toContain('If you have already paid, do nothing');
  });

  it('reminds of a review only the client organisation as the one to review; anyone else reads that it waits for the client', () => {
    const mail = of('review_reminder', 'en', participant);
    expect(mail.subject).toBe('[#2026-0042] Reminder: the delivery awaits the client’s review – Oprava přihlášení přes Google');
    expect(mail.text).toContain('The delivery (round 2) awaits the client’s review until 26\u00a0November\u00a02026.');
    expect(mail.text).toContain('Review period ends: 26\u00a0November\u00a02026');
    expect(mail.text).not.toMatch(asked);
    expect(of('review_reminder', 'cs', agency).text).toContain('čeká na kontrolu klientem do 26.\u00a0listopadu\u00a02026');
  });
});
