import { useContext } from 'preact/hooks';
import { formatMoney } from '../../../../lib/domain/orders/money-format.js';
import { useWords, type Words } from '../../i18n.js';
import { formatDay, formatMoment, useApp } from '../../pages/request/decision-kit.js';
import { OrderDownload, OrderHead, OrderUnread, useOrder } from '../../pages/request/order-kit.js';
import { PriceTable } from '../../pages/request/price-table.js';
import { RequestContext } from '../../pages/request/request-context.js';
import { ProblemBox } from '../../ui/problem-box.js';
import { PaymentForm } from './order/payment-form.js';
import { PaymentList } from './order/payment-list.js';
import './order/agency-order.css';

const words: Words<
  | 'none'
  | 'paidOn'
  | 'gross'
  | 'vs'
  | 'due'
  | 'issued'
  | 'orderedBy'
  | 'customer'
  | 'offer'
  | 'preparing'
  | 'lines'
> = {
  en: {
    none: 'This request has no binding order: no priced offer was accepted.',
    paidOn: 'Paid on {date}.',
    gross: 'Total with VAT',
    vs: 'Variable symbol',
    due: 'Due date',
    issued: 'Issued',
    orderedBy: 'Ordered by',
    customer: 'Customer',
    offer: 'From offer',
    preparing: 'The order’s PDF is being made.',
    lines: 'Lines and VAT recapitulation',
  },
  cs: {
    none: 'K tomuto požadavku není závazná objednávka: žádná placená nabídka nebyla přijata.',
    paidOn: 'Zaplaceno {date}.',
    gross: 'Celkem s DPH',
    vs: 'Variabilní symbol',
    due: 'Splatnost',
    issued: 'Vystavena',
    orderedBy: 'Objednal(a)',
    customer: 'Odběratel',
    offer: 'Z nabídky',
    preparing: 'PDF objednávky se vytváří.',
    lines: 'Řádky a rekapitulace DPH',
  },
};

/**
 * The agency's Order tab: the binding order with what a payment must match (total, variable
 * symbol, due date), its PDF, every payment recorded for it (flagged ones too, with what to do),
 * and recording one from the bank statement.
 */
export const AgencyOrderTab = () => {
  const { language } = useApp();
  const { request, reload, refreshed } = useContext(RequestContext);
  const t = useWords(words);
  // Read again with every refresh of the request: a payment (the bank's webhook) changes no version while it is flagged.
  const { answer, problem, checking, load } = useOrder(refreshed);
  const refresh = async () => {
    await reload();
    await load();
  };

  if (!answer) return <OrderUnread problem={problem} none={t('none')} />;
  const { order, download, payments } = answer;
  const waiting = request.allowedActions.includes('mark_paid');
  return (
    <section class="order agency-order" aria-labelledby="agency-order-title">
      <ProblemBox problem={problem} />
      <OrderHead order={order} headingId="agency-order-title" />
      {order.paidAt && <p class="notice ok">{t('paidOn', { date: formatMoment(order.paidAt, language) })}</p>}
      <dl class="facts order-facts">
        <div>
          <dt>{t('gross')}</dt>
          <dd class="amount">{formatMoney(order.totals.gross, order.currency, language)}</dd>
        </div>
        <div>
          <dt>{t('vs')}</dt>
          <dd class="mono">{order.variableSymbol}</dd>
        </div>
        <div>
          <dt>{t('due')}</dt>
          <dd>{formatDay(order.dueDate, language)}</dd>
        </div>
        <div>
          <dt>{t('issued')}</dt>
          <dd>{formatMoment(order.issuedAt, language)}</dd>
        </div>
        <div>
          <dt>{t('orderedBy')}</dt>
          <dd>{order.acceptedBy.name}</dd>
        </div>
        <div>
          <dt>{t('customer')}</dt>
          <dd>
            {order.customer.name}
            {order.customer.ico ? `, IČO ${order.customer.ico}` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('offer')}</dt>
          <dd>{order.offerNumber}</dd>
        </div>
      </dl>
      <OrderDownload download={download} preparing={t('preparing')} checking={checking} onCheck={() => void load()} />
      <PaymentList payments={payments} />
      <PaymentForm order={order} waiting={waiting} onRecorded={refresh} />
      <details class="order-lines">
        <summary>{t('lines')}</summary>
        <PriceTable priced={order} />
      </details>
    </section>
  );
};
