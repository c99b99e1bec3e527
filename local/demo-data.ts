import type { Role } from '../lib/domain/roles.js';

/** The demo organisation and people `npm start` seeds. Passwords are for local use only. */
export const demoOrg = {
  orgId: 'org-acme',
  name: 'Acme s.r.o.',
  platform: 'azami',
  // Billing details, so that a priced offer can be accepted at once (an order states them).
  billing: { name: 'Acme s.r.o.', ico: '25596641', dic: 'CZ25596641', address: { street: 'Dlouhá 12', city: 'Brno', postalCode: '602 00', country: 'CZ' } },
} as const;
/** A second client, so that tenancy can be seen (and tested): Beta never sees Acme's requests. */
export const otherDemoOrg = {
  orgId: 'org-beta',
  name: 'Beta a.s.',
  // Beta comes from the other platform: its invitations carry Digimadi's brand.
  platform: 'digimadi',
  billing: { name: 'Beta a.s.', ico: '26168685', dic: 'CZ26168685', address: { street: 'Nádražní 5', city: 'Ostrava', postalCode: '702 00', country: 'CZ' } },
} as const;
export const demoOrgs = [demoOrg, otherDemoOrg] as const;

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  orgId?: string;
  password: string;
}

export const demoUsers: readonly DemoUser[] = [
  { email: 'jana.novakova@acme.example', name: 'Jana Nováková', role: 'client_admin', orgId: demoOrg.orgId, password: 'Demo-Client-Admin-1' },
  { email: 'petr.svoboda@acme.example', name: 'Petr Svoboda', role: 'client_member', orgId: demoOrg.orgId, password: 'Demo-Client-Member-1' },
  { email: 'olga.beta@beta.example', name: 'Olga Betová', role: 'client_admin', orgId: otherDemoOrg.orgId, password: 'Demo-Beta-Admin-1' },
  { email: 'eva.agentova@agency.example', name: 'Eva Agentová', role: 'agent', password: 'Demo-Agent-1' },
  { email: 'tomas.spravce@agency.example', name: 'Tomáš Správce', role: 'admin', password: 'Demo-Admin-1' },
];

export const findDemoUser = (email: string): DemoUser | undefined =>
  demoUsers.find((user) => user.email.toLowerCase() === email.toLowerCase());
