import { portalMutePage } from '../../config/portal-urls.js';
import { hasAccess } from '../../domain/people.js';
import { accessLevel } from '../../domain/access.js';
import { NotFoundError } from '../../domain/errors.js';
import { verifyLink } from '../../domain/mail/signed-token.js';
import type { MailPreferences } from '../../domain/mail/preferences.js';
import type { Platform } from '../../domain/platform.js';
import type { RequestStatus } from '../../domain/request.js';
import type { Caller, PreferenceDeps } from '../ports/deps.js';
import { openCallerRequest } from '../requests/open-request.js';

export const getPreferences = async (deps: PreferenceDeps, caller: Caller) => deps.preferences.preferences(caller.userId);

export const updatePreferences = async (deps: PreferenceDeps, caller: Caller, change: Partial<MailPreferences>) => {
  await deps.preferences.update(caller.userId, change);
  return deps.preferences.preferences(caller.userId);
};

/** Mutes (or unmutes) mail about one request the caller may see; someone else's request is a 404. */
export const setMuted = async (deps: PreferenceDeps, caller: Caller, requestId: string, muted: boolean) => {
  await openCallerRequest(deps, caller, requestId);
  if (muted) await deps.preferences.mute(caller.userId, requestId, deps.now().toISOString());
  else await deps.preferences.unmute(caller.userId, requestId);
  return { requestId, muted };
};

/**
 * RFC 8058's one-click unsubscribe: the signed link in a mail's List-Unsubscribe header mutes that
 * request for that person. A person who has no account any more (removed, or erased) gets a 404
 * and nothing is written: a mute would bring their id back into the table.
 */
export const unsubscribe = async (deps: PreferenceDeps, token: string) => {
  const claims = verifyLink(await deps.linkKey(), token, 'mute', deps.now(), 'path.token');
  if (!(await deps.users.getUser(claims.userId))) throw new NotFoundError('Person');
  await deps.preferences.mute(claims.userId, claims.requestId, deps.now().toISOString());
  return { requestId: claims.requestId, muted: true };
};

/**
 * The one-click URL opened in a browser (a GET: a mail client without RFC 8058, a person who
 * copied it, or a link scanner): it changes nothing, and sends the person on to the portal's page
 * that confirms the mute, the mail's own mute link, in the brand of the request's platform.
 */
export const unsubscribePage = async (deps: PreferenceDeps, token: string): Promise<{ location: string }> => {
  const claims = verifyLink(await deps.linkKey(), token, 'mute', deps.now(), 'path.token');
  const request = await deps.requests.get(claims.requestId);
  if (!request) throw new NotFoundError(`Request ${claims.requestId}`);
  return { location: portalMutePage(deps.portalUrl(request.platform), token) };
};

export interface OpenedLink {
  requestId: string;
  title: string;
  status: RequestStatus;
  platform: Platform;
  /** The address to log in with, to do anything more. */
  loginHint: string;
}

/**
 * A signed link from a mail opens its request without a login, read-only and as little as a
 * notification showed anyway: number, title, status. Anything more, and every binding act, needs
 * the login. A person who lost access to the request since gets a 404, like everyone else.
 */
export const openLink = async (deps: PreferenceDeps, token: string): Promise<OpenedLink> => {
  const claims = verifyLink(await deps.linkKey(), token, 'open', deps.now(), 'path.token');
  const [user, request, isParticipant] = await Promise.all([
    deps.users.getUser(claims.userId),
    deps.requests.get(claims.requestId),
    deps.participants.isParticipant(claims.requestId, claims.userId),
  ]);
  if (!user || !hasAccess(user) || !request || accessLevel(user, request, isParticipant) === 'none') throw new NotFoundError(`Request ${claims.requestId}`);
  return { requestId: request.requestId, title: request.title, status: request.status, platform: request.platform, loginHint: user.email };
};
