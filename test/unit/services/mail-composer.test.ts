import { describe, expect, it } from 'vitest';
import type { Person } from '../../../lib/domain/mail/notification-matrix.js';
import { replyKeyOf, replyTokenOf, verifyReplyToken } from '../../../lib/domain/mail/reply-token.js';
import { verifyLink } from '../../../lib/domain/mail/signed-token.js';
import type { Request } from '../../../lib/domain/request.js';
import type { TimelineEntry } from '../../../lib/domain/timeline-entry.js';
import { composeMail, senderAddress, threadHeaders } from '../../../lib/services/mail/mail-composer.js';
import type { MailSite, MailThread } from '../../../lib/services/ports/mail.js';

const key = Buffer.alloc(32, 3);
const now = new Date('2026-11-24T09:05:00.000Z');
const dayMs = 86_400_000;
const hostile = 'Petr\r\nBcc: x@evil.example';

const site: MailSite = {
  portalUrl: (platform) => (platform === 'digimadi' ? 'https://portal.digimadi.example/' : 'https://portal.azami.example/'),
  apiUrl: 'https://api.example/',
  mailFrom: 'helpdesk@digimadi.example',
  inboundDomain: 'reply.digimadi.example',
};

const request: Request = {
  requestId: '2026-0042',
  orgId: 'org-1',
  type: 'defect',
  title: 'Oprava přihlášení',
  description: 'Nejde to.',
  platform: 'digimadi',
  status: 'in_progress',
  version: 3,
  createdBy: 'user-jana',
  createdAt: '2026-11-20T08:00:00.000Z',
  updatedAt: '2026-11-24T09:05:00.000Z',
};

/** A Cognito `sub`: only such an id fits a reply address. */
const petrSub = '5b0e7c2a-1f3d-4a6b-9c8e-7d6f5e4a3b2c';

const person: Person = { userId: 'user-petr', email: 'petr.svoboda@example.cz', name: 'Petr Svoboda', role: 'participant', language: 'en' };

const entry: TimelineEntry = {
  entryId: 'entry-0001',
  requestId: '2026-0042',
  kind: 'message',
  visibility: 'all',
  actorType: 'person',
  actorId: 'user-jana',
  actorName: 'Jana Nováková',
  actorRole: 'client_admin',
  createdAt: '2026-11-24T09:05:00.000Z',
  body: 'Hello, the **login** fails again.',
  format: 'markdown',
};

const compose = (overrides: { request?: Partial<Request>; person?: Partial<Person> } = {}) =>
  composeMail(site, key, now, { entry, request: { ...request, ...overrides.request }, person: { ...person, ...overrides.person } });

const decoded = (value: string) => value.replaceAll('&amp;', '&');

describe('composeMail', () => {
  const mail = compose();

  it('offers one-click unsubscribe at the API with a mute link for this person and request', () => {
    const match = /^<https:\/\/api\.example\/unsubscribe\/([\w.-]+)>$/.exec(mail.headers['List-Unsubscribe'] ?? '');
    expect(match).not.toBeNull();
    const claims = verifyLink(key, match?.[1] ?? '', 'mute', now, 'path.token');
    expect(claims).toMatchObject({ purpose: 'mute', requestId: '2026-0042', userId: 'user-petr' });
    expect(mail.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  });

  it('shows the status a step left the request in, though it has moved on by the time the mail is written', () => {
    const offered: TimelineEntry = { ...entry, kind: 'offer_posted', body: undefined, format: undefined, details: { action: 'post_offer', from: 'clarifying', to: 'quoted', number: '1' } };
    const mail = composeMail(site, key, now, { entry: offered, request: { ...request, status: 'awaiting_payment' }, person });
    expect(mail.text).toContain('(Quoted)');
    expect(mail.text).not.toContain('Awaiting payment');
    // An entry that is no step shows the request as it is.
    expect(compose({ request: { status: 'awaiting_payment' } }).text).toContain('(Awaiting payment)');
  });

  it('marks the mail as auto-generated', () => {
    expect(mail.headers['Auto-Submitted']).toBe('auto-generated');
  });

  it('links only to the configured portal, without a double slash', () => {
    const hrefs = [...mail.html.matchAll(/href="([^"]*)"/g)].map((m) => decoded(m[1] ?? ''));
    expect(hrefs.length).toBeGreaterThanOrEqual(3);
    for (const href of hrefs) {
      expect(href.startsWith('https://portal.digimadi.example/')).toBe(true);
      expect(href).not.toContain('example//');
    }
  });

  it('takes no link from the request’s title or the person’s name', () => {
    const m = compose({ request: { title: 'See https://evil.example/x' }, person: { name: '<a href="https://evil.example/y">Petr</a>' } });
    const hrefs = [...m.html.matchAll(/href="([^"]*)"/g)].map((h) => decoded(h[1] ?? ''));
    expect(hrefs.every((href) => href.startsWith('https://portal.digimadi.example/'))).toBe(true);
    expect(m.html).not.toContain('href="https://evil.example');
  });

  it('links to the request with an open link that works for 30 days', () => {
    const href = /href="(https:\/\/portal\.digimadi\.example\/requests\/2026-0042\?[^"]*)"/.exec(mail.html)?.[1];
    expect(href).toBeDefined();
    const token = new URL(decoded(href ?? '')).searchParams.get('link') ?? '';
    const claims = verifyLink(key, token, 'open', now, 'query.link');
    expect(claims).toMatchObject({ purpose: 'open', requestId: '2026-0042', userId: 'user-petr' });
    expect(claims.expiresAt.getTime()).toBe(now.getTime() + 30 * dayMs);
  });

  it('writes no CR or LF into any header, whatever the name and title carry', () => {
    const m = compose({ request: { title: `Web ${hostile}` }, person: { name: hostile } });
    const values = [m.from, m.to, m.subject, ...Object.values(m.headers), ...Object.keys(m.headers)];
    for (const value of values) expect(value).not.toMatch(/[\r\n]/);
    expect(m.subject).toContain('Bcc: x@evil.example');
  });

  it('sends to the bare address', () => {
    expect(mail.to).toBe('petr.svoboda@example.cz');
  });

  it('starts the subject with the request number', () => {
    expect(mail.subject.startsWith('[#2026-0042] ')).toBe(true);
  });

  it('sends from the brand of the request’s platform', () => {
    expect(mail.from).toBe('"Digimadi Helpdesk" <helpdesk@digimadi.example>');
  });

  it('tags the mail with the request and the recipient', () => {
    expect(mail.tags).toEqual({ request: '2026-0042', recipient: 'user-petr' });
  });

  it('has replies go to a reply address of this person and request, issued now', () => {
    const m = compose({ person: { userId: petrSub } });
    expect(m.replyTo).toMatch(/^reply\+[a-z2-7]{55}@reply\.digimadi\.example$/);
    const token = replyTokenOf(m.replyTo!, site.inboundDomain)!;
    expect(verifyReplyToken(replyKeyOf(key), token, now)).toEqual({ requestId: '2026-0042', userId: petrSub, issuedAt: new Date('2026-11-24T00:00:00.000Z') });
    // SES writes Reply-To from ReplyToAddresses: never a second one among the headers.
    expect(Object.keys(m.headers).map((name) => name.toLowerCase())).not.toContain('reply-to');
  });

  it('gives the mail of an internal note no reply address: a reply by mail would be posted for everyone to see', () => {
    const internal = composeMail(site, key, now, { entry: { ...entry, kind: 'internal_note', visibility: 'agency' }, request, person: { ...person, userId: petrSub } });
    expect(internal).not.toHaveProperty('replyTo');
  });

  it('gives a person whose id is not a UUID no reply address', () => {
    expect(mail).not.toHaveProperty('replyTo');
  });

  it('writes the same body with or without a reply address and a thread', () => {
    const threaded = composeMail(site, key, now, { entry, request, person: { ...person, userId: petrSub }, thread: { first: '<a@x>', recent: ['<a@x>'] } });
    const unlinked = (text: string) => text.replace(/link=[\w.-]+/g, 'link=…');
    expect(unlinked(threaded.text)).toBe(unlinked(mail.text));
    expect(unlinked(threaded.html)).toBe(unlinked(mail.html));
    expect(threaded.subject).toBe(mail.subject);
  });

  it('starts a thread: no In-Reply-To or References on the first mail', () => {
    expect(mail.headers).not.toHaveProperty('In-Reply-To');
    expect(mail.headers).not.toHaveProperty('References');
  });

  it('answers the last mail of the thread and refers to the first and the last ones', () => {
    const thread: MailThread = { first: '<m1@eu-central-1.amazonses.com>', recent: ['<m1@eu-central-1.amazonses.com>', '<m2@eu-central-1.amazonses.com>'] };
    const m = composeMail(site, key, now, { entry, request, person, thread });
    expect(m.headers['In-Reply-To']).toBe('<m2@eu-central-1.amazonses.com>');
    expect(m.headers.References).toBe('<m1@eu-central-1.amazonses.com> <m2@eu-central-1.amazonses.com>');
  });

  it('carries no attachments unless given', () => {
    expect(mail).not.toHaveProperty('attachments');
    expect(composeMail(site, key, now, { entry, request, person, attachments: [] })).not.toHaveProperty('attachments');
  });

  it('carries the files it is given, their names on one line', () => {
    const content = new Uint8Array([1, 2, 3]);
    const m = composeMail(site, key, now, { entry, request, person, attachments: [{ fileName: 'OBJ-2026-0042\r\n.pdf', contentType: 'application/pdf', content }] });
    expect(m.attachments).toEqual([{ fileName: 'OBJ-2026-0042 .pdf', contentType: 'application/pdf', content }]);
  });
});

describe('threadHeaders', () => {
  const id = (n: number) => `<0107018c1a2b3c4d-5e6f7a8b-9c0d-1e2f-3a4b-5c6d7e8f9a${String(n).padStart(2, '0')}-000000@eu-central-1.amazonses.com>`;

  it('says nothing without a thread', () => {
    expect(threadHeaders(undefined)).toEqual({});
  });

  it('answers the only mail so far', () => {
    expect(threadHeaders({ first: id(1), recent: [id(1)] })).toEqual({ 'In-Reply-To': id(1), References: id(1) });
  });

  it('refers to the first mail and the last nine, space-separated, oldest first: ten ids on one line under 998 characters', () => {
    const recent = Array.from({ length: 20 }, (_, index) => id(index + 11));
    const headers = threadHeaders({ first: id(1), recent });
    expect(headers['In-Reply-To']).toBe(id(30));
    expect(headers.References).toBe([id(1), ...recent.slice(-9)].join(' '));
    expect(headers.References!.split(' ')).toHaveLength(10);
    expect(`References: ${headers.References}`.length).toBeLessThanOrEqual(998);
    expect(headers.References).not.toMatch(/[\r\n]/);
  });

  it('names the first mail once when it is among the last ones', () => {
    expect(threadHeaders({ first: id(1), recent: [id(1), id(2), id(3)] }).References).toBe([id(1), id(2), id(3)].join(' '));
  });

  it('leaves out anything that is not a Message-ID, and drops the oldest after the first when the line would be too long', () => {
    expect(threadHeaders({ first: '<a@b>\r\nBcc: x@evil.example', recent: ['<c@d>', 'no-brackets@x', '<e f@g>'] })).toEqual({ 'In-Reply-To': '<c@d>', References: '<c@d>' });
    expect(threadHeaders({ first: 'x', recent: [] })).toEqual({});
    const long = (n: number) => `<${String(n).repeat(150).slice(0, 150)}@x.example>`;
    const headers = threadHeaders({ first: long(1), recent: [2, 3, 4, 5, 6, 7, 8].map(long) });
    expect(`References: ${headers.References}`.length).toBeLessThanOrEqual(998);
    expect(headers.References!.split(' ')[0]).toBe(long(1));
    expect(headers.References!.split(' ').at(-1)).toBe(long(8));
    expect(headers['In-Reply-To']).toBe(long(8));
  });
});

describe('senderAddress', () => {
  it('quotes the display name on one line, dropping quotes and line breaks', () => {
    const from = senderAddress('Azami "Helpdesk"\r\nBcc: x', 'a@b.c');
    expect(from).not.toMatch(/[\r\n]/);
    expect(from).toMatch(/^"[^"]*" <a@b\.c>$/);
    expect(from).toBe('"Azami Helpdesk Bcc: x" <a@b.c>');
  });

  it('encodes a non-ASCII display name per RFC 2047', () => {
    const from = senderAddress('Tomáš Dvořák', 'a@b.c');
    const match = /^=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?= <a@b\.c>$/.exec(from);
    expect(match).not.toBeNull();
    expect(Buffer.from(match?.[1] ?? '', 'base64').toString('utf8')).toBe('Tomáš Dvořák');
  });
});

describe('composeMail for each recipient as they relate to the request', () => {
  const acceptance: TimelineEntry = {
    ...entry,
    kind: 'status_changed',
    body: 'Funguje, děkujeme.',
    format: 'text',
    details: { action: 'accept_delivery', from: 'in_review', to: 'accepted', round: '2', rating: '4' },
  };
  const handover: TimelineEntry = {
    ...entry,
    kind: 'status_changed',
    actorId: 'user-eva',
    actorName: 'Eva Agentová',
    actorRole: 'agent',
    body: 'Hotovo, viz odkaz.',
    format: 'markdown',
    details: { action: 'hand_over', from: 'in_progress', to: 'in_review', round: '2', reviewDeadline: '2026-12-01T22:59:59.000Z', link: 'https://staging.example/' },
  };
  const mailTo = (mailed: TimelineEntry, who: Partial<Person>) => composeMail(site, key, now, { entry: mailed, request, person: { ...person, ...who } });
  // Another organisation's admin invited to this request is a participant here, as the API sees them.
  const participants: Partial<Person>[] = [{ role: 'participant' }, { role: 'client_admin', orgId: 'org-beta' }, { role: 'client_member', orgId: 'org-beta' }];

  it.each(participants)('writes a participant (%o) no rating or comment of an acceptance, in the HTML or the text', (who) => {
    const mail = mailTo(acceptance, who);
    expect(mail.subject).toContain('Delivery accepted');
    expect(mail.text).toMatch(/^Round: 2$/m);
    for (const part of [mail.html, mail.text]) expect(part).not.toMatch(/★|☆|Rating|4 of 5|Funguje|The comment given/);
  });

  it('writes the organisation’s people and the agency the rating and the comment', () => {
    for (const who of [{ role: 'client_admin', orgId: 'org-1' }, { role: 'client_member', orgId: 'org-1' }, { role: 'agent' }] as const) {
      const mail = mailTo(acceptance, who);
      expect(mail.text).toContain('Rating: ★★★★☆ 4 of 5');
      expect(mail.text).toContain('Funguje, děkujeme.');
      expect(mail.html).toContain('Funguje, děkujeme.');
    }
  });

  it('asks the organisation’s people to review a delivery, and tells participants and the agency that the client reviews it', () => {
    for (const who of [{ role: 'client_admin', orgId: 'org-1' }, { role: 'client_member', orgId: 'org-1' }] as const) {
      const mail = mailTo(handover, who);
      expect(mail.text).toContain('Please review the delivery (round 2)');
      expect(mail.text).toContain('Review the delivery: https://portal.digimadi.example/requests/2026-0042?link=');
    }
    for (const who of [...participants, { role: 'agent' }, { role: 'admin' }] as Partial<Person>[]) {
      const mail = mailTo(handover, who);
      expect(mail.text).toContain('The client reviews the delivery (round 2)');
      expect(mail.text).not.toMatch(/Please review|rate it|Review the delivery/);
    }
  });

  it('asks a member to accept an offer only when the organisation lets members accept', () => {
    const offer: TimelineEntry = { ...handover, kind: 'offer_posted', body: undefined, details: { number: '1', net: '100000', gross: '121000', currency: 'CZK', validUntil: '2026-12-25T22:59:59.000Z' } };
    const member = { role: 'client_member', orgId: 'org-1' } as const;
    const compose = (settings?: { membersMayAcceptOffers: boolean }) => composeMail(site, key, now, { entry: offer, request, person: { ...person, ...member }, settings });
    expect(compose().text).toContain('Your organisation’s admins can accept the offer');
    expect(compose({ membersMayAcceptOffers: false }).text).toContain('Your organisation’s admins can accept the offer');
    expect(compose({ membersMayAcceptOffers: true }).text).toContain('The offer can be accepted or declined in the portal.');
    expect(mailTo(offer, { role: 'client_admin', orgId: 'org-1' }).text).toContain('The offer can be accepted or declined in the portal.');
    expect(mailTo(offer, { role: 'client_admin', orgId: 'org-beta' }).text).toContain('The client accepts or declines the offer in the portal.');
  });
});
