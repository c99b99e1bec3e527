import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../lib/http/routes.js';
import { asDemoUser, newInquiry, ok, people, type Client } from '../support/api-client.js';
import { freshOrganisation } from '../support/fresh-organisation.js';
import { acmeBilling, pricedOffer } from '../support/offers.js';

/**
 * Fields that are one line wherever they are shown (the order PDF, a mail's subject) refuse line
 * breaks and other control characters with a 400 naming the field: a billing name of
 * "Krátká s.r.o.\r\nBcc: …" must not become a line of its own in the customer block.
 */

let admin: Client;
let agent: Client;
let orgId: string;
let requestId: string;

beforeAll(async () => {
  const org = await freshOrganisation('Lines');
  ({ admin, orgId } = org);
  agent = await asDemoUser(people.agent);
  requestId = ok(await admin.send(routes.createRequest, { body: newInquiry('Jednořádkové pole') })).requestId;
});

const breaks = { 'CR LF': '\r\n', LF: '\n', CR: '\r', tab: '\t', 'next line (U+0085)': '\u0085', 'line separator (U+2028)': '\u2028', NUL: '\u0000' };

describe('single-line fields', () => {
  it.each(Object.entries(breaks))('refuses %s inside a billing name, naming the field, and stores nothing', async (_shown, lineBreak) => {
    const answer = await admin.send(routes.setBilling, { path: { orgId }, body: { ...acmeBilling, name: `Krátká s.r.o.${lineBreak}Bcc: bv@evil.example` } });
    expect(answer).toMatchObject({ status: 400, error: { details: [{ field: 'body.name', reason: expect.stringContaining('single line') }] } });
    expect(ok(await admin.send(routes.getOrganisation, { path: { orgId } })).billing).toBeUndefined();
  });

  it('refuses a line break in an address line, naming it', async () => {
    const answer = await admin.send(routes.setBilling, { path: { orgId }, body: { ...acmeBilling, address: { ...acmeBilling.address, street: 'Příkopy 12\nIČO: 12345679' } } });
    expect(answer).toMatchObject({ status: 400, error: { details: [{ field: 'body.address.street' }] } });
  });

  it('refuses a line break in an offer line’s description and unit, and in the delivery estimate, naming each', async () => {
    const offer = pricedOffer();
    const [first, second] = offer.lines;
    const answer = await agent.send(routes.postOffer, {
      path: { requestId },
      body: { ...offer, lines: [{ ...first!, description: 'Návrh\nSleva 100 %' }, { ...second!, unit: 'ks\r\n' + 'x' }], deliveryEstimate: 'ihned\u2028zdarma' },
    });
    expect(answer.status).toBe(400);
    expect(answer.error?.details?.map((problem) => problem.field).sort()).toEqual(['body.deliveryEstimate', 'body.lines.0.description', 'body.lines.1.unit']);
  });

  it('refuses a line break in a request’s title and a file’s name, naming each', async () => {
    const title = await admin.send(routes.createRequest, { body: { ...newInquiry(), title: 'Web\nDIČ: CZ00000000' } });
    expect(title).toMatchObject({ status: 400, error: { details: [{ field: 'body.title' }] } });
    const file = await admin.send(routes.requestUpload, { path: { requestId }, body: { fileName: 'faktura\n.pdf', size: 10, contentType: 'application/pdf' } });
    expect(file).toMatchObject({ status: 400, error: { details: [{ field: 'body.fileName' }] } });
  });

  it('still keeps line breaks where text has lines: a message and an offer’s terms', async () => {
    expect((await admin.send(routes.postMessage, { path: { requestId }, body: { body: 'První řádek\nDruhý řádek' } })).status).toBe(201);
    expect((await agent.send(routes.postOffer, { path: { requestId }, body: { ...pricedOffer(), terms: 'Odstavec 1\n\nOdstavec 2' } })).status).toBe(201);
  });
});
