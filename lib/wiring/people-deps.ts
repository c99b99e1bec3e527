import { cognitoAccountDirectory } from '../adapters/cognito/account-directory.js';
import type { PeopleDeps } from '../services/ports/deps.js';
import { organisations, serviceDeps, users } from './service-deps.js';

/** Organisations, people, their logins (Cognito) and the log of changes. */
export const peopleDeps: PeopleDeps = { ...serviceDeps, organisations, people: users, accounts: cognitoAccountDirectory() };
