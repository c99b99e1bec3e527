/**
 * The arithmetic of money, without zod: the one rounding rule by which the server computes an
 * offer's totals (`makeOffer`) and the agency's offer editor in the portal shows them live as
 * they are typed, so the two can never differ by a haléř. `money.ts` adds the zod schemas
 * (built at import time, which no bundler can shake off) and re-exports all of this, so server
 * code imports `money.ts` as before; the portal imports this module alone.
 */

/**
 * The largest amount orderdesk takes anywhere: 10^12 minor units (10 billion CZK). Far beyond any
 * order, and every sum of such amounts the system makes stays a safe integer (DynamoDB's
 * marshaller refuses numbers past 2^53, and a payment can't be larger, so no larger order could
 * ever be paid).
 */
export const maxMinorUnits = 1e12;

/** `a / b` rounded half away from zero, for non-negative integers. */
const divideRounded = (a: bigint, b: bigint): bigint => (2n * a + b) / (2n * b);

/** A quantity in thousandths: `1.5` hours is 1500. */
export const thousandths = (quantity: number): bigint => BigInt(Math.round(quantity * 1000));
/** A VAT rate in hundredths of a percent: `21` is 2100, `5.5` is 550. */
export const basisPoints = (rate: number): bigint => BigInt(Math.round(rate * 100));

/**
 * Is exactly a number written with at most `decimals` decimal places: the number JSON's `1.005`
 * parses to (which binary floating point can't hold exactly) counts, and so does every other such
 * text, since rounding it to the grid and back gives the very same double. Anything off the grid
 * does not, however close: `1e-300` (which a tolerance would take for 0, and DynamoDB then refuses
 * as an underflow), `1.0000000000000002`, `21.000000000000004` (which would make a VAT rate of its
 * own beside 21).
 */
export const hasDecimals = (value: number, decimals: number): boolean => {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale === value;
};

export interface PricedLine {
  quantity: number;
  unitPrice: number;
  vatRate: number;
}

export interface VatLine {
  /** Percent, as on the offer's lines. */
  rate: number;
  /** The sum of the nets of the lines with this rate. */
  base: number;
  vat: number;
}

export interface Totals {
  /** Each line's net, in the lines' order. */
  lineNets: number[];
  net: number;
  /** One row per VAT rate, lowest rate first. */
  vat: VatLine[];
  gross: number;
}

/** The totals in BigInt, before any of them becomes a Number. */
const exactTotals = (lines: readonly PricedLine[]) => {
  const lineNets = lines.map((line) => divideRounded(thousandths(line.quantity) * BigInt(line.unitPrice), 1000n));
  // One row per rate, keyed by its basis points: the rate as the integer the arithmetic uses.
  const bases = new Map<bigint, bigint>();
  lines.forEach((line, index) => {
    const points = basisPoints(line.vatRate);
    bases.set(points, (bases.get(points) ?? 0n) + lineNets[index]!);
  });
  const vat = [...bases.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([points, base]) => ({ rate: Number(points) / 100, base, vat: divideRounded(base * points, 10_000n) }));
  const net = lineNets.reduce((sum, value) => sum + value, 0n);
  const gross = net + vat.reduce((sum, row) => sum + row.vat, 0n);
  return { lineNets, net, vat, gross };
};

/**
 * The one rounding rule (docs/offers-orders-payment.md, "Money"): a line's net is quantity × unit price, rounded half away
 * from zero to the minor unit; VAT is computed once per rate, on the sum of that rate's line nets,
 * rounded the same way; the gross is the net plus every rate's VAT. Integer arithmetic throughout
 * (BigInt), so no amount depends on floating point or on the order of the lines.
 */
export const totalsOf = (lines: readonly PricedLine[]): Totals => {
  const { lineNets, net, vat, gross } = exactTotals(lines);
  return {
    lineNets: lineNets.map(Number),
    net: Number(net),
    vat: vat.map((row) => ({ rate: row.rate, base: Number(row.base), vat: Number(row.vat) })),
    gross: Number(gross),
  };
};

/**
 * Where priced lines break the limit every amount keeps: each line's net and the gross must be
 * at most `maxMinorUnits`. Each field is within its own maximum, but 10^6 units at 10^12 each
 * would total 10^18, which no number field stores exactly. Checked in BigInt, before any total
 * becomes a Number. `[]` when the lines are within it.
 */
export const amountLimitProblems = (lines: readonly PricedLine[]): { path: (string | number)[]; message: string }[] => {
  const max = BigInt(maxMinorUnits);
  const problems = lines.flatMap((line, index) =>
    divideRounded(thousandths(line.quantity) * BigInt(line.unitPrice), 1000n) > max
      ? [{ path: [index, 'unitPrice'], message: `quantity × unit price must be at most ${maxMinorUnits} minor units` }]
      : [],
  );
  if (problems.length > 0) return problems;
  return exactTotals(lines).gross > max ? [{ path: [], message: `the offer's total with VAT must be at most ${maxMinorUnits} minor units` }] : [];
};

