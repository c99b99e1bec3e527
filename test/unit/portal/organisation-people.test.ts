import { describe, expect, it } from 'vitest';
import { formerUserName } from '../../../lib/domain/privacy.js';
import { logLine, storedFormerUserName, type AuditEntry } from '../../../portal/src/organisation/log-lines.js';
import { inviteConflict, isLastAdmin, personConflict, toggledRole, type Person } from '../../../portal/src/organisation/people-rules.js';

const person = (userId: string, role: Person['role'], state: Person['state'] = 'active', orgId: string | null = 'org-a'): Person => ({
  userId,
  email: `${userId}@example.com`,
  name: userId,
  role,
  state,
  createdAt: '2026-01-01T00:00:00.000Z',
  organisationDeactivated: false,
  ...(orgId ? { orgId } : {}),
});

describe('the people pages: who is the last admin, and what a 409 stood for', () => {
  it('counts invited admins, not deactivated ones, and each kind apart', () => {
    const alena = person('alena', 'client_admin');
    const ivo = person('ivo', 'client_admin', 'invited');
    expect(isLastAdmin(alena, [alena, ivo])).toBe(false);
    expect(isLastAdmin(alena, [alena, { ...ivo, state: 'deactivated' }])).toBe(true);
    expect(isLastAdmin(person('milan', 'client_member'), [alena])).toBe(false);
    const tomas = person('tomas', 'admin', 'active', null);
    expect(isLastAdmin(tomas, [tomas, person('eva', 'agent', 'active', null)])).toBe(true);
  });

  it('offers the other role of the person’s kind', () => {
    expect(toggledRole(person('a', 'client_admin'))).toBe('client_member');
    expect(toggledRole(person('m', 'client_member'))).toBe('client_admin');
    expect(toggledRole(person('e', 'agent', 'active', null))).toBe('admin');
    expect(toggledRole(person('t', 'admin', 'active', null))).toBe('agent');
  });

  it('reads a 409 from the list as it is afterwards, not from the API’s English', () => {
    const only = person('alena', 'client_admin');
    expect(personConflict('role', 'alena', [only, person('milan', 'client_member')])).toBe('lastAdmin');
    expect(personConflict('deactivate', 'alena', [only, person('ivo', 'client_admin')])).toBe('changed');
    expect(personConflict('resend', 'ivo', [person('ivo', 'client_member', 'active')])).toBe('signedInAlready');
    expect(personConflict('reactivate', 'ivo', [{ ...person('ivo', 'client_member', 'deactivated'), organisationDeactivated: true }])).toBe('organisationDeactivated');
    expect(personConflict('remove', 'gone', [only])).toBe('changed');
  });

  it('tells an address of this organisation from one that has an account elsewhere', () => {
    const people = [person('ivo', 'client_member', 'deactivated')];
    expect(inviteConflict(' IVO@example.com ', people, false)).toBe('alreadyHereDeactivated');
    expect(inviteConflict('eva@agency.example', people, false)).toBe('addressTaken');
    expect(inviteConflict('eva@agency.example', people, true)).toBe('organisationDeactivated');
  });
});

describe('the log of changes, in the reader’s language', () => {
  const entry = (action: AuditEntry['action'], details: Record<string, unknown>): AuditEntry => ({
    entryId: 'e1',
    at: '2026-01-01T10:00:00.000Z',
    scope: 'org-a',
    action,
    actorId: 'u1',
    actorName: 'Tomáš Správce',
    targetId: 'u2',
    targetName: 'Petra Pekařová',
    details,
  });

  it('names who did what to whom, with what changed', () => {
    expect(logLine(entry('role_changed', { role: { from: 'client_member', to: 'client_admin' } }), 'cs')).toEqual({
      action: 'Změna role',
      target: 'Petra Pekařová',
      actor: 'Tomáš Správce',
      details: ['Role: člen → správce'],
    });
    expect(logLine(entry('person_invited', { email: 'petra@kvasek.example', role: 'client_admin' }), 'en').details).toEqual(['E-mail: petra@kvasek.example', 'Role: administrator']);
    expect(logLine(entry('organisation_created', { platform: 'digimadi', language: 'cs' }), 'en').details).toEqual(['Platform: Digimadi', 'Language: Czech']);
    expect(logLine(entry('organisation_changed', { membersMayRank: { from: false, to: true } }), 'cs').details).toEqual(['Členové smějí měnit priority: ne → ano']);
  });

  it('keeps a typed name as typed, and billing details on one line', () => {
    expect(logLine(entry('organisation_changed', { name: { from: 'en', to: 'Kvásek' } }), 'cs').details).toEqual(['Název: en → Kvásek']);
    const billing = { name: 'Kvásek s.r.o.', ico: '27082440', address: { street: 'Dlouhá 1', city: 'Praha', postalCode: '110 00', country: 'CZ' } };
    expect(logLine(entry('organisation_changed', { billing }), 'en').details).toEqual(['Billing details: Kvásek s.r.o., IČO 27082440, Dlouhá 1, 110 00 Praha, CZ']);
  });

  it('names an erased person “former user” in the reader’s language', () => {
    expect(storedFormerUserName).toBe(formerUserName);
    expect(logLine({ ...entry('person_erased', { role: 'client_member' }), targetName: formerUserName }, 'cs')).toMatchObject({ action: 'Výmaz osobních údajů', target: 'bývalý uživatel', details: ['Role: člen'] });
  });
});
