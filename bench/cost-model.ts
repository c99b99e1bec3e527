import { SecretName } from '../lib/config/access.js';
import { businessMetrics } from '../lib/observability/metric-names.js';
import type { MeterSnapshot } from './cost-agent.js';
import { prices, unitPrice, type PriceName } from './prices.js';

/**
 * What a request lifecycle costs in AWS, from what the bench counted on the local stack, and what
 * a month of them costs with the stack's fixed monthly costs. Pure: counts and prices in, dollars out.
 */

/** Every function's memory (infra/orderdesk-function.ts: 1024 MB, arm64). */
export const lambdaMemoryMb = 1024;

/**
 * CloudWatch Logs, assumed rather than counted: the functions log JSON at INFO with the platform's
 * lines at WARN (no START/END/REPORT), so a run that succeeds writes about one line: the
 * notifier's `entry mailed`, or the metrics a change counts (an EMF line), each about 0.5 KB with
 * Powertools' context keys; many reads write nothing. Taken as 0.5 KB per run on average.
 */
export const assumedLogBytesPerRun = 500;

/** The API's access log: one JSON line per call (infra/api-stack.ts, `accessLogFields`), about 0.5 KB with a browser's user agent. */
export const assumedAccessLogBytesPerCall = 500;

/** DynamoDB's storage overhead per item, and per copy of an item in an index. */
export const dynamoItemOverheadBytes = 100;

const gib = 1024 ** 3;

/** What one lifecycle used, as counted (see bench/lifecycle.ts for how each is counted). */
export interface LifecycleCounts {
  /** Calls to the HTTP API: the lifecycle's steps and the bank's webhook. */
  apiCalls: number;
  /** Per function: its runs and their durations, each rounded up to 1 ms as Lambda bills. */
  invocations: Record<string, { count: number; billedMs: number }>;
  /** Request units, as DynamoDB Local reported them, plus the estimate for refused writes. */
  readUnits: number;
  writeUnits: number;
  transitions: number;
  executions: number;
  mails: number;
  attachmentBytes: number;
  s3Puts: number;
  s3Gets: number;
  /** Bytes the lifecycle left stored: the order PDF in S3; its items and index copies in DynamoDB, with their overhead. */
  s3StoredBytes: number;
  dynamoStoredBytes: number;
  /** X-Ray traces: one per run outside the workflow (an API call, a stream batch), one per execution. */
  traces: number;
  logBytes: number;
}

/** The functions the workflow runs (from the function table): their runs are in their execution's trace. */
export interface FunctionKinds {
  workflowTasks: ReadonlySet<string>;
}

/** A lifecycle's counts from the meter's snapshot over it and what the bench counted itself. */
export const lifecycleCounts = (
  measured: { snapshot: MeterSnapshot; apiCalls: number; transitions: number; executions: number; dynamoStoredBytes: number },
  kinds: FunctionKinds,
): LifecycleCounts => {
  const { snapshot } = measured;
  const runs = Object.entries(snapshot.invocations);
  const runsOf = (keep: (name: string) => boolean) => runs.filter(([name]) => keep(name)).reduce((sum, [, tally]) => sum + tally.count, 0);
  return {
    apiCalls: measured.apiCalls,
    invocations: Object.fromEntries(runs.map(([name, tally]) => [name, { count: tally.count, billedMs: tally.billedMs }])),
    readUnits: snapshot.dynamo.readUnits,
    writeUnits: snapshot.dynamo.writeUnits + snapshot.dynamo.estimatedWriteUnits,
    transitions: measured.transitions,
    executions: measured.executions,
    mails: snapshot.ses.mails,
    attachmentBytes: snapshot.ses.attachmentBytes,
    s3Puts: snapshot.s3.puts,
    s3Gets: snapshot.s3.gets,
    s3StoredBytes: snapshot.s3.putBytes,
    dynamoStoredBytes: measured.dynamoStoredBytes,
    traces: runsOf((name) => !kinds.workflowTasks.has(name)) + measured.executions,
    logBytes: runsOf(() => true) * assumedLogBytesPerRun + measured.apiCalls * assumedAccessLogBytesPerCall,
  };
};

/** Quantities, each in its price's unit. */
export type Usage = Partial<Record<PriceName, number>>;

export const lambdaRuns = (counts: Pick<LifecycleCounts, 'invocations'>) => Object.values(counts.invocations).reduce((sum, run) => sum + run.count, 0);
export const billedMs = (counts: Pick<LifecycleCounts, 'invocations'>) => Object.values(counts.invocations).reduce((sum, run) => sum + run.billedMs, 0);

/** A lifecycle's usage in the prices' units; what it stores is priced for one month. */
export const usageOf = (counts: LifecycleCounts): Usage => ({
  httpApiRequest: counts.apiCalls,
  lambdaRequest: lambdaRuns(counts),
  lambdaGbSecond: (billedMs(counts) / 1000) * (lambdaMemoryMb / 1024),
  dynamoWriteUnit: counts.writeUnits,
  dynamoReadUnit: counts.readUnits,
  stepFunctionsTransition: counts.transitions,
  sesOutboundMail: counts.mails,
  sesAttachmentGb: counts.attachmentBytes / gib,
  s3PutRequest: counts.s3Puts,
  s3GetRequest: counts.s3Gets,
  xrayTrace: counts.traces,
  logsIngestedGb: counts.logBytes / gib,
  dynamoStorageGbMonth: counts.dynamoStoredBytes / gib,
  s3StorageGbMonth: counts.s3StoredBytes / gib,
});

export interface CostLine {
  price: PriceName;
  quantity: number;
  dollars: number;
}

/** The display order of the lines. */
export const lineOrder: readonly PriceName[] = [
  'httpApiRequest',
  'lambdaRequest',
  'lambdaGbSecond',
  'dynamoWriteUnit',
  'dynamoReadUnit',
  'stepFunctionsTransition',
  'sesOutboundMail',
  'sesAttachmentGb',
  's3PutRequest',
  's3GetRequest',
  'xrayTrace',
  'logsIngestedGb',
  'dynamoStorageGbMonth',
  's3StorageGbMonth',
  'secretMonth',
  'alarmMonth',
  'dashboardMonth',
  'customMetricMonth',
  'cognitoMau',
];

/** Quantity × unit price for every price the usage names, in display order. */
export const costLines = (usage: Usage): CostLine[] =>
  lineOrder.flatMap((price) => {
    const quantity = usage[price];
    return quantity === undefined ? [] : [{ price, quantity, dollars: quantity * unitPrice(prices[price]) }];
  });

export const totalDollars = (lines: readonly CostLine[]): number => lines.reduce((sum, line) => sum + line.dollars, 0);

/** Sums usages, price by price. */
export const addUsage = (...usages: Usage[]): Usage => {
  const sum: Usage = {};
  for (const usage of usages) for (const [price, quantity] of Object.entries(usage) as [PriceName, number][]) sum[price] = (sum[price] ?? 0) + quantity;
  return sum;
};

export const scaleUsage = (usage: Usage, factor: number): Usage =>
  Object.fromEntries((Object.entries(usage) as [PriceName, number][]).map(([price, quantity]) => [price, quantity * factor]));

/** The clients and their requests a month the estimate is for. */
export const monthlyVolume = { clients: 1_000, requestsPerClient: 10 } as const;

export type LifecycleKey = 'priced' | 'changes' | 'zero';

/** The assumed mix of a month's lifecycles. */
export const monthlyMix: readonly { key: LifecycleKey; share: number; what: string }[] = [
  { key: 'priced', share: 0.6, what: 'priced and paid' },
  { key: 'changes', share: 0.2, what: 'priced with one round of changes' },
  { key: 'zero', share: 0.2, what: 'zero-price' },
];

/** The usage of `lifecycles` lifecycles in the given mix (shares summing to 1), from one measured lifecycle of each kind. */
export const mixedUsage = (perLifecycle: Partial<Record<LifecycleKey, Usage>>, mix: typeof monthlyMix, lifecycles: number): Usage => {
  const shares = mix.reduce((sum, part) => sum + part.share, 0);
  if (Math.abs(shares - 1) > 1e-9) throw new Error(`the mix's shares sum to ${shares}, not 1`);
  return addUsage(
    ...mix.map((part) => {
      const usage = perLifecycle[part.key];
      if (!usage) throw new Error(`no measured lifecycle "${part.key}" for the mix`);
      return scaleUsage(usage, part.share * lifecycles);
    }),
  );
};

/** What the stack pays a month whatever it does. */
export interface FixedAssumptions {
  /** Secrets Manager secrets: the data stack's generated ones. */
  secrets: number;
  /** Metrics in alarms: a metric-math alarm is priced per metric in its expression. */
  alarmMetrics: number;
  dashboards: number;
  customMetrics: number;
  /** People who sign in in a month. */
  monthlyActiveUsers: number;
}

/** Users who sign in in a month, per client organisation (assumed), and the agency's own staff (assumed). */
export const usersPerClient = 2;
export const agencyStaff = 10;

/**
 * The fixed monthly quantities: the secrets are the data stack's. The alarms as infra/ defines
 * them: 30 alarms with 44 metrics on 2026-12-07 (each background function's errors + throttles, a
 * dead-letter queue's depth, the API's 5xx rate, the table's throttles, SES reputation, the
 * workflow's failed and timed-out executions, the business metrics that alarm); the infra test
 * holds this number to the synthesized app. One dashboard; the business metrics of
 * lib/observability/metric-names.ts, one dimension set each. The users are assumed.
 */
export const fixedAssumptions: FixedAssumptions = {
  secrets: SecretName.options.length,
  alarmMetrics: 44,
  dashboards: 1,
  customMetrics: Object.keys(businessMetrics).length,
  monthlyActiveUsers: monthlyVolume.clients * usersPerClient + agencyStaff,
};

export const fixedUsage = (fixed: FixedAssumptions): Usage => ({
  secretMonth: fixed.secrets,
  alarmMonth: fixed.alarmMetrics,
  dashboardMonth: fixed.dashboards,
  customMetricMonth: fixed.customMetrics,
  cognitoMau: fixed.monthlyActiveUsers,
});

/** What the always-free allowances take off a month's usage, price by price (only those that save something). */
export const freeTierSavings = (usage: Usage): CostLine[] =>
  costLines(usage).flatMap((line) => {
    const free = (prices[line.price] as { freePerMonth?: number }).freePerMonth ?? 0;
    const quantity = Math.min(free, line.quantity);
    return quantity > 0 ? [{ price: line.price, quantity, dollars: quantity * unitPrice(prices[line.price]) }] : [];
  });

/** What the lifecycle's Lambda time would add if every run started cold, each INIT phase `initMs` long (billed since 2025-08-01). */
export const coldStartDollars = (counts: Pick<LifecycleCounts, 'invocations'>, initMs: number): number =>
  ((lambdaRuns(counts) * initMs) / 1000) * (lambdaMemoryMb / 1024) * unitPrice(prices.lambdaGbSecond);
