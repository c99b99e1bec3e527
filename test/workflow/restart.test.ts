import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { routes } from '../../lib/http/routes.js';
import { localLogin } from '../../local/local-login.js';
import { provisionOrganisation } from '../../local/provision.js';
import type { LocalStackInfo } from '../../local/stack.js';
import { apiClient, ok, type Client } from '../support/api-client.js';
import { isolatedEnv, startLocal } from '../support/local-process.js';
import { acmeBilling, deliverPayment, pricedOffer, pricedOfferGross } from '../support/offers.js';
import { businessNow } from '../support/workflow-clock.js';
import { executionsOf } from '../../local/workflow/control-client.js';
import { pollUntil } from '../../local/poll.js';


const waitFor = <T>(what: string, probe: () => Promise<T | undefined>) => pollUntil(what, probe, { intervalMs: 150 });

const as = async (info: LocalStackInfo, email: string): Promise<Client> => apiClient(info.apiUrl, (await localLogin(info, email, 'azami')).token);

const stopped: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  await Promise.all(stopped.map((stop) => stop()));
});

describe('npm start, stopped and started again', () => {
  it('takes over a request that waits for payment, and the webhook still moves it on', async () => {
    const env = await isolatedEnv();
    const first = await startLocal(env);
    // `kill <pid>`: SIGTERM. (SIGKILL would leave cognito-local running to be killed by the next
    // start, possibly halfway through writing its JSON store, which it then can't read.)
    const stopFirst = async () => {
      first.child.kill('SIGTERM');
      await first.ended;
    };
    stopped.push(stopFirst);
    const suffix = randomUUID().slice(0, 8);
    const adminEmail = `admin.${suffix}@restart.example`;
    await provisionOrganisation(first.info, { orgId: `org-restart-${suffix}`, name: 'Restart s.r.o.' }, [{ email: adminEmail, name: 'Radka Restartová', password: 'Restart-admin-1', role: 'client_admin' }]);
    const admin = await as(first.info, adminEmail);
    const agent = await as(first.info, 'eva.agentova@agency.example');
    ok(await admin.send(routes.setBilling, { path: { orgId: `org-restart-${suffix}` }, body: acmeBilling }));
    const { requestId } = ok(await admin.send(routes.createRequest, { body: { type: 'inquiry', title: 'Restart', description: 'x', platform: 'azami' } }));
    const offer = ok(await agent.send(routes.postOffer, { path: { requestId }, body: pricedOffer() }));
    ok(await admin.send(routes.acceptOffer, { path: { requestId, offerNumber: offer.number }, body: { contentHash: offer.contentHash } }));
    // The execution made the order's PDF and now waits for the payment.
    await waitFor('the first execution waits in AwaitPayment', async () =>
      (await executionsOf(first.info, requestId)).find((e) => e.status === 'RUNNING' && e.state === 'AwaitPayment'),
    );
    const { variableSymbol } = ok(await admin.send(routes.getOrder, { path: { requestId } })).order;

    // Killed: the engine's executions are gone with the process.
    await stopFirst();
    const second = await startLocal(env);
    stopped.push(async () => {
      second.child.kill('SIGTERM');
      await second.ended;
    });
    const resumed = await waitFor('a fresh execution took the request over', async () =>
      (await executionsOf(second.info, requestId)).find((e) => e.status === 'RUNNING' && e.state === 'AwaitPayment'),
    );
    expect(resumed.name).toMatch(new RegExp(`^${requestId}-`));

    const paid = await deliverPayment(second.info, { paymentId: `bank-${suffix}`, variableSymbol, amount: pricedOfferGross, currency: 'CZK', paidAt: new Date().toISOString() }, await businessNow(second.info));
    expect(paid).toMatchObject({ status: 200, body: { outcome: 'paid' } });
    const admin2 = await as(second.info, adminEmail);
    expect(ok(await admin2.send(routes.getRequest, { path: { requestId } })).status).toBe('queued');
    // The execution that took over saw the payment and waits for the work's handover now.
    await waitFor('the execution waits for the handover', async () =>
      (await executionsOf(second.info, requestId)).find((e) => e.name === resumed.name && e.status === 'RUNNING' && e.state === 'AwaitHandover'),
    );
    fs.rmSync(env.ORDERDESK_DATA_DIR!, { recursive: true, force: true });
  }, 180_000);
});
