import { formatMoney, type CurrencyCode } from '../../../../lib/domain/orders/money-format.js';
import { useWords, type Words } from '../../i18n.js';
import { useApp } from './decision-kit.js';
import { VatTotals } from './vat-totals.js';

/**
 * An offer's or an order's lines, VAT recapitulation and totals (vat-totals.tsx), exactly as the
 * API computed them: every amount is one the API gave (`totals.lineNets`, `totals.vat`,
 * `totals.net`, `totals.gross`), only formatted here, never computed.
 */

const words: Words<'lines' | 'description' | 'quantity' | 'unit' | 'unitPrice' | 'vatRate' | 'lineTotal'> = {
  en: {
    lines: 'What it includes',
    description: 'Description',
    quantity: 'Quantity',
    unit: 'Unit',
    unitPrice: 'Unit price',
    vatRate: 'VAT',
    lineTotal: 'Total without VAT',
  },
  cs: {
    lines: 'Co zahrnuje',
    description: 'Popis',
    quantity: 'Množství',
    unit: 'Jednotka',
    unitPrice: 'Cena za jednotku',
    vatRate: 'DPH',
    lineTotal: 'Celkem bez DPH',
  },
};

export interface Priced {
  currency: CurrencyCode;
  lines: { description: string; quantity: number; unit: string; unitPrice: number; vatRate: number }[];
  totals: { net: number; gross: number; lineNets: number[]; vat: { rate: number; base: number; vat: number }[] };
}

export const PriceTable = ({ priced, caption }: { priced: Priced; caption?: string }) => {
  const { language } = useApp();
  const t = useWords(words);
  const money = (minor: number) => formatMoney(minor, priced.currency, language);
  const number = (value: number) => new Intl.NumberFormat(language === 'cs' ? 'cs-CZ' : 'en-GB', { maximumFractionDigits: 3 }).format(value);
  return (
    <div class="priced">
      {/* On a phone each line stacks (styles.css); the region scrolls should anything still be wider, and takes focus so the keyboard scrolls it too. */}
      <div class="table-scroll" tabIndex={0} role="region" aria-label={caption ?? t('lines')}>
        <table class="lines">
          <caption>{caption ?? t('lines')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('description')}</th>
              <th scope="col" class="num">
                {t('quantity')}
              </th>
              <th scope="col">{t('unit')}</th>
              <th scope="col" class="num">
                {t('unitPrice')}
              </th>
              <th scope="col" class="num">
                {t('vatRate')}
              </th>
              <th scope="col" class="num">
                {t('lineTotal')}
              </th>
            </tr>
          </thead>
          <tbody>
            {priced.lines.map((line, index) => (
              <tr key={index}>
                {/* data-label: the column's name, shown beside each value where a phone stacks the line (styles.css). */}
                <td class="description">{line.description}</td>
                <td class="num" data-label={t('quantity')}>
                  {number(line.quantity)}
                </td>
                <td data-label={t('unit')}>{line.unit}</td>
                <td class="num" data-label={t('unitPrice')}>
                  {money(line.unitPrice)}
                </td>
                <td class="num" data-label={t('vatRate')}>
                  {number(line.vatRate)} %
                </td>
                <td class="num" data-label={t('lineTotal')}>
                  {priced.totals.lineNets[index] !== undefined ? money(priced.totals.lineNets[index]) : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <VatTotals totals={priced.totals} currency={priced.currency} />
    </div>
  );
};
