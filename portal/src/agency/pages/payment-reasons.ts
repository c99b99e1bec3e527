import { formatMoney } from '../../../../lib/domain/orders/money-format.js';
import type { Schemas } from '../../api/client.js';
import { fill, type Language, type Words } from '../../i18n.js';

type FlaggedPayment = Schemas['FlaggedPayment'];
type Problem = FlaggedPayment['problem'];

/** Why a payment was flagged, as a short label. */
export const problemLabels: Words<Problem> = {
  en: { amount: 'Wrong amount', currency: 'Wrong currency', not_awaiting: 'Order not awaiting payment', unknown_order: 'Unknown variable symbol' },
  cs: { amount: 'Jiná částka', currency: 'Jiná měna', not_awaiting: 'Objednávka na platbu nečekala', unknown_order: 'Neznámý variabilní symbol' },
};

/**
 * What happened and what to do, one sentence per reason in the agent's language (the API's own
 * `next` is English and stays beside it as details). It says the same as the API's `next`, with
 * the amounts filled in.
 */
const sentences: Words<Problem> = {
  en: {
    amount: 'The client paid {amount}, but the order asks for {expected}, so the order still waits for its payment. Agree with the client that they pay the difference, or refund what was paid too much; then resolve it saying which.',
    currency: 'The payment came in {currency}, but the order is in {expectedCurrency}, so the order still waits for its payment. Refund it and ask the client to pay {expected} in {expectedCurrency}; then resolve it.',
    not_awaiting: 'The order was not waiting for this payment: it was paid already, or this is a second payment. Refund it, or agree with the client what it pays for; then resolve it.',
    unknown_order: 'Its variable symbol matches no order, so it belongs to no request yet. Find the order by the bank’s reference or the sender, record the payment on that request, then resolve this one naming the request.',
  },
  cs: {
    amount: 'Klient zaplatil {amount}, objednávka ale zní na {expected}, takže na platbu pořád čeká. Domluvte se s klientem, že rozdíl doplatí, nebo přeplatek vraťte; pak platbu vyřešte s poznámkou, co jste udělali.',
    currency: 'Platba přišla v {currency}, objednávka je ale v {expectedCurrency}, takže na platbu pořád čeká. Platbu vraťte a požádejte klienta o {expected} v {expectedCurrency}; pak ji vyřešte.',
    not_awaiting: 'Objednávka na tuto platbu nečekala: už byla zaplacená, nebo jde o druhou platbu. Platbu vraťte, nebo se s klientem domluvte, za co je; pak ji vyřešte.',
    unknown_order: 'Její variabilní symbol neodpovídá žádné objednávce, takže zatím nepatří k žádnému požadavku. Najděte objednávku podle reference z banky nebo podle odesílatele, zaznamenejte platbu u toho požadavku a tuto pak vyřešte s číslem požadavku.',
  },
};

/** The sentence of a flagged payment's reason, with its amounts as people read them. */
export const sentenceOf = (payment: Pick<FlaggedPayment, 'problem' | 'amount' | 'currency' | 'expected'>, language: Language): string =>
  fill(sentences[language][payment.problem], {
    amount: formatMoney(payment.amount, payment.currency, language),
    currency: payment.currency,
    expected: payment.expected ? formatMoney(payment.expected.amount, payment.expected.currency, language) : '–',
    expectedCurrency: payment.expected?.currency ?? '–',
  });
