import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { asDemoUser, newInquiry, people, type Client } from '../support/api-client.js';

let olga: Client;
let eva: Client;
const tag = randomUUID().slice(0, 8);
const created: string[] = [];

beforeAll(async () => {
  olga = await asDemoUser(people.otherOrgAdmin);
  eva = await asDemoUser(people.agent);
  for (const [i, type] of (['inquiry', 'defect', 'inquiry', 'authorized', 'inquiry'] as const).entries()) {
    const answer = await olga.call('POST', '/requests', { ...newInquiry(`Úprava ${tag} číslo ${i}`), type });
    created.push(answer.body.requestId);
  }
  await olga.call('POST', `/requests/${created[2]}/cancel`);
});

const walk = async (client: Client, query: string) => {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const answer = await client.call('GET', `/requests?${query}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(answer.status).toBe(200);
    expect(answer.body.items.length).toBeLessThanOrEqual(2);
    ids.push(...answer.body.items.map((r: { requestId: string }) => r.requestId));
    cursor = answer.body.nextCursor;
    pages++;
  } while (cursor && pages < 50);
  return ids;
};

describe('request lists', () => {
  it('pages through an organisation’s requests newest first, each once', async () => {
    expect(await walk(olga, `q=${tag}`)).toEqual([...created].reverse());
  });

  it('filters by status and type, and finds titles without caring for case or diacritics', async () => {
    expect(await walk(olga, `q=${tag}&status=cancelled`)).toEqual([created[2]]);
    expect(await walk(olga, `q=${tag}&type=defect`)).toEqual([created[1]]);
    expect(await walk(olga, `q=UPRAVA%20${tag}%20CISLO%203`)).toEqual([created[3]]);
  });

  it('lets agency staff list every organisation or one', async () => {
    expect(await walk(eva, `q=${tag}`)).toEqual([...created].reverse());
    expect(await walk(eva, `q=${tag}&orgId=org-acme`)).toEqual([]);
    expect(await walk(eva, `q=${tag}&orgId=org-beta&type=inquiry`)).toEqual([created[4], created[2], created[0]]);
  });

  it('refuses a cursor it did not give out', async () => {
    const answer = await olga.call('GET', '/requests?cursor=bm90LWEtY3Vyc29y');
    expect(answer).toMatchObject({ status: 400, body: { error: { details: [{ field: 'query.cursor' }] } } });
  });
});

describe('the timeline', () => {
  it('pages through messages and activity in time order', async () => {
    const id = created[0]!;
    for (let i = 0; i < 5; i++) await olga.call('POST', `/requests/${id}/messages`, { body: `zpráva ${i}` });
    const bodies: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await olga.call('GET', `/requests/${id}/timeline?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      bodies.push(...page.body.items.map((e: { kind: string; body?: string }) => e.body ?? e.kind));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(bodies).toEqual(['request_created', 'zpráva 0', 'zpráva 1', 'zpráva 2', 'zpráva 3', 'zpráva 4']);
  });
});
