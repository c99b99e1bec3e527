import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { clientQueueKey, requestKey } from '../../lib/adapters/dynamodb/keys.js';
import { asDemoUser, asInvitedPerson, newInquiry, people, type Client } from '../support/api-client.js';
import { documents, freshOrganisation, localDynamo } from '../support/fresh-organisation.js';

let jana: Client;
let eva: Client;
beforeAll(async () => {
  jana = await asDemoUser(people.clientAdmin);
  eva = await asDemoUser(people.agent);
});

const file = async (client: Client, title: string, type = 'inquiry') => {
  const answer = await client.call('POST', '/requests', { ...newInquiry(title), type });
  expect(answer.status).toBe(201);
  return answer.body.requestId as string;
};

/** Every page of a list: each one full (`limit` items) but the last. */
const pagesOf = async (client: Client, path: string, limit: number) => {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const answer = await client.call('GET', `${path}${path.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(answer.status).toBe(200);
    pages.push(answer.body.items.map((item: { requestId?: string; entryId?: string; body?: string }) => item.body ?? item.requestId ?? item.entryId));
    cursor = answer.body.nextCursor;
    if (cursor) expect(answer.body.items).toHaveLength(limit);
  } while (cursor && pages.length < 50);
  return pages;
};

describe('pages are full or the last one', () => {
  it('lists a participant’s filtered invitations in full pages, the filter applied before paging', async () => {
    const tag = randomUUID().slice(0, 8);
    const email = `pozvany.${tag}@partner.example`;
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const id = await file(jana, `Pozvánka ${tag} ${i}`, i % 3 === 0 ? 'defect' : 'inquiry');
      expect((await jana.call('POST', `/requests/${id}/participants`, { email })).status).toBe(201);
      ids.push(id);
    }
    const invited = await asInvitedPerson(email);
    const inquiries = ids.filter((_, i) => i % 3 !== 0).reverse();
    const pages = await pagesOf(invited, '/requests?scope=invited&type=inquiry', 2);
    expect(pages.flat()).toEqual(inquiries);
    expect(pages.map((page) => page.length)).toEqual([2, 2]);
    // Without a filter too: a page never ends on an empty one with a cursor.
    expect((await pagesOf(invited, '/requests?scope=invited', 7)).map((page) => page.length)).toEqual([7]);
  });

  it('gives a client full timeline pages though internal notes sit between their entries', async () => {
    const id = await file(jana, 'Časová osa s poznámkami');
    for (let i = 0; i < 4; i++) {
      await jana.call('POST', `/requests/${id}/messages`, { body: `zpráva ${i}` });
      await eva.call('POST', `/requests/${id}/messages`, { body: `interní ${i}`, internal: true });
    }
    const pages = await pagesOf(jana, `/requests/${id}/timeline`, 2);
    expect(pages.flat()).toEqual([expect.any(String), 'zpráva 0', 'zpráva 1', 'zpráva 2', 'zpráva 3']);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect((await pagesOf(eva, `/requests/${id}/timeline`, 3)).flat()).toHaveLength(9);
  });
});

describe('cursors are checked on the way in', () => {
  it('refuses a cursor of another list, or a forged one, on /requests and the timeline with a 400 naming cursor', async () => {
    const id = await file(jana, 'Kurzory');
    await file(jana, 'Kurzory 2');
    for (let i = 0; i < 3; i++) await jana.call('POST', `/requests/${id}/messages`, { body: `zpráva ${i}` });
    const listCursor = (await jana.call('GET', '/requests?limit=1')).body.nextCursor as string;
    const timelineCursor = (await jana.call('GET', `/requests/${id}/timeline?limit=1`)).body.nextCursor as string;
    const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const foreign = [
      ['/requests', timelineCursor],
      ['/requests?scope=invited', listCursor],
      [`/requests/${id}/timeline`, listCursor],
      ['/requests', forge({ pk: 'REQ#2026-0001', sk: 'REQ', gsi1sk: 'x' })],
      ['/requests', forge({ list: 'requests', at: { createdAt: '2026-01-01T00:00:00.000Z', requestId: '../../x' } })],
      [`/requests/${id}/timeline`, forge({ list: 'timeline', at: { createdAt: 'now', entryId: 'TL#' } })],
      [`/requests/${id}/timeline`, '%%%'],
    ];
    for (const [path, cursor] of foreign) {
      const answer = await jana.call('GET', `${path}${path!.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor!)}`);
      expect(answer, `${path} ${cursor}`).toMatchObject({ status: 400, body: { error: { details: [{ field: 'query.cursor' }] } } });
    }
  });

  it('takes page sizes in plain decimal digits only', async () => {
    for (const limit of ['0x10', '1e1', '+5', '-1', '0', '101', ' 5', '5.0']) {
      const answer = await jana.call('GET', `/requests?limit=${encodeURIComponent(limit)}`);
      expect(answer, limit).toMatchObject({ status: 400, body: { error: { details: [{ field: 'query.limit' }] } } });
    }
    expect((await jana.call('GET', '/requests?limit=16')).status).toBe(200);
  });
});

describe('messages are stored as written', () => {
  it('keeps leading and trailing whitespace, so a Markdown indented code block at the start survives', async () => {
    const id = await file(jana, 'Markdown');
    const body = '    const x = 1;\n    console.log(x);\n\nA ještě podpis.  \n\n';
    const posted = await jana.call('POST', `/requests/${id}/messages`, { body, format: 'markdown' });
    expect(posted).toMatchObject({ status: 201, body: { body } });
    const timeline = (await jana.call('GET', `/requests/${id}/timeline`)).body.items;
    expect(timeline.at(-1).body).toBe(body);
    expect(await jana.call('POST', `/requests/${id}/messages`, { body: ' \n\t ' })).toMatchObject({
      status: 400,
      body: { error: { details: [{ field: 'body.body', reason: expect.stringMatching(/whitespace/) }] } },
    });
  });
});

describe('a corrupt stored item', () => {
  it('is left out of a queue read, which still answers with every other request', async () => {
    const { orgId, admin } = await freshOrganisation('Corrupt');
    const [a, b] = [await file(admin, 'Dobrý A'), await file(admin, 'Dobrý B')];
    // An item in the queue's index that no longer parses as a request (no title, unknown status).
    const dynamo = localDynamo();
    await documents(dynamo).send(
      new PutCommand({
        TableName: inject('stack').tableName,
        Item: { ...requestKey('2026-999999'), ...clientQueueKey(orgId, '2026-999999', 'a1'), entity: 'request', requestId: '2026-999999', orgId, status: 'lost' },
      }),
    );
    dynamo.destroy();
    const queue = await admin.call('GET', '/queue');
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((item: { request: { requestId: string } }) => item.request.requestId)).toEqual([a, b]);
    // A move still works around it.
    expect((await admin.call('POST', `/requests/${b}/move`, { to: 'top' })).status).toBe(200);
    expect((await admin.call('GET', '/queue')).body.items.map((item: { request: { requestId: string } }) => item.request.requestId)).toEqual([b, a]);
  });
});
