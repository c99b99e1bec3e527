import type { Language } from '../domain/mail/preferences.js';

/** The words of the order PDF, in each language an order is written in. */
export interface OrderStrings {
  /** The document's title word: "Objednávka OBJ-2026-0042". */
  title: string;
  request: string;
  supplier: string;
  customer: string;
  ico: string;
  dic: string;
  issued: string;
  due: string;
  variableSymbol: string;
  offer: string;
  lines: { description: string; quantity: string; unitPrice: string; vatRate: string; net: string };
  vatRecap: { title: string; rate: string; base: string; vat: string; gross: string };
  totalNet: string;
  totalVat: string;
  totalGross: string;
  delivery: string;
  terms: string;
  payment: string;
  iban: string;
  bic: string;
  amount: string;
  qrLabel: string;
  /** Under the QR code: what it holds. */
  qrHint: string;
  /** "Accepted by Jana Nováková (jana@…) on 25 November 2026 at 14:45, Prague time." */
  accepted: (who: string, date: string, time: string) => string;
  /** Said instead of the payment block when there is nothing to pay. */
  nothingToPay: string;
  page: (page: number, pages: number) => string;
  continued: string;
  /** Subject metadata. */
  subject: (requestId: string, title: string) => string;
}

export const orderStrings: Record<Language, OrderStrings> = {
  cs: {
    title: 'Objednávka',
    request: 'Poptávka',
    supplier: 'Dodavatel',
    customer: 'Odběratel',
    ico: 'IČO',
    dic: 'DIČ',
    issued: 'Datum vystavení',
    due: 'Datum splatnosti',
    variableSymbol: 'Variabilní symbol',
    offer: 'Nabídka',
    lines: { description: 'Položka', quantity: 'Množství', unitPrice: 'Cena za jednotku', vatRate: 'DPH', net: 'Bez DPH' },
    vatRecap: { title: 'Rekapitulace DPH', rate: 'Sazba', base: 'Základ', vat: 'DPH', gross: 'S DPH' },
    totalNet: 'Celkem bez DPH',
    totalVat: 'DPH celkem',
    totalGross: 'Celkem k úhradě',
    delivery: 'Termín dodání',
    terms: 'Podmínky',
    payment: 'Platební údaje',
    iban: 'IBAN',
    bic: 'BIC (SWIFT)',
    amount: 'Částka',
    qrLabel: 'QR Platba',
    qrHint: 'Naskenujte v aplikaci své banky.',
    accepted: (who, date, time) => `Objednávku potvrdil(a) ${who} dne ${date} v ${time} (pražského času).`,
    nothingToPay: 'Objednávka je bezplatná, nic se nehradí.',
    page: (page, pages) => `Strana ${page} z ${pages}`,
    continued: 'pokračování',
    subject: (requestId, title) => `Objednávka k poptávce ${requestId}: ${title}`,
  },
  en: {
    title: 'Order',
    request: 'Request',
    supplier: 'Supplier',
    customer: 'Customer',
    ico: 'Company ID (IČO)',
    dic: 'VAT ID (DIČ)',
    issued: 'Issue date',
    due: 'Due date',
    variableSymbol: 'Variable symbol',
    offer: 'Offer',
    lines: { description: 'Item', quantity: 'Quantity', unitPrice: 'Unit price', vatRate: 'VAT', net: 'Net' },
    vatRecap: { title: 'VAT summary', rate: 'Rate', base: 'Base', vat: 'VAT', gross: 'Gross' },
    totalNet: 'Total net',
    totalVat: 'Total VAT',
    totalGross: 'Total due',
    delivery: 'Delivery',
    terms: 'Terms',
    payment: 'Payment details',
    iban: 'IBAN',
    bic: 'BIC (SWIFT)',
    amount: 'Amount',
    qrLabel: 'QR Platba',
    qrHint: 'Scan with your banking app.',
    accepted: (who, date, time) => `Order accepted by ${who} on ${date} at ${time} (Prague time).`,
    nothingToPay: 'This order is free of charge: there is nothing to pay.',
    page: (page, pages) => `Page ${page} of ${pages}`,
    continued: 'continued',
    subject: (requestId, title) => `Order for request ${requestId}: ${title}`,
  },
};
