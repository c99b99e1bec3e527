import { describe, expect, it } from 'vitest';
import { makeOffer, type Offer } from '../../../lib/domain/orders/offer.js';
import type { Organisation } from '../../../lib/domain/organisation.js';
import type { Request } from '../../../lib/domain/request.js';
import type { User } from '../../../lib/domain/user.js';
import { requestViews, type SeenRequest } from '../../../lib/services/requests/open-request.js';
import type { ViewDeps } from '../../../lib/services/ports/deps.js';

const now = new Date('2026-12-01T10:00:00.000Z');
const validUntil = '2026-12-20T10:00:00.000Z';

const person = (role: User['role'], orgId?: string): User => ({ userId: `sub-${role}`, email: `${role}@example.com`, name: role, role, ...(orgId ? { orgId } : {}), createdAt: '2026-11-01T00:00:00.000Z' });
const admin = person('client_admin', 'org-1');
const member = person('client_member', 'org-1');
const agent = person('agent');

const organisation: Organisation = {
  orgId: 'org-1',
  name: 'Acme',
  platform: 'azami',
  language: 'cs',
  settings: { membersMayRank: false, membersMayAcceptOffers: true },
  billing: { name: 'Acme s.r.o.', address: { street: 'Příkopy 12', city: 'Praha 1', postalCode: '110 00', country: 'CZ' } },
  createdAt: '2026-11-01T00:00:00.000Z',
};

const request = (n: number, overrides: Partial<Request> = {}): Request => ({
  requestId: `2026-${String(n).padStart(4, '0')}`,
  orgId: 'org-1',
  type: 'inquiry',
  title: `Request ${n}`,
  description: '',
  platform: 'azami',
  status: 'quoted',
  version: 3,
  createdBy: admin.userId,
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-21T10:00:00.000Z',
  rank: `a${n}`,
  ...overrides,
});
const priced = (n: number) => request(n, { openOffer: { number: 1, free: false, validUntil } });

const offerOf = (requestId: string, unitPrice: number): Offer =>
  makeOffer({
    terms: { lines: [{ description: 'Práce', quantity: 1, unit: 'h', unitPrice, vatRate: 21 }], currency: 'CZK', validUntil, deliveryEstimate: '1 den', terms: '' },
    offerId: `${requestId}/1`,
    requestId,
    number: 1,
    createdAt: '2026-11-21T10:00:00.000Z',
    createdBy: agent.userId,
    createdByName: 'Eva',
  });

/** Stores that count what the views read. */
const counting = (offers: Record<string, Offer[]> = {}) => {
  const reads = { offers: [] as string[], organisations: [] as string[] };
  const deps: ViewDeps = {
    now: () => now,
    offers: {
      list: async (requestId) => (reads.offers.push(requestId), offers[requestId] ?? []),
      get: async () => undefined,
      add: () => ({ label: 'unused' }),
      settle: () => ({ label: 'unused' }),
    },
    organisations: {
      getOrganisation: async (orgId) => (reads.organisations.push(orgId), orgId === organisation.orgId ? organisation : undefined),
      updateSettings: () => ({ label: 'unused' }),
    },
  };
  return { deps, reads };
};

const seen = (level: SeenRequest['level'], ...requests: Request[]): SeenRequest[] => requests.map((r) => ({ request: r, level }));

describe('the views of requests, with what the caller may do', () => {
  it('reads the organisation once for a whole list of a client’s quoted requests, and no offers', async () => {
    const { deps, reads } = counting();
    const views = await requestViews(deps, member, seen('org_member', priced(1), priced(2), priced(3), request(4, { status: 'submitted' })));
    expect(views.map((v) => v.allowedActions)).toEqual([
      ['reject_offer', 'accept_offer', 'cancel'],
      ['reject_offer', 'accept_offer', 'cancel'],
      ['reject_offer', 'accept_offer', 'cancel'],
      ['cancel'],
    ]);
    expect(reads).toEqual({ offers: [], organisations: ['org-1'] });
  });

  it('uses the organisation the call read already', async () => {
    const { deps, reads } = counting();
    await requestViews(deps, member, seen('org_member', priced(1)), organisation);
    expect(reads.organisations).toEqual([]);
  });

  it('reads nothing for agency staff, nor for an admin deciding on a free offer', async () => {
    const { deps, reads } = counting();
    await requestViews(deps, agent, seen('agency', priced(1), priced(2)));
    const free = await requestViews(deps, admin, seen('org_admin', request(3, { openOffer: { number: 1, free: true, validUntil } })));
    expect(free[0]!.allowedActions).toEqual(['reject_offer', 'accept_free_offer', 'cancel']);
    expect(reads).toEqual({ offers: [], organisations: [] });
  });

  it('reads the offers of a request quoted before requests kept their open offer, and only of it', async () => {
    const legacy = request(7);
    const { deps, reads } = counting({ [legacy.requestId]: [{ ...offerOf(legacy.requestId, 1000), status: 'superseded' }, { ...offerOf(legacy.requestId, 0), number: 2 }] });
    const views = await requestViews(deps, admin, seen('org_admin', legacy, priced(8)));
    expect(views[0]!.allowedActions).toEqual(['reject_offer', 'accept_free_offer', 'cancel']);
    expect(reads.offers).toEqual([legacy.requestId]);
  });

  it('shows neither the rank key nor the open offer, which are storage', async () => {
    const { deps } = counting();
    const [view] = await requestViews(deps, admin, seen('org_admin', priced(1)));
    expect(view).not.toHaveProperty('rank');
    expect(view).not.toHaveProperty('openOffer');
  });
});
