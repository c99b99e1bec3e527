import { currencyCodes, isCurrencyCode, type CurrencyCode } from '../../../../lib/domain/orders/money-format.js';

/** The currencies orderdesk takes, as a select inside a `Field` (whose `field` props it spreads): an offer's, a payment's. */
export const CurrencySelect = ({ field, value, onChange }: { field: { id: string; 'aria-invalid'?: 'true'; 'aria-describedby'?: string }; value: CurrencyCode; onChange: (code: CurrencyCode) => void }) => (
  <select {...field} value={value} onChange={(event) => isCurrencyCode(event.currentTarget.value) && onChange(event.currentTarget.value)}>
    {currencyCodes.map((code) => (
      <option key={code} value={code}>
        {code}
      </option>
    ))}
  </select>
);
