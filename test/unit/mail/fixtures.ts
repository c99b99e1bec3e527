import type { TimelineEntry, TimelineEntryKind } from '../../../lib/domain/timeline-entry.js';
import type { Platform } from '../../../lib/domain/platform.js';
import type { RequestStatus } from '../../../lib/domain/request.js';
import { brandOf } from '../../../lib/mail/brands.js';
import type { Language } from '../../../lib/mail/i18n.js';
import type { MailContext } from '../../../lib/mail/render-mail.js';
import { toTimelineEntryView } from '../../../lib/services/views.js';

/** Fixed contexts for the mail tests: fixed ids, dates and portal URLs, so snapshots hold still. */

export const portals: Record<Platform, string> = { azami: 'https://portal.azami.test', digimadi: 'https://portal.digimadi.test' };

const person = { actorType: 'person', actorId: 'user-jana', actorName: 'Jana Nováková', actorRole: 'client_admin' } as const;
const agent = { actorType: 'person', actorId: 'user-tomas', actorName: 'Tomáš Dvořák', actorRole: 'agent' } as const;
const system = { actorType: 'system', actorId: 'notifier', actorName: 'orderdesk notifier', actorRole: 'system' } as const;
const workflow = { actorType: 'system', actorId: 'workflow', actorName: 'orderdesk workflow', actorRole: 'system' } as const;
const scanner = { actorType: 'system', actorId: 'scanner', actorName: 'orderdesk malware scan', actorRole: 'system' } as const;

/** An order as the workflow writes it: 12 100 CZK incl. VAT, due in 14 days. */
const order = {
  orderNumber: 'OBJ-2026-0042',
  gross: '1210000',
  currency: 'CZK',
  dueDate: '2026-12-09',
  variableSymbol: '2026000042',
  iban: 'CZ6508000000192000145399',
  acceptedBy: 'user-jana',
};

/** One typical entry per kind, with the details its service writes. */
export const entries: Record<TimelineEntryKind, Partial<TimelineEntry>> = {
  request_created: { ...person, details: { type: 'defect', title: 'Oprava přihlášení přes Google' } },
  status_changed: { ...agent, details: { action: 'post_offer', from: 'clarifying', to: 'quoted' }, body: 'Cena 12 000 Kč bez DPH, hotovo do 14 dnů od přijetí.' },
  message: {
    ...person,
    format: 'markdown',
    body: 'Dobrý den,\n\npo **změně hesla** se přihlášení zasekne. Zkoušela jsem:\n\n- jiný prohlížeč\n- [nápovědu Googlu](https://support.google.com/accounts)\n\n> Fungovalo to do pátku.',
    attachmentIds: ['att-1', 'att-2'],
  },
  internal_note: { ...agent, visibility: 'agency', format: 'text', body: 'Klient má starou verzi aplikace.\nOvěřit v logu.' },
  attachment_added: { ...person, attachmentIds: ['att-3'], details: { fileName: 'snímek obrazovky.png', size: '1234567', contentType: 'image/png' } },
  participant_invited: { ...person, details: { userId: 'user-petr', email: 'petr.svoboda@example.cz', name: 'Petr Svoboda' } },
  participant_removed: { ...person, details: { userId: 'user-petr' } },
  rank_changed: { ...person, details: { from: '4', to: '1' } },
  assignee_changed: { ...agent, details: { from: 'user-eva', to: 'user-tomas', toName: 'Tomáš Dvořák' } },
  mail_undeliverable: { ...system, details: { email: 'petr.svoboda@example.cz', name: 'Petr Svoboda', reason: 'bounce' } },
  offer_posted: {
    ...agent,
    body: 'Cena zahrnuje **úpravu přihlášení** a testy:\n\n- přihlášení přes Google i Apple\n- nasazení na produkci',
    details: {
      action: 'post_offer',
      from: 'clarifying',
      to: 'quoted',
      offerId: '2026-0042/2',
      number: '2',
      net: '1000000',
      gross: '1210000',
      currency: 'CZK',
      // 23:59:59 on 25 December in Prague (UTC+1 in winter).
      validUntil: '2026-12-25T22:59:59.000Z',
      deliveryEstimate: '10 pracovních dnů po zaplacení',
      lineCount: '3',
      supersedes: '1',
    },
  },
  offer_reminder: { ...workflow, details: { offerId: '2026-0042/2', number: '2', gross: '1210000', currency: 'CZK', validUntil: '2026-12-25T22:59:59.000Z' } },
  order_issued: { ...workflow, details: { ...order, documentKey: 'orders/2026-0042/OBJ-2026-0042.pdf', fileName: 'OBJ-2026-0042.pdf' } },
  payment_reminder: { ...workflow, details: order },
  payment_flagged: {
    ...system,
    actorId: 'payment-webhook',
    actorName: 'orderdesk payment webhook',
    visibility: 'agency',
    details: { paymentId: 'pay-0007', expected: '1210000', expectedCurrency: 'CZK', received: '1200000', receivedCurrency: 'CZK', reason: 'amount', source: 'webhook' },
  },
  payment_resolved: {
    ...agent,
    visibility: 'agency',
    format: 'text',
    body: 'Klient doplatil rozdíl 100 Kč (platba pay-0008), vráceno nic.',
    details: { paymentId: 'pay-0007', received: '1200000', receivedCurrency: 'CZK', reason: 'amount', source: 'webhook' },
  },
  // Two days before the last day of round 2's review, which ends at 23:59:59 on 26 November in Prague.
  review_reminder: { ...workflow, details: { round: '2', reviewDeadline: '2026-11-26T22:59:59.000Z' } },
  attachment_blocked: {
    ...scanner,
    attachmentIds: ['att-7'],
    details: { fileName: 'faktura.zip', verdict: 'infected', threat: 'Win.Trojan.Agent-1234', uploadedBy: 'user-jana', uploadedByName: 'Jana Nováková' },
  },
};

/** 23:59:59 on 1 December in Prague (UTC+1 in winter): 7 days after the entries' 24 November. */
const windowEnd = '2026-12-01T22:59:59.000Z';
/** A moment after that: when the workflow acts on a window that ended. */
const afterWindow = '2026-12-01T23:00:05.000Z';

/** The status changes of a delivery's review and of an answer, as the services write them. */
export const reviewSteps = {
  hand_over: {
    ...agent,
    format: 'markdown',
    body: 'Přihlášení přes **Google** i **Apple** funguje i po změně hesla.\n\nJak to ověřit:\n\n1. odhlaste se\n2. přihlaste se přes Google',
    attachmentIds: ['att-4', 'att-5'],
    details: { action: 'hand_over', from: 'in_progress', to: 'in_review', assigneeId: 'user-tomas', round: '2', reviewDeadline: windowEnd, link: 'https://staging.azami.test/login?preview=2' },
  },
  accept_delivery: { ...person, body: 'Funguje, děkujeme.', details: { action: 'accept_delivery', from: 'in_review', to: 'accepted', round: '2', rating: '4' } },
  request_changes: {
    ...person,
    body: 'Na mobilu chybí tlačítko Apple.',
    attachmentIds: ['att-6'],
    details: { action: 'request_changes', from: 'in_review', to: 'changes_requested', round: '2' },
  },
  deem_accepted: { ...workflow, createdAt: afterWindow, details: { action: 'deem_accepted', from: 'in_review', to: 'accepted', round: '2', reviewDeadline: windowEnd } },
  explain: { ...agent, body: 'Google mění přihlášení u starých účtů; stačí se jednou přihlásit znovu.', details: { action: 'explain', from: 'submitted', to: 'answered', reopenUntil: windowEnd } },
  reopen: { ...person, body: 'Ani po novém přihlášení to nejde.', details: { action: 'reopen', from: 'answered', to: 'clarifying' } },
  close: { ...workflow, createdAt: afterWindow, details: { action: 'close', from: 'answered', to: 'closed', reopenUntil: windowEnd } },
} satisfies Record<string, Partial<TimelineEntry>>;

/** The status a request has when an entry of this kind is mailed. */
const statusWhen: Partial<Record<TimelineEntryKind, RequestStatus>> = {
  status_changed: 'quoted',
  offer_posted: 'quoted',
  offer_reminder: 'quoted',
  order_issued: 'awaiting_payment',
  payment_reminder: 'awaiting_payment',
  payment_flagged: 'awaiting_payment',
  payment_resolved: 'awaiting_payment',
  review_reminder: 'in_review',
};

export const queue = [
  { requestId: '2026-0042', title: 'Oprava přihlášení přes Google', position: 1 },
  { requestId: '2026-0038', title: 'Export faktur do Pohody', position: 2 },
  { requestId: '2026-0040', title: 'Nový e-shop', position: 3 },
  { requestId: '2026-0041', title: 'Úprava šablony objednávky', position: 4 },
];

/** How the recipient relates to the request: the fixtures' Petr decides for the client unless a test says otherwise. */
export const client = { access: 'org_admin', mayAcceptOffers: true } as const;
export const participant = { access: 'participant', mayAcceptOffers: false } as const;
export const agency = { access: 'agency', mayAcceptOffers: false } as const;

export const contextFor = (kind: TimelineEntryKind, language: Language, platform: Platform, overrides: Partial<MailContext> = {}): MailContext => {
  const portal = portals[platform];
  return {
    entry: {
      entryId: 'entry-0001',
      requestId: '2026-0042',
      kind,
      visibility: 'all',
      createdAt: '2026-11-24T09:05:00.000Z',
      ...person,
      ...entries[kind],
    } as TimelineEntry,
    request: { requestId: '2026-0042', title: 'Oprava přihlášení přes Google', status: statusWhen[kind] ?? 'in_progress', platform },
    recipient: { name: 'Petr Svoboda', language, ...client },
    brand: brandOf(platform, portal),
    links: {
      request: `${portal}/requests/2026-0042?link=open-token`,
      unsubscribe: `${portal}/mute?link=mute-token`,
      preferences: `${portal}/settings/mail`,
    },
    ...(kind === 'rank_changed' ? { queue, moved: 3, orgName: 'Acme s.r.o.' } : {}),
    ...overrides,
  };
};

/**
 * A context as the notifier writes it for a recipient who relates to the request as `who` does:
 * the entry as they see it on the timeline (toTimelineEntryView) and what they may do.
 */
export const seenBy = (context: MailContext, who: Pick<MailContext['recipient'], 'access' | 'mayAcceptOffers'>): MailContext => ({
  ...context,
  entry: toTimelineEntryView(context.entry, who.access),
  recipient: { ...context.recipient, access: who.access, mayAcceptOffers: who.mayAcceptOffers },
});

/** A status change of `reviewSteps` (or one like it) to one recipient: only that step's body, files and details. */
export const stepContext = (step: Partial<TimelineEntry>, language: Language, platform: Platform = 'azami'): MailContext => {
  const context = contextFor('status_changed', language, platform);
  const { body: _body, format: _format, attachmentIds: _files, details: _details, ...entry } = context.entry;
  const to = step.details?.to as RequestStatus | undefined;
  return { ...context, entry: { ...entry, ...step }, request: { ...context.request, status: to ?? context.request.status } };
};
