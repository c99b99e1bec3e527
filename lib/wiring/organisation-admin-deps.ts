import type { OrganisationAdminDeps } from '../services/ports/deps.js';
import { organisations, serviceDeps, users } from './service-deps.js';

/** Organisations, people and the log of changes, without the logins: these functions carry no Cognito client. */
export const organisationAdminDeps: OrganisationAdminDeps = { ...serviceDeps, organisations, people: users };
