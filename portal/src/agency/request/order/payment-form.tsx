import { useContext, useState } from 'preact/hooks';
import { maxMinorUnits } from '../../../../../lib/domain/orders/money-totals.js';
import { formatMoney, type CurrencyCode } from '../../../../../lib/domain/orders/money-format.js';
import { must, refusalOf, type ApiProblem, type Schemas } from '../../../api/client.js';
import { useDraft } from '../../../drafts.js';
import { useWords, type Words } from '../../../i18n.js';
import { Refusal, useApp } from '../../../pages/request/decision-kit.js';
import { RequestContext } from '../../../pages/request/request-context.js';
import { fieldProblems } from '../../../problems.js';
import { Field } from '../../../ui/field.js';
import { CurrencySelect } from '../currency-select.js';
import { readMoney } from '../offer/number-input.js';
import { numberProblemText } from '../offer/number-words.js';
import { PaymentOutcome } from './payment-outcome.js';

type Order = Schemas['Order']['order'];
type Result = Schemas['PaymentResult'];

const words: Words<
  | 'title'
  | 'another'
  | 'anotherHint'
  | 'amount'
  | 'amountHint'
  | 'exact'
  | 'notExact'
  | 'currency'
  | 'paidOn'
  | 'paidOnHint'
  | 'reference'
  | 'referenceHint'
  | 'paymentId'
  | 'paymentIdHint'
  | 'record'
  | 'recording'
> = {
  en: {
    title: 'Record a payment from the bank statement',
    another: 'Record another payment from the bank statement',
    anotherHint: 'The order does not wait for a payment now: what you record is kept and flagged, so it can be refunded or settled.',
    amount: 'Amount received',
    amountHint: 'As on the statement, e.g. 1,500.50. The order asks for {gross}.',
    exact: '{amount}: exactly the order’s total, so it pays the order.',
    notExact: '{amount}: not the order’s total of {gross}, so it will be recorded and flagged.',
    currency: 'Currency',
    paidOn: 'Received on',
    paidOnHint: 'The day the money arrived.',
    reference: 'Reference (optional)',
    referenceHint: 'The bank’s reference or message.',
    paymentId: 'Bank’s payment id (optional)',
    paymentIdHint: 'Given, the same payment is never counted twice, whoever records it.',
    record: 'Record the payment',
    recording: 'Recording…',
  },
  cs: {
    title: 'Zaznamenat platbu z výpisu',
    another: 'Zaznamenat další platbu z výpisu',
    anotherHint: 'Objednávka teď na platbu nečeká: co zaznamenáte, se uloží a označí k vyřešení (vrácení nebo vyrovnání).',
    amount: 'Přijatá částka',
    amountHint: 'Jak je na výpisu, např. 1 500,50. Objednávka zní na {gross}.',
    exact: '{amount}: přesně celková částka objednávky, takže ji zaplatí.',
    notExact: '{amount}: není celková částka objednávky {gross}, takže se zaznamená a označí k vyřešení.',
    currency: 'Měna',
    paidOn: 'Přijato dne',
    paidOnHint: 'Den, kdy peníze přišly.',
    reference: 'Reference (nepovinná)',
    referenceHint: 'Reference nebo zpráva z banky.',
    paymentId: 'ID platby v bance (nepovinné)',
    paymentIdHint: 'Když ho vyplníte, tatáž platba se nikdy nezapočítá dvakrát, ať ji zaznamená kdokoli.',
    record: 'Zaznamenat platbu',
    recording: 'Zaznamenávám…',
  },
};

interface PaymentDraft {
  amount: string;
  currency: CurrencyCode | '';
  /** A calendar day; empty: today. */
  paidOn: string;
  reference: string;
  paymentId: string;
}

const emptyPayment: PaymentDraft = { amount: '', currency: '', paidOn: '', reference: '', paymentId: '' };

const pad = (n: number) => String(n).padStart(2, '0');
const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

/** When the money arrived, from the day the statement gives: now for today (a payment is never in the future), else noon of that day in the person's time zone. */
const paidAtOf = (day: string): string | undefined => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  if (day === today()) return new Date().toISOString();
  const at = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12, 0, 0);
  return at.getDate() === Number(match[3]) ? at.toISOString() : undefined;
};

/**
 * An agent records what the bank statement shows (`POST …/payments`): the API decides what it is
 * (it pays the order, it is flagged, or it was recorded already) and the answer is said in words.
 * `waiting`: the API lists `mark_paid`, so the form is open; otherwise it is folded away.
 */
export const PaymentForm = ({ order, waiting, onRecorded }: { order: Order; waiting: boolean; onRecorded: () => Promise<void> }) => {
  const { api, language } = useApp();
  const { request } = useContext(RequestContext);
  const t = useWords(words);
  const [draft, setDraft, clearDraft] = useDraft<PaymentDraft>(`agency-payment.${request.requestId}`, emptyPayment);
  const [checked, setChecked] = useState(false);
  const [left, setLeft] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [result, setResult] = useState<Result>();
  const fields = fieldProblems(problem);

  const currency = draft.currency || order.currency;
  const paidOn = draft.paidOn || today();
  const amount = readMoney(draft.amount, language, maxMinorUnits);
  // A typed amount that reads as none is said once the person leaves the field (not while typing `1 500,`), or tries to record it.
  const amountProblem = fields.get('amount') ?? (amount.problem && (checked || left) ? numberProblemText(amount.problem, 'money', language) : undefined);
  const paidAt = paidAtOf(paidOn);
  const gross = formatMoney(order.totals.gross, order.currency, language);
  const reading =
    amount.value === undefined
      ? undefined
      : t(amount.value === order.totals.gross && currency === order.currency ? 'exact' : 'notExact', { amount: formatMoney(amount.value, currency, language), gross });
  const set = (change: Partial<PaymentDraft>) => setDraft({ ...draft, ...change });

  const submit = async (event: Event) => {
    event.preventDefault();
    setChecked(true);
    if (amount.value === undefined || !paidAt) return;
    setBusy(true);
    try {
      const body: Schemas['NewPayment'] = {
        amount: amount.value,
        currency,
        paidAt,
        ...(draft.reference.trim() ? { reference: draft.reference } : {}),
        ...(draft.paymentId.trim() ? { paymentId: draft.paymentId } : {}),
      };
      const answer = await must(api.POST('/requests/{requestId}/payments', { params: { path: { requestId: request.requestId } }, body }));
      setResult(answer);
      setProblem(undefined);
      setChecked(false);
      setLeft(false);
      clearDraft();
      await onRecorded();
    } catch (error) {
      setProblem(refusalOf(error));
      setResult(undefined);
    } finally {
      setBusy(false);
    }
  };

  const form = (
    <form class="payment-form stack" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={waiting ? 'payment-form-title' : undefined}>
      {waiting && <h3 id="payment-form-title">{t('title')}</h3>}
      {!waiting && <p class="hint">{t('anotherHint')}</p>}
      <div class="payment-fields">
        <Field label={t('amount')} hint={reading ?? t('amountHint', { gross })} problem={amountProblem}>
          {(props) => <input {...props} type="text" inputMode="decimal" autoComplete="off" value={draft.amount} onBlur={() => setLeft(draft.amount.trim() !== '')} onInput={(event) => set({ amount: event.currentTarget.value })} />}
        </Field>
        <Field label={t('currency')} problem={fields.get('currency')}>
          {(props) => <CurrencySelect field={props} value={currency} onChange={(code) => set({ currency: code })} />}
        </Field>
        <Field label={t('paidOn')} hint={t('paidOnHint')} problem={fields.get('paidAt') ?? (checked && !paidAt ? numberProblemText('date', 'money', language) : undefined)}>
          {(props) => <input {...props} type="date" max={today()} value={paidOn} onInput={(event) => set({ paidOn: event.currentTarget.value })} />}
        </Field>
      </div>
      <div class="payment-fields">
        <Field label={t('reference')} hint={t('referenceHint')} problem={fields.get('reference')}>
          {(props) => <input {...props} type="text" maxLength={200} value={draft.reference} onInput={(event) => set({ reference: event.currentTarget.value })} />}
        </Field>
        <Field label={t('paymentId')} hint={t('paymentIdHint')} problem={fields.get('paymentId')}>
          {(props) => <input {...props} type="text" maxLength={100} autoComplete="off" value={draft.paymentId} onInput={(event) => set({ paymentId: event.currentTarget.value })} />}
        </Field>
      </div>
      <Refusal problem={problem} onReload={onRecorded} />
      <div class="actions">
        <button type="submit" class={waiting ? 'primary' : 'secondary'} disabled={busy}>
          {busy ? t('recording') : t('record')}
        </button>
      </div>
    </form>
  );

  return (
    <div class="record-payment">
      {result && <PaymentOutcome result={result} order={order} />}
      {waiting ? (
        form
      ) : (
        <details class="another-payment">
          <summary>{t('another')}</summary>
          {form}
        </details>
      )}
    </div>
  );
};
