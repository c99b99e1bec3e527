import { describe, expect, it } from 'vitest';
import { allowedActions, dependsOnOffer, dependsOnOrganisation, type ActionFacts } from '../../../lib/domain/allowed-actions.js';
import { actions, type Action } from '../../../lib/domain/lifecycle.js';
import type { Organisation } from '../../../lib/domain/organisation.js';
import { RequestStatus, RequestType } from '../../../lib/domain/request.js';
import { Role } from '../../../lib/domain/roles.js';

const now = new Date('2026-12-01T10:00:00.000Z');
const later = '2026-12-08T22:59:59.000Z';
const earlier = '2026-11-30T22:59:59.000Z';
const billing: NonNullable<Organisation['billing']> = {
  name: 'Acme s.r.o.',
  ico: '27074358',
  address: { street: 'Příkopy 12', city: 'Praha 1', postalCode: '110 00', country: 'CZ' },
};
const organisation = (membersMayAcceptOffers: boolean, billed: boolean): ActionFacts['organisation'] => ({
  settings: { membersMayRank: false, membersMayAcceptOffers },
  ...(billed ? { billing } : {}),
});

type OfferKind = 'none' | 'free' | 'priced';

/**
 * What each person may do, written out from docs/domain.md and the issue that made them exact, independently of the
 * implementation: the lifecycle table (tested on its own in lifecycle.test.ts) for agency staff,
 * and for the client organisation the offer, its settings and billing details, and the windows.
 */
const expected = (role: Role, status: RequestStatus, type: RequestType, membersMayAccept: boolean, billed: boolean, offer: OfferKind, lapsed: boolean): Action[] => {
  const client = role === 'client_admin' || role === 'client_member';
  const agency = role === 'agent' || role === 'admin';
  const mayAccept = role === 'client_admin' || (role === 'client_member' && membersMayAccept);
  const standing = status === 'quoted' && offer !== 'none' && !lapsed;
  const is = (...statuses: RequestStatus[]) => statuses.includes(status);
  const open = new Set<Action>();
  if (agency) {
    if (is('submitted')) open.add('clarify');
    if (is('submitted', 'clarifying', 'quoted', 'offer_expired')) open.add('post_offer');
    if (is('awaiting_payment')) open.add('mark_paid');
    if (is('queued', 'changes_requested')) open.add('start_work');
    if (is('submitted', 'clarifying') && type !== 'inquiry') open.add('fix');
    if (is('submitted', 'clarifying')) open.add('explain');
    if (is('in_progress')) open.add('hand_over');
  }
  if (client) {
    if (standing) open.add('reject_offer');
    if (standing && mayAccept && offer === 'priced' && billed) open.add('accept_offer');
    if (standing && mayAccept && offer === 'free') open.add('accept_free_offer');
    if (is('answered') && !lapsed) open.add('reopen');
    if (is('in_review') && !lapsed) {
      open.add('accept_delivery');
      open.add('request_changes');
    }
  }
  if ((client || agency) && is('answered')) open.add('close');
  if ((client || agency) && is('submitted', 'clarifying', 'quoted', 'offer_expired')) open.add('cancel');
  return actions.filter((action) => open.has(action));
};

/** The facts of a case; the windows and the offer are set whatever the status, which must then not matter. */
const factsOf = (role: Role, status: RequestStatus, type: RequestType, offer: OfferKind, lapsed: boolean): Omit<ActionFacts, 'organisation'> => {
  const end = lapsed ? earlier : later;
  return {
    request: { status, type, reviewDeadline: end, reopenUntil: end },
    role,
    ...(offer === 'none' ? {} : { openOffer: { number: 2, free: offer === 'free', validUntil: end } }),
  };
};

const every = <T>(values: readonly T[]) => values;
const cases = function* () {
  for (const role of Role.options)
    for (const status of RequestStatus.options)
      for (const type of RequestType.options)
        for (const membersMayAccept of [false, true])
          for (const billed of [false, true])
            for (const offer of every<OfferKind>(['none', 'free', 'priced']))
              for (const lapsed of [false, true]) yield { role, status, type, membersMayAccept, billed, offer, lapsed };
};

describe('what a caller may do with a request (allowedActions)', () => {
  it('is exactly what the rules allow, for every role × status × type × setting × billing × offer × window', () => {
    const wrong: string[] = [];
    let count = 0;
    for (const c of cases()) {
      count++;
      const facts = { ...factsOf(c.role, c.status, c.type, c.offer, c.lapsed), organisation: organisation(c.membersMayAccept, c.billed) };
      const got = allowedActions(facts, now);
      const want = expected(c.role, c.status, c.type, c.membersMayAccept, c.billed, c.offer, c.lapsed);
      if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${JSON.stringify(c)}: ${JSON.stringify(got)}, not ${JSON.stringify(want)}`);
    }
    expect(count).toBe(5 * 13 * 3 * 2 * 2 * 3 * 2);
    expect(wrong).toEqual([]);
  });

  it('never lists the steps only time takes', () => {
    for (const c of cases()) {
      const got = allowedActions({ ...factsOf(c.role, c.status, c.type, c.offer, c.lapsed), organisation: organisation(c.membersMayAccept, c.billed) }, now);
      expect(got).not.toContain('expire_offer');
      expect(got).not.toContain('deem_accepted');
    }
  });

  it('needs the organisation and the open offer only where they change the answer, so nothing else is read', () => {
    for (const c of cases()) {
      const facts = factsOf(c.role, c.status, c.type, c.offer, c.lapsed);
      const answers = [undefined, organisation(false, false), organisation(true, false), organisation(false, true), organisation(true, true)].map((org) =>
        JSON.stringify(allowedActions({ ...facts, organisation: org }, now)),
      );
      if (!dependsOnOrganisation(facts, now)) expect(new Set(answers).size, JSON.stringify(c)).toBe(1);
      if (!dependsOnOffer(facts.request, c.role)) {
        const { openOffer: _offer, ...without } = facts;
        for (const org of [undefined, organisation(c.membersMayAccept, c.billed)]) {
          expect(allowedActions({ ...without, organisation: org }, now), JSON.stringify(c)).toEqual(allowedActions({ ...facts, organisation: org }, now));
        }
      }
    }
  });

  it('lists no acceptance while the organisation is unknown, except a free one for an admin', () => {
    const quoted = (role: Role, free: boolean): ActionFacts => ({ request: { status: 'quoted', type: 'inquiry' }, role, openOffer: { number: 1, free, validUntil: later } });
    expect(allowedActions(quoted('client_member', true), now)).toEqual(['reject_offer', 'cancel']);
    expect(allowedActions(quoted('client_admin', false), now)).toEqual(['reject_offer', 'cancel']);
    expect(allowedActions(quoted('client_admin', true), now)).toEqual(['reject_offer', 'accept_free_offer', 'cancel']);
  });

  it('ends each window at its instant, as the services refuse it', () => {
    const at = now.toISOString();
    const justBefore = new Date(now.getTime() - 1);
    const admin = organisation(false, true);
    const quoted: ActionFacts = { request: { status: 'quoted', type: 'inquiry' }, role: 'client_admin', openOffer: { number: 1, free: false, validUntil: at }, organisation: admin };
    expect(allowedActions(quoted, now)).toEqual(['cancel']);
    expect(allowedActions(quoted, justBefore)).toEqual(['reject_offer', 'accept_offer', 'cancel']);
    const inReview: ActionFacts = { request: { status: 'in_review', type: 'inquiry', reviewDeadline: at }, role: 'client_member' };
    expect(allowedActions(inReview, now)).toEqual([]);
    expect(allowedActions(inReview, justBefore)).toEqual(['accept_delivery', 'request_changes']);
    const answered: ActionFacts = { request: { status: 'answered', type: 'defect', reopenUntil: at }, role: 'client_admin' };
    expect(allowedActions(answered, now)).toEqual(['close']);
    expect(allowedActions(answered, justBefore)).toEqual(['reopen', 'close']);
  });

  it('gives a client of another organisation invited to the request (a participant there) nothing to do', () => {
    for (const status of RequestStatus.options) {
      expect(allowedActions({ request: { status, type: 'defect' }, role: 'participant', openOffer: { number: 1, free: true, validUntil: later }, organisation: organisation(true, true) }, now)).toEqual([]);
    }
  });
});
