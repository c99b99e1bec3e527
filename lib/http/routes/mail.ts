import { linkLifetimeDays, type LinkPurpose } from '../../domain/mail/signed-token.js';
import {
  LinkPath,
  MailPath,
  MuteView,
  OpenedLinkView,
  ParkedMailPage,
  ParkedMailView,
  PreferencesBody,
  PreferencesView,
  SuppressionPath,
  SuppressionView,
} from '../schemas/mail.js';
import { RedirectTo } from '../schemas/redirect.js';
import { PageQuery, RequestPath } from '../schemas/requests.js';
import { routeTable, type RouteEntries } from '../route.js';

/** What a mail's signed link of `purpose` refuses: one orderdesk did not make (400), one past its life (410), and what to do instead. */
const linkRefusals = (purpose: LinkPurpose, instead: string) => ({
  400: `the token is not ${purpose === 'open' ? 'an open' : 'a mute'} link orderdesk made (forged, edited, or of another purpose)`,
  410: `the link has expired (${purpose === 'open' ? 'an open' : 'a mute'} link works for ${linkLifetimeDays[purpose]} days): ${instead}`,
});

/** Mail: a person's preferences and mutes, the signed links of mails, and the mail that SES kept refusing. */
export const mailRoutes = routeTable({
  getPreferences: {
    method: 'GET',
    path: '/me/preferences',
    summary: 'Your mail preferences: language, which requests mail you, muted requests',
    tag: 'mail',
    status: 200,
    schemas: { response: PreferencesView },
    access: { table: 'read' },
    refusals: { 403: false, 404: 'a valid login of a person with no orderdesk account yet' },
  },
  updatePreferences: {
    method: 'PATCH',
    path: '/me/preferences',
    summary: 'Change your mail language (`cs`, `en`) or limit mail to your own requests',
    tag: 'mail',
    status: 200,
    schemas: { body: PreferencesBody, response: PreferencesView },
    access: { table: 'readWrite' },
    refusals: { 403: false, 404: 'a valid login of a person with no orderdesk account yet', 409: false },
  },
  muteRequest: {
    method: 'PUT',
    path: '/requests/{requestId}/mute',
    summary: 'Get no more mail about this request',
    tag: 'mail',
    status: 200,
    schemas: { path: RequestPath, response: MuteView },
    access: { table: 'readWrite' },
    refusals: { 409: false },
  },
  unmuteRequest: {
    method: 'DELETE',
    path: '/requests/{requestId}/mute',
    summary: 'Get mail about this request again',
    tag: 'mail',
    status: 200,
    schemas: { path: RequestPath, response: MuteView },
    access: { table: 'readWrite' },
    refusals: { 409: false },
  },
  unsubscribe: {
    method: 'POST',
    path: '/unsubscribe/{token}',
    auth: 'public',
    publicBecause: 'Mail clients call it (RFC 8058 one-click unsubscribe): the link’s HMAC signature names the recipient and the request, and is the authorisation',
    summary: 'One-click unsubscribe (RFC 8058): the signed link of a mail’s `List-Unsubscribe` header mutes that request for its recipient. Only a POST acts: a GET (a browser, a link scanner) is sent on to the portal (`GET /unsubscribe/{token}`)',
    tag: 'mail',
    status: 200,
    // Mail clients post `List-Unsubscribe=One-Click` form-encoded: any body is accepted and ignored.
    rawBody: true,
    schemas: { path: LinkPath, response: MuteView },
    access: { table: 'readWrite', secrets: ['mail-links'] },
    refusals: {
      ...linkRefusals('mute', 'mute the request in the portal'),
      404: 'the person the link was made for has no account any more',
    },
  },
  unsubscribePage: {
    method: 'GET',
    path: '/unsubscribe/{token}',
    auth: 'public',
    publicBecause: 'A person opens a mail’s List-Unsubscribe link in a browser: the link’s HMAC signature is the authorisation; it changes nothing and tells only where the request’s portal is',
    summary: 'The one-click unsubscribe link opened in a browser: it changes nothing (link scanners GET links) and sends the person on (303) to the portal’s page that confirms the mute, `<portal>/mute?link=<token>`, the mail’s own mute link',
    tag: 'mail',
    status: 303,
    schemas: { path: LinkPath, response: RedirectTo },
    access: { table: 'read', secrets: ['mail-links'] },
    refusals: {
      ...linkRefusals('mute', 'mute the request in the portal'),
      404: 'the request of the link is gone',
    },
  },
  openLink: {
    method: 'GET',
    path: '/links/{token}',
    auth: 'public',
    publicBecause: 'A link in a mail opens it before any login: the link’s HMAC signature is the authorisation, and it shows only the request’s number, title and status',
    summary: 'What a signed link from a mail opens without a login: the request’s number, title and status, and the address to log in with for anything more (410 once expired)',
    tag: 'mail',
    status: 200,
    schemas: { path: LinkPath, response: OpenedLinkView },
    access: { table: 'read', secrets: ['mail-links'] },
    refusals: {
      ...linkRefusals('open', 'log in to the portal to open the request'),
      404: 'the request is gone, or the person the link was made for no longer sees it',
    },
  },
  listParkedMail: {
    method: 'GET',
    path: '/mail/parked',
    summary: 'Mails SES kept refusing, oldest first (agency staff): nothing is dropped',
    tag: 'mail',
    status: 200,
    schemas: { query: PageQuery, response: ParkedMailPage },
    access: { table: 'read' },
    refusals: { 403: 'only agency staff handle parked mail' },
  },
  resendMail: {
    method: 'POST',
    path: '/mail/parked/{mailId}/resend',
    summary: 'Send a parked mail again, now (agency staff); answers how it went',
    tag: 'mail',
    status: 200,
    schemas: { path: MailPath, response: ParkedMailView },
    access: { table: 'readWrite', mail: 'send', secrets: ['mail-links'], bucket: { 'orders/': ['get'] } },
    refusals: {
      400: 'the mail id is not one orderdesk gave out',
      403: 'only agency staff handle parked mail',
      404: 'there is no such mail',
      409: 'the mail is not parked (any more), was taken over by another sender, or its request, entry or person is gone',
    },
  },
  liftSuppression: {
    method: 'DELETE',
    path: '/mail/suppressions/{email}',
    summary: 'Mail an address again after it bounced or complained (agency staff); answers the suppression lifted, 404 if there was none',
    tag: 'mail',
    status: 200,
    schemas: { path: SuppressionPath, response: SuppressionView },
    access: { table: 'readWrite' },
    refusals: { 403: 'only agency staff lift suppressions', 404: 'the address is not suppressed' },
  },
} satisfies RouteEntries);
