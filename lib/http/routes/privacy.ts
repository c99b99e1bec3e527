import { routeTimeoutLimitSeconds } from '../../config/limits.js';
import { ErasureRecord } from '../../domain/privacy.js';
import { DownloadLink } from '../../services/views.js';
import { PersonPath } from '../schemas/people.js';
import { routeTable, type RouteEntries } from '../route.js';

/**
 * A person's GDPR rights over what orderdesk stores about them: an export of everything, and an
 * erasure (docs/privacy.md). Both read the whole table once, so they take seconds.
 */
export const privacyRoutes = routeTable({
  exportPerson: {
    method: 'POST',
    path: '/people/{userId}/export',
    summary: 'Everything stored about a person as one JSON document, as a download link valid for 15 minutes (agency admins for anyone; every person for themselves)',
    description:
      'The profile, preferences and mutes, memberships, invitations to requests, the requests they filed, their messages and other steps, entries that mention them, their files (as listed on their requests), their decisions, mail to them and their suppression, the log lines about them, and anything else that names them. The file expires after a day. Reads the whole table: it takes seconds.',
    tag: 'people',
    status: 200,
    schemas: { path: PersonPath, response: DownloadLink },
    access: { table: 'readWrite', bucket: { 'exports/': ['put', 'get'] } },
    // It reads the whole table (docs/privacy.md): all the time API Gateway gives, not the usual 10 s.
    timeoutSeconds: routeTimeoutLimitSeconds,
    refusals: {
      403: 'only the agency’s admins, and the person themselves, export a person’s data (a client admin does not export a colleague’s)',
      404: 'the person is not there, or not one the caller sees',
    },
  },
  erasePerson: {
    method: 'POST',
    path: '/people/{userId}/erasure',
    summary: 'Erase a person: their login, profile, preferences, invitations, mail threads and suppression are deleted, their name and address in what others keep become “former user”, and what the law makes the agency keep is listed (agency admins)',
    description:
      'The answer counts what was deleted and anonymised, by kind, and lists in `kept` exactly what still names the person and why: a binding order and the acceptance behind it are tax documents, kept 10 years from the end of the year of the taxable supply (Czech VAT law, zákon o DPH §35). Erasing again answers the same. Reads the whole table: it takes seconds.',
    tag: 'people',
    status: 200,
    schemas: { path: PersonPath, response: ErasureRecord },
    // mail/: the raw mail the person sent (their address, their words), which the inbound outcomes name.
    access: { table: 'readWrite', userPool: ['AdminDeleteUser'], bucket: { 'mail/': ['delete'] } },
    timeoutSeconds: routeTimeoutLimitSeconds,
    refusals: {
      403: 'only the agency’s admins erase people, and nobody erases themselves',
      404: 'nobody has that id, and nobody with it was erased',
      409: 'the last admin would go (make another admin first), or the person changed while being erased (erase again)',
    },
  },
} satisfies RouteEntries);
