import { AdminSetUserPasswordCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { inject } from 'vitest';
import { logIn } from '../../local/cognito.js';
import { findDemoUser } from '../../local/demo-data.js';
import { localCredentials, localRegion } from '../../local/local-aws.js';

export interface Answer<T = any> {
  status: number;
  body: T;
}

/** A caller of the local API with a real Cognito token (or none). */
export interface Client {
  call<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer<T>>;
  userId?: string;
}

const stack = () => inject('stack');

const client = (token: string | undefined): Client => ({
  async call(method, path, body, headers = {}) {
    const response = await fetch(`${stack().apiUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  },
});

export const anonymous = (): Client => client(undefined);

/** Someone with a login, logged in through the azami app client as the portal would. */
export const asPerson = async (email: string, password: string): Promise<Client> => {
  const token = await logIn(stack().cognitoUrl, stack().userPool.appClientIds.azami, email, password);
  const api = client(token);
  const me = await api.call<{ userId: string }>('GET', '/me');
  return { ...api, userId: me.body.userId };
};

/** A demo user. */
export const asDemoUser = async (email: string): Promise<Client> => {
  const user = findDemoUser(email);
  if (!user) throw new Error(`no demo user ${email}`);
  return asPerson(user.email, user.password);
};

/** Someone invited by e-mail: sets the password the invitation would let them choose, then logs in. */
export const asInvitedPerson = async (email: string): Promise<Client> => {
  const cognito = new CognitoIdentityProviderClient({ endpoint: stack().cognitoUrl, region: localRegion, credentials: localCredentials });
  const password = 'Invited-Person-1';
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: stack().userPool.userPoolId, Username: email, Password: password, Permanent: true }));
  cognito.destroy();
  const token = await logIn(stack().cognitoUrl, stack().userPool.appClientIds.azami, email, password);
  const api = client(token);
  const me = await api.call<{ userId: string }>('GET', '/me');
  return { ...api, userId: me.body.userId };
};

export const people = {
  clientAdmin: 'jana.novakova@acme.example',
  clientMember: 'petr.svoboda@acme.example',
  otherOrgAdmin: 'olga.beta@beta.example',
  agent: 'eva.agentova@agency.example',
  admin: 'tomas.spravce@agency.example',
} as const;

export const newInquiry = (title = 'Nový e-shop pro Acme') => ({
  type: 'inquiry',
  title,
  description: 'Potřebujeme košík a platby kartou.',
  platform: 'azami',
});
