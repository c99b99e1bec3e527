import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { localLogin } from '../../local/local-login.js';
import { routes } from '../../lib/http/routes.js';
import { apiClient, asDemoUser, newInquiry, ok, people } from '../support/api-client.js';

const stack = inject('stack');

const me = (token: string) => apiClient(stack.apiUrl, token).send(routes.getMe);

/** `npm run token -- <e-mail> [platform]` is `localLogin` on the running stack's pool. */
describe('a token for any local user (npm run token)', () => {
  it('logs in someone invited by e-mail, whose temporary password is only in the inbox', async () => {
    const jana = await asDemoUser(people.clientAdmin);
    const requestId = ok(await jana.send(routes.createRequest, { body: newInquiry('Invite for a local login') })).requestId;
    const email = `token.${randomUUID().slice(0, 8)}@partner.example`;
    expect((await jana.send(routes.inviteParticipant, { path: { requestId }, body: { email, name: 'Tereza Tokenová' } })).status).toBe(201);

    const first = await localLogin(stack, email, 'azami');
    expect(first.passwordSet).toBe(true);
    expect(await me(first.token)).toMatchObject({ status: 200, data: { role: 'participant', email } });

    // Again, and from the other app client: the local password is known now and kept.
    const again = await localLogin(stack, email, 'digimadi');
    expect(again.passwordSet).toBe(false);
    expect(await me(again.token)).toMatchObject({ status: 200, data: { role: 'participant', email, platform: 'digimadi' } });
  });

  it('logs in a demo user with the demo password, changing nothing', async () => {
    const { token, passwordSet } = await localLogin(stack, people.agent.toUpperCase(), 'azami');
    expect(passwordSet).toBe(false);
    expect(await me(token)).toMatchObject({ status: 200, data: { role: 'agent' } });
  });

  it('says so for an e-mail no one in the local pool has', async () => {
    await expect(localLogin(stack, 'nobody@nowhere.example', 'azami')).rejects.toThrow('nobody@nowhere.example is not a user of the local pool');
  });
});
