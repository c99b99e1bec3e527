import type { InviteDeps } from '../services/ports/deps.js';
import { cognitoInvitations } from '../adapters/cognito/invitations.js';
import { serviceDeps, users } from './service-deps.js';

/** Request dependencies plus Cognito, for inviting people only. */
export const inviteDeps: InviteDeps = { ...serviceDeps, invitations: cognitoInvitations(users) };
