import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { formatMoney } from '../../../../lib/domain/orders/money-format.js';
import { ApiRefusal, must, type ApiProblem, type Schemas } from '../../api/client.js';
import { AppContext } from '../../app-context.js';
import { useDraft } from '../../drafts.js';
import { useWords, type Words } from '../../i18n.js';
import { formatMoment } from '../../pages/request/decision-kit.js';
import { fieldProblems } from '../../problems.js';
import { Field } from '../../ui/field.js';
import { ProblemBox } from '../../ui/problem-box.js';
import { problemLabels, sentenceOf } from './payment-reasons.js';
import { RequestLink } from './request-link.js';

type FlaggedPayment = Schemas['FlaggedPayment'];

const words: Words<
  | 'paid'
  | 'expected'
  | 'request'
  | 'noRequest'
  | 'order'
  | 'paidAt'
  | 'flaggedAt'
  | 'variableSymbol'
  | 'reference'
  | 'source'
  | 'webhook'
  | 'agent'
  | 'paymentId'
  | 'apiNext'
  | 'resolve'
  | 'resolveFor'
  | 'note'
  | 'noteHint'
  | 'noteRequired'
  | 'confirm'
  | 'resolving'
  | 'cancel'
  | 'formLabel'
> = {
  en: {
    paid: 'Paid {amount}',
    expected: 'the order asks for {amount}',
    request: 'Request',
    noRequest: 'none: no order has this variable symbol',
    order: 'Order',
    paidAt: 'Money arrived',
    flaggedAt: 'Flagged',
    variableSymbol: 'Variable symbol',
    reference: 'Bank reference',
    source: 'Reported by',
    webhook: 'the bank (payment provider)',
    agent: 'an agent, by hand',
    paymentId: 'Payment id',
    apiNext: 'What the Helpdesk says to do',
    resolve: 'Resolve…',
    resolveFor: 'payment {id}',
    note: 'What was done?',
    noteHint: 'e.g. “Refunded 100 CZK on 3 Dec”, “The client paid the difference”, “Recorded on 2026-0042”. Required: it stays with the payment and on the request’s timeline (agency only).',
    noteRequired: 'Write what was done: the note is required.',
    confirm: 'Resolve, take it off the list',
    resolving: 'Resolving…',
    cancel: 'Cancel',
    formLabel: 'Resolve payment {id}',
  },
  cs: {
    paid: 'Zaplaceno {amount}',
    expected: 'objednávka zní na {amount}',
    request: 'Požadavek',
    noRequest: 'žádný: tento variabilní symbol nemá žádná objednávka',
    order: 'Objednávka',
    paidAt: 'Peníze přišly',
    flaggedAt: 'Označeno',
    variableSymbol: 'Variabilní symbol',
    reference: 'Reference z banky',
    source: 'Nahlásil(a)',
    webhook: 'banka (platební brána)',
    agent: 'agent, ručně',
    paymentId: 'ID platby',
    apiNext: 'Co radí Helpdesk',
    resolve: 'Vyřešit…',
    resolveFor: 'platbu {id}',
    note: 'Co se udělalo?',
    noteHint: 'Např. „Vráceno 100 Kč 3. 12.“, „Klient doplatil rozdíl“, „Zaznamenáno u 2026-0042“. Povinné: zůstane u platby i na časové ose požadavku (jen pro agenturu).',
    noteRequired: 'Napište, co se udělalo: poznámka je povinná.',
    confirm: 'Vyřešit a odebrat ze seznamu',
    resolving: 'Řeším…',
    cancel: 'Zpět',
    formLabel: 'Vyřešit platbu {id}',
  },
};

interface Props {
  payment: FlaggedPayment;
  title: string | null | undefined;
  onResolved: (paymentId: string) => void;
  /** The list may be out of date (someone else resolved it): read it again. */
  onStale: () => void;
}

/** One flagged payment: why, what to do (our sentence, the API's `next` as details), its request, and resolving it with a note. */
export const FlaggedPaymentItem = ({ payment, title, onResolved, onStale }: Props) => {
  const { api, language } = useContext(AppContext);
  const t = useWords(words);
  const reason = useWords(problemLabels);
  const [resolving, setResolving] = useState(false);
  const [note, setNote, clearNote] = useDraft(`flagged-payment.${payment.paymentId}`, '');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [missing, setMissing] = useState(false);
  const resolveButton = useRef<HTMLButtonElement>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (resolving) noteField.current?.focus();
  }, [resolving]);

  const resolve = async (event: Event) => {
    event.preventDefault();
    setProblem(undefined);
    if (!note.trim()) {
      setMissing(true);
      noteField.current?.focus();
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      await must(api.POST('/payments/flagged/{paymentId}/resolve', { params: { path: { paymentId: payment.paymentId } }, body: { note } }));
      clearNote();
      onResolved(payment.paymentId);
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      setProblem(error.problem);
      if (error.problem.status === 409 || error.problem.status === 404) onStale();
    } finally {
      setBusy(false);
    }
  };
  const cancel = () => {
    setResolving(false);
    setMissing(false);
    setProblem(undefined);
    requestAnimationFrame(() => resolveButton.current?.focus());
  };

  const noteProblem = missing ? t('noteRequired') : fieldProblems(problem).get('note');
  return (
    <li class={`ops-item flagged-payment problem-${payment.problem}`} data-payment={payment.paymentId} aria-busy={busy}>
      <div class="ops-item-head">
        <span class="ops-tag tag-problem">{reason(payment.problem)}</span>
        <span class="amount">{t('paid', { amount: formatMoney(payment.amount, payment.currency, language) })}</span>
        {payment.expected && <span class="muted">{t('expected', { amount: formatMoney(payment.expected.amount, payment.expected.currency, language) })}</span>}
      </div>
      <p class="next-step">{sentenceOf(payment, language)}</p>
      <details class="ops-details">
        <summary>{t('apiNext')}</summary>
        <p lang="en">{payment.next}</p>
      </details>
      <dl class="facts compact">
        <div>
          <dt>{t('request')}</dt>
          <dd>{payment.requestId ? <RequestLink requestId={payment.requestId} title={title} /> : <span class="muted">{t('noRequest')}</span>}</dd>
        </div>
        {payment.orderNumber && (
          <div>
            <dt>{t('order')}</dt>
            <dd>{payment.orderNumber}</dd>
          </div>
        )}
        <div>
          <dt>{t('paidAt')}</dt>
          <dd>{formatMoment(payment.paidAt, language)}</dd>
        </div>
        <div>
          <dt>{t('flaggedAt')}</dt>
          <dd>{formatMoment(payment.flaggedAt, language)}</dd>
        </div>
        {payment.variableSymbol && (
          <div>
            <dt>{t('variableSymbol')}</dt>
            <dd class="mono">{payment.variableSymbol}</dd>
          </div>
        )}
        {payment.reference && (
          <div>
            <dt>{t('reference')}</dt>
            <dd>{payment.reference}</dd>
          </div>
        )}
        <div>
          <dt>{t('source')}</dt>
          <dd>{t(payment.source)}</dd>
        </div>
        <div>
          <dt>{t('paymentId')}</dt>
          <dd class="mono payment-id">{payment.paymentId}</dd>
        </div>
      </dl>
      {!resolving ? (
        <div class="actions">
          <button type="button" class="primary" ref={resolveButton} onClick={() => setResolving(true)}>
            {t('resolve')}
            <span class="visually-hidden"> – {t('resolveFor', { id: payment.paymentId })}</span>
          </button>
        </div>
      ) : (
        <form class="ops-confirm stack" aria-label={t('formLabel', { id: payment.paymentId })} onSubmit={resolve} noValidate>
          <Field label={t('note')} hint={t('noteHint')} problem={noteProblem}>
            {(props) => <textarea {...props} ref={noteField} rows={3} maxLength={2000} value={note} onInput={(event) => setNote(event.currentTarget.value)} />}
          </Field>
          {problem && !fieldProblems(problem).has('note') && <ProblemBox problem={problem} />}
          <div class="actions">
            <button type="submit" class="primary" disabled={busy}>
              {busy ? t('resolving') : t('confirm')}
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={cancel}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
};
