import * as z from 'zod';

/** Who a person is to orderdesk (docs/domain.md, "Users and roles"). The user item in DynamoDB is
 * the source of truth; the token only proves who is calling. */
export const Role = z.enum(['client_admin', 'client_member', 'participant', 'agent', 'admin']);
export type Role = z.infer<typeof Role>;

const agencyRoles: ReadonlySet<Role> = new Set(['agent', 'admin']);

/** Agency staff see and work on all requests; everyone else is bound to an organisation or a request. */
export const isAgencyRole = (role: Role): boolean => agencyRoles.has(role);
