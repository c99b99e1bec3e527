import { cognitoAccountDirectory } from '../adapters/cognito/account-directory.js';
import type { PeopleDeps } from '../services/ports/deps.js';
import { organisationAdminDeps } from './organisation-admin-deps.js';

/** With the logins (Cognito), for the functions that invite, (de)activate or remove people. */
export const peopleDeps: PeopleDeps = { ...organisationAdminDeps, accounts: cognitoAccountDirectory() };
