import type { Supplier } from '../../../lib/domain/orders/billing.js';
import { makeOffer, type OfferLine } from '../../../lib/domain/orders/offer.js';
import { makeOrder, type Order } from '../../../lib/domain/orders/order.js';

/** Orders for the document and QR Platba tests, made the way the app makes them (offer → order). */

export const sampleSupplier: Supplier = {
  name: 'Digitální agentura Azami s.r.o.',
  ico: '27074358',
  dic: 'CZ27074358',
  address: { street: 'Vinohradská 1511/230', city: 'Praha 10 – Strašnice', postalCode: '100 00', country: 'CZ' },
  iban: 'CZ6508000000192000145399',
  bic: 'GIBACZPX',
  email: 'objednavky@azami.cz',
  web: 'https://azami.cz',
  registration: 'Zapsáno v obchodním rejstříku vedeném Městským soudem v Praze, oddíl C, vložka 123456',
};

export const czechCustomerName = 'Žluťoučký kůň s.r.o.';

export const sampleLines: OfferLine[] = [
  { description: 'Příliš žluťoučký kůň úpěl ďábelské ódy: návrh loga a vizuální identity', quantity: 1, unit: 'ks', unitPrice: 1_500_000, vatRate: 21 },
  { description: 'Programování e-shopu (šablona, košík, napojení na platební bránu)', quantity: 12.5, unit: 'h', unitPrice: 120_000, vatRate: 21 },
  { description: 'Tištěné katalogy ĚŠČŘŽÝÁÍÉŮÚŤĎŇ ěščřžýáíéůúťďň', quantity: 200, unit: 'ks', unitPrice: 4_550, vatRate: 12 },
];

export const longTerms = [
  'Cena je smluvní a zahrnuje vše, co je uvedeno v položkách objednávky; práce nad jejich rámec budou účtovány zvlášť podle platného ceníku, vždy až po písemném odsouhlasení odběratelem.',
  'Dodavatel předá výsledky v elektronické podobě; autorská práva k dílu přecházejí na odběratele dnem úplného zaplacení ceny. Odběratel poskytne podklady „bez zbytečného odkladu“ – nejpozději do pěti pracovních dnů od vyžádání; o dobu prodlení odběratele se prodlužuje termín dodání.',
  'Reklamace vad je nutno uplatnit písemně do 30 dnů od předání. Smluvní pokuta za prodlení s úhradou činí 0,05 % z dlužné částky za každý den prodlení. Ostatní práva a povinnosti se řídí zákonem č. 89/2012 Sb., občanský zákoník, ve znění pozdějších předpisů.',
].join('\n');

export interface SampleOrderOptions {
  language?: Order['language'];
  currency?: Order['currency'];
  lines?: OfferLine[];
  terms?: string;
  supplier?: Supplier;
  customerName?: string;
  requestTitle?: string;
  issuedAt?: string;
}

export const sampleOrder = (options: SampleOrderOptions = {}): Order => {
  const issuedAt = options.issuedAt ?? '2026-11-25T13:45:00.000Z';
  const offer = makeOffer({
    terms: {
      lines: options.lines ?? sampleLines,
      currency: options.currency ?? 'CZK',
      validUntil: '2026-12-25T13:45:00.000Z',
      deliveryEstimate: options.language === 'en' ? '15 working days after the materials are received' : '15 pracovních dní od předání podkladů',
      terms: options.terms ?? longTerms,
    },
    offerId: 'offer-0042-1',
    requestId: '2026-0042',
    number: 1,
    createdAt: '2026-11-20T09:00:00.000Z',
    createdBy: 'agent-1',
    createdByName: 'Petr Dvořák',
  });
  return makeOrder(
    offer,
    {
      supplier: options.supplier ?? sampleSupplier,
      customer: {
        name: options.customerName ?? czechCustomerName,
        ico: '25596641',
        dic: 'CZ25596641',
        address: { street: 'Příliš žluťoučká 12', city: 'Úpice', postalCode: '542 32', country: 'CZ' },
      },
      acceptedBy: { userId: 'user-7', name: 'Jana Nováková', email: 'jana.novakova@zlutoucky-kun.cz' },
      language: options.language ?? 'cs',
      requestTitle: options.requestTitle ?? 'Nový e-shop a katalog pro sezónu 2027',
      platform: 'azami',
    },
    new Date(issuedAt),
  );
};
