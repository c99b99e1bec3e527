import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { PutCommand } from '../../lib/adapters/dynamodb/document-client.js';
import { clientQueueKey, requestKey } from '../../lib/adapters/dynamodb/keys.js';
import { routes } from '../../lib/http/routes.js';
import { asDemoUser, asInvitedPerson, newInquiry, ok, people, type Answer, type Client, type NewRequest, type QueryOf } from '../support/api-client.js';
import { documents, freshOrganisation } from '../support/fresh-organisation.js';

let jana: Client;
let eva: Client;
beforeAll(async () => {
  jana = await asDemoUser(people.clientAdmin);
  eva = await asDemoUser(people.agent);
});

const file = async (client: Client, title: string, type: NewRequest['type'] = 'inquiry') => {
  const answer = await client.send(routes.createRequest, { body: { ...newInquiry(title), type } });
  expect(answer.status).toBe(201);
  return ok(answer).requestId;
};

type Page = { limit: number; cursor?: string };

/** Every page of a list: each one full (`limit` items) but the last. */
const pagesOf = async <T>(list: (page: Page) => Promise<Answer<{ items: T[]; nextCursor?: string }>>, keyOf: (item: T) => string, limit: number) => {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const answer = await list({ limit, cursor });
    expect(answer.status).toBe(200);
    const page = ok(answer);
    pages.push(page.items.map(keyOf));
    cursor = page.nextCursor;
    if (cursor) expect(page.items).toHaveLength(limit);
  } while (cursor && pages.length < 50);
  return pages;
};

/** The pages of GET /requests: request ids. */
const requestPages = (client: Client, query: QueryOf<typeof routes.listRequests>, limit: number) =>
  pagesOf((page) => client.send(routes.listRequests, { query: { ...query, ...page } }), (request) => request.requestId, limit);

/** The pages of a timeline: each entry's body, or its id when it has none. */
const timelinePages = (client: Client, requestId: string, limit: number) =>
  pagesOf((page) => client.send(routes.listTimeline, { path: { requestId }, query: page }), (entry) => entry.body ?? entry.entryId, limit);

describe('pages are full or the last one', () => {
  it('lists a participant’s filtered invitations in full pages, the filter applied before paging', async () => {
    const tag = randomUUID().slice(0, 8);
    const email = `pozvany.${tag}@partner.example`;
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const id = await file(jana, `Pozvánka ${tag} ${i}`, i % 3 === 0 ? 'defect' : 'inquiry');
      expect((await jana.send(routes.inviteParticipant, { path: { requestId: id }, body: { email } })).status).toBe(201);
      ids.push(id);
    }
    const invited = await asInvitedPerson(email);
    const inquiries = ids.filter((_, i) => i % 3 !== 0).reverse();
    const pages = await requestPages(invited, { scope: 'invited', type: 'inquiry' }, 2);
    expect(pages.flat()).toEqual(inquiries);
    expect(pages.map((page) => page.length)).toEqual([2, 2]);
    // Without a filter too: a page never ends on an empty one with a cursor.
    expect((await requestPages(invited, { scope: 'invited' }, 7)).map((page) => page.length)).toEqual([7]);
  });

  it('gives a client full timeline pages though internal notes sit between their entries', async () => {
    const id = await file(jana, 'Časová osa s poznámkami');
    for (let i = 0; i < 4; i++) {
      await jana.send(routes.postMessage, { path: { requestId: id }, body: { body: `zpráva ${i}` } });
      await eva.send(routes.postMessage, { path: { requestId: id }, body: { body: `interní ${i}`, internal: true } });
    }
    const pages = await timelinePages(jana, id, 2);
    expect(pages.flat()).toEqual([expect.any(String), 'zpráva 0', 'zpráva 1', 'zpráva 2', 'zpráva 3']);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect((await timelinePages(eva, id, 3)).flat()).toHaveLength(9);
  });
});

describe('cursors are checked on the way in', () => {
  it('refuses a cursor of another list, or a forged one, on /requests and the timeline with a 400 naming cursor', async () => {
    const id = await file(jana, 'Kurzory');
    await file(jana, 'Kurzory 2');
    const path = { requestId: id };
    for (let i = 0; i < 3; i++) await jana.send(routes.postMessage, { path, body: { body: `zpráva ${i}` } });
    const listCursor = ok(await jana.send(routes.listRequests, { query: { limit: 1 } })).nextCursor!;
    const timelineCursor = ok(await jana.send(routes.listTimeline, { path, query: { limit: 1 } })).nextCursor!;
    const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const requests = (cursor: string) => jana.send(routes.listRequests, { query: { cursor } });
    const invitations = (cursor: string) => jana.send(routes.listRequests, { query: { scope: 'invited', cursor } });
    const timeline = (cursor: string) => jana.send(routes.listTimeline, { path, query: { cursor } });
    const foreign: [string, (cursor: string) => Promise<Answer>, string][] = [
      ['/requests', requests, timelineCursor],
      ['/requests?scope=invited', invitations, listCursor],
      [`/requests/${id}/timeline`, timeline, listCursor],
      ['/requests', requests, forge({ pk: 'REQ#2026-0001', sk: 'REQ', gsi1sk: 'x' })],
      ['/requests', requests, forge({ list: 'requests', at: { createdAt: '2026-01-01T00:00:00.000Z', requestId: '../../x' } })],
      [`/requests/${id}/timeline`, timeline, forge({ list: 'timeline', at: { createdAt: 'now', entryId: 'TL#' } })],
      [`/requests/${id}/timeline`, timeline, '%%%'],
    ];
    for (const [list, send, cursor] of foreign) {
      const answer = await send(cursor);
      expect(answer, `${list} ${cursor}`).toMatchObject({ status: 400, error: { details: [{ field: 'query.cursor' }] } });
    }
  });

  it('takes page sizes in plain decimal digits only', async () => {
    for (const limit of ['0x10', '1e1', '+5', '-1', '0', '101', ' 5', '5.0']) {
      const answer = await jana.send(routes.listRequests, { query: { limit } });
      expect(answer, limit).toMatchObject({ status: 400, error: { details: [{ field: 'query.limit' }] } });
    }
    expect((await jana.send(routes.listRequests, { query: { limit: 16 } })).status).toBe(200);
  });
});

describe('messages are stored as written', () => {
  it('keeps leading and trailing whitespace, so a Markdown indented code block at the start survives', async () => {
    const path = { requestId: await file(jana, 'Markdown') };
    const body = '    const x = 1;\n    console.log(x);\n\nA ještě podpis.  \n\n';
    const posted = await jana.send(routes.postMessage, { path, body: { body, format: 'markdown' } });
    expect(posted).toMatchObject({ status: 201, data: { body } });
    const timeline = ok(await jana.send(routes.listTimeline, { path })).items;
    expect(timeline.at(-1)?.body).toBe(body);
    expect(await jana.send(routes.postMessage, { path, body: { body: ' \n\t ' } })).toMatchObject({
      status: 400,
      error: { details: [{ field: 'body.body', reason: expect.stringMatching(/whitespace/) }] },
    });
  });
});

describe('a corrupt stored item', () => {
  it('is left out of a queue read, which still answers with every other request', async () => {
    const { orgId, admin } = await freshOrganisation('Corrupt');
    const [a, b] = [await file(admin, 'Dobrý A'), await file(admin, 'Dobrý B')];
    // An item in the queue's index that no longer parses as a request (no title, unknown status).
    await documents().send(
      new PutCommand({
        TableName: inject('stack').tableName,
        Item: { ...requestKey('2026-999999'), ...clientQueueKey(orgId, '2026-999999', 'a1'), entity: 'request', requestId: '2026-999999', orgId, status: 'lost' },
      }),
    );
    const queue = await admin.send(routes.getQueue);
    expect(queue.status).toBe(200);
    expect(ok(queue).items.map((item) => item.request.requestId)).toEqual([a, b]);
    // A move still works around it.
    expect((await admin.send(routes.moveRequest, { path: { requestId: b }, body: { to: 'top' } })).status).toBe(200);
    expect(ok(await admin.send(routes.getQueue)).items.map((item) => item.request.requestId)).toEqual([b, a]);
  });
});
