import type { CognitoMessageEvent } from '../../domain/mail/cognito-message.js';
import { invitationValidityDays } from '../../domain/people.js';
import { Platform } from '../../domain/platform.js';
import { brandOf } from '../../mail/brands.js';
import { renderAccountMail } from '../../mail/account-mail.js';
import { pickLanguage } from '../../mail/strings.js';
import type { AccountMailDeps } from '../ports/deps.js';

const kinds = { CustomMessage_AdminCreateUser: 'invitation', CustomMessage_ForgotPassword: 'password_reset' } as const;

/**
 * Cognito's own mails in orderdesk's templates: an invitation is branded by the platform of the
 * organisation or request the person was invited to (AdminCreateUser's client metadata), a password reset by the
 * app client it was asked from; Azami otherwise. Cognito fills in `{username}` and `{####}`.
 * Any other message Cognito sends is left as Cognito writes it.
 */
export const writeAccountMail = (deps: AccountMailDeps, event: CognitoMessageEvent): CognitoMessageEvent => {
  const kind = kinds[event.triggerSource as keyof typeof kinds];
  if (!kind) return event;
  const metadata = event.request.clientMetadata ?? {};
  const platform = Platform.safeParse(metadata.platform).data ?? deps.platformOfClient(event.callerContext?.clientId) ?? 'azami';
  const language = pickLanguage(metadata.language);
  const portal = deps.portalUrl(platform);
  const requestId = metadata.requestId;
  const mail = renderAccountMail({
    kind,
    brand: brandOf(platform, portal),
    language,
    name: event.request.userAttributes?.name,
    email: event.request.userAttributes?.email,
    usernamePlaceholder: event.request.usernameParameter ?? '{username}',
    codePlaceholder: event.request.codeParameter ?? '{####}',
    requestId,
    requestTitle: metadata.requestTitle,
    organisationName: metadata.organisationName,
    validityDays: invitationValidityDays,
    loginUrl: requestId ? `${portal}/requests/${encodeURIComponent(requestId)}` : `${portal}/login`,
  });
  return { ...event, response: { ...event.response, emailSubject: mail.subject, emailMessage: mail.html } };
};
