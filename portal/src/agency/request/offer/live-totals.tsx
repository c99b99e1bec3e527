import type { Totals } from '../../../../../lib/domain/orders/money-totals.js';
import { formatMoney, type CurrencyCode } from '../../../../../lib/domain/orders/money-format.js';
import { useContext } from 'preact/hooks';
import { AppContext } from '../../../app-context.js';
import { useWords, type Words } from '../../../i18n.js';

const words: Words<'title' | 'recap' | 'rate' | 'base' | 'vat' | 'net' | 'vatAt' | 'gross' | 'partial' | 'nothing'> = {
  en: {
    title: 'Totals as the client will see them',
    recap: 'VAT recapitulation',
    rate: 'VAT rate',
    base: 'Base',
    vat: 'VAT',
    net: 'Total without VAT',
    vatAt: 'VAT {rate} %',
    gross: 'Total with VAT',
    partial: 'Lines with a number to fix are left out until it is fixed.',
    nothing: 'The totals appear once a line has its quantity, unit price and VAT rate.',
  },
  cs: {
    title: 'Součty, jak je uvidí klient',
    recap: 'Rekapitulace DPH',
    rate: 'Sazba DPH',
    base: 'Základ',
    vat: 'DPH',
    net: 'Celkem bez DPH',
    vatAt: 'DPH {rate} %',
    gross: 'Celkem s DPH',
    partial: 'Řádky s číslem k opravě se do součtů nezapočítají, dokud se neopraví.',
    nothing: 'Součty se objeví, jakmile má řádek množství, cenu za jednotku a sazbu DPH.',
  },
};

/**
 * The offer's VAT recapitulation and totals while it is written: `totals` come from `totalsOf`,
 * the very function the API computes the posted offer's with (money-totals.ts), so what the agent
 * sees here is what the client will see, to the haléř.
 */
export const LiveTotals = ({ totals, currency, complete }: { totals: Totals; currency: CurrencyCode; complete: boolean }) => {
  const { language } = useContext(AppContext);
  const t = useWords(words);
  const money = (minor: number) => formatMoney(minor, currency, language);
  const rate = (value: number) => new Intl.NumberFormat(language === 'cs' ? 'cs-CZ' : 'en-GB', { maximumFractionDigits: 2 }).format(value);
  return (
    <section class="live-totals" aria-labelledby="live-totals-title">
      <h3 id="live-totals-title">{t('title')}</h3>
      {!complete && <p class="hint">{totals.vat.length > 0 ? t('partial') : t('nothing')}</p>}
      {totals.vat.length > 0 && (
        <>
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
      )}
    </section>
  );
};
