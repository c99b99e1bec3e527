import { formatMoney } from '../../../../../lib/domain/orders/money-format.js';
import type { Schemas } from '../../../api/client.js';
import { useWords, type Words } from '../../../i18n.js';
import { formatMoment, useApp } from '../../../pages/request/decision-kit.js';
import { problemLabels, sentenceOf } from '../../pages/payment-reasons.js';

type Payment = Schemas['Payment'];

const words: Words<'title' | 'none' | 'received' | 'bank' | 'agent' | 'paidOrder' | 'flagged' | 'resolved' | 'reference' | 'id'> = {
  en: {
    title: 'Payments',
    none: 'No payment has been recorded for this order yet.',
    received: 'Received {date}',
    bank: 'from the bank (webhook)',
    agent: 'recorded by the agency',
    paidOrder: 'Paid the order',
    flagged: 'Flagged: {why}',
    resolved: 'Resolved by {name} on {date}: {note}',
    reference: 'Reference',
    id: 'Payment id',
  },
  cs: {
    title: 'Platby',
    none: 'K této objednávce zatím není zaznamenaná žádná platba.',
    received: 'Přijata {date}',
    bank: 'z banky (webhook)',
    agent: 'zaznamenala agentura',
    paidOrder: 'Zaplatila objednávku',
    flagged: 'K vyřešení: {why}',
    resolved: 'Vyřešil(a) {name} {date}: {note}',
    reference: 'Reference',
    id: 'ID platby',
  },
};

/** The order's payments as the agency sees them: the ones that paid it and the flagged ones, with why and what to do. */
export const PaymentList = ({ payments }: { payments: readonly Payment[] }) => {
  const { language } = useApp();
  const t = useWords(words);
  const labels = useWords(problemLabels);
  return (
    <section class="payment-list" aria-labelledby="payment-list-title">
      <h3 id="payment-list-title">{t('title')}</h3>
      {payments.length === 0 ? (
        <p class="muted">{t('none')}</p>
      ) : (
        <ul class="payments-made">
          {[...payments].reverse().map((payment) => (
            <li key={payment.paymentId} class={payment.matched ? 'payment-made matched' : 'payment-made flagged'}>
              <p class="payment-line">
                <strong class="payment-amount">{formatMoney(payment.amount, payment.currency, language)}</strong>{' '}
                <span class={payment.matched ? 'offer-status offer-status-accepted' : 'offer-status offer-status-rejected'}>
                  {payment.matched ? t('paidOrder') : t('flagged', { why: payment.problem ? labels(payment.problem) : '–' })}
                </span>
              </p>
              <p class="muted">
                {t('received', { date: formatMoment(payment.paidAt, language) })}, {t(payment.source === 'webhook' ? 'bank' : 'agent')}
              </p>
              <dl class="facts compact">
                {payment.reference && (
                  <div>
                    <dt>{t('reference')}</dt>
                    <dd>{payment.reference}</dd>
                  </div>
                )}
                <div>
                  <dt>{t('id')}</dt>
                  <dd class="mono">{payment.paymentId}</dd>
                </div>
              </dl>
              {!payment.matched && payment.problem && !payment.resolution && <p class="payment-next">{sentenceOf({ ...payment, problem: payment.problem }, language)}</p>}
              {payment.resolution && (
                <p class="muted">{t('resolved', { name: payment.resolution.byName, date: formatMoment(payment.resolution.at, language), note: payment.resolution.note })}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
