import { inject } from 'vitest';
import { logIn } from '../../local/cognito.js';
import { localLogin } from '../../local/local-login.js';

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

const withIdentity = async (token: string): Promise<Client> => {
  const api = client(token);
  const me = await api.call<{ userId: string }>('GET', '/me');
  return { ...api, userId: me.body.userId };
};

/** Someone with a login, logged in through the azami app client as the portal would. */
export const asPerson = async (email: string, password: string): Promise<Client> =>
  withIdentity(await logIn(stack().cognitoUrl, stack().userPool.appClientIds.azami, email, password));

/** Any user of the local pool, logged in as `npm run token` does it (local/local-login.ts). */
const asLocalUser = async (email: string): Promise<Client> => withIdentity((await localLogin(stack(), email, 'azami')).token);

/** A demo user. */
export const asDemoUser = asLocalUser;

/** Someone invited by e-mail: given the local password (as choosing one in the portal would), then logged in. */
export const asInvitedPerson = asLocalUser;

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
