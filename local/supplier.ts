import type { Supplier } from '../lib/domain/orders/billing.js';

/** The agency as the local stack's orders state it: demo details whose IČO and IBAN pass their checks. */
export const demoSupplier: Supplier = {
  name: 'Digitální agentura Azami s.r.o.',
  ico: '27074358',
  dic: 'CZ27074358',
  address: { street: 'Vinohradská 2828/151', city: 'Praha 3', postalCode: '130 00', country: 'CZ' },
  iban: 'CZ6508000000192000145399',
  bic: 'GIBACZPX',
  email: 'fakturace@agentura.example',
  web: 'https://agentura.example',
  registration: 'C 123456 vedená u Městského soudu v Praze',
};
