import * as z from 'zod';
import { EnvName, readEnv } from '../../config/env.js';
import { ConflictError } from '../../domain/errors.js';
import type { AccountDirectory, InvitationMail } from '../../services/ports/people.js';
import { sleep, withRetries, type RetryPolicy } from '../aws/retry.js';
import { credentialsFromEnvironment, regionFromEnvironment, type Credentials } from '../aws/sigv4.js';
import { AwsApiError, signedJsonCall } from '../aws/signed-json.js';

export interface CognitoTarget {
  region: string;
  /** `https://cognito-idp.<region>.amazonaws.com`, or cognito-local's URL. */
  endpoint: string;
  credentials: Credentials;
  userPoolId: string;
  fetch?: typeof fetch;
}

/** Where the user pool is, from the function's environment (the local stack sets AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, the SDK's own variable). */
export const cognitoFromEnvironment = (): CognitoTarget => {
  const region = regionFromEnvironment();
  const endpoint = readEnv(EnvName.cognitoEndpoint, z.url().optional()) ?? `https://cognito-idp.${region}.amazonaws.com`;
  return { region, endpoint, credentials: credentialsFromEnvironment(), userPoolId: readEnv(EnvName.userPoolId, z.string().min(1)) };
};

/** The SDK's standard retries for Cognito: 3 tries, full jitter below 50 ms × 2ⁿ (1 s × 2ⁿ after throttling). */
export const cognitoRetry: RetryPolicy = { attempts: 3, baseDelayMs: 50, throttlingBaseDelayMs: 1000, maxDelayMs: 20_000, sleep, random: Math.random };

const Attributes = z.array(z.object({ Name: z.string(), Value: z.string().optional() })).optional();
const Created = z.object({ User: z.object({ Attributes }).optional() });
const Found = z.object({ UserAttributes: Attributes, UserStatus: z.string().optional() });

const subOf = (attributes: z.infer<typeof Attributes>): string => {
  const sub = attributes?.find((a) => a.Name === 'sub')?.Value;
  if (!sub) throw new Error('Cognito returned a user without sub');
  return sub;
};

/** Cognito refused with this error type (`UsernameExistsException`, `UserNotFoundException`, ...). */
const refusedWith = (error: unknown, type: string) => error instanceof AwsApiError && error.errorType === type;

/** What the custom-message trigger writes the invitation from (lib/services/mail/account-mail.ts); Cognito passes strings only. */
const clientMetadata = (mail: InvitationMail): Record<string, string> =>
  Object.fromEntries(
    Object.entries({
      platform: mail.platform,
      language: mail.language,
      organisationName: mail.organisationName?.slice(0, 200),
      requestId: mail.requestId,
      requestTitle: mail.requestTitle?.slice(0, 200),
    }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );

/**
 * The logins, in the one user pool. Cognito e-mails an invitation with a temporary password that
 * works for the pool's TemporaryPasswordValidityDays; the custom-message trigger writes it in the
 * person's brand and language. The e-mail address is an alias of each login, so it addresses them.
 * Each call is one signed call of Cognito's JSON 1.1 API (its SDK client would add about 35 KB and
 * the SDK's core to the functions that invite); a refusal is an AwsApiError with Cognito's type.
 */
export const cognitoAccountDirectory = (target: () => CognitoTarget = cognitoFromEnvironment, retry: RetryPolicy = cognitoRetry): AccountDirectory => {
  /** Every call here names the user pool; `input` is the rest. */
  const call = (operation: string, input: Record<string, unknown>) => {
    const { region, endpoint, credentials, userPoolId, fetch } = target();
    return withRetries(
      () =>
        signedJsonCall({
          service: 'cognito-idp',
          region,
          endpoint,
          method: 'POST',
          path: '/',
          headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
          credentials,
          fetch,
          body: { UserPoolId: userPoolId, ...input },
        }),
      retry,
    );
  };
  const getUser = async (email: string) => Found.parse(await call('AdminGetUser', { Username: email }));

  return {
    async invite(email, name, mail) {
      try {
        const created = await call('AdminCreateUser', {
          Username: email,
          DesiredDeliveryMediums: ['EMAIL'],
          ClientMetadata: clientMetadata(mail),
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'name', Value: name },
          ],
        });
        return subOf(Created.parse(created).User?.Attributes);
      } catch (error) {
        // A login without a user item (an earlier invitation that failed halfway): adopt it.
        if (!refusedWith(error, 'UsernameExistsException')) throw error;
        return subOf((await getUser(email)).UserAttributes);
      }
    },

    async resendInvitation(email, mail) {
      if ((await this.awaitingFirstSignIn(email)) !== true) {
        throw new ConflictError(`${email} has signed in already: there is no invitation to send again`, 'If they forgot their password, they reset it on the sign-in page');
      }
      await call('AdminCreateUser', { Username: email, MessageAction: 'RESEND', DesiredDeliveryMediums: ['EMAIL'], ClientMetadata: clientMetadata(mail) });
    },

    async awaitingFirstSignIn(email) {
      try {
        return (await getUser(email)).UserStatus === 'FORCE_CHANGE_PASSWORD';
      } catch (error) {
        if (refusedWith(error, 'UserNotFoundException')) return undefined;
        throw error;
      }
    },

    async disable(email) {
      await call('AdminDisableUser', { Username: email });
      // Disabling stops sign-ins; the refresh tokens already given out are revoked too.
      await call('AdminUserGlobalSignOut', { Username: email });
    },

    async enable(email) {
      await call('AdminEnableUser', { Username: email });
    },

    async delete(email) {
      try {
        await call('AdminDeleteUser', { Username: email });
      } catch (error) {
        if (!refusedWith(error, 'UserNotFoundException')) throw error;
      }
    },
  };
};
