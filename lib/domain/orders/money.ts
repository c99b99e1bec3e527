import * as z from 'zod';
import { currencyCodes } from './money-format.js';
import { maxMinorUnits } from './money-totals.js';

export { decimalAmount, formatMoney } from './money-format.js';
// The arithmetic lives apart from the schemas so that the portal shares it without zod (money-totals.ts).
export { amountLimitProblems, basisPoints, hasDecimals, maxMinorUnits, thousandths, totalsOf, type PricedLine, type Totals, type VatLine } from './money-totals.js';

/** The currencies the agency invoices in. Amounts are integer minor units (haléř, cent). */
export const Currency = z.enum(currencyCodes);
export type Currency = z.infer<typeof Currency>;

/** An amount in minor units, from 0 to `maxMinorUnits` (money-totals.ts says why that much). */
export const MinorUnits = z.number().int().min(0).max(maxMinorUnits);
