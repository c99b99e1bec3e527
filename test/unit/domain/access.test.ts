import { describe, expect, it } from 'vitest';
import { decidesForClient, mayManageOrganisation, mayRank, maySeeOrganisation, seesDecisionRecord } from '../../../lib/domain/access.js';
import type { User } from '../../../lib/domain/user.js';

const person = (role: User['role'], orgId?: string): User => ({
  userId: `${role}-${orgId ?? 'none'}`,
  email: 'someone@example.com',
  name: 'Someone',
  role,
  orgId,
  createdAt: '2026-11-24T09:00:00.000Z',
});

describe('ranking an organisation’s queue', () => {
  it('is for its admins always and its members only when the organisation allows it', () => {
    expect(mayRank(person('client_admin', 'acme'), 'acme', { membersMayRank: false })).toBe(true);
    expect(mayRank(person('client_member', 'acme'), 'acme', { membersMayRank: false })).toBe(false);
    expect(mayRank(person('client_member', 'acme'), 'acme', { membersMayRank: true })).toBe(true);
  });

  it('is never for another organisation, participants or the agency', () => {
    expect(mayRank(person('client_admin', 'beta'), 'acme', { membersMayRank: true })).toBe(false);
    expect(mayRank(person('participant'), 'acme', { membersMayRank: true })).toBe(false);
    expect(mayRank(person('agent'), 'acme', { membersMayRank: true })).toBe(false);
    expect(mayRank(person('admin'), 'acme', { membersMayRank: true })).toBe(false);
  });
});

describe('an organisation', () => {
  it('is seen by its own people and the agency, not by others', () => {
    expect(maySeeOrganisation(person('client_member', 'acme'), 'acme')).toBe(true);
    expect(maySeeOrganisation(person('agent'), 'acme')).toBe(true);
    expect(maySeeOrganisation(person('client_admin', 'beta'), 'acme')).toBe(false);
    expect(maySeeOrganisation(person('participant'), 'acme')).toBe(false);
  });

  it('is managed by its admins and the agency’s admins', () => {
    expect(mayManageOrganisation(person('client_admin', 'acme'), 'acme')).toBe(true);
    expect(mayManageOrganisation(person('admin'), 'acme')).toBe(true);
    expect(mayManageOrganisation(person('agent'), 'acme')).toBe(false);
    expect(mayManageOrganisation(person('client_member', 'acme'), 'acme')).toBe(false);
    expect(mayManageOrganisation(person('client_admin', 'beta'), 'acme')).toBe(false);
  });
});

describe('a client’s decisions on a request', () => {
  it('are taken by the client organisation’s admins and members only', () => {
    expect(decidesForClient('org_admin')).toBe(true);
    expect(decidesForClient('org_member')).toBe(true);
    expect(decidesForClient('agency')).toBe(false);
    expect(decidesForClient('participant')).toBe(false);
    expect(decidesForClient('none')).toBe(false);
  });

  it('are on record (rating, comment, IP address, browser) for the organisation and the agency, not for an invited participant', () => {
    expect(seesDecisionRecord('org_admin')).toBe(true);
    expect(seesDecisionRecord('org_member')).toBe(true);
    expect(seesDecisionRecord('agency')).toBe(true);
    expect(seesDecisionRecord('participant')).toBe(false);
    expect(seesDecisionRecord('none')).toBe(false);
  });
});
