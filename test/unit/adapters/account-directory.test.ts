import { afterEach, describe, expect, it, vi } from 'vitest';
import { AwsApiError } from '../../../lib/adapters/aws/signed-json.js';
import { cognitoAccountDirectory, cognitoFromEnvironment, cognitoRetry } from '../../../lib/adapters/cognito/account-directory.js';
import { ConflictError } from '../../../lib/domain/errors.js';

interface Sent {
  url: string;
  operation: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

type Answer = { status: number; body: unknown };

const refusal = (type: string, status = 400): Answer => ({ status, body: { __type: type, message: `${type} happened` } });
const user = (status = 'FORCE_CHANGE_PASSWORD'): Answer => ({
  status: 200,
  body: { Username: 'x', UserStatus: status, Enabled: true, UserCreateDate: 1.7e9, UserAttributes: [{ Name: 'sub', Value: 'sub-1' }, { Name: 'email', Value: 'petra@partner.example' }] },
});

/** Cognito as fetch sees it: each operation answered by `answers[operation]` (in turn, if a list). */
const cognito = (answers: Record<string, Answer | Answer[]>) => {
  const sent: Sent[] = [];
  const delays: number[] = [];
  const fetch = (async (url: URL, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    const operation = headers['x-amz-target']!.replace('AWSCognitoIdentityProviderService.', '');
    sent.push({ url: String(url), operation, headers, body: JSON.parse(String(init.body)) as Record<string, unknown> });
    const configured = answers[operation];
    const answer = Array.isArray(configured) ? configured.shift() : configured;
    if (!answer) throw new Error(`no answer for ${operation}`);
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/x-amz-json-1.1' } });
  }) as typeof globalThis.fetch;
  const directory = cognitoAccountDirectory(
    () => ({ region: 'eu-central-1', endpoint: 'https://cognito-idp.eu-central-1.amazonaws.com', credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' }, userPoolId: 'eu-central-1_pool', fetch }),
    { ...cognitoRetry, sleep: async (ms) => void delays.push(ms), random: () => 0.5 },
  );
  return { directory, sent, delays };
};

const mail = { platform: 'azami', language: 'cs', organisationName: 'Acme', requestId: '2026-0001', requestTitle: 'Nový web' } as const;

describe('the Cognito account directory, on the wire', () => {
  it('invites with AdminCreateUser, a signed AWS JSON 1.1 call, and answers the new login’s sub', async () => {
    const { directory, sent } = cognito({ AdminCreateUser: { status: 200, body: { User: { Username: 'x', Attributes: [{ Name: 'sub', Value: 'sub-9' }], UserStatus: 'FORCE_CHANGE_PASSWORD' } } } });
    expect(await directory.invite('petra@partner.example', 'Petra Partnerová', mail)).toBe('sub-9');
    const [call] = sent;
    expect(call!.url).toBe('https://cognito-idp.eu-central-1.amazonaws.com/');
    expect(call!.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(call!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/eu-central-1\/cognito-idp\/aws4_request, /);
    expect(call!.body).toEqual({
      UserPoolId: 'eu-central-1_pool',
      Username: 'petra@partner.example',
      DesiredDeliveryMediums: ['EMAIL'],
      ClientMetadata: { platform: 'azami', language: 'cs', organisationName: 'Acme', requestId: '2026-0001', requestTitle: 'Nový web' },
      UserAttributes: [
        { Name: 'email', Value: 'petra@partner.example' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: 'Petra Partnerová' },
      ],
    });
  });

  it('adopts a login that exists already (an invitation that failed halfway): its sub, read with AdminGetUser', async () => {
    const { directory, sent } = cognito({ AdminCreateUser: refusal('UsernameExistsException'), AdminGetUser: user() });
    expect(await directory.invite('petra@partner.example', 'Petra', mail)).toBe('sub-1');
    expect(sent.map((call) => call.operation)).toEqual(['AdminCreateUser', 'AdminGetUser']);
  });

  it('says whether a person still has to sign in first, and undefined for no login at all', async () => {
    expect(await cognito({ AdminGetUser: user('FORCE_CHANGE_PASSWORD') }).directory.awaitingFirstSignIn('a@b.example')).toBe(true);
    expect(await cognito({ AdminGetUser: user('CONFIRMED') }).directory.awaitingFirstSignIn('a@b.example')).toBe(false);
    expect(await cognito({ AdminGetUser: refusal('UserNotFoundException') }).directory.awaitingFirstSignIn('a@b.example')).toBeUndefined();
  });

  it('sends an invitation again only to someone who has not signed in, and refuses the others with a 409 that says what to do', async () => {
    const waiting = cognito({ AdminGetUser: user('FORCE_CHANGE_PASSWORD'), AdminCreateUser: { status: 200, body: { User: {} } } });
    await waiting.directory.resendInvitation('a@b.example', mail);
    expect(waiting.sent.at(-1)!.body).toMatchObject({ UserPoolId: 'eu-central-1_pool', Username: 'a@b.example', MessageAction: 'RESEND' });
    const signedIn = cognito({ AdminGetUser: user('CONFIRMED') });
    await expect(signedIn.directory.resendInvitation('a@b.example', mail)).rejects.toBeInstanceOf(ConflictError);
    expect(signedIn.sent.map((call) => call.operation)).toEqual(['AdminGetUser']);
  });

  it('disables a login and signs it out everywhere; enables it again', async () => {
    const { directory, sent } = cognito({ AdminDisableUser: { status: 200, body: {} }, AdminUserGlobalSignOut: { status: 200, body: {} }, AdminEnableUser: { status: 200, body: {} } });
    await directory.disable('a@b.example');
    await directory.enable('a@b.example');
    expect(sent.map((call) => call.operation)).toEqual(['AdminDisableUser', 'AdminUserGlobalSignOut', 'AdminEnableUser']);
    expect(sent.every((call) => call.body.Username === 'a@b.example' && call.body.UserPoolId === 'eu-central-1_pool')).toBe(true);
  });

  it('deletes a login, and takes one that is gone already as deleted; other refusals are thrown as Cognito named them', async () => {
    await expect(cognito({ AdminDeleteUser: { status: 200, body: {} } }).directory.delete('a@b.example')).resolves.toBeUndefined();
    await expect(cognito({ AdminDeleteUser: refusal('UserNotFoundException') }).directory.delete('a@b.example')).resolves.toBeUndefined();
    const error = await cognito({ AdminDeleteUser: refusal('NotAuthorizedException') })
      .directory.delete('a@b.example')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsApiError);
    expect(error).toMatchObject({ errorType: 'NotAuthorizedException', status: 400 });
  });

  it('tries a throttled call again, as the SDK did, and gives up after 3 tries', async () => {
    const recovering = cognito({ AdminEnableUser: [refusal('TooManyRequestsException'), { status: 200, body: {} }] });
    await recovering.directory.enable('a@b.example');
    expect(recovering.sent).toHaveLength(2);
    expect(recovering.delays).toEqual([500]);
    const throttled = cognito({ AdminEnableUser: [refusal('TooManyRequestsException'), refusal('TooManyRequestsException'), refusal('TooManyRequestsException'), { status: 200, body: {} }] });
    await expect(throttled.directory.enable('a@b.example')).rejects.toMatchObject({ errorType: 'TooManyRequestsException' });
    expect(throttled.sent).toHaveLength(3);
  });
});

describe('where the user pool is', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is Cognito’s regional endpoint in Lambda, or AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER where that is set (the local stack sets it)', () => {
    vi.stubEnv('AWS_REGION', 'eu-central-1');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'ASIAEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    vi.stubEnv('USER_POOL_ID', 'eu-central-1_pool');
    vi.stubEnv('AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER', undefined);
    expect(cognitoFromEnvironment()).toMatchObject({ region: 'eu-central-1', endpoint: 'https://cognito-idp.eu-central-1.amazonaws.com', userPoolId: 'eu-central-1_pool' });
    vi.stubEnv('AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER', 'http://127.0.0.1:9229');
    expect(cognitoFromEnvironment().endpoint).toBe('http://127.0.0.1:9229');
  });
});
