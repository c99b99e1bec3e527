import { randomUUID } from 'node:crypto';
import { deliverPayment } from '../local/bank-payment.js';
import { businessNow, executionsOf } from '../local/workflow/control-client.js';
import { demoUsers } from '../local/demo-data.js';
import { provisionOrganisation } from '../local/provision.js';
import type { LocalStackInfo } from '../local/stack.js';
import { expectStatus, logInCaller, type ApiCaller } from './api.js';

/** Step Functions Standard: $25 per million state transitions (eu-central-1, November 2026). */
export const dollarsPerTransition = 25 / 1_000_000;


const until = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> => {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const json = (text: string) => JSON.parse(text) as Record<string, unknown>;

const offer = (unitPrice: number) => ({
  lines: [{ description: 'Bench work', quantity: 10, unit: 'h', unitPrice, vatRate: 21 }],
  currency: 'CZK',
  deliveryEstimate: '10 days',
});

export interface Lifecycle {
  label: string;
  executions: number;
  transitions: number;
  /** From the acceptance to the request's arrival in the queue, in ms (the workflow's and the webhook's part). */
  ms: number;
}

/**
 * One request from its offer to the accepted delivery, through the API and the local workflow,
 * and what its executions cost in state transitions: priced (offer → accept → order PDF → webhook
 * pays → queued → work → handover → accepted), the same with one round of changes, and
 * zero-price (offer → accept → queued → work → handover → accepted).
 */
export const measureLifecycles = async (info: LocalStackInfo): Promise<Lifecycle[]> => {
  const suffix = randomUUID().slice(0, 8);
  const orgId = `org-lifecycle-${suffix}`;
  const person = { email: `client_admin.${suffix}@lifecycle.example`, name: 'Lída Lifecycle', password: 'Bench-Admin-1', role: 'client_admin' } as const;
  await provisionOrganisation(info, { orgId, name: `Lifecycle ${suffix}` }, [person]);
  const admin = await logInCaller(info, person.email, person.password);
  const eva = demoUsers.find((user) => user.role === 'agent')!;
  const agent = await logInCaller(info, eva.email, eva.password);
  expectStatus(
    'PUT billing',
    await admin.call('PUT', `/orgs/${orgId}/billing`, { name: 'Lifecycle s.r.o.', ico: '27074358', address: { street: 'Na Příkopě 1', city: 'Praha', postalCode: '110 00', country: 'CZ' } }),
    200,
  );

  const one = async (label: string, unitPrice: number, changeRounds = 0): Promise<Lifecycle> => {
    const { requestId } = json(expectStatus('POST /requests', await admin.call('POST', '/requests', { type: 'inquiry', title: label, description: 'bench', platform: 'azami' }), 201)) as { requestId: string };
    const posted = json(expectStatus('POST offer', await agent.call('POST', `/requests/${requestId}/offers`, offer(unitPrice)), 201));
    const started = performance.now();
    expectStatus('accept', await admin.call('POST', `/requests/${requestId}/offers/${String(posted.number)}/accept`, { contentHash: posted.contentHash }), 200);
    if (unitPrice > 0) await pay(admin, info, requestId);
    await until(`${requestId} queued`, async () => {
      const request = json((await admin.call('GET', `/requests/${requestId}`)).text);
      return request.status === 'queued' ? true : undefined;
    });
    const ms = performance.now() - started;
    await review(agent, admin, requestId, changeRounds);
    const executions = await until(`${requestId}'s executions ended`, async () => {
      const found = await executionsOf(info, requestId);
      return found.length > 0 && found.every((e) => e.status !== 'RUNNING') ? found : undefined;
    });
    return { label, executions: executions.length, transitions: executions.reduce((sum, e) => sum + e.transitions, 0), ms };
  };
  return [
    await one('priced: offer → accept → order PDF mailed → paid by webhook → queued → handover → accepted', 150_000),
    await one('priced, one round of changes: … → handover → changes → handover → accepted', 150_000, 1),
    await one('zero price: offer → accept → queued → handover → accepted', 0),
  ];
};

/** The work stage: started, handed over, `changeRounds` times sent back for changes, then accepted. */
const review = async (agent: ApiCaller, admin: ApiCaller, requestId: string, changeRounds: number) => {
  for (let round = 1; ; round++) {
    expectStatus('start work', await agent.call('POST', `/requests/${requestId}/actions`, { action: 'start_work' }), 200);
    expectStatus('hand over', await agent.call('POST', `/requests/${requestId}/handovers`, { notes: `Round ${round} done.` }), 201);
    if (round > changeRounds) break;
    expectStatus('request changes', await admin.call('POST', `/requests/${requestId}/handovers/${round}/request-changes`, { comments: 'One more thing.' }), 200);
  }
  expectStatus('accept delivery', await admin.call('POST', `/requests/${requestId}/handovers/${changeRounds + 1}/accept`, { rating: 5 }), 200);
};

/** Waits for the order's PDF (the workflow made it), then posts the bank's signed payment at the stack's business time. */
const pay = async (admin: ApiCaller, info: LocalStackInfo, requestId: string) => {
  const order = await until(`${requestId}'s order document`, async () => {
    const answer = json((await admin.call('GET', `/requests/${requestId}/order`)).text) as { order?: { variableSymbol: string; totals: { gross: number } }; download?: unknown };
    return answer.download ? answer.order : undefined;
  });
  const now = await businessNow(info);
  const paid = await deliverPayment(info, { paymentId: `bench-${requestId}`, variableSymbol: order!.variableSymbol, amount: order!.totals.gross, currency: 'CZK', paidAt: now.toISOString() }, now);
  if (paid.status !== 200) throw new Error(`the webhook answered ${paid.status}: ${JSON.stringify(paid.body)}`);
};
