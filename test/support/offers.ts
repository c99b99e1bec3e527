import { routes } from '../../lib/http/routes.js';
import { ok, type Client } from './api-client.js';
import { pollUntil } from '../../local/poll.js';

/** Valid billing details (the IČO's check digit holds). */
export const acmeBilling = {
  name: 'Žluťoučký kůň s.r.o.',
  ico: '27074358',
  dic: 'CZ27074358',
  address: { street: 'Příkopy 12', city: 'Praha 1', postalCode: '110 00', country: 'CZ' },
};

/** A priced offer: two lines at two VAT rates. */
export const pricedOffer = (validUntil?: string) => ({
  lines: [
    { description: 'Návrh a implementace košíku', quantity: 12.5, unit: 'h', unitPrice: 150000, vatRate: 21 },
    { description: 'Školení obsluhy', quantity: 1, unit: 'ks', unitPrice: 99900, vatRate: 12 },
  ],
  currency: 'CZK' as const,
  deliveryEstimate: '10 pracovních dnů po úhradě',
  terms: 'Cena je platná pro rozsah uvedený v nabídce.',
  ...(validUntil ? { validUntil } : {}),
});

/** 12.5 h × 1 500,00 = 18 750,00 at 21 % (3 937,50) + 999,00 at 12 % (119,88): net 19 749,00, gross 23 806,38. */
export const pricedOfferGross = 2_380_638;

export const freeOffer = () => ({
  lines: [{ description: 'Oprava chyby v košíku (reklamace)', quantity: 1, unit: 'ks', unitPrice: 0, vatRate: 21 }],
  currency: 'CZK' as const,
  deliveryEstimate: 'ihned',
});

export { deliverPayment } from '../../local/bank-payment.js';

/** Polls a request until `done` holds, with a bound; says where it stood if it never does. */
export const waitForRequest = (client: Client, requestId: string, done: (status: string) => boolean, timeoutMs = 20_000) => {
  const read = async () => ok(await client.send(routes.getRequest, { path: { requestId } }));
  return pollUntil(
    `request ${requestId} as expected`,
    async () => {
      const request = await read();
      return done(request.status) ? request : undefined;
    },
    { timeoutMs, state: async () => `it is ${(await read()).status}` },
  );
};
