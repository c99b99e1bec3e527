import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { platforms, type Platform } from '../lib/domain/platform.js';
import { superviseChild } from './child-process.js';
import { localCredentials, localRegion } from './local-aws.js';
import { waitFor } from './ports.js';
import { clockFile } from './workflow/clock.js';

const poolName = 'orderdesk-local';

export const cognitoClient = (endpoint: string) =>
  new CognitoIdentityProviderClient({ endpoint, region: localRegion, credentials: localCredentials });

/**
 * cognito-local in a child process: it keeps its users under its working directory, so each
 * data dir has its own. The issuer domain is set so tokens name the address we verify against.
 * It runs the custom-message trigger (invitations, password resets) and sends each mail, as the
 * trigger wrote it, through the local SES server at `mail.sesUrl` from `mail.from`, as Cognito
 * sends through SES (see cognito-mail-sender.cjs); it writes them to its log as well
 * (`.local/logs/cognito.log`). SES may still be starting: the sender retries until it answers.
 */
export const startCognito = async (
  host: string,
  port: number,
  dataDir: string,
  lambdaUrl: string,
  mail: { sesUrl: string; from: string },
) => {
  const cwd = path.join(dataDir, 'cognito');
  fs.mkdirSync(path.join(cwd, '.cognito'), { recursive: true });
  const endpoint = `http://${host}:${port}`;
  fs.writeFileSync(
    path.join(cwd, '.cognito', 'config.json'),
    JSON.stringify(
      {
        TokenConfig: { IssuerDomain: endpoint },
        // Cognito's custom-message trigger, invoked through the local Lambda Invoke API like Cognito invokes Lambda.
        LambdaClient: { endpoint: lambdaUrl, region: localRegion, credentials: localCredentials },
        TriggerFunctions: { CustomMessage: 'cognito-message' },
      },
      null,
      2,
    ),
  );
  // cognito-local's own start, with its user store saved atomically and its mail sent through SES (see the entry's comment).
  const entry = fileURLToPath(new URL('./cognito-local-entry.cjs', import.meta.url));
  const child = spawn(process.execPath, [entry], {
    cwd,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: host,
      ORDERDESK_COGNITO_SES_URL: mail.sesUrl,
      ORDERDESK_COGNITO_MAIL_FROM: mail.from,
      // The stack's business clock (local/workflow/clock.ts), on which temporary passwords expire.
      ORDERDESK_CLOCK_FILE: clockFile(dataDir),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const supervised = superviseChild(child, 'cognito', dataDir);
  const client = cognitoClient(endpoint);
  await supervised.whileRunning(waitFor('cognito-local', () => client.send(new ListUserPoolsCommand({ MaxResults: 1 }))));
  return { endpoint, client, stop: async () => (client.destroy(), supervised.stop()) };
};

export interface LocalUserPool {
  userPoolId: string;
  appClientIds: Record<Platform, string>;
  issuer: string;
  jwksUrl: string;
}

/** Finds or creates the pool and one app client per platform, so restarts keep the same ids. */
export const ensureUserPool = async (client: CognitoIdentityProviderClient, endpoint: string): Promise<LocalUserPool> => {
  const { UserPools = [] } = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  const userPoolId =
    UserPools.find((pool) => pool.Name === poolName)?.Id ??
    (await client.send(new CreateUserPoolCommand({ PoolName: poolName, UsernameAttributes: ['email'] }))).UserPool?.Id;
  if (!userPoolId) throw new Error('cognito-local returned no user pool id');

  const { UserPoolClients = [] } = await client.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
  const entries = await Promise.all(
    platforms.map(async (platform) => {
      const found = UserPoolClients.find((c) => c.ClientName === platform)?.ClientId;
      const clientId =
        found ??
        (
          await client.send(
            new CreateUserPoolClientCommand({
              UserPoolId: userPoolId,
              ClientName: platform,
              ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
            }),
          )
        ).UserPoolClient?.ClientId;
      if (!clientId) throw new Error(`cognito-local returned no client id for ${platform}`);
      return [platform, clientId] as const;
    }),
  );
  return {
    userPoolId,
    appClientIds: Object.fromEntries(entries) as Record<Platform, string>,
    issuer: `${endpoint}/${userPoolId}`,
    jwksUrl: `${endpoint}/${userPoolId}/.well-known/jwks.json`,
  };
};

/** Creates a confirmed user with a permanent password (if missing) and returns its `sub`. */
export const ensureCognitoUser = async (
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  user: { email: string; name: string; password: string },
): Promise<string> => {
  const subOf = (attributes: { Name?: string; Value?: string }[] | undefined) => attributes?.find((a) => a.Name === 'sub')?.Value;
  try {
    const existing = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: user.email }));
    const sub = subOf(existing.UserAttributes);
    if (sub) return sub;
  } catch (error) {
    if (!(error instanceof UserNotFoundException)) throw error;
  }
  const created = await client.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: user.email,
      MessageAction: 'SUPPRESS',
      TemporaryPassword: user.password,
      UserAttributes: [
        { Name: 'email', Value: user.email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: user.name },
      ],
    }),
  );
  await client.send(
    new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: user.email, Password: user.password, Permanent: true }),
  );
  const sub = subOf(created.User?.Attributes);
  if (!sub) throw new Error(`cognito-local returned no sub for ${user.email}`);
  return sub;
};

/** Logs in the way the portal does (USER_PASSWORD_AUTH) and returns the ID token. */
export const logIn = async (endpoint: string, clientId: string, email: string, password: string): Promise<string> => {
  const client = cognitoClient(endpoint);
  try {
    const { AuthenticationResult } = await client.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD: password },
      }),
    );
    if (!AuthenticationResult?.IdToken) throw new Error(`no token for ${email}`);
    return AuthenticationResult.IdToken;
  } finally {
    client.destroy();
  }
};
