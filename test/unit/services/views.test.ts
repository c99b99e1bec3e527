import { describe, expect, it } from 'vitest';
import type { AccessLevel } from '../../../lib/domain/access.js';
import { makeOffer, type Offer } from '../../../lib/domain/orders/offer.js';
import type { Handover } from '../../../lib/domain/review/handover.js';
import type { TimelineEntry } from '../../../lib/domain/timeline-entry.js';
import { HandoverView, OfferView, TimelineEntryView, toHandoverView, toOfferView, toTimelineEntryView } from '../../../lib/services/views.js';

/** What each caller sees of a client's decision: the client organisation and the agency all of it, an invited participant the fact of it. */

const levels = ['agency', 'org_admin', 'org_member', 'participant'] as const satisfies readonly Exclude<AccessLevel, 'none'>[];
const full = levels.filter((level) => level !== 'participant');

const evidence = { ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' };
const by = { userId: 'sub-jana', name: 'Jana Nováková', at: '2026-11-24T09:05:00.000Z' };

const offer = makeOffer({
  terms: {
    lines: [{ description: 'Úprava přihlášení', quantity: 8, unit: 'h', unitPrice: 150000, vatRate: 21 }],
    currency: 'CZK',
    validUntil: '2026-12-25T22:59:59.000Z',
    deliveryEstimate: '10 pracovních dnů',
    terms: '',
  },
  offerId: '2026-0042/1',
  requestId: '2026-0042',
  number: 1,
  createdAt: '2026-11-20T08:00:00.000Z',
  createdBy: 'sub-eva',
  createdByName: 'Eva Agentová',
});
const accepted: Offer = { ...offer, status: 'accepted', decision: { decision: 'accepted', ...by, ...evidence } };
const declined: Offer = { ...offer, status: 'rejected', decision: { decision: 'rejected', ...by, ...evidence, reason: 'Bez testů to nechceme.' } };

const round: Handover = {
  requestId: '2026-0042',
  round: 2,
  notes: 'Hotovo.',
  attachmentIds: [],
  handedOverAt: '2026-11-23T10:00:00.000Z',
  handedOverBy: 'sub-eva',
  handedOverByName: 'Eva Agentová',
  reviewDeadline: '2026-11-30T22:59:59.000Z',
};
const acceptedRound: Handover = { ...round, outcome: { decision: 'accepted', ...by, ...evidence, rating: 4, comment: 'Funguje, děkujeme.' } };
const changesRound: Handover = { ...round, outcome: { decision: 'changes_requested', ...by, ...evidence, comments: 'Na mobilu chybí tlačítko.', attachmentIds: ['att-6'] } };
const deemedRound: Handover = { ...round, outcome: { decision: 'deemed', at: round.reviewDeadline } };

const entry = (fields: Partial<TimelineEntry>): TimelineEntry => ({
  entryId: 'entry-1',
  requestId: '2026-0042',
  kind: 'status_changed',
  visibility: 'all',
  actorType: 'person',
  actorId: 'sub-jana',
  actorName: 'Jana Nováková',
  actorRole: 'client_admin',
  createdAt: by.at,
  ...fields,
});
const acceptance = entry({ body: 'Funguje, děkujeme.', format: 'text', details: { action: 'accept_delivery', from: 'in_review', to: 'accepted', round: '2', rating: '4' } });

describe('an offer as each caller sees it (toOfferView)', () => {
  it.each(full)('shows %s who decided, when and from where', (level) => {
    expect(toOfferView(accepted, level)).toEqual(accepted);
    expect(toOfferView(declined, level)).toEqual(declined);
  });

  it('shows an invited participant that it was accepted, by whom and when, and no IP address or browser', () => {
    const seen = toOfferView(accepted, 'participant');
    expect(seen.decision).toEqual({ decision: 'accepted', ...by });
    expect(JSON.stringify(seen)).not.toMatch(/203\.0\.113\.7|Mozilla|userAgent|"ip"/);
    // Its content, status and hash are everyone's who sees the request.
    expect({ ...seen, decision: undefined }).toEqual({ ...accepted, decision: undefined });
  });

  it('keeps a declined offer’s reason for a participant, without the evidence', () => {
    expect(toOfferView(declined, 'participant').decision).toEqual({ decision: 'rejected', ...by, reason: 'Bez testů to nechceme.' });
  });

  it('leaves an open offer as it is', () => {
    for (const level of levels) expect(toOfferView(offer, level)).toEqual(offer);
  });

  it.each(levels)('answers what the route’s schema documents, for %s', (level) => {
    for (const shown of [offer, accepted, declined].map((o) => toOfferView(o, level))) expect(OfferView.strict().parse(shown)).toEqual(shown);
  });
});

describe('a review round as each caller sees it (toHandoverView)', () => {
  it.each(full)('shows %s the rating, comment and evidence', (level) => {
    for (const handover of [round, acceptedRound, changesRound, deemedRound]) expect(toHandoverView(handover, level)).toEqual(handover);
  });

  it('shows an invited participant that the round was accepted, by whom, when and which, and nothing more', () => {
    const seen = toHandoverView(acceptedRound, 'participant');
    expect(seen).toEqual({ ...round, outcome: { decision: 'accepted', ...by } });
    expect(JSON.stringify(seen)).not.toMatch(/Funguje|rating|comment|203\.0\.113\.7|Mozilla/);
  });

  it('shows an invited participant the changes asked for (what the next round answers), without the evidence', () => {
    expect(toHandoverView(changesRound, 'participant').outcome).toEqual({ decision: 'changes_requested', ...by, comments: 'Na mobilu chybí tlačítko.', attachmentIds: ['att-6'] });
  });

  it('shows everyone a deemed acceptance and a round under review', () => {
    expect(toHandoverView(deemedRound, 'participant')).toEqual(deemedRound);
    expect(toHandoverView(round, 'participant')).toEqual(round);
  });

  it.each(levels)('answers what the route’s schema documents, for %s', (level) => {
    for (const handover of [round, acceptedRound, changesRound, deemedRound]) {
      const shown = toHandoverView(handover, level);
      expect(HandoverView.parse(shown)).toEqual(shown);
    }
  });
});

describe('a timeline entry as each caller sees it (toTimelineEntryView)', () => {
  it.each(full)('shows %s the rating and the comment of an acceptance', (level) => {
    expect(toTimelineEntryView(acceptance, level)).toEqual(acceptance);
  });

  it('shows an invited participant that the delivery was accepted, by whom, when and which round', () => {
    const seen = toTimelineEntryView(acceptance, 'participant');
    expect(seen).toEqual(entry({ details: { action: 'accept_delivery', from: 'in_review', to: 'accepted', round: '2' } }));
    expect(JSON.stringify(seen)).not.toMatch(/Funguje|rating/);
  });

  it('leaves every other entry as it is, notes and reasons included', () => {
    const others = [
      entry({ body: 'Bez testů to nechceme.', details: { action: 'reject_offer', from: 'quoted', to: 'clarifying', offerId: '2026-0042/1', number: '1' } }),
      entry({ body: 'Na mobilu chybí tlačítko.', details: { action: 'request_changes', from: 'in_review', to: 'changes_requested', round: '2' } }),
      entry({ kind: 'message', body: 'Díky za rychlou opravu!', format: 'markdown' }),
      entry({ actorType: 'system', actorId: 'workflow', details: { action: 'deem_accepted', from: 'in_review', to: 'accepted', round: '2', reviewDeadline: round.reviewDeadline } }),
    ];
    for (const other of others) expect(toTimelineEntryView(other, 'participant')).toEqual(other);
  });

  const orderIssued = entry({
    kind: 'order_issued',
    actorType: 'system',
    actorId: 'workflow',
    details: { orderNumber: 'OBJ-2026-0042', gross: '121000', currency: 'CZK', dueDate: '2026-12-21', variableSymbol: '2026000042', iban: 'CZ6508000000192000145399', acceptedBy: 'u-admin', documentKey: 'orders/2026-0042/OBJ-2026-0042.pdf', fileName: 'OBJ-2026-0042.pdf' },
  });
  const paid = entry({ actorType: 'system', actorId: 'payment-webhook', details: { action: 'mark_paid', from: 'awaiting_payment', to: 'queued', paymentId: 'bank-1', amount: '121000', currency: 'CZK', orderNumber: 'OBJ-2026-0042' } });

  it.each(full)('shows %s the order’s facts: number, symbol, account, payment', (level) => {
    expect(toTimelineEntryView(orderIssued, level)).toEqual(orderIssued);
    expect(toTimelineEntryView(paid, level)).toEqual(paid);
  });

  it('shows an invited participant that an order was issued and paid, none of the order’s facts (its GET is a 404 to them)', () => {
    expect(toTimelineEntryView(orderIssued, 'participant')).toEqual({ ...orderIssued, details: {} });
    expect(toTimelineEntryView(entry({ kind: 'payment_reminder', details: orderIssued.details! }), 'participant').details).toEqual({});
    expect(toTimelineEntryView(paid, 'participant').details).toEqual({ action: 'mark_paid', from: 'awaiting_payment', to: 'queued', currency: 'CZK' });
  });

  it.each(levels)('answers what the route’s schema documents, for %s', (level) => {
    const shown = toTimelineEntryView(acceptance, level);
    expect(TimelineEntryView.parse(shown)).toEqual(shown);
  });
});
