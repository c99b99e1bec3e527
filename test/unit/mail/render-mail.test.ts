import { describe, expect, it } from 'vitest';
import { platforms, type Platform } from '../../../lib/domain/platform.js';
import { TimelineEntryKind } from '../../../lib/domain/timeline-entry.js';
import type { Language } from '../../../lib/mail/i18n.js';
import { renderMail, type MailContext } from '../../../lib/mail/render-mail.js';
import { contextFor, entries, portals } from './fixtures.js';

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
      const mail = renderMail(contextFor('message', 'cs', 'azami', { recipient: { name: 'Petr', language } }));
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
    const context = contextFor(kind, 'en', 'azami', { orgName: `Acme${evil}`, recipient: { name: `Petr${evil}`, language: 'en' } });
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
    expect(mail.text.split('\n')[0]).toMatch(/^Request #2026-0042: Login Bcc: evil@example\.com <script>alert\(1\)<\/script> \((In progress|Quoted)\)$/);
  });
});
