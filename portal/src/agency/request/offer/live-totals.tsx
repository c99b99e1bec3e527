import type { Totals } from '../../../../../lib/domain/orders/money-totals.js';
import type { CurrencyCode } from '../../../../../lib/domain/orders/money-format.js';
import { VatTotals } from '../../../pages/request/vat-totals.js';
import { useWords, type Words } from '../../../i18n.js';

const words: Words<'title' | 'partial' | 'nothing'> = {
  en: {
    title: 'Totals as the client will see them',
    partial: 'Lines with a number to fix are left out until it is fixed.',
    nothing: 'The totals appear once a line has its quantity, unit price and VAT rate.',
  },
  cs: {
    title: 'Součty, jak je uvidí klient',
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
  const t = useWords(words);
  return (
    <section class="live-totals" aria-labelledby="live-totals-title">
      <h3 id="live-totals-title">{t('title')}</h3>
      {!complete && <p class="hint">{totals.vat.length > 0 ? t('partial') : t('nothing')}</p>}
      {totals.vat.length > 0 && <VatTotals totals={totals} currency={currency} />}
    </section>
  );
};
