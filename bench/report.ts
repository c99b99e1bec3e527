import { ratio, type Summary } from './stats.js';

/**
 * The read goals, at concurrency 1: a route's p50 at most 1 ms over the floor of its two hops (its
 * raw DynamoDB call's p50 plus /health's), and at most 1.5 ms of CPU per warm call in the API's
 * process; and the queue's first page under 20 ms at p99 (with 5,000 active requests).
 */
export const goals = { maxOverFloorMs: 1.0, maxCpuMs: 1.5, queueP99Ms: 20, queueRequests: 5000 } as const;
export const queuePairName = 'queue first page';
/** The API's HTTP hop alone (GET /health): the floor's first hop, not a read route of its own. */
export const hopPairName = 'api hop (/health)';

export interface Row {
  name: string;
  concurrency: number;
  route: Summary;
  raw: Summary;
  /** The CPU per warm call of the route's handler (measured at concurrency 1 only). */
  cpu?: Summary;
}

/** What orderdesk adds to a read route, at concurrency 1 (every figure a p50 of the same run). */
export interface OverFloor {
  name: string;
  routeP50: number;
  rawP50: number;
  hopP50: number;
  /** route − (raw + hop): what the route adds over the two hops it can't do without; none for the hop itself. */
  overMs?: number;
  /** The median CPU per warm call of the route's handler in the API's process. */
  cpuMs?: number;
}

/** The figures of the read goals, one per route measured at concurrency 1; none without the hop's row. */
export const overFloor = (rows: readonly Row[]): OverFloor[] => {
  const hop = rows.find((row) => row.name === hopPairName && row.concurrency === 1);
  if (!hop) return [];
  return rows
    .filter((row) => row.concurrency === 1)
    .map((row) => ({
      name: row.name,
      routeP50: row.route.p50,
      rawP50: row.raw.p50,
      hopP50: hop.route.p50,
      ...(row === hop ? {} : { overMs: row.route.p50 - (row.raw.p50 + hop.route.p50) }),
      ...(row.cpu ? { cpuMs: row.cpu.p50 } : {}),
    }));
};

const overMissed = (figures: OverFloor) => figures.overMs !== undefined && figures.overMs > goals.maxOverFloorMs;
const cpuMissed = (figures: OverFloor) => figures.cpuMs !== undefined && figures.cpuMs > goals.maxCpuMs;
const queueP99Missed = (row: Row) => row.name === queuePairName && row.route.p99 >= goals.queueP99Ms;

/** One line per missed goal; none when every goal is met. */
export const missedGoals = (rows: readonly Row[]): string[] => [
  ...overFloor(rows).flatMap((figures) => [
    ...(overMissed(figures) ? [`${figures.name}: ${figures.overMs!.toFixed(2)} ms over the floor (p50, concurrency 1), more than ${goals.maxOverFloorMs.toFixed(1)} ms`] : []),
    ...(cpuMissed(figures) ? [`${figures.name}: ${figures.cpuMs!.toFixed(2)} ms of CPU per warm call (median), more than ${goals.maxCpuMs.toFixed(1)} ms`] : []),
  ]),
  ...rows.flatMap((row) => (queueP99Missed(row) ? [`${row.name} at concurrency ${row.concurrency}: p99 ${row.route.p99.toFixed(1)} ms, not under ${goals.queueP99Ms} ms`] : [])),
];

const ms = (value: number) => `${value.toFixed(2)} ms`;
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '∞');
const marked = (text: string, miss: boolean) => `${text}${miss ? ' !' : '  '}`;

/** Columns: the first left-aligned, the rest right-aligned with room for a two-character mark. */
const table = (header: readonly string[], cells: readonly (readonly string[])[]): string => {
  const widths = header.map((title, column) => Math.max(title.length + 2, ...cells.map((line) => line[column]!.length)));
  const line = (values: readonly string[]) =>
    values.map((value, column) => (column === 0 ? value.padEnd(widths[0]!) : value.padStart(widths[column]! + 2))).join('');
  const headerLine = line(header.map((title, column) => (column === 0 ? title : `${title}  `)));
  return [headerLine, '-'.repeat(headerLine.length), ...cells.map(line)].join('\n');
};

/**
 * The read goals' figures and their ratios to the goals (1.00× is the goal exactly); `!` marks a
 * miss. The hop's row has no figure over the floor (it is the floor's first hop).
 */
export const formatOverFloorTable = (rows: readonly Row[]): string =>
  table(
    ['route (concurrency 1)', 'route p50', 'raw p50', '/health p50', 'over floor', `÷ ${goals.maxOverFloorMs.toFixed(1)} ms`, 'CPU/call', `÷ ${goals.maxCpuMs.toFixed(1)} ms`],
    overFloor(rows).map((figures) => [
      figures.name,
      `${ms(figures.routeP50)}  `,
      `${ms(figures.rawP50)}  `,
      `${ms(figures.hopP50)}  `,
      figures.overMs === undefined ? '—  ' : `${ms(figures.overMs)}  `,
      figures.overMs === undefined ? '—  ' : marked(times(figures.overMs / goals.maxOverFloorMs), overMissed(figures)),
      figures.cpuMs === undefined ? '—  ' : `${ms(figures.cpuMs)}  `,
      figures.cpuMs === undefined ? '—  ' : marked(times(figures.cpuMs / goals.maxCpuMs), cpuMissed(figures)),
    ]),
  );

/**
 * Latency of each route and its raw call at each concurrency, and route ÷ raw of the same
 * percentile: information (the p99s of two HTTP hops on shared cores are noise, no goal); `!`
 * marks a queue first page p99 of 20 ms or more.
 */
export const formatLatencyTable = (rows: readonly Row[]): string =>
  table(
    ['route', 'conc', 'route p50', 'route p99', 'raw p50', 'raw p99', 'route÷raw p50', 'route÷raw p99'],
    rows.map((row) => [
      row.name,
      `${row.concurrency}  `,
      `${ms(row.route.p50)}  `,
      marked(ms(row.route.p99), queueP99Missed(row)),
      `${ms(row.raw.p50)}  `,
      `${ms(row.raw.p99)}  `,
      `${times(ratio(row.route.p50, row.raw.p50))}  `,
      `${times(ratio(row.route.p99, row.raw.p99))}  `,
    ]),
  );
