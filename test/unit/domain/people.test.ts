import { describe, expect, it } from 'vitest';
import { changesBetween } from '../../../lib/domain/audit.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../lib/domain/errors.js';
import { invitationExpiry, managedPerson, mustHaveAccess, personState, relationTo, remainingAdmin, visiblePerson } from '../../../lib/domain/people.js';
import type { User } from '../../../lib/domain/user.js';

const person = (userId: string, role: User['role'], orgId?: string, extra: Partial<User> = {}): User => ({
  userId,
  email: `${userId}@example.test`,
  name: userId,
  role,
  ...(orgId ? { orgId } : {}),
  createdAt: '2026-12-01T10:00:00.000Z',
  ...extra,
});

const alena = person('alena', 'client_admin', 'org-a');
const milan = person('milan', 'client_member', 'org-a');
const olga = person('olga', 'client_admin', 'org-b');
const eva = person('eva', 'agent');
const tomas = person('tomas', 'admin');
const guest = person('guest', 'participant');

describe('who may do what with a person', () => {
  it('lets an organisation’s admins and the agency’s admins manage its people, agents read them, members nobody but themselves', () => {
    expect([alena, tomas, eva, milan, olga, guest].map((actor) => relationTo(actor, milan))).toEqual(['manage', 'manage', 'read', 'refused', 'hidden', 'hidden']);
  });

  it('leaves the agency’s staff and participants to the agency’s admins', () => {
    expect([tomas, eva, alena, guest].map((actor) => relationTo(actor, eva))).toEqual(['manage', 'read', 'hidden', 'hidden']);
    expect(relationTo(tomas, guest)).toBe('manage');
  });

  it('answers someone else’s person like a missing one, and a role that may not manage with a 403', () => {
    expect(() => managedPerson(olga, milan, 'milan')).toThrow(NotFoundError);
    expect(() => managedPerson(alena, undefined, 'nobody')).toThrow(NotFoundError);
    expect(() => managedPerson(eva, milan, 'milan')).toThrow(ForbiddenError);
    expect(managedPerson(alena, milan, 'milan')).toBe(milan);
    expect(visiblePerson(milan, milan, 'milan')).toBe(milan);
    expect(() => visiblePerson(milan, alena, 'alena')).toThrow(ForbiddenError);
  });
});

describe('the last admin', () => {
  it('needs another active admin before the last one steps down, is deactivated or removed', () => {
    const demoted = { ...alena, role: 'client_member' as const };
    expect(() => remainingAdmin(alena, demoted, [alena, milan])).toThrow(ConflictError);
    expect(() => remainingAdmin(alena, undefined, [alena, milan])).toThrow(/last client_admin/);
    expect(() => remainingAdmin(alena, { ...alena, deactivatedAt: '2026-12-02T00:00:00.000Z' }, [alena, person('x', 'client_admin', 'org-a', { deactivatedAt: '2026-12-01T00:00:00.000Z' })])).toThrow(ConflictError);
    const second = person('second', 'client_admin', 'org-a');
    expect(remainingAdmin(alena, demoted, [alena, milan, second])).toBe(second);
  });

  it('needs nothing when the change keeps them an admin, or they were none', () => {
    expect(remainingAdmin(alena, { ...alena, name: 'Alena N.' }, [alena])).toBeUndefined();
    expect(remainingAdmin(milan, undefined, [milan])).toBeUndefined();
  });

  it('keeps the agency one admin too', () => {
    expect(() => remainingAdmin(tomas, { ...tomas, role: 'agent' }, [tomas, eva])).toThrow(/agency’s last admin/);
  });
});

describe('a person’s state and access', () => {
  const invitedAt = new Date('2026-12-01T10:00:00.000Z');
  const invited = { ...milan, invitedAt: invitedAt.toISOString(), invitationExpiresAt: invitationExpiry(invitedAt) };

  it('is invited for 7 days until the first sign-in, then expired; active once signed in', () => {
    expect(invited.invitationExpiresAt).toBe('2026-12-08T10:00:00.000Z');
    expect(personState(invited, true, new Date('2026-12-08T09:59:59.000Z'))).toBe('invited');
    expect(personState(invited, true, new Date('2026-12-08T10:00:00.000Z'))).toBe('invitation_expired');
    expect(personState(invited, false, new Date('2026-12-20T00:00:00.000Z'))).toBe('active');
    expect(personState({ ...invited, deactivatedAt: '2026-12-02T00:00:00.000Z' }, true, invitedAt)).toBe('deactivated');
  });

  it('refuses a deactivated person, and anyone of a deactivated organisation, whatever they could do before', () => {
    expect(() => mustHaveAccess({ ...alena, deactivatedAt: '2026-12-02T00:00:00.000Z' })).toThrow(/access to orderdesk was deactivated/);
    expect(() => mustHaveAccess({ ...alena, organisationDeactivatedAt: '2026-12-02T00:00:00.000Z' })).toThrow(/organisation’s access/);
    expect(mustHaveAccess(alena)).toBe(alena);
  });
});

describe('a log line’s changes', () => {
  it('names each field that changed, from what to what, and nothing else', () => {
    expect(changesBetween({ name: 'A', platform: 'azami', language: 'cs' }, { name: 'A', platform: 'digimadi', language: undefined })).toEqual({ platform: { from: 'azami', to: 'digimadi' } });
  });
});
