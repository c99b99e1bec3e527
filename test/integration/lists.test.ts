import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../lib/http/routes.js';
import { asDemoUser, newInquiry, ok, people, type Client, type QueryOf } from '../support/api-client.js';

let olga: Client;
let eva: Client;
const tag = randomUUID().slice(0, 8);
const created: string[] = [];

beforeAll(async () => {
  olga = await asDemoUser(people.otherOrgAdmin);
  eva = await asDemoUser(people.agent);
  for (const [i, type] of (['inquiry', 'defect', 'inquiry', 'authorized', 'inquiry'] as const).entries()) {
    const answer = await olga.send(routes.createRequest, { body: { ...newInquiry(`Úprava ${tag} číslo ${i}`), type } });
    created.push(ok(answer).requestId);
  }
  await olga.send(routes.cancelRequest, { path: { requestId: created[2]! } });
});

const walk = async (client: Client, query: QueryOf<typeof routes.listRequests>) => {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const answer = await client.send(routes.listRequests, { query: { ...query, limit: 2, cursor } });
    expect(answer.status).toBe(200);
    const page = ok(answer);
    expect(page.items.length).toBeLessThanOrEqual(2);
    ids.push(...page.items.map((r) => r.requestId));
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 50);
  return ids;
};

describe('request lists', () => {
  it('pages through an organisation’s requests newest first, each once', async () => {
    expect(await walk(olga, { q: tag })).toEqual([...created].reverse());
  });

  it('filters by status and type, and finds titles without caring for case or diacritics', async () => {
    expect(await walk(olga, { q: tag, status: 'cancelled' })).toEqual([created[2]]);
    expect(await walk(olga, { q: tag, type: 'defect' })).toEqual([created[1]]);
    expect(await walk(olga, { q: `UPRAVA ${tag} CISLO 3` })).toEqual([created[3]]);
  });

  it('lets agency staff list every organisation or one', async () => {
    expect(await walk(eva, { q: tag })).toEqual([...created].reverse());
    expect(await walk(eva, { q: tag, orgId: 'org-acme' })).toEqual([]);
    expect(await walk(eva, { q: tag, orgId: 'org-beta', type: 'inquiry' })).toEqual([created[4], created[2], created[0]]);
  });

  it('refuses a cursor it did not give out', async () => {
    const answer = await olga.send(routes.listRequests, { query: { cursor: 'bm90LWEtY3Vyc29y' } });
    expect(answer).toMatchObject({ status: 400, error: { details: [{ field: 'query.cursor' }] } });
  });
});

describe('the timeline', () => {
  it('pages through messages and activity in time order', async () => {
    const path = { requestId: created[0]! };
    for (let i = 0; i < 5; i++) await olga.send(routes.postMessage, { path, body: { body: `zpráva ${i}` } });
    const bodies: string[] = [];
    let cursor: string | undefined;
    do {
      const page = ok(await olga.send(routes.listTimeline, { path, query: { limit: 2, cursor } }));
      bodies.push(...page.items.map((e) => e.body ?? e.kind));
      cursor = page.nextCursor;
    } while (cursor);
    expect(bodies).toEqual(['request_created', 'zpráva 0', 'zpráva 1', 'zpráva 2', 'zpráva 3', 'zpráva 4']);
  });
});
