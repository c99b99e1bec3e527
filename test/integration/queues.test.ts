import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../lib/http/routes.js';
import { asDemoUser, ok, people, type BodyOf, type Client, type NewRequest, type QueryOf, type SignedIn } from '../support/api-client.js';
import { freshOrganisation } from '../support/fresh-organisation.js';

const defect = (title: string): NewRequest => ({ type: 'defect', title: `Oprava ${title}`, description: 'Nefunguje to.', platform: 'digimadi' });

const file = async (client: Client, title: string): Promise<string> => {
  const answer = await client.send(routes.createRequest, { body: defect(title) });
  expect(answer.status).toBe(201);
  return ok(answer).requestId;
};

const queueOf = async (client: Client, query: QueryOf<typeof routes.getQueue> = {}): Promise<string[]> => {
  const answer = await client.send(routes.getQueue, { query });
  expect(answer.status).toBe(200);
  const { items } = ok(answer);
  expect(items.map((item) => item.position)).toEqual(items.map((_, i) => i + 1));
  return items.map((item) => item.request.requestId);
};

/** The work queue restricted to some organisations (other tests' ready work shares it). */
const workOf = async (agent: Client, orgIds: string[], query: QueryOf<typeof routes.getWorkQueue> = {}): Promise<string[]> => {
  const answer = await agent.send(routes.getWorkQueue, { query });
  expect(answer.status).toBe(200);
  return ok(answer).items.filter((item) => orgIds.includes(item.request.orgId)).map((item) => item.request.requestId);
};

/** The agency starts fixing a defect: it becomes ready work, in progress. */
const fix = async (agent: Client, requestId: string) => {
  expect((await agent.send(routes.takeAction, { path: { requestId }, body: { action: 'fix' } })).status).toBe(200);
};

const move = (client: Client, requestId: string, body: BodyOf<typeof routes.moveRequest>) => client.send(routes.moveRequest, { path: { requestId }, body });

const timelineOf = async (client: Client, requestId: string) => ok(await client.send(routes.listTimeline, { path: { requestId } })).items;

let eva: SignedIn;
beforeAll(async () => {
  eva = await asDemoUser(people.agent);
});

describe('the client’s queue and the agency’s work queue', () => {
  it('ranks three requests, moves the last to the top, and both queues show the new order', async () => {
    const { orgId, admin } = await freshOrganisation();
    const [a, b, c] = [await file(admin, 'Košík'), await file(admin, 'Platby'), await file(admin, 'Doprava')];
    expect(await queueOf(admin)).toEqual([a, b, c]);
    for (const id of [a, b, c]) await fix(eva, id);
    expect(await workOf(eva, [orgId])).toEqual([a, b, c]);

    const moved = await move(admin, c, { to: 'top' });
    expect(moved).toMatchObject({ status: 200, data: { orgId, requestId: c, after: null, before: a, moved: true } });
    expect(await queueOf(admin)).toEqual([c, a, b]);
    expect(await queueOf(eva, { orgId })).toEqual([c, a, b]);
    expect(await workOf(eva, [orgId])).toEqual([c, a, b]);
    const work = ok(await eva.send(routes.getWorkQueue)).items.filter((item) => item.request.orgId === orgId);
    expect(work.map((item) => item.orgPosition)).toEqual([1, 2, 3]);

    expect(ok(await move(admin, b, { before: c }))).toMatchObject({ after: null, before: c });
    expect(await queueOf(admin)).toEqual([b, c, a]);
    expect(ok(await move(admin, b, { after: a }))).toMatchObject({ after: a, before: null });
    expect(await queueOf(admin)).toEqual([c, a, b]);
    expect(await workOf(eva, [orgId])).toEqual([c, a, b]);
  });

  it('records each move on the request’s timeline, for the agency to see', async () => {
    const { admin } = await freshOrganisation();
    const [a, b] = [await file(admin, 'První'), await file(admin, 'Druhý')];
    await move(admin, b, { before: a });
    const timeline = await timelineOf(eva, b);
    expect(timeline.filter((entry) => entry.kind === 'rank_changed')).toEqual([
      expect.objectContaining({ actorId: admin.userId, actorRole: 'client_admin', details: { placement: 'before', anchor: a }, visibility: 'all' }),
    ]);
    expect((await timelineOf(admin, a)).some((entry) => entry.kind === 'rank_changed')).toBe(false);
  });

  it('puts new requests at the end and drops finished ones', async () => {
    const { admin } = await freshOrganisation();
    const [a, b] = [await file(admin, 'A'), await file(admin, 'B')];
    await move(admin, b, { to: 'top' });
    const c = await file(admin, 'C');
    expect(await queueOf(admin)).toEqual([b, a, c]);
    expect((await admin.send(routes.cancelRequest, { path: { requestId: a }, body: {} })).status).toBe(200);
    expect(await queueOf(admin)).toEqual([b, c]);
  });

  it('answers a move onto the place it already has without writing anything', async () => {
    const { admin } = await freshOrganisation();
    const [a, b] = [await file(admin, 'A'), await file(admin, 'B')];
    expect(ok(await move(admin, b, { after: a }))).toEqual({ orgId: expect.any(String), requestId: b, after: a, before: null, moved: false });
    expect(ok(await move(admin, a, { to: 'top' }))).toMatchObject({ after: null, before: b, moved: false });
    expect((await timelineOf(admin, b)).some((entry) => entry.kind === 'rank_changed')).toBe(false);
  });

  it('sets the whole order at once and refuses an order that leaves a request out', async () => {
    const { admin } = await freshOrganisation();
    const ids = [await file(admin, 'A'), await file(admin, 'B'), await file(admin, 'C'), await file(admin, 'D')];
    const reversed = [...ids].reverse();
    const set = await admin.send(routes.setQueueOrder, { body: { order: reversed } });
    expect(set.status).toBe(200);
    expect(ok(set).items.map((item) => item.request.requestId)).toEqual(reversed);
    expect(await queueOf(admin)).toEqual(reversed);

    const partial = await admin.send(routes.setQueueOrder, { body: { order: reversed.slice(1) } });
    expect(partial).toMatchObject({ status: 409, error: { message: expect.stringContaining(reversed[0]!), next: expect.stringMatching(/reload/i) } });
    const twice = await admin.send(routes.setQueueOrder, { body: { order: [...reversed, reversed[0]!] } });
    expect(twice).toMatchObject({ status: 400, error: { details: [{ field: 'body.order', reason: expect.stringContaining('more than once') }] } });
    expect(await queueOf(admin)).toEqual(reversed);
  });
});

describe('who may rank', () => {
  it('gives a member 403 until the organisation allows members to rank', async () => {
    const { orgId, admin, member } = await freshOrganisation();
    const [a, b] = [await file(admin, 'A'), await file(member, 'B')];
    const refused = await move(member, b, { to: 'top' });
    expect(refused).toMatchObject({ status: 403, error: { message: expect.stringMatching(/admins/) } });
    expect((await member.send(routes.setQueueOrder, { body: { order: [b, a] } })).status).toBe(403);
    expect(ok(await member.send(routes.getQueue)).mayRank).toBe(false);
    expect(await queueOf(member)).toEqual([a, b]);

    const settings = (client: Client, body: BodyOf<typeof routes.updateOrganisationSettings>) =>
      client.send(routes.updateOrganisationSettings, { path: { orgId }, body });
    expect((await settings(member, { membersMayRank: true })).status).toBe(403);
    expect(await settings(admin, {})).toMatchObject({ status: 400, error: { details: [{ reason: 'name at least one setting' }] } });
    expect(await settings(admin, { membersMayRank: true })).toMatchObject({
      status: 200,
      data: { orgId, settings: { membersMayRank: true } },
    });
    expect(ok(await member.send(routes.getQueue)).mayRank).toBe(true);
    expect((await move(member, b, { to: 'top' })).status).toBe(200);
    expect(await queueOf(admin)).toEqual([b, a]);
  });

  it('leaves the ranking to the client: agency staff get 403 and change settings only as admins', async () => {
    const { orgId, admin } = await freshOrganisation();
    const a = await file(admin, 'A');
    expect((await move(eva, a, { to: 'top' })).status).toBe(403);
    expect((await eva.send(routes.updateOrganisationSettings, { path: { orgId }, body: { membersMayRank: true } })).status).toBe(403);
    const tomas = await asDemoUser(people.admin);
    expect((await tomas.send(routes.updateOrganisationSettings, { path: { orgId }, body: { membersMayRank: true } })).status).toBe(200);
    expect(ok(await eva.send(routes.getOrganisation, { path: { orgId } })).settings).toEqual({ membersMayRank: true, membersMayAcceptOffers: false });
  });

  it('does not let a request of another organisation be referenced (404, nothing revealed)', async () => {
    const { orgId, admin } = await freshOrganisation();
    const other = await freshOrganisation('Other');
    const mine = await file(admin, 'Moje tajná zakázka');
    const theirs = await file(other.admin, 'Jejich tajná zakázka');
    const answers = [
      await move(admin, mine, { before: theirs }),
      await move(admin, theirs, { to: 'top' }),
      await admin.send(routes.setQueueOrder, { body: { order: [mine, theirs] } }),
      await move(other.admin, mine, { to: 'bottom' }),
      await other.admin.send(routes.getQueue, { query: { orgId } }),
      await other.admin.send(routes.getOrganisation, { path: { orgId } }),
      await other.admin.send(routes.updateOrganisationSettings, { path: { orgId }, body: { membersMayRank: true } }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(JSON.stringify(answer)).not.toMatch(/tajná/);
    }
    expect(await queueOf(admin)).toEqual([mine]);
  });

  it('refuses a request the caller sees only as an invited participant with a 403, not a 409', async () => {
    const { admin } = await freshOrganisation();
    const other = await freshOrganisation('Inviting');
    const mine = await file(admin, 'Moje');
    const theirs = await file(other.admin, 'Jejich, kam jsem pozvána');
    const me = ok(await admin.send(routes.getMe));
    expect((await other.admin.send(routes.inviteParticipant, { path: { requestId: theirs }, body: { email: me.email } })).status).toBe(201);
    const answers = [
      await move(admin, theirs, { to: 'top' }),
      await move(admin, mine, { before: theirs }),
      await admin.send(routes.setQueueOrder, { body: { order: [mine, theirs] } }),
    ];
    for (const answer of answers) expect(answer).toMatchObject({ status: 403, error: { code: 'forbidden', message: expect.stringMatching(/your own organisation/) } });
    expect(await queueOf(admin)).toEqual([mine]);
    expect(await queueOf(other.admin)).toEqual([theirs]);
  });

  it('refuses to rank a finished request (409) or a request before itself (400)', async () => {
    const { admin } = await freshOrganisation();
    const [a, b] = [await file(admin, 'A'), await file(admin, 'B')];
    await admin.send(routes.cancelRequest, { path: { requestId: a }, body: {} });
    expect(await move(admin, a, { to: 'top' })).toMatchObject({ status: 409, error: { message: expect.stringMatching(/cancelled/) } });
    expect((await move(admin, b, { before: a })).status).toBe(409);
    expect(await move(admin, b, { before: b })).toMatchObject({ status: 400, error: { details: [{ field: 'body.before' }] } });
    expect(await move(admin, b, { before: a, to: 'top' })).toMatchObject({ status: 400 });
    expect(await move(admin, b, {})).toMatchObject({ status: 400 });
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
      const answer = await admin.send(routes.getQueue, { query: { limit: 3, cursor } });
      expect(answer.status).toBe(200);
      const page = ok(answer);
      // Full pages, except the last.
      expect(page.items.length).toBe(page.nextCursor ? 3 : 1);
      seen.push(...page.items.map((item) => ({ position: item.position, requestId: item.request.requestId })));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(ids.map((requestId, i) => ({ position: i + 1, requestId })));
  });

  it('moves a request far across the queue and reads only around the gap', async () => {
    const { admin } = await freshOrganisation('Far');
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await file(admin, `Daleko ${i}`));
    expect(ok(await move(admin, ids[11]!, { after: ids[2] }))).toMatchObject({ after: ids[2], before: ids[3], moved: true });
    expect(ok(await move(admin, ids[0]!, { before: ids[10] }))).toMatchObject({ after: ids[9], before: ids[10], moved: true });
    expect(await queueOf(admin, { limit: 100 })).toEqual([ids[1], ids[2], ids[11], ...ids.slice(3, 10), ids[0], ids[10]]);
  });

  it('refuses a cursor of another list or a forged one with a 400 naming cursor', async () => {
    const { admin } = await freshOrganisation('Cursor');
    for (let i = 0; i < 3; i++) await file(admin, `Kurzor ${i}`);
    const listCursor = ok(await admin.send(routes.listRequests, { query: { limit: 1 } })).nextCursor!;
    const forged = Buffer.from(JSON.stringify({ list: 'queue', at: { rank: 'a0', requestId: '2026-0001', position: -5 } })).toString('base64url');
    for (const cursor of [listCursor, forged, 'x']) {
      expect(await admin.send(routes.getQueue, { query: { cursor } })).toMatchObject({ status: 400, error: { details: [{ field: 'query.cursor' }] } });
    }
    for (const limit of ['0x10', '1e1', '+5', '0', '201']) {
      expect(await admin.send(routes.getQueue, { query: { limit } })).toMatchObject({ status: 400, error: { details: [{ field: 'query.limit' }] } });
    }
  });
});

describe('the agency’s work queue', () => {
  it('keeps each client’s order and interleaves clients by when their head request became ready', async () => {
    const p = await freshOrganisation('First');
    const q = await freshOrganisation('Second');
    const [p1, p2] = [await file(p.admin, 'P1'), await file(p.admin, 'P2')];
    const [q1, q2] = [await file(q.admin, 'Q1'), await file(q.admin, 'Q2')];
    for (const id of [p1, q1, p2, q2]) await fix(eva, id);
    const orgs = [p.orgId, q.orgId];
    // Ready at: p1 < q1 < p2 < q2.
    expect(await workOf(eva, orgs)).toEqual([p1, q1, p2, q2]);
    expect(await workOf(eva, orgs, { policy: 'round-robin' })).toEqual([p1, q1, p2, q2]);
    // P puts its later request first: P's head is now p2, ready after Q's head q1.
    await move(p.admin, p2, { to: 'top' });
    expect(await workOf(eva, orgs)).toEqual([q1, p2, p1, q2]);
    expect(await workOf(eva, orgs, { policy: 'round-robin' })).toEqual([q1, p2, q2, p1]);
    expect(ok(await eva.send(routes.getWorkQueue, { query: { policy: 'round-robin' } })).policy).toBe('round-robin');
    expect(ok(await eva.send(routes.getWorkQueue)).policy).toBe('first-ready');
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
    expect(await workOf(eva, orgs, { policy: 'round-robin' })).toEqual([ps[0], q1, ps[1], ps[2]]);
  });

  it('filters by assignee and keeps each request’s place in the whole queue', async () => {
    const { orgId, admin } = await freshOrganisation();
    const [a, b] = [await file(admin, 'A'), await file(admin, 'B')];
    for (const id of [a, b]) await fix(eva, id);
    // Whoever starts work nobody has is assigned to it: both are Eva's now, and A goes back to nobody.
    expect(ok(await eva.send(routes.getRequest, { path: { requestId: a } })).assigneeId).toBe(eva.userId);
    const assign = (client: Client, assigneeId: string | null, requestId = b) => client.send(routes.assignRequest, { path: { requestId }, body: { assigneeId } });
    expect(ok(await assign(eva, null, a))).not.toHaveProperty('assigneeId');
    expect(await assign(eva, eva.userId)).toMatchObject({ status: 200, data: { assigneeId: eva.userId } });
    const all = ok(await eva.send(routes.getWorkQueue)).items;
    const mine = ok(await eva.send(routes.getWorkQueue, { query: { assignee: 'me' } })).items;
    expect(mine.find((item) => item.request.requestId === b)?.position).toBe(all.find((item) => item.request.requestId === b)?.position);
    expect(mine.every((item) => item.request.assigneeId === eva.userId)).toBe(true);
    expect(mine.some((item) => item.request.requestId === a)).toBe(false);
    expect(ok(await eva.send(routes.getWorkQueue, { query: { assignee: 'none' } })).items.some((item) => item.request.requestId === a)).toBe(true);
    expect(await workOf(eva, [orgId], { assignee: eva.userId })).toEqual([b]);

    const timeline = await timelineOf(admin, a);
    expect(timeline.some((entry) => entry.kind === 'assignee_changed')).toBe(true);
    expect(await assign(eva, admin.userId!)).toMatchObject({
      status: 400,
      error: { details: [{ field: 'body.assigneeId' }] },
    });
    expect((await assign(admin, eva.userId)).status).toBe(403);
    const unassigned = await assign(eva, null);
    expect(unassigned.status).toBe(200);
    expect(ok(unassigned)).not.toHaveProperty('assigneeId');
  });

  it('filters by organisation, alone or with the assignee, and keeps each request’s place in the whole queue', async () => {
    const [p, q] = [await freshOrganisation(), await freshOrganisation()];
    const q1 = await file(q.admin, 'Q1');
    await fix(eva, q1);
    const [p1, p2] = [await file(p.admin, 'P1'), await file(p.admin, 'P2')];
    for (const id of [p1, p2]) await fix(eva, id);
    // Starting the work made Eva its assignee; P2 goes back to nobody.
    ok(await eva.send(routes.assignRequest, { path: { requestId: p2 }, body: { assigneeId: null } }));

    const ones = ok(await eva.send(routes.getWorkQueue, { query: { orgId: p.orgId } })).items;
    expect(ones.map((item) => item.request.requestId)).toEqual([p1, p2]);
    expect(ones.map((item) => item.orgPosition)).toEqual([1, 2]);
    // First come, first served: Q1 (and whatever other tests made ready before) stays ahead of P's work, and the positions say so.
    expect(ones[0]!.position).toBeGreaterThanOrEqual(2);
    expect(ones[1]!.position).toBeGreaterThan(ones[0]!.position);

    expect(await workOf(eva, [p.orgId, q.orgId], { orgId: p.orgId, assignee: 'me' })).toEqual([p1]);
    expect(await workOf(eva, [p.orgId, q.orgId], { orgId: p.orgId, assignee: 'none' })).toEqual([p2]);
    expect(await workOf(eva, [p.orgId, q.orgId], { orgId: q.orgId, assignee: 'none' })).toEqual([]);
    expect(ok(await eva.send(routes.getWorkQueue, { query: { orgId: 'org-with-no-work' } })).items).toEqual([]);
    expect((await p.admin.send(routes.getWorkQueue, { query: { orgId: p.orgId } })).status).toBe(403);
  });

  it('is for agency staff only', async () => {
    const { admin, member } = await freshOrganisation();
    expect((await admin.send(routes.getWorkQueue)).status).toBe(403);
    expect((await member.send(routes.getWorkQueue)).status).toBe(403);
    expect((await eva.send(routes.getQueue)).status).toBe(400);
  });
});
