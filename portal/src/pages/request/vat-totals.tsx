import { formatMoney, type CurrencyCode } from '../../../../lib/domain/orders/money-format.js';
import { useWords, type Words } from '../../i18n.js';
import { useApp } from './decision-kit.js';

const words: Words<'recap' | 'rate' | 'base' | 'vat' | 'net' | 'vatAt' | 'gross'> = {
  en: {
    recap: 'VAT recapitulation',
    rate: 'VAT rate',
    base: 'Base',
    vat: 'VAT',
    net: 'Total without VAT',
    vatAt: 'VAT {rate} %',
    gross: 'Total with VAT',
  },
  cs: {
    recap: 'Rekapitulace DPH',
    rate: 'Sazba DPH',
    base: 'Základ',
    vat: 'DPH',
    net: 'Celkem bez DPH',
    vatAt: 'DPH {rate} %',
    gross: 'Celkem s DPH',
  },
};

export interface VatTotalsOf {
  net: number;
  gross: number;
  vat: { rate: number; base: number; vat: number }[];
}

/**
 * The VAT recapitulation (one row per rate) and the totals beneath it, only formatted here: the
 * client's offer and order show the API's, the agency's offer editor the same arithmetic's
 * (`totalsOf`) while it is typed, so both read the same, in the same words.
 */
export const VatTotals = ({ totals, currency }: { totals: VatTotalsOf; currency: CurrencyCode }) => {
  const { language } = useApp();
  const t = useWords(words);
  const money = (minor: number) => formatMoney(minor, currency, language);
  // A rate has at most two decimals (the API refuses more).
  const rate = (value: number) => new Intl.NumberFormat(language === 'cs' ? 'cs-CZ' : 'en-GB', { maximumFractionDigits: 2 }).format(value);
  return (
    <>
      {/* Wider than a phone: the region scrolls, and takes focus so the keyboard scrolls it too. */}
      <div class="table-scroll" tabIndex={0} role="region" aria-label={t('recap')}>
        <table class="recap">
          <caption>{t('recap')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rate')}</th>
              <th scope="col" class="num">
                {t('base')}
              </th>
              <th scope="col" class="num">
                {t('vat')}
              </th>
            </tr>
          </thead>
          <tbody>
            {totals.vat.map((row) => (
              <tr key={row.rate}>
                <td>{rate(row.rate)} %</td>
                <td class="num">{money(row.base)}</td>
                <td class="num">{money(row.vat)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl class="totals">
        <div class="net">
          <dt>{t('net')}</dt>
          <dd>{money(totals.net)}</dd>
        </div>
        {totals.vat.map((row) => (
          <div key={row.rate}>
            <dt>{t('vatAt', { rate: rate(row.rate) })}</dt>
            <dd>{money(row.vat)}</dd>
          </div>
        ))}
        <div class="gross">
          <dt>{t('gross')}</dt>
          <dd>{money(totals.gross)}</dd>
        </div>
      </dl>
    </>
  );
};
