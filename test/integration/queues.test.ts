import { beforeAll, describe, expect, it } from 'vitest';
import { asDemoUser, people, type Client } from '../support/api-client.js';
import { freshOrganisation } from '../support/fresh-organisation.js';

interface QueueAnswer {
  orgId: string;
  mayRank: boolean;
  items: { position: number; request: { requestId: string; status: string; assigneeId?: string } }[];
}
interface PlacementAnswer {
  orgId: string;
  requestId: string;
  after: string | null;
  before: string | null;
  moved: boolean;
}
interface WorkAnswer {
  policy: string;
  items: { position: number; orgPosition: number; request: { requestId: string; orgId: string; assigneeId?: string } }[];
}

const defect = (title: string) => ({ type: 'defect', title: `Oprava ${title}`, description: 'Nefunguje to.', platform: 'digimadi' });

const file = async (client: Client, title: string): Promise<string> => {
  const answer = await client.call('POST', '/requests', defect(title));
  expect(answer.status).toBe(201);
  return answer.body.requestId;
};

const queueOf = async (client: Client, query = ''): Promise<string[]> => {
  const answer = await client.call<QueueAnswer>('GET', `/queue${query}`);
  expect(answer.status).toBe(200);
  expect(answer.body.items.map((item) => item.position)).toEqual(answer.body.items.map((_, i) => i + 1));
  return answer.body.items.map((item) => item.request.requestId);
};

/** The work queue restricted to some organisations (other tests' ready work shares it). */
const workOf = async (agent: Client, orgIds: string[], query = ''): Promise<string[]> => {
  const answer = await agent.call<WorkAnswer>('GET', `/work-queue${query}`);
  expect(answer.status).toBe(200);
  return answer.body.items.filter((item) => orgIds.includes(item.request.orgId)).map((item) => item.request.requestId);
};

/** The agency starts fixing a defect: it becomes ready work, in progress. */
const fix = async (agent: Client, requestId: string) => {
  expect((await agent.call('POST', `/requests/${requestId}/actions`, { action: 'fix' })).status).toBe(200);
};

let eva: Client;
beforeAll(async () => {
  eva = await asDemoUser(people.agent);
});

describe('the client’s queue and the agency’s work queue', () => {
  it('ranks three requests, moves the last to the top, and both queues show the new order', async () => {
    const { orgId, admin } = await freshOrganisation();
    const [a, b, c] = [await file(admin, 'Košík'), await file(admin, 'Platby'), await file(admin, 'Doprava')];
    expect(await queueOf(admin)).toEqual([a, b, c]);
    for (const id of [a, b, c]) await fix(eva, id!);
    expect(await workOf(eva, [orgId])).toEqual([a, b, c]);

    const moved = await admin.call<PlacementAnswer>('POST', `/requests/${c}/move`, { to: 'top' });
    expect(moved).toMatchObject({ status: 200, body: { orgId, requestId: c, after: null, before: a, moved: true } });
    expect(await queueOf(admin)).toEqual([c, a, b]);
    expect(await queueOf(eva, `?orgId=${orgId}`)).toEqual([c, a, b]);
    expect(await workOf(eva, [orgId])).toEqual([c, a, b]);
    const work = (await eva.call<WorkAnswer>('GET', '/work-queue')).body.items.filter((item) => item.request.orgId === orgId);
    expect(work.map((item) => item.orgPosition)).toEqual([1, 2, 3]);

    expect((await admin.call<PlacementAnswer>('POST', `/requests/${b}/move`, { before: c })).body).toMatchObject({ after: null, before: c });
    expect(await queueOf(admin)).toEqual([b, c, a]);
    expect((await admin.call<PlacementAnswer>('POST', `/requests/${b}/move`, { after: a })).body).toMatchObject({ after: a, before: null });
    expect(await queueOf(admin)).toEqual([c, a, b]);
    expect(await workOf(eva, [orgId])).toEqual([c, a, b]);
  });

  it('records each move on the request’s timeline, for the agency to see', async () => {
    const { admin } = await freshOrganisation();
    const [a, b] = [await file(admin, 'První'), await file(admin, 'Druhý')];
    await admin.call('POST', `/requests/${b}/move`, { before: a });
    const timeline = (await eva.call('GET', `/requests/${b}/timeline`)).body.items;
    expect(timeline.filter((entry: { kind: string }) => entry.kind === 'rank_changed')).toEqual([
      expect.objectContaining({ actorId: admin.userId, actorRole: 'client_admin', details: { placement: 'before', anchor: a }, visibility: 'all' }),
    ]);
    expect((await admin.call('GET', `/requests/${a}/timeline`)).body.items.some((entry: { kind: string }) => entry.kind === 'rank_changed')).toBe(false);
  });

  it('puts new requests at the end and drops finished ones', async () => {
    const { admin } = await freshOrganisation();
    const [a, b] = [await file(admin, 'A'), await file(admin, 'B')];
    await admin.call('POST', `/requests/${b}/move`, { to: 'top' });
    const c = await file(admin, 'C');
    expect(await queueOf(admin)).toEqual([b, a, c]);
    expect((await admin.call('POST', `/requests/${a}/cancel`, {})).status).toBe(200);
    expect(await queueOf(admin)).toEqual([b, c]);
  });

  it('answers a move onto the place it already has without writing anything', async () => {
    const { admin } = await freshOrganisation();
    const [a, b] = [await file(admin, 'A'), await file(admin, 'B')];
    expect((await admin.call<PlacementAnswer>('POST', `/requests/${b}/move`, { after: a })).body).toEqual({ orgId: expect.any(String), requestId: b, after: a, before: null, moved: false });
    expect((await admin.call<PlacementAnswer>('POST', `/requests/${a}/move`, { to: 'top' })).body).toMatchObject({ after: null, before: b, moved: false });
    expect((await admin.call('GET', `/requests/${b}/timeline`)).body.items.some((entry: { kind: string }) => entry.kind === 'rank_changed')).toBe(false);
  });

  it('sets the whole order at once and refuses an order that leaves a request out', async () => {
    const { admin } = await freshOrganisation();
    const ids = [await file(admin, 'A'), await file(admin, 'B'), await file(admin, 'C'), await file(admin, 'D')];
    const reversed = [...ids].reverse();
    const set = await admin.call<QueueAnswer>('PUT', '/queue', { order: reversed });
    expect(set.status).toBe(200);
    expect(set.body.items.map((item) => item.request.requestId)).toEqual(reversed);
    expect(await queueOf(admin)).toEqual(reversed);

    const partial = await admin.call('PUT', '/queue', { order: reversed.slice(1) });
    expect(partial).toMatchObject({ status: 409, body: { error: { message: expect.stringContaining(reversed[0]!), next: expect.stringMatching(/reload/i) } } });
    const twice = await admin.call('PUT', '/queue', { order: [...reversed, reversed[0]] });
    expect(twice).toMatchObject({ status: 400, body: { error: { details: [{ field: 'body.order', reason: expect.stringContaining('more than once') }] } } });
    expect(await queueOf(admin)).toEqual(reversed);
  });
});

describe('who may rank', () => {
  it('gives a member 403 until the organisation allows members to rank', async () => {
    const { orgId, admin, member } = await freshOrganisation();
    const [a, b] = [await file(admin, 'A'), await file(member, 'B')];
    const refused = await member.call('POST', `/requests/${b}/move`, { to: 'top' });
    expect(refused).toMatchObject({ status: 403, body: { error: { message: expect.stringMatching(/admins/) } } });
    expect((await member.call('PUT', '/queue', { order: [b, a] })).status).toBe(403);
    expect((await member.call<QueueAnswer>('GET', '/queue')).body.mayRank).toBe(false);
    expect(await queueOf(member)).toEqual([a, b]);

    expect((await member.call('PATCH', `/orgs/${orgId}/settings`, { membersMayRank: true })).status).toBe(403);
    expect(await admin.call('PATCH', `/orgs/${orgId}/settings`, {})).toMatchObject({ status: 400, body: { error: { details: [{ reason: 'name at least one setting' }] } } });
    expect(await admin.call('PATCH', `/orgs/${orgId}/settings`, { membersMayRank: true })).toMatchObject({
      status: 200,
      body: { orgId, settings: { membersMayRank: true } },
    });
    expect((await member.call<QueueAnswer>('GET', '/queue')).body.mayRank).toBe(true);
    expect((await member.call('POST', `/requests/${b}/move`, { to: 'top' })).status).toBe(200);
    expect(await queueOf(admin)).toEqual([b, a]);
  });

  it('leaves the ranking to the client: agency staff get 403 and change settings only as admins', async () => {
    const { orgId, admin } = await freshOrganisation();
    const a = await file(admin, 'A');
    expect((await eva.call('POST', `/requests/${a}/move`, { to: 'top' })).status).toBe(403);
    expect((await eva.call('PATCH', `/orgs/${orgId}/settings`, { membersMayRank: true })).status).toBe(403);
    const tomas = await asDemoUser(people.admin);
    expect((await tomas.call('PATCH', `/orgs/${orgId}/settings`, { membersMayRank: true })).status).toBe(200);
    expect((await eva.call('GET', `/orgs/${orgId}`)).body.settings).toEqual({ membersMayRank: true });
  });

  it('does not let a request of another organisation be referenced (404, nothing revealed)', async () => {
    const { orgId, admin } = await freshOrganisation();
    const other = await freshOrganisation('Other');
    const mine = await file(admin, 'Moje tajná zakázka');
    const theirs = await file(other.admin, 'Jejich tajná zakázka');
    const answers = [
      await admin.call('POST', `/requests/${mine}/move`, { before: theirs }),
      await admin.call('POST', `/requests/${theirs}/move`, { to: 'top' }),
      await admin.call('PUT', '/queue', { order: [mine, theirs] }),
      await other.admin.call('POST', `/requests/${mine}/move`, { to: 'bottom' }),
      await other.admin.call('GET', `/queue?orgId=${orgId}`),
      await other.admin.call('GET', `/orgs/${orgId}`),
      await other.admin.call('PATCH', `/orgs/${orgId}/settings`, { membersMayRank: true }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(JSON.stringify(answer.body)).not.toMatch(/tajná/);
    }
    expect(await queueOf(admin)).toEqual([mine]);
  });

  it('refuses a request the caller sees only as an invited participant with a 403, not a 409', async () => {
    const { admin } = await freshOrganisation();
    const other = await freshOrganisation('Inviting');
    const mine = await file(admin, 'Moje');
    const theirs = await file(other.admin, 'Jejich, kam jsem pozvána');
    const me = (await admin.call('GET', '/me')).body as { email: string };
    expect((await other.admin.call('POST', `/requests/${theirs}/participants`, { email: me.email })).status).toBe(201);
    const answers = [
      await admin.call('POST', `/requests/${theirs}/move`, { to: 'top' }),
      await admin.call('POST', `/requests/${mine}/move`, { before: theirs }),
      await admin.call('PUT', '/queue', { order: [mine, theirs] }),
    ];
    for (const answer of answers) expect(answer).toMatchObject({ status: 403, body: { error: { code: 'forbidden', message: expect.stringMatching(/your own organisation/) } } });
    expect(await queueOf(admin)).toEqual([mine]);
    expect(await queueOf(other.admin)).toEqual([theirs]);
  });

  it('refuses to rank a finished request (409) or a request before itself (400)', async () => {
    const { admin } = await freshOrganisation();
    const [a, b] = [await file(admin, 'A'), await file(admin, 'B')];
    await admin.call('POST', `/requests/${a}/cancel`, {});
    expect(await admin.call('POST', `/requests/${a}/move`, { to: 'top' })).toMatchObject({ status: 409, body: { error: { message: expect.stringMatching(/cancelled/) } } });
    expect((await admin.call('POST', `/requests/${b}/move`, { before: a })).status).toBe(409);
    expect(await admin.call('POST', `/requests/${b}/move`, { before: b })).toMatchObject({ status: 400, body: { error: { details: [{ field: 'body.before' }] } } });
    expect(await admin.call('POST', `/requests/${b}/move`, { before: a, to: 'top' })).toMatchObject({ status: 400 });
    expect(await admin.call('POST', `/requests/${b}/move`, {})).toMatchObject({ status: 400 });
  });
});

describe('a long queue', () => {
  it('is read a page at a time, positions numbered across pages, every request once', async () => {
    const { admin } = await freshOrganisation('Pages');
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await file(admin, `Stránka ${i}`));
    const seen: { position: number; requestId: string }[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const answer = await admin.call<QueueAnswer & { nextCursor?: string }>('GET', `/queue?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(answer.status).toBe(200);
      // Full pages, except the last.
      expect(answer.body.items.length).toBe(answer.body.nextCursor ? 3 : 1);
      seen.push(...answer.body.items.map((item) => ({ position: item.position, requestId: item.request.requestId })));
      cursor = answer.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(ids.map((requestId, i) => ({ position: i + 1, requestId })));
  });

  it('moves a request far across the queue and reads only around the gap', async () => {
    const { admin } = await freshOrganisation('Far');
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await file(admin, `Daleko ${i}`));
    expect((await admin.call<PlacementAnswer>('POST', `/requests/${ids[11]}/move`, { after: ids[2] })).body).toMatchObject({ after: ids[2], before: ids[3], moved: true });
    expect((await admin.call<PlacementAnswer>('POST', `/requests/${ids[0]}/move`, { before: ids[10] })).body).toMatchObject({ after: ids[9], before: ids[10], moved: true });
    expect(await queueOf(admin, '?limit=100')).toEqual([ids[1], ids[2], ids[11], ...ids.slice(3, 10), ids[0], ids[10]]);
  });

  it('refuses a cursor of another list or a forged one with a 400 naming cursor', async () => {
    const { admin } = await freshOrganisation('Cursor');
    for (let i = 0; i < 3; i++) await file(admin, `Kurzor ${i}`);
    const listCursor = (await admin.call('GET', '/requests?limit=1')).body.nextCursor as string;
    const forged = Buffer.from(JSON.stringify({ list: 'queue', at: { rank: 'a0', requestId: '2026-0001', position: -5 } })).toString('base64url');
    for (const cursor of [listCursor, forged, 'x']) {
      expect(await admin.call('GET', `/queue?cursor=${cursor}`)).toMatchObject({ status: 400, body: { error: { details: [{ field: 'query.cursor' }] } } });
    }
    for (const limit of ['0x10', '1e1', '+5', '0', '201']) {
      expect(await admin.call('GET', `/queue?limit=${encodeURIComponent(limit)}`)).toMatchObject({ status: 400, body: { error: { details: [{ field: 'query.limit' }] } } });
    }
  });
});

describe('the agency’s work queue', () => {
  it('keeps each client’s order and interleaves clients by when their head request became ready', async () => {
    const p = await freshOrganisation('First');
    const q = await freshOrganisation('Second');
    const [p1, p2] = [await file(p.admin, 'P1'), await file(p.admin, 'P2')];
    const [q1, q2] = [await file(q.admin, 'Q1'), await file(q.admin, 'Q2')];
    for (const id of [p1, q1, p2, q2]) await fix(eva, id!);
    const orgs = [p.orgId, q.orgId];
    // Ready at: p1 < q1 < p2 < q2.
    expect(await workOf(eva, orgs)).toEqual([p1, q1, p2, q2]);
    expect(await workOf(eva, orgs, '?policy=round-robin')).toEqual([p1, q1, p2, q2]);
    // P puts its later request first: P's head is now p2, ready after Q's head q1.
    await p.admin.call('POST', `/requests/${p2}/move`, { to: 'top' });
    expect(await workOf(eva, orgs)).toEqual([q1, p2, p1, q2]);
    expect(await workOf(eva, orgs, '?policy=round-robin')).toEqual([q1, p2, q2, p1]);
    expect((await eva.call<WorkAnswer>('GET', '/work-queue?policy=round-robin')).body.policy).toBe('round-robin');
    expect((await eva.call<WorkAnswer>('GET', '/work-queue')).body.policy).toBe('first-ready');
  });

  it('lets the first ready client go first under first-ready, and take turns under round robin', async () => {
    const p = await freshOrganisation('Early');
    const q = await freshOrganisation('Late');
    const ps = [await file(p.admin, 'P1'), await file(p.admin, 'P2'), await file(p.admin, 'P3')];
    const q1 = await file(q.admin, 'Q1');
    for (const id of ps) await fix(eva, id);
    await fix(eva, q1);
    const orgs = [p.orgId, q.orgId];
    expect(await workOf(eva, orgs)).toEqual([...ps, q1]);
    expect(await workOf(eva, orgs, '?policy=round-robin')).toEqual([ps[0], q1, ps[1], ps[2]]);
  });

  it('filters by assignee and keeps each request’s place in the whole queue', async () => {
    const { orgId, admin } = await freshOrganisation();
    const [a, b] = [await file(admin, 'A'), await file(admin, 'B')];
    for (const id of [a, b]) await fix(eva, id);
    expect(await eva.call('PUT', `/requests/${b}/assignee`, { assigneeId: eva.userId })).toMatchObject({ status: 200, body: { assigneeId: eva.userId } });
    const all = (await eva.call<WorkAnswer>('GET', '/work-queue')).body.items;
    const mine = (await eva.call<WorkAnswer>('GET', '/work-queue?assignee=me')).body.items;
    expect(mine.find((item) => item.request.requestId === b)?.position).toBe(all.find((item) => item.request.requestId === b)?.position);
    expect(mine.every((item) => item.request.assigneeId === eva.userId)).toBe(true);
    expect(mine.some((item) => item.request.requestId === a)).toBe(false);
    expect((await eva.call<WorkAnswer>('GET', '/work-queue?assignee=none')).body.items.some((item) => item.request.requestId === a)).toBe(true);
    expect(await workOf(eva, [orgId], `?assignee=${eva.userId}`)).toEqual([b]);

    const timeline = (await admin.call('GET', `/requests/${b}/timeline`)).body.items;
    expect(timeline.some((entry: { kind: string }) => entry.kind === 'assignee_changed')).toBe(true);
    expect(await eva.call('PUT', `/requests/${b}/assignee`, { assigneeId: admin.userId })).toMatchObject({
      status: 400,
      body: { error: { details: [{ field: 'body.assigneeId' }] } },
    });
    expect((await admin.call('PUT', `/requests/${b}/assignee`, { assigneeId: eva.userId })).status).toBe(403);
    const unassigned = await eva.call('PUT', `/requests/${b}/assignee`, { assigneeId: null });
    expect(unassigned.status).toBe(200);
    expect(unassigned.body).not.toHaveProperty('assigneeId');
  });

  it('is for agency staff only', async () => {
    const { admin, member } = await freshOrganisation();
    expect((await admin.call('GET', '/work-queue')).status).toBe(403);
    expect((await member.call('GET', '/work-queue')).status).toBe(403);
    expect((await eva.call('GET', '/queue')).status).toBe(400);
  });
});
