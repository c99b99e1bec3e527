import {
  agencyStaff,
  assumedAccessLogBytesPerCall,
  assumedLogBytesPerRun,
  billedMs,
  coldStartDollars,
  costLines,
  dynamoItemOverheadBytes,
  fixedUsage,
  freeTierSavings,
  lambdaMemoryMb,
  lambdaRuns,
  mixedUsage,
  monthlyMix,
  monthlyVolume,
  totalDollars,
  usageOf,
  usersPerClient,
  type CostLine,
  type FixedAssumptions,
  type LifecycleCounts,
  type LifecycleKey,
  type Usage,
} from './cost-model.js';
import { priceDate, priceRegion, prices, type Price, type PriceName } from './prices.js';

const labels: Record<PriceName, string> = {
  httpApiRequest: 'API Gateway HTTP API requests',
  lambdaRequest: 'Lambda invocations',
  lambdaGbSecond: `Lambda compute, arm64 ${lambdaMemoryMb} MB`,
  dynamoWriteUnit: 'DynamoDB write request units',
  dynamoReadUnit: 'DynamoDB read request units',
  stepFunctionsTransition: 'Step Functions state transitions',
  sesOutboundMail: 'SES mails sent',
  sesAttachmentGb: 'SES attachments sent',
  s3PutRequest: 'S3 PUT requests',
  s3GetRequest: 'S3 GET requests',
  xrayTrace: 'X-Ray traces (estimated)',
  logsIngestedGb: 'CloudWatch Logs ingested (assumed)',
  dynamoStorageGbMonth: 'DynamoDB storage, one month',
  s3StorageGbMonth: 'S3 storage, one month',
  secretMonth: 'Secrets Manager secrets',
  alarmMonth: 'CloudWatch alarm metrics',
  dashboardMonth: 'CloudWatch dashboards',
  customMetricMonth: 'CloudWatch custom metrics',
  cognitoMau: 'Cognito monthly active users',
};

/** The unit a price of `per` 1 is quoted in, short. */
const shortUnits: Partial<Record<PriceName, string>> = {
  lambdaGbSecond: 'GB-s',
  sesAttachmentGb: 'GB',
  logsIngestedGb: 'GB',
  dynamoStorageGbMonth: 'GB-month',
  s3StorageGbMonth: 'GB-month',
  secretMonth: 'secret',
  alarmMonth: 'alarm metric',
  dashboardMonth: 'dashboard',
  customMetricMonth: 'metric',
  cognitoMau: 'MAU',
};

const byteQuantities = new Set<PriceName>(['sesAttachmentGb', 'logsIngestedGb', 'dynamoStorageGbMonth', 's3StorageGbMonth']);

/** Dollars to three significant digits below $1, cents above. */
export const formatDollars = (dollars: number): string => {
  if (dollars === 0) return '$0';
  if (dollars >= 1) return `$${dollars.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  return `$${dollars.toFixed(Math.min(12, 2 - Math.floor(Math.log10(dollars))))}`;
};

/** A price as quoted: `$1.20 per million`, `$0.025 per 1,000`, `$0.0000133334 per GB-s`. */
export const formatPrice = (name: PriceName, price: Price = prices[name]): string => {
  const decimals = (String(price.dollars).split('.')[1] ?? '').length;
  const amount = price.dollars.toFixed(Math.max(2, decimals));
  const per = price.per === 1_000_000 ? 'million' : price.per === 1 ? (shortUnits[name] ?? 'unit') : price.per.toLocaleString('en-US');
  return `$${amount} per ${per}`;
};

const formatBytes = (bytes: number): string =>
  bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;

/** A quantity in its price's unit, bytes as KB, MB or GB. */
export const formatQuantity = (name: PriceName, quantity: number): string => {
  if (quantity === 0) return '0';
  if (byteQuantities.has(name)) return formatBytes(quantity * 1024 ** 3);
  if (name === 'lambdaGbSecond') return `${quantity < 100 ? quantity.toFixed(3) : quantity.toLocaleString('en-US', { maximumFractionDigits: 0 })} GB-s`;
  return quantity.toLocaleString('en-US', { maximumFractionDigits: Number.isInteger(quantity) ? 0 : 1 });
};

/** A price's line label without its qualifiers: `Lambda compute`, `X-Ray traces`. */
const shortLabel = (name: PriceName) => labels[name].replace(/ \(.*\)$/, '').split(',')[0]!;

/** Lines of label, quantity × price = dollars, and their total. */
export const formatCostTable = (lines: readonly CostLine[], indent = '    ', totalLabel = 'total'): string => {
  const rows = lines.map((line) => [labels[line.price], formatQuantity(line.price, line.quantity), formatPrice(line.price), formatDollars(line.dollars)] as const);
  const width = (column: number) => Math.max(...rows.map((row) => row[column]!.length), column === 0 ? totalLabel.length : 0);
  const [w0, w1, w2, w3] = [width(0), width(1), width(2), width(3)];
  const body = rows.map(([label, quantity, price, dollars]) => `${indent}${label.padEnd(w0)}  ${quantity.padStart(w1)} × ${price.padEnd(w2)} = ${dollars.padStart(w3)}`);
  const total = `${indent}${totalLabel.padEnd(w0)}  ${''.padStart(w1)}   ${''.padEnd(w2)}   ${formatDollars(totalDollars(lines)).padStart(w3)}`;
  return [...body, total].join('\n');
};

const percent = (share: number) => `${Math.round(share * 100)} %`;

export interface MeasuredLifecycle {
  key: LifecycleKey;
  label: string;
  counts: LifecycleCounts;
  /** DynamoDB commands sent, by name, and the writes refused by their condition (estimated units). */
  commands: Record<string, number>;
  refusedWrites: number;
  /** The mails about the request in the local inbox, beside the SendEmail calls the meter counted. */
  inboxMails: number;
}

/** A cold start's INIT phase, assumed for the "every run cold" bound (bundles of ~400 KB on arm64 at 1024 MB). */
export const assumedInitMs = 300;

/** The whole cost section `npm run bench` prints. */
export const formatCostSection = (lifecycles: readonly MeasuredLifecycle[], fixed: FixedAssumptions): string => {
  const out: string[] = [];
  out.push(`cost of one request lifecycle at AWS list prices (${priceRegion}, as of ${priceDate}; every price in bench/prices.ts, no free tiers):`);
  const perLifecycle: Partial<Record<LifecycleKey, Usage>> = {};
  for (const lifecycle of lifecycles) {
    const usage = usageOf(lifecycle.counts);
    perLifecycle[lifecycle.key] = usage;
    out.push(`  ${lifecycle.label}`);
    out.push(formatCostTable(costLines(usage)));
    const runs = Object.entries(lifecycle.counts.invocations)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, run]) => `${name} ${run.count}×/${run.billedMs} ms`);
    out.push(`    Lambda: ${lambdaRuns(lifecycle.counts)} runs, ${billedMs(lifecycle.counts)} ms billed locally: ${runs.join(', ')}`);
    const commands = Object.entries(lifecycle.commands)
      .sort(([, a], [, b]) => b - a)
      .map(([name, count]) => `${name.replace(/Command$/, '')} ${count}`);
    out.push(
      `    DynamoDB: ${commands.join(', ')}` +
        (lifecycle.refusedWrites > 0 ? `; ${lifecycle.refusedWrites} write(s) refused by their condition, counted as estimated units` : ''),
    );
    out.push(`    SES: ${lifecycle.counts.mails} SendEmail calls accepted; the local inbox has ${lifecycle.inboxMails} mails about the request`);
    out.push(`    if every run started cold (INIT ${assumedInitMs} ms each, assumed): + ${formatDollars(coldStartDollars(lifecycle.counts, assumedInitMs))}`);
  }

  const lifecyclesPerMonth = monthlyVolume.clients * monthlyVolume.requestsPerClient;
  const requests = mixedUsage(perLifecycle, monthlyMix, lifecyclesPerMonth);
  const fixedMonthly = fixedUsage(fixed);
  const requestLines = costLines(requests);
  const fixedLines = costLines(fixedMonthly);
  const all = [...requestLines, ...fixedLines];
  const saved = freeTierSavings(requests).concat(freeTierSavings(fixedMonthly));
  out.push('');
  out.push(
    `a month of ${monthlyVolume.clients.toLocaleString('en-US')} clients × ${monthlyVolume.requestsPerClient} requests = ${lifecyclesPerMonth.toLocaleString('en-US')} lifecycles, ` +
      `assumed ${monthlyMix.map((part) => `${percent(part.share)} ${part.what}`).join(', ')}:`,
  );
  out.push(formatCostTable(requestLines, '    ', 'the requests'));
  out.push('  fixed a month:');
  out.push(formatCostTable(fixedLines, '    ', 'fixed'));
  out.push(
    `    (secrets: the data stack's ${fixed.secrets}; alarms: infra/'s 20, with ${fixed.alarmMetrics} metrics; ${fixed.dashboards} dashboard; the ${fixed.customMetrics} business metrics; ` +
      `users: ${monthlyVolume.clients.toLocaleString('en-US')} clients × ${usersPerClient} + ${agencyStaff} agency staff, assumed, on Cognito Essentials)`,
  );
  out.push(
    `  a month at list prices: ${formatDollars(totalDollars(all))} (${formatDollars(totalDollars(requestLines))} the requests, ` +
      `${formatDollars(totalDollars(requestLines) / lifecyclesPerMonth)} a lifecycle on average; ${formatDollars(totalDollars(fixedLines))} fixed)`,
  );
  out.push(
    `  after the always-free tiers (per account): ${formatDollars(totalDollars(all) - totalDollars(saved))}; they take off ` +
      saved.map((line) => `${shortLabel(line.price)} ${formatDollars(line.dollars)}`).join('; '),
  );
  const storage = costLines({ dynamoStorageGbMonth: requests.dynamoStorageGbMonth ?? 0, s3StorageGbMonth: requests.s3StorageGbMonth ?? 0 });
  out.push(
    `  storage grows: each month's lifecycles add ${storage.map((line) => `${formatQuantity(line.price, line.quantity)} to ${line.price.startsWith('s3') ? 'S3' : 'DynamoDB'}`).join(' and ')}, ` +
      `${formatDollars(totalDollars(storage))} a month more for every month they are kept`,
  );
  out.push(...costMethod);
  return out.join('\n');
};

/** How each count is made, and what the model leaves out. */
export const costMethod: readonly string[] = [
  '  how it is counted, on the local stack, one lifecycle at a time from its first call until no function has run for 2 s:',
  '    API calls: the lifecycle\'s steps, the order read once and the bank\'s webhook (no page views, no polling)',
  '    Lambda: every function run (routes, stream batches, workflow tasks) with its handler time on this machine, each rounded up to 1 ms; no cold starts',
  '    DynamoDB: the request units DynamoDB Local reports (ReturnConsumedCapacity: indexes and transactions included); a write refused by its condition is estimated (1, or 2 per action of a transaction)',
  '    S3 and SES: the requests and mails the functions sent; Step Functions: the local engine\'s transitions',
  `    storage: the growth of DynamoDB Local's table and index sizes (+ ${dynamoItemOverheadBytes} B an item) and the PDF's bytes`,
  `    X-Ray: one trace per run outside the workflow and one per execution (all sampled at this volume); CloudWatch Logs: assumed ${assumedLogBytesPerRun} B a run and ${assumedAccessLogBytesPerCall} B an API call (its access log line)`,
  '  left out: data transfer out, the client\'s PDF download, X-Ray reads, log storage, the hourly resume-workflows, Secrets Manager API calls, KMS (AWS-owned keys)',
];
