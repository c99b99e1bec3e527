import { describe, expect, it } from 'vitest';
import { recentUsers } from '../../../lib/adapters/dynamodb/recent-users.js';
import type { User } from '../../../lib/domain/user.js';

const user = (userId: string, role: User['role'] = 'client_admin'): User => ({
  userId,
  email: `${userId}@acme.example`,
  name: userId,
  role,
  orgId: 'org-acme',
  createdAt: '2026-11-25T10:00:00.000Z',
});

describe('the user items a process remembers as hints', () => {
  it('keeps what was read last: a changed role replaces the old item', () => {
    const recent = recentUsers();
    recent.remember(user('jana', 'client_admin'));
    recent.remember(user('jana', 'client_member'));
    expect(recent.hint('jana')?.role).toBe('client_member');
  });

  it('forgets the least recently read person beyond its capacity', () => {
    const recent = recentUsers({ capacity: 2 });
    recent.remember(user('a'));
    recent.remember(user('b'));
    recent.remember(user('a'));
    recent.remember(user('c'));
    expect([recent.hint('a'), recent.hint('b'), recent.hint('c')].map((u) => u?.userId)).toEqual(['a', undefined, 'c']);
  });
});
