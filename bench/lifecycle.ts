import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { orderKey, requestKey } from '../lib/adapters/dynamodb/keys.js';
import { functionList } from '../lib/lambda/table.js';
import { deliverPayment } from '../local/bank-payment.js';
import { businessNow, executionsOf } from '../local/workflow/control-client.js';
import { demoUsers } from '../local/demo-data.js';
import { localCredentials, localRegion } from '../local/local-aws.js';
import { provisionOrganisation } from '../local/provision.js';
import type { LocalStackInfo } from '../local/stack.js';
import { expectStatus, logInCaller, type ApiCaller } from './api.js';
import type { CostMeter } from './cost-meter.js';
import { dynamoItemOverheadBytes, lifecycleCounts, type LifecycleKey } from './cost-model.js';
import type { MeasuredLifecycle } from './cost-report.js';
import { pollUntil } from '../local/poll.js';

/** Step Functions Standard: $25 per million state transitions (eu-central-1, November 2026). */
export const dollarsPerTransition = 25 / 1_000_000;


const until = <T>(what: string, probe: () => Promise<T | undefined>) => pollUntil(what, probe, { timeoutMs: 60_000 });

const json = (text: string) => JSON.parse(text) as Record<string, unknown>;

const offer = (unitPrice: number) => ({
  lines: [{ description: 'Bench work', quantity: 10, unit: 'h', unitPrice, vatRate: 21 }],
  currency: 'CZK',
  deliveryEstimate: '10 days',
});

export interface Lifecycle {
  key: LifecycleKey;
  label: string;
  executions: number;
  transitions: number;
  /** From the acceptance to the request's arrival in the queue, in ms (the workflow's and the webhook's part). */
  ms: number;
  /** What it used, counted with the stack's cost meter (when one was given). */
  cost?: MeasuredLifecycle;
}

/** An API caller that counts its calls into `counter`. */
const counting = (caller: ApiCaller, counter: { calls: number }): ApiCaller => ({
  call: (...args) => {
    counter.calls++;
    return caller.call(...args);
  },
  refreshToken: () => caller.refreshToken(),
});

/** The table's bytes and items with its indexes' copies, as DynamoDB Local reports them at once (AWS about every 6 hours). */
const tableSize = async (client: DynamoDBClient, tableName: string) => {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const indexes = Table?.GlobalSecondaryIndexes ?? [];
  return {
    bytes: (Table?.TableSizeBytes ?? 0) + indexes.reduce((sum, index) => sum + (index.IndexSizeBytes ?? 0), 0),
    items: (Table?.ItemCount ?? 0) + indexes.reduce((sum, index) => sum + (index.ItemCount ?? 0), 0),
  };
};

/** The mails about a request in the local inbox since `sinceSeconds` (their subjects name it as `[#<id>]`). */
const inboxMailsAbout = async (info: LocalStackInfo, requestId: string, sinceSeconds: number): Promise<number> => {
  const response = await fetch(`${info.mailUrl}/store?since=${sinceSeconds}`);
  const { emails } = (await response.json()) as { emails: { subject: string }[] };
  return emails.filter((mail) => mail.subject.includes(`[#${requestId}]`)).length;
};

const workflowTasks = new Set(functionList.filter((entry) => entry.trigger.kind === 'workflow-task').map((entry) => entry.name));

/**
 * One request from its offer to the accepted delivery, through the API and the local workflow,
 * and what its executions cost in state transitions: priced (offer → accept → order PDF → webhook
 * pays → queued → work → handover → accepted), the same with one round of changes, and
 * zero-price (offer → accept → queued → work → handover → accepted).
 *
 * With a cost meter, each lifecycle runs alone on a quiet stack and is counted from its first
 * call until the stack is quiet again (the notifier's mails and the workflow's end included):
 * the API calls it makes (the bank's webhook too), and from the meter every function run, DynamoDB
 * request unit, S3 request and mail in the stack meanwhile. The bench waits for the workflow by
 * reading DynamoDB Local itself, not through the API, so its polling is not in the counts.
 */
export const measureLifecycles = async (info: LocalStackInfo, meter?: CostMeter): Promise<Lifecycle[]> => {
  const dynamo = new DynamoDBClient({ endpoint: info.dynamodbUrl, region: localRegion, credentials: localCredentials });
  const documents = DynamoDBDocumentClient.from(dynamo);
  const item = async (key: Record<string, string>) => (await documents.send(new GetCommand({ TableName: info.tableName, Key: key, ConsistentRead: true }))).Item;
  const counter = { calls: 0 };
  try {
    const suffix = randomUUID().slice(0, 8);
    const orgId = `org-lifecycle-${suffix}`;
    const person = { email: `client_admin.${suffix}@lifecycle.example`, name: 'Lída Lifecycle', password: 'Bench-Admin-1', role: 'client_admin' } as const;
    await provisionOrganisation(info, { orgId, name: `Lifecycle ${suffix}` }, [person]);
    const admin = counting(await logInCaller(info, person.email, person.password), counter);
    const eva = demoUsers.find((user) => user.role === 'agent')!;
    const agent = counting(await logInCaller(info, eva.email, eva.password), counter);
    expectStatus(
      'PUT billing',
      await admin.call('PUT', `/orgs/${orgId}/billing`, { name: 'Lifecycle s.r.o.', ico: '27074358', address: { street: 'Na Příkopě 1', city: 'Praha', postalCode: '110 00', country: 'CZ' } }),
      200,
    );

    const one = async (key: LifecycleKey, label: string, unitPrice: number, changeRounds = 0): Promise<Lifecycle> => {
      let before: Awaited<ReturnType<typeof tableSize>> | undefined;
      if (meter) {
        await meter.quiet();
        before = await tableSize(dynamo, info.tableName);
        await meter.reset();
      }
      counter.calls = 0;
      const sinceSeconds = Math.floor(Date.now() / 1000) - 1;
      const { requestId } = json(expectStatus('POST /requests', await admin.call('POST', '/requests', { type: 'inquiry', title: label, description: 'bench', platform: 'azami' }), 201)) as { requestId: string };
      const posted = json(expectStatus('POST offer', await agent.call('POST', `/requests/${requestId}/offers`, offer(unitPrice)), 201));
      const started = performance.now();
      expectStatus('accept', await admin.call('POST', `/requests/${requestId}/offers/${String(posted.number)}/accept`, { contentHash: posted.contentHash }), 200);
      if (unitPrice > 0) {
        await until(`${requestId}'s order document`, async () => ((await item(orderKey(requestId)))?.document ? true : undefined));
        await pay(admin, info, requestId);
        counter.calls++; // the bank's webhook
      }
      await until(`${requestId} queued`, async () => ((await item(requestKey(requestId)))?.status === 'queued' ? true : undefined));
      const ms = performance.now() - started;
      await review(agent, admin, requestId, changeRounds);
      const executions = await until(`${requestId}'s executions ended`, async () => {
        const found = await executionsOf(info, requestId);
        return found.length > 0 && found.every((e) => e.status !== 'RUNNING') ? found : undefined;
      });
      const transitions = executions.reduce((sum, e) => sum + e.transitions, 0);
      const lifecycle: Lifecycle = { key, label, executions: executions.length, transitions, ms };
      if (meter && before) {
        const snapshot = await meter.quiet();
        const after = await tableSize(dynamo, info.tableName);
        const dynamoStoredBytes = after.bytes - before.bytes + dynamoItemOverheadBytes * (after.items - before.items);
        lifecycle.cost = {
          key,
          label,
          counts: lifecycleCounts({ snapshot, apiCalls: counter.calls, transitions, executions: executions.length, dynamoStoredBytes }, { workflowTasks }),
          commands: snapshot.dynamo.commands,
          refusedWrites: snapshot.dynamo.refusedWrites,
          inboxMails: await inboxMailsAbout(info, requestId, sinceSeconds),
        };
      }
      return lifecycle;
    };
    return [
      await one('priced', 'priced: offer → accept → order PDF mailed → paid by webhook → queued → handover → accepted', 150_000),
      await one('changes', 'priced, one round of changes: … → handover → changes → handover → accepted', 150_000, 1),
      await one('zero', 'zero price: offer → accept → queued → handover → accepted', 0),
    ];
  } finally {
    dynamo.destroy();
  }
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

/** Reads the order as the client would (once, its PDF made), then posts the bank's signed payment at the stack's business time. */
const pay = async (admin: ApiCaller, info: LocalStackInfo, requestId: string) => {
  const answer = json(expectStatus('GET order', await admin.call('GET', `/requests/${requestId}/order`), 200)) as { order?: { variableSymbol: string; totals: { gross: number } } };
  const order = answer.order;
  if (!order) throw new Error(`${requestId} has no order to pay`);
  const now = await businessNow(info);
  const paid = await deliverPayment(info, { paymentId: `bench-${requestId}`, variableSymbol: order.variableSymbol, amount: order.totals.gross, currency: 'CZK', paidAt: now.toISOString() }, now);
  if (paid.status !== 200) throw new Error(`the webhook answered ${paid.status}: ${JSON.stringify(paid.body)}`);
};
