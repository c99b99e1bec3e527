import { useContext, useEffect, useState } from 'preact/hooks';
import { formatMoney } from '../../../../lib/domain/orders/money-format.js';
import { must, refusalOf, type ApiProblem, type Schemas } from '../../api/client.js';
import { useWords, type Words } from '../../i18n.js';
import { formatDay, formatMoment, useApp } from '../../pages/request/decision-kit.js';
import { PriceTable } from '../../pages/request/price-table.js';
import { RequestContext } from '../../pages/request/request-context.js';
import { ProblemBox } from '../../ui/problem-box.js';
import { PaymentForm } from './order/payment-form.js';
import { PaymentList } from './order/payment-list.js';
import './order/agency-order.css';

type OrderAnswer = Schemas['Order'];

const words: Words<
  | 'loading'
  | 'none'
  | 'order'
  | 'paid'
  | 'awaiting'
  | 'paidOn'
  | 'gross'
  | 'vs'
  | 'due'
  | 'issued'
  | 'orderedBy'
  | 'customer'
  | 'offer'
  | 'download'
  | 'preparing'
  | 'checkAgain'
  | 'lines'
> = {
  en: {
    loading: 'Loading the order…',
    none: 'This request has no binding order: no priced offer was accepted.',
    order: 'Order {number}',
    paid: 'Paid',
    awaiting: 'Awaiting payment',
    paidOn: 'Paid on {date}.',
    gross: 'Total with VAT',
    vs: 'Variable symbol',
    due: 'Due date',
    issued: 'Issued',
    orderedBy: 'Ordered by',
    customer: 'Customer',
    offer: 'From offer',
    download: 'Download the order (PDF)',
    preparing: 'The order’s PDF is being made.',
    checkAgain: 'Check again',
    lines: 'Lines and VAT recapitulation',
  },
  cs: {
    loading: 'Načítám objednávku…',
    none: 'K tomuto požadavku není závazná objednávka: žádná placená nabídka nebyla přijata.',
    order: 'Objednávka {number}',
    paid: 'Zaplaceno',
    awaiting: 'Čeká na platbu',
    paidOn: 'Zaplaceno {date}.',
    gross: 'Celkem s DPH',
    vs: 'Variabilní symbol',
    due: 'Splatnost',
    issued: 'Vystavena',
    orderedBy: 'Objednal(a)',
    customer: 'Odběratel',
    offer: 'Z nabídky',
    download: 'Stáhnout objednávku (PDF)',
    preparing: 'PDF objednávky se vytváří.',
    checkAgain: 'Zkontrolovat znovu',
    lines: 'Řádky a rekapitulace DPH',
  },
};

/**
 * The agency's Order tab: the binding order with what a payment must match (total, variable
 * symbol, due date), its PDF, every payment recorded for it (flagged ones too, with what to do),
 * and recording one from the bank statement.
 */
export const AgencyOrderTab = () => {
  const { api, language } = useApp();
  const { request, reload, refreshed } = useContext(RequestContext);
  const t = useWords(words);
  const [answer, setAnswer] = useState<OrderAnswer>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [checking, setChecking] = useState(false);

  const load = async () => {
    setChecking(true);
    try {
      setAnswer(await must(api.GET('/requests/{requestId}/order', { params: { path: { requestId: request.requestId } } })));
      setProblem(undefined);
    } catch (error) {
      setProblem(refusalOf(error));
    } finally {
      setChecking(false);
    }
  };
  // Read again with every refresh of the request: a payment (the bank's webhook) changes no version while it is flagged.
  useEffect(() => void load(), [request.requestId, refreshed]);
  const refresh = async () => {
    await reload();
    await load();
  };

  if (!answer) {
    if (problem?.status === 404) return <p class="muted">{t('none')}</p>;
    return problem ? <ProblemBox problem={problem} /> : <p aria-busy="true">{t('loading')}</p>;
  }
  const { order, download, payments } = answer;
  const waiting = request.allowedActions.includes('mark_paid');
  return (
    <section class="order agency-order" aria-labelledby="agency-order-title">
      <ProblemBox problem={problem} />
      <header class="offer-head">
        <h2 id="agency-order-title">{t('order', { number: order.orderNumber })}</h2>
        <span class={order.paidAt ? 'offer-status offer-status-accepted' : 'offer-status offer-status-open'}>{order.paidAt ? t('paid') : t('awaiting')}</span>
      </header>
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
      <div class="download">
        {download ? (
          <a class="button secondary" href={download.url} download={download.fileName}>
            {t('download')}
          </a>
        ) : (
          <>
            <p class="muted">{t('preparing')}</p>
            <button type="button" class="secondary" disabled={checking} onClick={() => void load()}>
              {t('checkAgain')}
            </button>
          </>
        )}
      </div>
      <PaymentList payments={payments} />
      <PaymentForm order={order} waiting={waiting} onRecorded={refresh} />
      <details class="order-lines">
        <summary>{t('lines')}</summary>
        <PriceTable priced={order} />
      </details>
    </section>
  );
};
