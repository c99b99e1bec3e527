import { beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '../../lib/adapters/dynamodb/document-client.js';
import { clientQueuePartition } from '../../lib/adapters/dynamodb/keys.js';
import { maxRankLength } from '../../lib/domain/ranking.js';
import { listTimeline } from '../../lib/services/requests/messages.js';
import { getClientQueue, moveRequest, setQueueOrder } from '../../lib/services/queues/queues.js';
import { getWorkQueue } from '../../lib/services/queues/work-queue.js';
import { routes } from '../../lib/http/routes.js';
import { asDemoUser, ok, people, type Client, type NewRequest, type SignedIn } from '../support/api-client.js';
import { countedServices } from '../support/counted-services.js';
import { documents, freshOrganisation } from '../support/fresh-organisation.js';
import { inject } from 'vitest';

const defect = (title: string): NewRequest => ({ type: 'defect', title: `Oprava ${title}`, description: '', platform: 'azami' });

let services: ReturnType<typeof countedServices>;
let eva: SignedIn;
beforeAll(async () => {
  services = countedServices();
  eva = await asDemoUser(people.agent);
});

const file = async (client: Client, title: string): Promise<string> => ok(await client.send(routes.createRequest, { body: defect(title) })).requestId;

describe('what reading and ranking a queue costs (SDK commands counted)', () => {
  it('reads a page of the client’s queue in one round trip: one Query, alongside the caller’s user item', async () => {
    const { admin, member } = await freshOrganisation();
    for (const title of ['A', 'B', 'C']) await file(admin, title);
    const caller = { userId: admin.userId! };
    // The first call of a person in this process learns who they are (a hint of whose queue to read).
    await getClientQueue(services.deps, caller, { limit: 2 });
    const { result, sent } = await services.count(() => getClientQueue(services.deps, caller, { limit: 2 }));
    expect(result.items).toHaveLength(2);
    expect(result.nextCursor).toBeDefined();
    // The user item is read on every call (a deactivation holds at once), at the same time as the page: one Query of limit + 1.
    expect(sent.map((c) => c.name).sort()).toEqual(['BatchGetItemCommand', 'QueryCommand']);
    expect(sent.find((c) => c.name === 'QueryCommand')?.limit).toBe(3);
    // A member's answer needs the organisation's settings (may members rank?): in the same batch as their user item.
    await getClientQueue(services.deps, { userId: member.userId! }, { limit: 2 });
    const asMember = await services.count(() => getClientQueue(services.deps, { userId: member.userId! }, { limit: 2 }));
    expect(asMember.result.mayRank).toBe(false);
    expect(asMember.sent.map((c) => c.name).sort()).toEqual(['BatchGetItemCommand', 'QueryCommand']);
  });

  it('reads the first page of a timeline with the request itself in one Query, alongside the caller’s user item', async () => {
    const { admin } = await freshOrganisation();
    const id = await file(admin, 'Timeline');
    const caller = { userId: admin.userId! };
    await listTimeline(services.deps, caller, id, 25);
    const { result, sent } = await services.count(() => listTimeline(services.deps, caller, id, 25));
    expect(result.items.map((entry) => entry.kind)).toEqual(['request_created']);
    expect(sent.filter((c) => c.name === 'QueryCommand')).toEqual([{ name: 'QueryCommand', limit: 27 }]);
    expect(sent.map((c) => c.name).sort()).toEqual(['BatchGetItemCommand', 'QueryCommand']);
  });

  it('moves a request reading only its neighbours, and writes one transaction of one rank write and one activity item', async () => {
    const { admin } = await freshOrganisation();
    const [a, , c] = [await file(admin, 'A'), await file(admin, 'B'), await file(admin, 'C')];
    const { result, sent } = await services.count(() => moveRequest(services.deps, { userId: admin.userId! }, c!, { before: a }));
    expect(result).toMatchObject({ requestId: c, after: null, before: a, moved: true });
    // Round trip 1: caller, request, invitation (and organisation) in one batch, the anchor beside it.
    // Round trip 2: the two sides of the gap, a few items each. Round trip 3: the write.
    expect(sent.map((c) => c.name)).toEqual(['BatchGetItemCommand', 'GetItemCommand', 'QueryCommand', 'QueryCommand', 'TransactWriteItemsCommand']);
    expect(sent.filter((c) => c.name === 'QueryCommand').map((c) => c.limit)).toEqual([3, 3]);
    expect(sent.at(-1)?.actions).toBe(2);
  });

  it('reads the agency’s work queue with one Query, whatever the number of organisations', async () => {
    const [p, q] = [await freshOrganisation(), await freshOrganisation()];
    for (const client of [p.admin, q.admin]) {
      const id = await file(client, 'Ready');
      expect((await eva.send(routes.takeAction, { path: { requestId: id }, body: { action: 'fix' } })).status).toBe(200);
    }
    const { result, sent } = await services.count(() => getWorkQueue(services.deps, { userId: eva.userId }, {}, 'first-ready'));
    expect(result.items.length).toBeGreaterThanOrEqual(2);
    expect(sent.map((c) => c.name)).toEqual(['GetItemCommand', 'QueryCommand']);
  });

  it('sets a whole order with one transaction that rewrites only the requests that moved', async () => {
    const { admin } = await freshOrganisation();
    const ids = [await file(admin, 'A'), await file(admin, 'B'), await file(admin, 'C'), await file(admin, 'D')];
    const order = [ids[3]!, ids[0]!, ids[1]!, ids[2]!];
    const { sent } = await services.count(() => setQueueOrder(services.deps, { userId: admin.userId! }, order));
    // One request moved (D to the top): one rank write and one activity item.
    expect(sent.map(({ name, actions }) => ({ name, actions }))).toEqual([
      { name: 'BatchGetItemCommand', actions: undefined },
      { name: 'QueryCommand', actions: undefined },
      { name: 'TransactWriteItemsCommand', actions: 2 },
    ]);
  });
});

// A thousand moves of each kind run in test/unit/services/queue-placement.test.ts on the memory
// stores, held to the DynamoDB stores' contract (queue-store.test.ts); here the service moves
// requests through DynamoDB Local long enough to rebalance twice (a rebalance every 49 moves).
describe('rank keys in the table', () => {
  it('stay short after 100 moves of the same two requests into the same slot, through rebalancing', async () => {
    const { orgId, admin } = await freshOrganisation();
    const ids = [await file(admin, 'A'), await file(admin, 'B'), await file(admin, 'C'), await file(admin, 'D')];
    const [head, x, y] = [ids[0]!, ids[1]!, ids[2]!];
    const caller = { userId: admin.userId! };
    let rebalances = 0;
    for (let i = 0; i < 100; i++) {
      // Each move lands right after the head, halving the same gap: the worst case for keys.
      const { sent } = await services.count(() => moveRequest(services.deps, caller, i % 2 ? x : y, { after: head }));
      if ((sent.at(-1)?.actions ?? 0) > 2) rebalances++;
    }
    const { Items = [] } = await documents().send(
      new QueryCommand({ TableName: inject('stack').tableName, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :q', ExpressionAttributeValues: { ':q': clientQueuePartition(orgId) } }),
    );
    // The last move (i = 99) put x right after the head.
    expect(Items.map((item) => item.requestId)).toEqual([head, x, y, ids[3]]);
    expect(Math.max(...Items.map((item) => String(item.rank).length))).toBeLessThanOrEqual(maxRankLength);
    expect(rebalances).toBe(2);
  });

  it('stay short after 100 moves of the same request to the top', async () => {
    const { orgId, admin } = await freshOrganisation();
    const ids = [await file(admin, 'A'), await file(admin, 'B'), await file(admin, 'C')];
    const caller = { userId: admin.userId! };
    // The same request goes to the top again each time another one took the top from it.
    for (let i = 0; i < 50; i++) {
      await moveRequest(services.deps, caller, ids[2]!, { to: 'top' });
      await moveRequest(services.deps, caller, ids[1]!, { to: 'top' });
    }
    const queue = await services.deps.queues.clientQueue(orgId, 100);
    expect(queue.map((request) => request.requestId)).toEqual([ids[1], ids[2], ids[0]]);
    expect(Math.max(...queue.map((request) => request.rank.length))).toBeLessThanOrEqual(maxRankLength);
  });
});
