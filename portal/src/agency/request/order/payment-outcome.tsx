import { formatMoney } from '../../../../../lib/domain/orders/money-format.js';
import type { Schemas } from '../../../api/client.js';
import { useWords, type Words } from '../../../i18n.js';
import { formatMoment, useApp } from '../../../pages/request/decision-kit.js';
import { sentenceOf } from '../../pages/payment-reasons.js';

type Order = Schemas['Order']['order'];

const words: Words<'paid' | 'flagged' | 'duplicate' | 'unknown' | 'flaggedList'> = {
  en: {
    paid: 'Recorded: {amount} pays order {number}. The request joins the client’s queue, ready for work.',
    flagged: 'Recorded, but flagged: {amount} does not pay order {number}.',
    duplicate: 'Nothing new was recorded: the bank’s payment {id} was recorded already ({amount}, received {date}).',
    unknown: 'Recorded and flagged: it matched no order.',
    flaggedList: 'Flagged payments',
  },
  cs: {
    paid: 'Zaznamenáno: {amount} platí objednávku {number}. Požadavek se zařadí do fronty klienta, připravený k práci.',
    flagged: 'Zaznamenáno, ale označeno k vyřešení: {amount} objednávku {number} nezaplatí.',
    duplicate: 'Nic nového se nezaznamenalo: platba {id} z banky už je zaznamenaná ({amount}, přijata {date}).',
    unknown: 'Zaznamenáno a označeno k vyřešení: neodpovídá žádné objednávce.',
    flaggedList: 'Platby k vyřešení',
  },
};

/** What the API made of a recorded payment, in words: it paid the order, it was flagged (why, and what to do), or it was recorded already. */
export const PaymentOutcome = ({ result, order }: { result: Schemas['PaymentResult']; order: Order }) => {
  const { language } = useApp();
  const t = useWords(words);
  const payment = result.payment;
  const amount = payment ? formatMoney(payment.amount, payment.currency, language) : '';
  if (result.outcome === 'paid')
    return (
      <p class="notice ok payment-outcome" role="status">
        {t('paid', { amount, number: order.orderNumber })}
      </p>
    );
  if (result.outcome === 'duplicate')
    return (
      <p class="notice payment-outcome" role="status">
        {t('duplicate', { id: payment?.paymentId ?? '', amount, date: payment ? formatMoment(payment.paidAt, language) : '' })}
      </p>
    );
  return (
    <div class="notice flagged payment-outcome" role="status">
      <p>
        <strong>{result.outcome === 'flagged' ? t('flagged', { amount, number: order.orderNumber }) : t('unknown')}</strong>
      </p>
      {payment?.problem && <p>{sentenceOf({ ...payment, problem: payment.problem }, language)}</p>}
      <p>
        <a href="/payments">{t('flaggedList')}</a>
      </p>
    </div>
  );
};
