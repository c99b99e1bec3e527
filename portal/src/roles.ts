import type { Schemas } from './api/client.js';

type Role = Schemas['Me']['role'];

/**
 * Agency staff work every client's requests; the portal shows them the agency's workspace. The same
 * split as lib/domain/roles.ts (kept apart because that module brings zod, which the first page must
 * not load); a unit test checks the two agree.
 */
export const agencyRoles: readonly Role[] = ['agent', 'admin'];

export const isAgency = (me: { role: Role } | undefined): boolean => me !== undefined && agencyRoles.includes(me.role);
