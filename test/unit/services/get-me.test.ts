import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../../lib/domain/errors.js';
import type { User } from '../../../lib/domain/user.js';
import { getMe } from '../../../lib/services/people/get-me.js';

const jana: User = {
  userId: 'sub-1',
  email: 'jana@acme.example',
  name: 'Jana',
  role: 'client_admin',
  orgId: 'org-1',
  createdAt: '2026-11-24T10:00:00.000Z',
};

const deps = (users: User[]) => ({
  users: { getUser: async (id: string) => users.find((u) => u.userId === id) },
  platformOfClient: (clientId: string | undefined) => (clientId === 'client-digimadi' ? ('digimadi' as const) : undefined),
});

describe('getMe', () => {
  it('returns the caller’s profile with the platform of their app client', async () => {
    const me = await getMe(deps([jana]), { userId: 'sub-1', clientId: 'client-digimadi' });
    expect(me).toEqual({ userId: 'sub-1', email: 'jana@acme.example', name: 'Jana', role: 'client_admin', orgId: 'org-1', platform: 'digimadi' });
  });

  it('refuses a valid login that has no orderdesk account', async () => {
    await expect(getMe(deps([jana]), { userId: 'sub-unknown' })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
