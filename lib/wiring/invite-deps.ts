import type { InviteDeps } from '../services/ports/deps.js';
import { cognitoAccountDirectory } from '../adapters/cognito/account-directory.js';
import { serviceDeps, users } from './service-deps.js';

/** Request dependencies plus Cognito, for inviting people only. */
export const inviteDeps: InviteDeps = { ...serviceDeps, accounts: cognitoAccountDirectory(), people: users };
