import { ratio, type Summary } from './stats.js';

/** The goals: each route's p99 at most 1.5 × its raw call's, and the queue's first page under 20 ms. */
export const goals = { maxRatio: 1.5, queueP99Ms: 20, queueRequests: 5000 } as const;
export const queuePairName = 'queue first page';
/** The API's HTTP hop alone (GET /health), shown for scale; not one of the goals. */
export const hopPairName = 'api hop (/health)';

export interface Row {
  name: string;
  concurrency: number;
  route: Summary;
  raw: Summary;
}

const ratioP99Missed = (row: Row) => row.name !== hopPairName && ratio(row.route.p99, row.raw.p99) > goals.maxRatio;
const queueP99Missed = (row: Row) => row.name === queuePairName && row.route.p99 >= goals.queueP99Ms;

/** One line per missed goal; none when every goal is met. */
export const missedGoals = (rows: readonly Row[]): string[] =>
  rows.flatMap((row) => [
    ...(ratioP99Missed(row)
      ? [`${row.name} at concurrency ${row.concurrency}: p99 ratio ${ratio(row.route.p99, row.raw.p99).toFixed(2)} > ${goals.maxRatio}`]
      : []),
    ...(queueP99Missed(row) ? [`${row.name} at concurrency ${row.concurrency}: p99 ${row.route.p99.toFixed(1)} ms, not under ${goals.queueP99Ms} ms`] : []),
  ]);

const ms = (value: number) => `${value.toFixed(2)} ms`;
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '∞');
const marked = (text: string, miss: boolean) => `${text}${miss ? ' !' : '  '}`;

/** The results as a table; `!` marks a ratio above 1.5 and a queue first page p99 of 20 ms or more. */
export const formatTable = (rows: readonly Row[]): string => {
  const header = ['route', 'conc', 'route p50', 'route p99', 'raw p50', 'raw p99', 'ratio p50', 'ratio p99'];
  const cells = rows.map((row) => {
    const p50 = ratio(row.route.p50, row.raw.p50);
    const p99 = ratio(row.route.p99, row.raw.p99);
    return [
      row.name,
      String(row.concurrency),
      `${ms(row.route.p50)}  `,
      marked(ms(row.route.p99), queueP99Missed(row)),
      `${ms(row.raw.p50)}  `,
      `${ms(row.raw.p99)}  `,
      marked(times(p50), row.name !== hopPairName && p50 > goals.maxRatio),
      marked(times(p99), ratioP99Missed(row)),
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length + 2, ...cells.map((line) => line[column]!.length)));
  const line = (values: readonly string[]) =>
    values.map((value, column) => (column === 0 ? value.padEnd(widths[0]!) : value.padStart(widths[column]! + 2))).join('');
  const headerLine = line(header.map((title, column) => (column < 2 ? title : `${title}  `)));
  return [headerLine, '-'.repeat(headerLine.length), ...cells.map(line)].join('\n');
};
