import { useContext } from 'preact/hooks';
import { formatMoney } from '../../../../lib/domain/orders/money-format.js';
import type { Schemas } from '../../api/client.js';
import { useWords, type Words } from '../../i18n.js';
import { ProblemBox } from '../../ui/problem-box.js';
import { formatDay, formatMoment, useApp } from './decision-kit.js';
import { OrderDownload, OrderHead, OrderUnread, useOrder } from './order-kit.js';
import { PriceTable } from './price-table.js';
import { QrPlatba } from './qr-platba.js';
import { RequestContext } from './request-context.js';

type OrderAnswer = Schemas['Order'];
type Party = OrderAnswer['order']['customer'];

const words: Words<
  | 'none'
  | 'issued'
  | 'acceptedBy'
  | 'supplier'
  | 'customer'
  | 'ico'
  | 'dic'
  | 'preparing'
  | 'payment'
  | 'paidOn'
  | 'unpaid'
  | 'account'
  | 'bic'
  | 'vs'
  | 'amount'
  | 'due'
  | 'qr'
  | 'qrHint'
  | 'nothingToPay'
  | 'payments'
  | 'delivery'
> = {
  en: {
    none: 'This request has no order: nothing was ordered for a price.',
    issued: 'Issued on {date}',
    acceptedBy: 'Ordered by {name}',
    supplier: 'Supplier',
    customer: 'Customer',
    ico: 'Company ID (IČO)',
    dic: 'VAT ID (DIČ)',
    preparing: 'The order’s PDF is being prepared; it is also on its way to your e-mail.',
    payment: 'Payment',
    paidOn: 'Paid on {date}. Thank you: the work is in the queue.',
    unpaid: 'Waiting for payment. We take the work on once it is paid.',
    account: 'Account (IBAN)',
    bic: 'BIC',
    vs: 'Variable symbol',
    amount: 'Amount',
    due: 'Due date',
    qr: 'QR Platba code: scan it in your banking app to fill in the payment',
    qrHint: 'Scan the QR Platba code in your banking app: it fills in the account, amount, variable symbol and due date.',
    nothingToPay: 'There is nothing to pay for this order.',
    payments: 'Payments received',
    delivery: 'Delivery',
  },
  cs: {
    none: 'K tomuto požadavku není objednávka: nic se neobjednávalo za úplatu.',
    issued: 'Vystavena {date}',
    acceptedBy: 'Objednal(a) {name}',
    supplier: 'Dodavatel',
    customer: 'Odběratel',
    ico: 'IČO',
    dic: 'DIČ',
    preparing: 'PDF objednávky se připravuje; posíláme vám ho i e-mailem.',
    payment: 'Platba',
    paidOn: 'Zaplaceno {date}. Děkujeme: práce je ve frontě.',
    unpaid: 'Čeká na platbu. Práci převezmeme po zaplacení.',
    account: 'Účet (IBAN)',
    bic: 'BIC',
    vs: 'Variabilní symbol',
    amount: 'Částka',
    due: 'Splatnost',
    qr: 'QR Platba: naskenujte ji v bankovní aplikaci a platba se vyplní',
    qrHint: 'Naskenujte QR Platbu v bankovní aplikaci: vyplní účet, částku, variabilní symbol i splatnost.',
    nothingToPay: 'Za tuto objednávku se nic neplatí.',
    payments: 'Přijaté platby',
    delivery: 'Dodání',
  },
};

/** `CZ6508000000192000145399` → `CZ65 0800 0000 1920 0014 5399`, as people read and type it. */
const grouped = (iban: string) => iban.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');

/** The Order tab: the binding order, its PDF, how to pay it (with the QR Platba code) and whether it is paid. */
export const OrderTab = () => {
  const { language } = useApp();
  const { request } = useContext(RequestContext);
  const t = useWords(words);
  const { answer, problem, checking, load } = useOrder(request.version);

  if (!answer) return <OrderUnread problem={problem} none={t('none')} />;
  const { order, download, payments } = answer;
  const money = (minor: number) => formatMoney(minor, order.currency, language);
  const party = (title: string, who: Party) => (
    <section class="party">
      <h3>{title}</h3>
      <address>
        {who.name}
        <br />
        {who.address.street}
        <br />
        {who.address.postalCode} {who.address.city}
        <br />
        {who.address.country}
      </address>
      <dl class="facts compact">
        {who.ico && (
          <div>
            <dt>{t('ico')}</dt>
            <dd>{who.ico}</dd>
          </div>
        )}
        {who.dic && (
          <div>
            <dt>{t('dic')}</dt>
            <dd>{who.dic}</dd>
          </div>
        )}
      </dl>
    </section>
  );

  return (
    <section class="order">
      <ProblemBox problem={problem} />
      <OrderHead order={order} />
      <p class="muted">
        {t('issued', { date: formatMoment(order.issuedAt, language) })} · {t('acceptedBy', { name: order.acceptedBy.name })}
      </p>
      <OrderDownload download={download} preparing={t('preparing')} checking={checking} onCheck={() => void load()} primary />
      <div class="parties">
        {party(t('supplier'), order.supplier)}
        {party(t('customer'), order.customer)}
      </div>
      <PriceTable priced={order} />
      <dl class="facts">
        <div>
          <dt>{t('delivery')}</dt>
          <dd>{order.deliveryEstimate}</dd>
        </div>
      </dl>
      <section class="payment" aria-labelledby="payment-heading">
        <h3 id="payment-heading">{t('payment')}</h3>
        {order.paidAt ? (
          <p class="notice ok" role="status">
            {t('paidOn', { date: formatMoment(order.paidAt, language) })}
          </p>
        ) : order.totals.gross === 0 ? (
          <p>{t('nothingToPay')}</p>
        ) : (
          <>
            <p class="notice">{t('unpaid')}</p>
            <div class="pay">
              <dl class="facts">
                <div>
                  <dt>{t('amount')}</dt>
                  <dd class="amount">{money(order.totals.gross)}</dd>
                </div>
                <div>
                  <dt>{t('account')}</dt>
                  <dd class="mono">{grouped(order.supplier.iban)}</dd>
                </div>
                {order.supplier.bic && (
                  <div>
                    <dt>{t('bic')}</dt>
                    <dd class="mono">{order.supplier.bic}</dd>
                  </div>
                )}
                <div>
                  <dt>{t('vs')}</dt>
                  <dd class="mono">{order.variableSymbol}</dd>
                </div>
                <div>
                  <dt>{t('due')}</dt>
                  <dd>{formatDay(order.dueDate, language)}</dd>
                </div>
              </dl>
              <figure class="qr">
                <QrPlatba order={order} label={t('qr')} />
                <figcaption class="hint">{t('qrHint')}</figcaption>
              </figure>
            </div>
          </>
        )}
        {payments.length > 0 && (
          <>
            <h4>{t('payments')}</h4>
            <ul class="payments">
              {payments.map((payment) => (
                <li key={payment.paymentId}>
                  {formatMoment(payment.paidAt, language)}: {formatMoney(payment.amount, payment.currency, language)}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </section>
  );
};
