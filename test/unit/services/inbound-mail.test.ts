import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { maxInboundMailBytes } from '../../../lib/config/limits.js';
import type { Attachment } from '../../../lib/domain/attachment.js';
import type { InboundOutcome } from '../../../lib/domain/mail/inbound-mail.js';
import { replyAddress, replyKeyOf, signReplyToken } from '../../../lib/domain/mail/reply-token.js';
import type { Request } from '../../../lib/domain/request.js';
import { epochSeconds } from '../../../lib/domain/time.js';
import type { TimelineEntry } from '../../../lib/domain/timeline-entry.js';
import type { User } from '../../../lib/domain/user.js';
import { currentCorrelationId, withCorrelationId } from '../../../lib/observability/correlation.js';
import { receiveMail } from '../../../lib/services/mail/inbound/receive-mail.js';
import { answerWindowSeconds } from '../../../lib/services/mail/inbound/refusal.js';
import type { OutgoingMail } from '../../../lib/services/ports/mail.js';
import { asStoredBySes } from '../../../local/inbound-mail.js';
import { eml, type EmlOptions } from '../../support/eml.js';
import { recordingMetrics } from '../../support/metrics.js';
import type { InboundMailDeps } from '../../../lib/services/ports/deps.js';

const domain = 'reply.orderdesk.test';
const linkKey = Buffer.from('a local link key of enough length for tests', 'utf8');
const replyKey = replyKeyOf(linkKey);
const jana: User = { userId: '0b8f3c1e-9d2a-4c55-8e1f-2a3b4c5d6e7f', email: 'Jana.Novakova@acme.example', name: 'Jana Nováková', role: 'client_admin', orgId: 'org-acme', createdAt: '2026-01-01T00:00:00.000Z' };
const pavla: User = { userId: '7c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5', email: 'pavla@partner.example', name: 'Pavla Partnerová', role: 'client_member', orgId: 'org-partner', createdAt: '2026-01-01T00:00:00.000Z' };
const request = { requestId: '2026-0042', orgId: 'org-acme', platform: 'azami', status: 'submitted', type: 'inquiry', title: 'Nový e-shop' } as Request;

const reply = 'Dobrý den,\n\nano, úvodní stránka stačí.\n\nJana';
const quoted = `${reply}\n\nDne út 24. 11. 2026 v 10:00 odesílatel Eva Agentová <eva@agency.example> napsal:\n> Upřesníte rozsah?\n`;

type FakeWrite = { label: string; apply: () => void };

/** The inbound-mail service on in-memory stores that keep their conditions (expiry included). */
const setup = () => {
  let now = new Date('2026-11-25T10:00:00.000Z');
  const objects = new Map<string, Buffer>();
  const reads: { key: string; whole: boolean }[] = [];
  const puts = new Map<string, Uint8Array>();
  const entries: TimelineEntry[] = [];
  const attachments = new Map<string, Attachment>();
  const idempotency = new Map<string, { fingerprint: string; body: unknown; expiresAt: number }>();
  const outcomes = new Map<string, { outcome: InboundOutcome; expiresAt: number }>();
  const answeredUntil = new Map<string, number>();
  const sent: OutgoingMail[] = [];
  const participants = new Set([pavla.userId]);
  let failRecordOnce = false;
  let ids = 0;
  const { metrics, counts } = recordingMetrics();

  const deps = {
    requests: {
      get: async (requestId: string) => (requestId === request.requestId ? request : undefined),
      mustExist: (): FakeWrite => ({ label: 'request', apply: () => undefined }),
    },
    timeline: { append: (entry: TimelineEntry): FakeWrite => ({ label: 'entry', apply: () => void entries.push(entry) }) },
    attachments: {
      get: async (_requestId: string, attachmentId: string) => attachments.get(attachmentId),
      announce: (attachment: Attachment): FakeWrite => ({ label: 'attachment', apply: () => void attachments.set(attachment.attachmentId, attachment) }),
      mustBeUploaded: (_requestId: string, attachmentId: string): FakeWrite => ({
        label: 'uploaded',
        apply: () => {
          if (attachments.get(attachmentId)?.status !== 'uploaded') throw new Error(`attachment ${attachmentId} is not uploaded`);
        },
      }),
    },
    idempotency: {
      find: async (recordId: string, at: Date) => {
        const record = idempotency.get(recordId);
        return record && record.expiresAt >= epochSeconds(at) ? record : undefined;
      },
      record: (record: { recordId: string; fingerprint: string; expiresAt: number }, answer: unknown): FakeWrite => ({
        label: 'idempotency',
        apply: () => void idempotency.set(record.recordId, { fingerprint: record.fingerprint, body: answer, expiresAt: record.expiresAt }),
      }),
    },
    users: { getUser: async (userId: string) => [jana, pavla].find((user) => user.userId === userId) },
    callers: {
      read: async (userId: string, about: { requestId?: string }) => ({
        user: [jana, pavla].find((user) => user.userId === userId),
        request: about.requestId === request.requestId ? request : undefined,
        isParticipant: participants.has(userId),
      }),
      recent: () => undefined,
    },
    unitOfWork: { commit: async (writes: FakeWrite[]) => writes.forEach((write) => write.apply()) },
    now: () => now,
    newId: () => `entry-${++ids}`,
    correlationId: currentCorrelationId,
    metrics,
    mailbox: {
      size: async (key: string) => objects.get(key)?.byteLength,
      read: async (key: string) => (reads.push({ key, whole: true }), objects.get(key)!),
      readStart: async (key: string, bytes: number) => (reads.push({ key, whole: false }), objects.get(key)!.subarray(0, bytes)),
    },
    files: { put: async (key: string, content: Uint8Array) => void puts.set(key, content) },
    records: {
      handled: async (objectKey: string, at: Date) => {
        const record = outcomes.get(objectKey);
        return record && record.expiresAt >= epochSeconds(at) ? record.outcome : undefined;
      },
      record: async (outcome: InboundOutcome, at: Date) => {
        if (failRecordOnce) {
          failRecordOnce = false;
          throw new Error('the function timed out');
        }
        if (!outcomes.has(outcome.objectKey)) outcomes.set(outcome.objectKey, { outcome, expiresAt: epochSeconds(at) + 30 * 86_400 });
      },
      claimAnswer: async (email: string, at: Date, seconds: number) => {
        const until = answeredUntil.get(email);
        if (until !== undefined && until > epochSeconds(at)) return false;
        answeredUntil.set(email, epochSeconds(at) + seconds);
        return true;
      },
    },
    mailer: { send: async (mail: OutgoingMail) => (sent.push(mail), { messageId: `ses-${sent.length}` }) },
    replyKey: async () => replyKey,
    site: { inboundDomain: domain, mailFrom: 'helpdesk@orderdesk.test', portalUrl: (platform: string) => `https://portal.${platform}.test` },
  } as unknown as InboundMailDeps;

  const tokenOf = (user: User, options: { issuedAt?: Date; key?: Buffer } = {}) =>
    replyAddress(signReplyToken(options.key ?? replyKey, { requestId: request.requestId, userId: user.userId, issuedAt: options.issuedAt ?? now })!, domain);

  /** Stores a mail as SES would (its verdicts prepended) and hands its key to the service, as the function does (the key its correlation id). */
  const receive = async (mail: EmlOptions | string, options: { dmarc?: 'pass' | 'fail'; raw?: boolean; key?: string } = {}) => {
    const bytes = Buffer.from(typeof mail === 'string' ? mail : eml(mail), 'utf8');
    const key = options.key ?? `mail/${randomUUID()}`;
    if (!objects.has(key)) objects.set(key, options.raw ? bytes : asStoredBySes(bytes, { dmarc: options.dmarc ?? 'pass', now }));
    return withCorrelationId(key, () => receiveMail(deps, key));
  };

  return {
    deps,
    receive,
    tokenOf,
    entries,
    attachments,
    puts,
    sent,
    reads,
    objects,
    participants,
    counts,
    advance: (seconds: number) => (now = new Date(now.getTime() + seconds * 1000)),
    failRecordOnce: () => (failRecordOnce = true),
  };
};

const fromJana = (to: string, more: Partial<EmlOptions> = {}): EmlOptions => ({ from: `Jana Nováková <${jana.email}>`, to, text: quoted, ...more });

describe('a reply by e-mail', () => {
  it('posts the new text, without the quote, as the person the reply address was made for', async () => {
    const { receive, tokenOf, entries, sent } = setup();
    const outcome = await receive(fromJana(`"Azami Helpdesk" <${tokenOf(jana)}>`));
    expect(outcome).toMatchObject({ outcome: 'posted', requestId: request.requestId, userId: jana.userId, sender: jana.email.toLowerCase(), attachmentIds: [], leftOut: [] });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'message', visibility: 'all', body: reply, format: 'text', actorType: 'person', actorId: jana.userId, actorRole: 'client_admin' });
    expect(sent).toEqual([]);
  });

  it('finds the reply address in Cc, and in the Received line SES wrote when the To is someone else', async () => {
    const { receive, tokenOf, entries } = setup();
    expect(await receive(fromJana('eva@agency.example', { cc: tokenOf(jana) }))).toMatchObject({ outcome: 'posted' });
    // Bcc'd: only the envelope knows it, and SES's topmost Received says it.
    const bcc = asStoredBySes(Buffer.from(eml(fromJana('eva@agency.example'))), { dmarc: 'pass' })
      .toString('utf8')
      .replace(/(Received: [^\r\n]*) for eva@agency\.example;/, `$1 for <${tokenOf(jana)}>;`);
    expect(await receive(bcc, { raw: true })).toMatchObject({ outcome: 'posted' });
    expect(entries).toHaveLength(2);
  });

  it('stores allowed files as confirmed attachments under the request’s orgs/ keys, names the others, and leaves signature images out', async () => {
    const { receive, tokenOf, entries, attachments, puts } = setup();
    const pdf = new TextEncoder().encode('%PDF-1.4 podklady');
    const outcome = await receive(
      fromJana(tokenOf(jana), {
        html: '<p>Posílám podklady.</p><img src="cid:logo@acme">',
        files: [
          { fileName: 'Podklady ke košíku.pdf', contentType: 'application/pdf', content: pdf },
          { fileName: 'setup.exe', contentType: 'application/x-msdownload', content: 'MZ…' },
          { fileName: 'page.html', contentType: 'text/html', content: '<script>alert(1)</script>' },
          { fileName: 'logo.png', contentType: 'image/png', content: 'png', cid: 'logo@acme' },
        ],
      }),
    );
    expect(outcome).toMatchObject({ outcome: 'posted', leftOut: [{ fileName: 'setup.exe', why: 'type' }, { fileName: 'page.html', why: 'type' }] });
    const ids = outcome.outcome === 'posted' ? outcome.attachmentIds : [];
    expect(ids).toHaveLength(1);
    const stored = attachments.get(ids[0]!)!;
    expect(stored).toMatchObject({
      requestId: request.requestId,
      orgId: 'org-acme',
      fileName: 'Podklady ke košíku.pdf',
      contentType: 'application/pdf',
      size: pdf.byteLength,
      status: 'uploaded',
      visibility: 'all',
      uploadedBy: jana.userId,
      key: `orgs/org-acme/requests/2026-0042/attachments/${ids[0]}/Podklady ke košíku.pdf`,
    });
    expect(stored).not.toHaveProperty('expiresAt');
    expect([...puts.keys()]).toEqual([stored.key]);
    expect(puts.get(stored.key)).toEqual(pdf);
    expect(entries[0]).toMatchObject({ body: reply, attachmentIds: ids });
  });

  it('posts a reply of files only with their names as its text', async () => {
    const { receive, tokenOf, entries } = setup();
    const outcome = await receive(fromJana(tokenOf(jana), { text: '', files: [{ fileName: 'foto.jpg', contentType: 'image/jpeg', content: 'jpeg' }] }));
    expect(outcome).toMatchObject({ outcome: 'posted' });
    expect(entries[0]?.body).toBe('📎 foto.jpg');
  });
});

describe('refused replies post nothing', () => {
  const otherKey = replyKeyOf(Buffer.from('another deployment’s key', 'utf8'));
  const cases: { what: string; reason: string; answered: boolean; mail: (s: ReturnType<typeof setup>) => EmlOptions; dmarc?: 'fail'; before?: (s: ReturnType<typeof setup>) => void }[] = [
    { what: 'a token signed with another key', reason: 'forged-token', answered: true, mail: (s) => fromJana(s.tokenOf(jana, { key: otherKey })) },
    { what: 'a token edited by hand', reason: 'forged-token', answered: true, mail: (s) => fromJana(s.tokenOf(jana).replace(/reply\+(.)/, (_m, c: string) => `reply+${c === 'a' ? 'b' : 'a'}`)) },
    { what: 'an expired token', reason: 'expired-token', answered: true, mail: (s) => fromJana(s.tokenOf(jana, { issuedAt: new Date('2026-01-01T00:00:00Z') })) },
    { what: 'no reply address', reason: 'no-token', answered: true, mail: () => fromJana(`helpdesk@${domain}`) },
    { what: 'another sender with a valid token', reason: 'wrong-sender', answered: true, mail: (s) => ({ ...fromJana(s.tokenOf(jana)), from: pavla.email }) },
    { what: 'a participant removed from the request', reason: 'no-access', answered: true, mail: (s) => ({ ...fromJana(s.tokenOf(pavla)), from: pavla.email }), before: (s) => s.participants.clear() },
    { what: 'a failed DMARC verdict', reason: 'dmarc', answered: false, mail: (s) => fromJana(s.tokenOf(jana)), dmarc: 'fail' },
    { what: 'only the quote', reason: 'empty-reply', answered: true, mail: (s) => fromJana(s.tokenOf(jana), { text: '> Upřesníte rozsah?\n' }) },
    { what: 'SES’s spam verdict FAIL', reason: 'spam', answered: false, mail: (s) => fromJana(s.tokenOf(jana)) },
  ];

  for (const { what, reason, answered, mail, dmarc, before } of cases) {
    it(`${what}: ${reason}, ${answered ? 'answered once' : 'never answered'}`, async () => {
      const s = setup();
      before?.(s);
      let outcome: InboundOutcome;
      if (reason === 'spam') {
        const stored = asStoredBySes(Buffer.from(eml(mail(s))), { dmarc: 'pass' }).toString('utf8').replace('X-SES-Spam-Verdict: PASS', 'X-SES-Spam-Verdict: FAIL');
        outcome = await s.receive(stored, { raw: true });
      } else outcome = await s.receive(mail(s), { dmarc });
      expect(outcome).toMatchObject({ outcome: 'refused', reason, answered });
      expect(s.entries).toEqual([]);
      expect(s.attachments.size).toBe(0);
      expect(s.sent).toHaveLength(answered ? 1 : 0);
      if (answered) expect(s.sent[0]!.to).toBe(outcome.sender);
    });
  }

  it('takes only SES’s own, topmost Authentication-Results: a sender’s forged pass below it counts for nothing, and none at all is a refusal', async () => {
    const s = setup();
    const forged: [string, string][] = [['Authentication-Results', 'amazonses.com; spf=pass; dkim=pass; dmarc=pass header.from=acme.example;']];
    expect(await s.receive(fromJana(s.tokenOf(jana), { headers: forged }), { dmarc: 'fail' })).toMatchObject({ outcome: 'refused', reason: 'dmarc', answered: false });
    // Without SES's headers on top (not as SES stores mail): another authserv-id, or a pass in a comment, is no pass.
    const other: [string, string][] = [['Authentication-Results', 'mx.acme.example; dmarc=pass header.from=acme.example']];
    expect(await s.receive(eml(fromJana(s.tokenOf(jana), { headers: other })), { raw: true })).toMatchObject({ reason: 'dmarc', detail: 'dmarc=missing' });
    const comment: [string, string][] = [['Authentication-Results', 'amazonses.com; spf=fail (dmarc=pass); dmarc=fail header.from=acme.example']];
    expect(await s.receive(eml(fromJana(s.tokenOf(jana), { headers: comment })), { raw: true })).toMatchObject({ reason: 'dmarc', detail: 'dmarc=fail' });
    expect(await s.receive(eml(fromJana(s.tokenOf(jana))), { raw: true })).toMatchObject({ reason: 'dmarc', detail: 'dmarc=missing' });
    expect(s.entries).toEqual([]);
    expect(s.sent).toEqual([]);
  });

  it('refuses a mail over the limit after reading only its head, and answers its authenticated sender', async () => {
    const s = setup();
    const big = 'x'.repeat(maxInboundMailBytes + 1024);
    const outcome = await s.receive(fromJana(s.tokenOf(jana), { files: [{ fileName: 'big.pdf', contentType: 'application/pdf', content: big }] }));
    expect(outcome).toMatchObject({ outcome: 'refused', reason: 'too-large', sender: jana.email.toLowerCase(), answered: true });
    expect(s.reads.map((read) => read.whole)).toEqual([false]);
    expect(s.entries).toEqual([]);
  });

  it('refuses a mail whose object is gone, without an answer', async () => {
    const s = setup();
    expect(await receiveMail(s.deps, 'mail/never-stored')).toMatchObject({ outcome: 'refused', reason: 'missing', answered: false });
  });
});

describe('automatic mail', () => {
  const markers: { what: string; more: (to: string) => Partial<EmlOptions> }[] = [
    { what: 'Auto-Submitted: auto-replied', more: () => ({ headers: [['Auto-Submitted', 'auto-replied']] }) },
    { what: 'X-Autoreply', more: () => ({ headers: [['X-Autoreply', 'yes']] }) },
    { what: 'X-Autorespond', more: () => ({ headers: [['X-Autorespond', 'Out of office']] }) },
    { what: 'Precedence: bulk', more: () => ({ headers: [['Precedence', 'bulk']] }) },
    { what: 'Precedence: auto_reply', more: () => ({ headers: [['Precedence', 'auto_reply']] }) },
    { what: 'a MAILER-DAEMON sender', more: () => ({ from: 'Mail Delivery System <MAILER-DAEMON@acme.example>' }) },
  ];
  for (const { what, more } of markers) {
    it(`is dropped, never answered: ${what}`, async () => {
      const s = setup();
      const outcome = await s.receive(fromJana(s.tokenOf(jana), { text: 'Jsem mimo kancelář do pondělí.', ...more(s.tokenOf(jana)) }));
      expect(outcome).toMatchObject({ outcome: 'dropped', reason: 'auto-submitted', answered: false });
      expect(s.entries).toEqual([]);
      expect(s.sent).toEqual([]);
    });
  }

  it('is dropped for a null envelope sender (a bounce), and Auto-Submitted: no is a person’s mail', async () => {
    const s = setup();
    const bounce = asStoredBySes(Buffer.from(eml(fromJana(s.tokenOf(jana)))), { dmarc: 'pass' })
      .toString('utf8')
      .replace(/^Return-Path: <[^>]*>/m, 'Return-Path: <>');
    expect(await s.receive(bounce, { raw: true })).toMatchObject({ outcome: 'dropped', reason: 'auto-submitted', detail: 'null sender' });
    expect(await s.receive(fromJana(s.tokenOf(jana), { headers: [['Auto-Submitted', 'no']] }))).toMatchObject({ outcome: 'posted' });
  });
});

describe('answers to refused replies', () => {
  it('go to one sender at most once a day: plain, Czech and English, automatic, naming nothing of the request', async () => {
    const s = setup();
    const first = await s.receive(fromJana(`helpdesk@${domain}`, { messageId: '<abc@client.example>' }));
    const second = await s.receive(fromJana(s.tokenOf(jana), { text: '' }));
    expect([first, second].map((o) => o.outcome === 'refused' && o.answered)).toEqual([true, false]);
    expect(s.sent).toHaveLength(1);
    const [answer] = s.sent;
    expect(answer).toMatchObject({
      to: jana.email.toLowerCase(),
      from: 'helpdesk@orderdesk.test',
      headers: { 'Auto-Submitted': 'auto-replied', 'In-Reply-To': '<abc@client.example>', References: '<abc@client.example>' },
    });
    expect(answer!.subject).toBe('Vaši odpověď jsme nemohli přidat / We could not add your reply');
    expect(answer!.text).toContain('Napište ji prosím v portálu');
    expect(answer!.text).toContain('Please write it in the portal');
    expect(answer!.text).toContain('https://portal.azami.test');
    expect(answer!.text).not.toContain(request.requestId);
    // A day later the sender may be told again.
    s.advance(answerWindowSeconds);
    expect(await s.receive(fromJana(s.tokenOf(jana), { text: '' }))).toMatchObject({ reason: 'empty-reply', answered: true });
    expect(s.sent).toHaveLength(2);
    // With the request known, the answer comes in its brand and points at its portal only.
    expect(s.sent[1]).toMatchObject({ from: '"Azami Helpdesk" <helpdesk@orderdesk.test>' });
    expect(s.sent[1]!.text).not.toContain('portal.digimadi.test');
  });
});

describe('a redelivered event', () => {
  it('posts nothing twice and answers nothing twice: the first outcome is replayed', async () => {
    const s = setup();
    const key = `mail/${randomUUID()}`;
    const first = await s.receive(fromJana(s.tokenOf(jana), { files: [{ fileName: 'a.pdf', contentType: 'application/pdf', content: '%PDF' }] }), { key });
    const again = await s.receive('', { key });
    expect(again).toEqual({ ...first, replayed: true });
    expect(s.entries).toHaveLength(1);
    expect(s.entries[0]).toMatchObject({ correlationId: key });
    expect(s.attachments.size).toBe(1);

    const refusedKey = `mail/${randomUUID()}`;
    await s.receive(fromJana(`helpdesk@${domain}`), { key: refusedKey });
    s.advance(answerWindowSeconds + 1);
    expect(await s.receive('', { key: refusedKey })).toMatchObject({ reason: 'no-token', answered: true, replayed: true });
    expect(s.sent).toHaveLength(1);
    // Counted once each, replays not again.
    expect(s.counts()).toEqual({ MessagesPosted: 1, InboundMailPosted: 1, InboundMailRefused: 1 });
  });

  it('replays the first post when the function died after posting but before recording the outcome', async () => {
    const s = setup();
    const key = `mail/${randomUUID()}`;
    s.failRecordOnce();
    const mail = fromJana(s.tokenOf(jana), { files: [{ fileName: 'a.pdf', contentType: 'application/pdf', content: '%PDF' }] });
    await expect(s.receive(mail, { key })).rejects.toThrow(/timed out/);
    expect(s.entries).toHaveLength(1);
    const retried = await s.receive(mail, { key });
    expect(retried).toMatchObject({ outcome: 'posted', entryId: s.entries[0]!.entryId });
    expect(s.entries).toHaveLength(1);
    expect(s.attachments.size).toBe(1);
  });
});
