import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { mailIdOf, type MailRecord } from '../../../lib/domain/mail/mail-record.js';
import type { Person } from '../../../lib/domain/mail/notification-matrix.js';
import type { Request } from '../../../lib/domain/request.js';
import type { TimelineEntry } from '../../../lib/domain/timeline-entry.js';
import type { ClaimResult, MailRecordKey, MailThread, OutgoingMail } from '../../../lib/services/ports/mail.js';
import { attachmentsOf, MissingDocumentError, notifyEntry } from '../../../lib/services/mail/notifier.js';
import { createFunctionHandler } from '../../../lib/lambda/create-function-handler.js';
import { functions } from '../../../lib/lambda/table.js';
import { notifyStreamRecords } from '../../../lib/services/mail/notify-stream.js';
import { resendParked } from '../../../lib/services/mail/parked-mail.js';
import { lambdaContext } from '../../support/lambda.js';
import { loggedBy } from '../../support/logs.js';
import { recordingMetrics } from '../../support/metrics.js';
import type { NotifierDeps } from '../../../lib/services/ports/deps.js';

/** The notifier against fakes: one request, its people, deliveries kept in a map, a mailer that keeps what it sent, and the orders' PDFs in memory. */

const now = new Date('2026-11-25T10:00:00.000Z');
const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x00, 0xff]);
const documentKey = 'orders/2026-0042/OBJ-2026-0042.pdf';

const request: Request = {
  requestId: '2026-0042',
  orgId: 'org-1',
  type: 'inquiry',
  title: 'Nový e-shop',
  description: 'Chceme e-shop.',
  platform: 'azami',
  status: 'awaiting_payment',
  version: 5,
  createdBy: 'u-requester',
  assigneeId: 'u-agent',
  createdAt: '2026-11-20T08:00:00.000Z',
  updatedAt: '2026-11-25T09:59:00.000Z',
};

const person = (userId: string, role: Person['role'], language: Person['language'] = 'cs', orgId = role.startsWith('client_') ? request.orgId : undefined): Person => ({
  userId,
  email: `${userId}@example.test`,
  name: userId,
  role,
  ...(orgId ? { orgId } : {}),
  language,
});
const requester = person('u-requester', 'client_member');
const orgAdmin = person('u-orgadmin', 'client_admin', 'en');
const agent = person('u-agent', 'agent');
const acceptor = person('u-acceptor', 'client_member');
/** Invited to the request: another organisation's admin, a participant here. */
const guest = person('u-guest', 'client_admin', 'en', 'org-beta');

const orderEntry: TimelineEntry = {
  entryId: 'entry-order',
  requestId: '2026-0042',
  kind: 'order_issued',
  visibility: 'all',
  actorType: 'system',
  actorId: 'workflow',
  actorName: 'orderdesk workflow',
  actorRole: 'system',
  createdAt: '2026-11-25T09:59:00.000Z',
  details: {
    orderNumber: 'OBJ-2026-0042',
    gross: '1210000',
    currency: 'CZK',
    dueDate: '2026-12-09',
    variableSymbol: '2026000042',
    iban: 'CZ6508000000192000145399',
    documentKey,
    fileName: 'OBJ-2026-0042.pdf',
    acceptedBy: 'u-acceptor',
  },
};

const world = (options: { documents?: (key: string) => Promise<Uint8Array>; muted?: string[]; membersMayAcceptOffers?: boolean } = {}) => {
  const sent: OutgoingMail[] = [];
  const reads: string[] = [];
  const deliveries = new Map<string, MailRecord>();
  const threads = new Map<string, MailThread>();
  const keyOf = (key: MailRecordKey) => mailIdOf(key);
  const { metrics, counts } = recordingMetrics();
  const organisationReads: string[] = [];
  const deps: NotifierDeps = {
    requests: { get: async (requestId) => (requestId === request.requestId ? request : undefined) },
    timeline: { get: async (_requestId, _createdAt, entryId) => (entryId === orderEntry.entryId ? orderEntry : undefined) },
    users: { getUser: async (userId) => (userId === 'u-agent' ? { ...agent, createdAt: request.createdAt } : undefined), findByEmail: async () => undefined },
    participants: { list: async () => [{ requestId: request.requestId, userId: guest.userId, email: guest.email, name: guest.name, invitedBy: 'u-orgadmin', invitedAt: request.createdAt }] },
    queues: { clientQueue: async () => [] },
    organisations: {
      getOrganisation: async (orgId) => {
        organisationReads.push(orgId);
        return options.membersMayAcceptOffers === undefined
          ? undefined
          : { orgId, name: 'Acme', platform: 'azami', language: 'cs', settings: { membersMayRank: false, membersMayAcceptOffers: options.membersMayAcceptOffers }, createdAt: request.createdAt };
      },
    },
    people: {
      orgMembers: async () => [requester, orgAdmin],
      agencyStaff: async () => [agent],
      byIds: async (ids) => new Map([requester, orgAdmin, agent, acceptor, guest].filter((p) => ids.includes(p.userId)).map((p) => [p.userId, p])),
      facts: async () => ({ muted: new Set(options.muted ?? []), suppressed: new Map() }),
    },
    mailRecords: {
      get: async (key) => deliveries.get(keyOf(key)),
      claim: async (record, token): Promise<ClaimResult> => {
        if (deliveries.has(keyOf(record))) return 'done';
        deliveries.set(keyOf(record), { ...record, state: 'sending', claimToken: token, attempts: 0 });
        return 'claimed';
      },
      claimParked: async (key, token) => {
        const current = deliveries.get(keyOf(key))!;
        const claimed = { ...current, state: 'sending' as const, claimToken: token };
        deliveries.set(keyOf(key), claimed);
        return claimed;
      },
      sent: async (key, _token, outcome) => void deliveries.set(keyOf(key), { ...deliveries.get(keyOf(key))!, state: 'sent', messageId: outcome.messageId }),
      park: async (key, _token, outcome) => void deliveries.set(keyOf(key), { ...deliveries.get(keyOf(key))!, state: 'parked', error: outcome.error }),
      suppressed: async () => undefined,
      listParked: async () => ({ items: [] }),
    },
    mailer: {
      send: async (mail) => {
        sent.push(mail);
        return { messageId: `ses-${sent.length}`, messageIdHeader: `<ses-${sent.length}@eu-central-1.amazonses.com>` };
      },
    },
    threads: {
      get: async (requestId, userId) => threads.get(`${requestId}/${userId}`),
      append: async (requestId, userId, messageId) => {
        const thread = threads.get(`${requestId}/${userId}`);
        threads.set(`${requestId}/${userId}`, { first: thread?.first ?? messageId, recent: [...(thread?.recent ?? []), messageId] });
      },
    },
    documents: {
      read: async (key) => {
        reads.push(key);
        return options.documents ? options.documents(key) : pdf;
      },
    },
    site: { portalUrl: () => 'https://portal.azami.test', apiUrl: 'https://api.test', mailFrom: 'helpdesk@azami.test', inboundDomain: 'reply.azami.test' },
    linkKey: async () => Buffer.alloc(32, 7),
    now: () => now,
    newId: (() => {
      let n = 0;
      return () => `id-${++n}`;
    })(),
    retry: { attempts: 2, baseDelayMs: 1, sleep: async () => undefined },
    metrics,
  };
  return { deps, sent, reads, deliveries, threads, counts, organisationReads };
};

describe('the mail of an issued order', () => {
  it('carries the order’s PDF to every recipient, client side and agency alike, read once', async () => {
    const { deps, sent, reads } = world();
    const outcomes = await notifyEntry(deps, orderEntry);
    expect(outcomes.map((o) => [o.userId, o.outcome]).sort()).toEqual([
      ['u-acceptor', 'sent'],
      ['u-agent', 'sent'],
      ['u-orgadmin', 'sent'],
      ['u-requester', 'sent'],
    ]);
    expect(reads).toEqual([documentKey]);
    expect(sent).toHaveLength(4);
    for (const mail of sent) expect(mail.attachments).toEqual([{ fileName: 'OBJ-2026-0042.pdf', contentType: 'application/pdf', content: pdf }]);
    expect(sent.find((mail) => mail.to === 'u-orgadmin@example.test')!.text).toContain('The binding order OBJ-2026-0042 is attached to this e-mail as a PDF.');
  });

  it('reads no PDF when nobody is to be mailed', async () => {
    const { deps, sent, reads } = world({ muted: ['u-requester', 'u-orgadmin', 'u-agent', 'u-acceptor'] });
    await notifyEntry(deps, orderEntry);
    expect(reads).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('sends nothing without the PDF when it can’t be read, claims nothing, and throws for the stream to retry', async () => {
    const failing = world({ documents: async () => Promise.reject(new Error('S3 answered 503 to GET')) });
    await expect(notifyEntry(failing.deps, orderEntry)).rejects.toThrow('S3 answered 503');
    expect(failing.sent).toEqual([]);
    expect(failing.deliveries.size).toBe(0);
    // The retry, once S3 answers, mails everyone with the PDF.
    const retried = await notifyEntry({ ...failing.deps, documents: { read: async () => pdf } }, orderEntry);
    expect(retried.every((o) => o.outcome === 'sent')).toBe(true);
    expect(failing.sent.every((mail) => mail.attachments?.length === 1)).toBe(true);
  });

  it('refuses an order entry whose PDF is missing or not its request’s own, reading nothing', async () => {
    const { deps, reads } = world();
    for (const details of [
      { ...orderEntry.details, documentKey: undefined },
      { ...orderEntry.details, documentKey: 'orgs/org-1/requests/2026-0042/attachments/a/x.pdf' },
      { ...orderEntry.details, documentKey: 'orders/2026-0042/../../orgs/x.pdf' },
      { ...orderEntry.details, documentKey: 'orders/2026-0041/OBJ-2026-0041.pdf' },
      { ...orderEntry.details, fileName: undefined },
    ]) {
      await expect(attachmentsOf(deps, { ...orderEntry, details: details as Record<string, string> })).rejects.toBeInstanceOf(MissingDocumentError);
    }
    expect(reads).toEqual([]);
  });

  it('attaches nothing to any other kind of entry, and reads no PDF for it', async () => {
    const { deps, sent, reads } = world();
    await notifyEntry(deps, { ...orderEntry, entryId: 'entry-reminder', kind: 'payment_reminder', details: { ...orderEntry.details, documentKey: undefined } as never });
    expect(reads).toEqual([]);
    expect(sent.length).toBeGreaterThan(0);
    for (const mail of sent) expect(mail).not.toHaveProperty('attachments');
  });
});

describe('threads', () => {
  const reminder: TimelineEntry = { ...orderEntry, entryId: 'entry-reminder', kind: 'payment_reminder', details: { ...orderEntry.details, documentKey: undefined } as never };
  const mailTo = (sent: OutgoingMail[], userId: string) => sent.filter((mail) => mail.to === `${userId}@example.test`);

  it('records each sent mail on its person’s thread about the request, and the next mail to them answers it', async () => {
    const { deps, sent, threads } = world();
    await notifyEntry(deps, orderEntry);
    const [first] = mailTo(sent, 'u-orgadmin');
    expect(first!.headers).not.toHaveProperty('In-Reply-To');
    const firstId = threads.get('2026-0042/u-orgadmin')!.first;
    expect(firstId).toMatch(/^<ses-\d@eu-central-1\.amazonses\.com>$/);
    await notifyEntry(deps, reminder);
    const [, second] = mailTo(sent, 'u-orgadmin');
    expect(second!.headers['In-Reply-To']).toBe(firstId);
    expect(second!.headers.References).toBe(firstId);
    // Each person's own thread: the agent's second mail answers the agent's first, not the admin's.
    const agentFirst = threads.get('2026-0042/u-agent')!.first;
    expect(agentFirst).not.toBe(firstId);
    expect(mailTo(sent, 'u-agent')[1]!.headers['In-Reply-To']).toBe(agentFirst);
  });

  it('gives people whose ids are not UUIDs no reply address', async () => {
    const { deps, sent } = world();
    await notifyEntry(deps, orderEntry);
    for (const mail of sent) expect(mail).not.toHaveProperty('replyTo');
  });
});

describe('sending a parked order mail again', () => {
  const parkedFor = async (documents?: (key: string) => Promise<Uint8Array>) => {
    const w = world({ documents });
    const key = { group: `entry#${request.requestId}#${orderEntry.entryId}`, recipientId: 'u-orgadmin' };
    w.deliveries.set(mailIdOf(key), { ...key, email: orgAdmin.email, state: 'parked', requestId: request.requestId, entryId: orderEntry.entryId, entryCreatedAt: orderEntry.createdAt, attempts: 4, error: 'ServiceUnavailable' });
    return { ...w, mailId: mailIdOf(key) };
  };

  it('attaches the PDF', async () => {
    const { deps, sent, mailId } = await parkedFor();
    const view = await resendParked(deps, { userId: 'u-agent' } as never, mailId);
    expect(view.state).toBe('sent');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.attachments).toEqual([{ fileName: 'OBJ-2026-0042.pdf', contentType: 'application/pdf', content: pdf }]);
  });

  it('leaves the mail parked, untouched, when the PDF can’t be read', async () => {
    const { deps, sent, mailId, deliveries } = await parkedFor(async () => Promise.reject(new Error('S3 answered 500')));
    await expect(resendParked(deps, { userId: 'u-agent' } as never, mailId)).rejects.toThrow('S3 answered 500');
    expect(sent).toEqual([]);
    expect(deliveries.get(mailId)).toMatchObject({ state: 'parked', error: 'ServiceUnavailable' });
  });
});

describe('the notify function', () => {
  const streamOf = (...entries: TimelineEntry[]) => ({
    Records: entries.map((entry, index) => ({ eventID: `e${index}`, eventName: 'INSERT', dynamodb: { SequenceNumber: String(100 + index), NewImage: marshall(entry, { removeUndefinedValues: true }) } })),
  });

  it('names the action that wrote each entry with every mail it sends, on the mail (an SES tag) and in its log, and counts them', async () => {
    const { deps, sent, counts } = world({ muted: ['u-requester'] });
    const handler = createFunctionHandler(functions.notify)(({ event }) => notifyStreamRecords(deps, event));
    const entry: TimelineEntry = { ...orderEntry, correlationId: 'JKJaXmPLvHcESHA=' };
    const { result, lines } = await loggedBy(() => handler(streamOf(entry), lambdaContext()));
    expect(result).toEqual({ batchItemFailures: [] });
    expect(sent).toHaveLength(3);
    for (const mail of sent) expect(mail.tags).toMatchObject({ request: '2026-0042', 'correlation-id': 'JKJaXmPLvHcESHA=' });
    // The entry's line names the API call that wrote it, not the stream batch's invocation (`aws-request-1`).
    expect(lines).toEqual([expect.objectContaining({ message: 'entry mailed', entryId: 'entry-order', correlationId: 'JKJaXmPLvHcESHA=', function: 'notify' })]);
    expect(counts()).toEqual({ MailsSent: 3 });
  });

  it('logs an entry from before correlation ids under the batch’s own invocation, and tags its mail with none', async () => {
    const { deps, sent } = world();
    const handler = createFunctionHandler(functions.notify)(({ event }) => notifyStreamRecords(deps, event));
    const { lines } = await loggedBy(() => handler(streamOf(orderEntry), lambdaContext()));
    for (const mail of sent) expect(mail.tags).not.toHaveProperty('correlation-id');
    expect(lines).toEqual([expect.objectContaining({ message: 'entry mailed', correlationId: 'aws-request-1' })]);
  });
});

describe('each recipient’s mail, as they relate to the request', () => {
  const mailTo = (sent: OutgoingMail[], who: Person) => sent.find((mail) => mail.to === who.email);
  const step = (details: Record<string, string>, body?: string): TimelineEntry => ({
    ...orderEntry,
    entryId: `entry-${details.action}`,
    kind: 'status_changed',
    actorType: 'person',
    actorId: 'u-orgadmin',
    actorName: 'Olga Admin',
    actorRole: 'client_admin',
    details,
    ...(body ? { body, format: 'text' } : {}),
  });

  it('shows an invited participant that the delivery was accepted, without the rating or the comment the others get', async () => {
    const { deps, sent } = world();
    await notifyEntry(deps, step({ action: 'accept_delivery', from: 'in_review', to: 'accepted', round: '1', rating: '5' }, 'Skvělá práce, děkujeme.'));
    const invited = mailTo(sent, guest)!;
    expect(invited.subject).toContain('Delivery accepted');
    for (const part of [invited.html, invited.text]) expect(part).not.toMatch(/★|☆|Rating|5 of 5|Skvělá práce/);
    for (const who of [requester, agent]) {
      expect(mailTo(sent, who)!.text).toContain('★★★★★');
      expect(mailTo(sent, who)!.text).toContain('Skvělá práce, děkujeme.');
    }
  });

  it('asks the client organisation to review a handover, and tells the participant and the agency that the client reviews it', async () => {
    const { deps, sent } = world();
    await notifyEntry(deps, { ...step({ action: 'hand_over', from: 'in_progress', to: 'in_review', round: '1', reviewDeadline: '2026-12-02T22:59:59.000Z' }, 'Hotovo.'), actorId: 'u-other-agent', actorName: 'Eva', actorRole: 'agent' });
    expect(mailTo(sent, requester)!.text).toContain('Předanou práci (kolo 1) prosím zkontrolujte');
    expect(mailTo(sent, guest)!.text).toContain('The client reviews the delivery (round 1)');
    expect(mailTo(sent, agent)!.text).toContain('Klient předanou práci (kolo 1) zkontroluje');
    for (const who of [guest, agent]) expect(mailTo(sent, who)!.text).not.toMatch(/rate it|prosím zkontrolujte|Please review|převezměte/);
  });

  it('tells the agency that the client pays an order, and asks the client organisation to pay', async () => {
    const { deps, sent } = world();
    await notifyEntry(deps, orderEntry);
    expect(mailTo(sent, agent)!.text).toContain('Klient platí bankovním převodem');
    expect(mailTo(sent, agent)!.text).not.toContain('Zaplaťte prosím');
    expect(mailTo(sent, orgAdmin)!.text).toContain('Please pay by bank transfer');
  });

  it.each([
    [undefined, 'správci vaší organizace'],
    [false, 'správci vaší organizace'],
    [true, 'Nabídku lze na portálu přijmout, nebo odmítnout.'],
  ])('asks a member to accept an offer only if the organisation lets members accept (%s), reading the organisation once', async (membersMayAcceptOffers, words) => {
    const { deps, sent, organisationReads } = world({ membersMayAcceptOffers });
    const offer: TimelineEntry = { ...orderEntry, entryId: 'entry-offer', kind: 'offer_posted', actorType: 'person', actorId: 'u-other-agent', actorName: 'Eva', actorRole: 'agent', details: { number: '1', net: '100000', gross: '121000', currency: 'CZK', validUntil: '2026-12-25T22:59:59.000Z' } };
    await notifyEntry(deps, offer);
    expect(organisationReads).toEqual(['org-1']);
    expect(mailTo(sent, requester)!.text).toContain(words);
    expect(mailTo(sent, orgAdmin)!.text).toContain('The offer can be accepted or declined in the portal.');
    expect(mailTo(sent, guest)!.text).toContain('The client accepts or declines the offer in the portal.');
    expect(mailTo(sent, agent)!.text).toContain('Nabídku na portálu přijímá, nebo odmítá klient.');
  });

  it('reads no organisation for mail that asks no member to decide on an offer', async () => {
    const { deps, organisationReads } = world();
    await notifyEntry(deps, orderEntry);
    await notifyEntry(deps, step({ action: 'accept_delivery', from: 'in_review', to: 'accepted', round: '1' }));
    expect(organisationReads).toEqual([]);
  });
});
