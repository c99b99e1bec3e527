import { useContext } from 'preact/hooks';
import { formatMoney, type CurrencyCode } from '../../../../../lib/domain/orders/money-format.js';
import { AppContext } from '../../../app-context.js';
import { useWords, type Words } from '../../../i18n.js';
import { Field } from '../../../ui/field.js';
import { lineField, type DraftLine, type LineField } from './offer-draft.js';
import { fieldReason } from '../../../field-reasons.js';

const words: Words<
  'line' | 'description' | 'quantity' | 'unit' | 'unitHint' | 'unitPrice' | 'vatRate' | 'net' | 'up' | 'down' | 'remove' | 'upOf' | 'downOf' | 'removeOf' | 'lineProblem' | 'noNet'
> = {
  en: {
    line: 'Line {n}',
    description: 'Description',
    quantity: 'Quantity',
    unit: 'Unit',
    unitHint: 'h, pcs, month…',
    unitPrice: 'Unit price',
    vatRate: 'VAT %',
    net: 'Line total without VAT',
    up: 'Up',
    down: 'Down',
    remove: 'Remove',
    upOf: 'Move line {n} up',
    downOf: 'Move line {n} down',
    removeOf: 'Remove line {n}',
    lineProblem: 'This line: {reason}',
    noNet: '–',
  },
  cs: {
    line: 'Řádek {n}',
    description: 'Popis',
    quantity: 'Množství',
    unit: 'Jednotka',
    unitHint: 'h, ks, měsíc…',
    unitPrice: 'Cena za jednotku',
    vatRate: 'DPH %',
    net: 'Řádek celkem bez DPH',
    up: 'Nahoru',
    down: 'Dolů',
    remove: 'Odebrat',
    upOf: 'Posunout řádek {n} nahoru',
    downOf: 'Posunout řádek {n} dolů',
    removeOf: 'Odebrat řádek {n}',
    lineProblem: 'Tento řádek: {reason}',
    noNet: '–',
  },
};

export interface LineEditorProps {
  line: DraftLine;
  index: number;
  count: number;
  currency: CurrencyCode;
  /** The line's net as it will be computed, if its numbers read. */
  net: number | undefined;
  /** Why a field of this line is refused, by `lineField` (and the line's own key for the whole line). */
  problemOf: (where: string) => string | undefined;
  onChange: (field: LineField, value: string) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/** One line of an offer: what, how much, for how much, at which VAT rate; moved and removed by buttons that name the line. */
export const LineEditor = ({ line, index, count, currency, net, problemOf, onChange, onMove, onRemove }: LineEditorProps) => {
  const { language } = useContext(AppContext);
  const t = useWords(words);
  const n = index + 1;
  const input = (field: LineField, extra: { inputMode?: 'decimal'; maxLength?: number; class?: string } = {}) => (
    <Field label={t(field)} problem={problemOf(lineField(line.key, field))} {...(field === 'unit' && index === 0 ? { hint: t('unitHint') } : {})}>
      {(props) => <input {...props} {...extra} type="text" autoComplete="off" data-where={lineField(line.key, field)} value={line[field]} onInput={(event) => onChange(field, event.currentTarget.value)} />}
    </Field>
  );
  const whole = problemOf(line.key);
  return (
    <fieldset class={whole ? 'offer-line invalid' : 'offer-line'} id={`line-${line.key}`}>
      <legend>{t('line', { n })}</legend>
      <div class="line-tools">
        <button type="button" class="secondary small" id={`line-${line.key}-up`} aria-label={t('upOf', { n })} disabled={index === 0} onClick={() => onMove(-1)}>
          ↑ {t('up')}
        </button>
        <button type="button" class="secondary small" id={`line-${line.key}-down`} aria-label={t('downOf', { n })} disabled={index === count - 1} onClick={() => onMove(1)}>
          ↓ {t('down')}
        </button>
        <button type="button" class="danger small" aria-label={t('removeOf', { n })} disabled={count === 1} onClick={onRemove}>
          {t('remove')}
        </button>
      </div>
      <div class="line-description">{input('description', { maxLength: 500 })}</div>
      <div class="line-numbers">
        {input('quantity', { inputMode: 'decimal' })}
        {input('unit', { maxLength: 20 })}
        {input('unitPrice', { inputMode: 'decimal' })}
        {input('vatRate', { inputMode: 'decimal' })}
        <div class="line-net">
          <span class="line-net-label">{t('net')}</span>
          <span class="line-net-value">{net === undefined ? t('noNet') : formatMoney(net, currency, language)}</span>
        </div>
      </div>
      {whole && <p class="field-problem">{t('lineProblem', { reason: fieldReason(whole, language) })}</p>}
    </fieldset>
  );
};
