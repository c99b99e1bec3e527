import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { expectStatus } from '../bench/api.js';
import type { CpuProbe } from '../bench/cpu-probe.js';
import { launchBenchStack } from '../bench/local-stack.js';
import { measurePair } from '../bench/measure.js';
import { chooseQueuePath, itemsInAnswer, routePairs } from '../bench/pairs.js';
import { formatLatencyTable, formatOverFloorTable, goals, hopPairName, missedGoals, queuePairName, type Row } from '../bench/report.js';
import { dynamoDbRssBytes } from '../bench/rss.js';
import { fileRequests, freshOrganisation, postMessages } from '../bench/seed.js';
import { clearInbox, measureMailLatency, waitForMails } from '../bench/mail-latency.js';
import { dollarsPerTransition, measureLifecycles, type Lifecycle } from '../bench/lifecycle.js';
import type { CostMeter } from '../bench/cost-meter.js';
import { fixedAssumptions } from '../bench/cost-model.js';
import { formatCostSection } from '../bench/cost-report.js';
import { measureOrderRender } from '../bench/order-render.js';
import { percentile, summarize } from '../bench/stats.js';
import { localCredentials, localRegion } from '../local/local-aws.js';
import type { LocalStackInfo } from '../local/stack.js';

/**
 * `npm run bench` (after the bundle report): route latency against raw DynamoDB Local reads.
 * Starts its own local stack, seeds an organisation through the API, then measures each read
 * route interleaved with the one raw DynamoDB call it is about and prints, at concurrency 1, what
 * the route adds over the floor of its two hops (raw call + /health) and the CPU each warm call
 * costs the API's process; then p50/p99 at each concurrency, for information.
 * It reports and exits 0; BENCH_STRICT=1 makes a missed goal exit 1.
 */

const positiveInt = (name: string, fallback: number): number => {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} must be a positive whole number, not "${value}"`);
  return parsed;
};

const readConfig = () => ({
  requests: positiveInt('BENCH_REQUESTS', goals.queueRequests),
  samples: positiveInt('BENCH_SAMPLES', 1000),
  warmup: positiveInt('BENCH_WARMUP', 50),
  strict: process.env.BENCH_STRICT === '1',
  concurrencies: [1, 8],
  seedConcurrency: 8,
  timelineEntries: 60, // the request's own `created` entry and 59 messages
  mailChanges: positiveInt('BENCH_MAIL_CHANGES', 50),
});
type Config = ReturnType<typeof readConfig>;

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
/** The machine's load averages: the cores are shared, and every figure depends on what else runs. */
const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(', ');
const megabytes = (bytes: number | undefined) => (bytes === undefined ? 'not found' : `${(bytes / 1024 / 1024).toFixed(0)} MB`);

const machine = () => {
  const cpus = os.cpus();
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr.split('\n')[0]?.trim() ?? 'java ?';
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, ${os.platform()} ${os.arch()}; node ${process.version}; ${java}`;
};

const run = async (config: Config, info: LocalStackInfo, dataDir: string, meter: CostMeter, cpu: CpuProbe): Promise<{ rows: Row[]; load: string; mail: number[]; lifecycles: Lifecycle[] }> => {
  const dynamo = new DynamoDBClient({ endpoint: info.dynamodbUrl, region: localRegion, credentials: localCredentials });
  const documents = DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } });
  try {
    const seeding = performance.now();
    const { orgId, admin } = await freshOrganisation(info);
    const filing = performance.now();
    const requestIds = await fileRequests(admin, config.requests, config.seedConcurrency);
    console.log(`seeded ${config.requests} active requests into ${orgId} through POST /requests (${config.seedConcurrency} at a time) in ${seconds(filing)}`);
    const requestId = requestIds[0]!;
    const posting = performance.now();
    const postingEpochSeconds = Math.floor(Date.now() / 1000) - 1;
    await postMessages(admin, requestId, config.timelineEntries - 1);
    console.log(`posted ${config.timelineEntries - 1} messages to ${requestId} (${config.timelineEntries} timeline entries) in ${seconds(posting)}`);
    // Every change is mailed (to the two agency people); the notifier works through the stream in
    // order, so once the last message's mails are in, the backlog is done and measuring starts quiet.
    const draining = performance.now();
    await waitForMails(info, requestId, 2 * (config.timelineEntries - 1), postingEpochSeconds, 30 * 60_000);
    await clearInbox(info);
    console.log(`the notifier mailed the seeded changes (${2 * (config.requests + config.timelineEntries - 1)} mails) ${seconds(draining)} after the last one`);
    console.log(`seeding took ${seconds(seeding)} in all`);
    console.log(`DynamoDB Local RSS after seeding: ${megabytes(dynamoDbRssBytes(dataDir))}\n`);

    const queue = await chooseQueuePath(admin);
    if (queue.note) console.log(`note: ${queue.note}\n`);
    const { userId } = JSON.parse(expectStatus('GET /me', await admin.call('GET', '/me'), 200)) as { userId: string };
    const pairs = routePairs({ caller: admin, documents, tableName: info.tableName, orgId, userId, requestId, queuePath: queue.path });

    console.log('pairs (each route call interleaved with its raw DynamoDB Local call):');
    for (const pair of pairs) {
      const items = await itemsInAnswer(admin, pair);
      console.log(`  ${pair.name.padEnd(18)}GET ${pair.path}${items === undefined ? '' : ` (${items} items)`}  vs  ${pair.rawCall}`);
    }
    console.log(`\nmeasuring ${config.samples} pairs per route and concurrency after ${config.warmup} warm-up pairs:`);

    const rows: Row[] = [];
    const loadBefore = loadAverage();
    for (const pair of pairs) {
      for (const concurrency of config.concurrencies) {
        await admin.refreshToken(); // a fresh ID token for every series: a long run never meets an expired one
        const started = performance.now();
        // CPU per call one call at a time: the probe reads the whole process's CPU.
        const samples = await measurePair(pair, concurrency, config.samples, config.warmup, concurrency === 1 ? cpu : undefined);
        rows.push({ name: pair.name, concurrency, route: summarize(samples.route), raw: summarize(samples.raw), ...(samples.cpu ? { cpu: summarize(samples.cpu) } : {}) });
        console.log(`  ${pair.name} at concurrency ${concurrency}: ${seconds(started)}`);
      }
    }
    const load = `load average ${loadBefore} before, ${loadAverage()} after (1, 5, 15 min; ${os.cpus().length} cores)`;
    console.log(`DynamoDB Local RSS after measuring: ${megabytes(dynamoDbRssBytes(dataDir))}`);
    const mailing = performance.now();
    const mail = await measureMailLatency(info, admin, requestIds[1] ?? requestId, config.mailChanges, 2);
    console.log(`mail latency: ${config.mailChanges} changes in ${seconds(mailing)}`);
    const lifecycles = await measureLifecycles(info, meter);
    return { rows, load, mail, lifecycles };
  } finally {
    dynamo.destroy();
  }
};

const main = async () => {
  const config = readConfig();
  console.log('\nroute latency against raw DynamoDB Local reads');
  console.log(`machine: ${machine()}`);
  console.log(
    `settings: BENCH_REQUESTS=${config.requests}, BENCH_SAMPLES=${config.samples} pairs per route and concurrency, ` +
      `BENCH_WARMUP=${config.warmup}, concurrency ${config.concurrencies.join(' and ')}${config.strict ? ', BENCH_STRICT=1' : ''}\n`,
  );

  const starting = performance.now();
  const stack = await launchBenchStack();
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals, code: number) => async () => {
    interrupted = true;
    console.error(`\nbench: ${signal}, stopping the local stack…`);
    await stack.stop();
    process.exit(code);
  };
  process.once('SIGINT', onSignal('SIGINT', 130));
  process.once('SIGTERM', onSignal('SIGTERM', 143));

  // After a signal, what was in flight fails as the stack goes away: the handler reports and exits.
  const unlessInterrupted = (report?: () => void) => (error: unknown) => {
    if (interrupted) return new Promise<never>(() => undefined);
    report?.();
    throw error;
  };
  let rows: Row[];
  let load: string;
  let mail: number[];
  let lifecycles: Lifecycle[];
  try {
    const info = await stack.ready.catch(unlessInterrupted());
    console.log(`local stack ready in ${seconds(starting)} (API ${info.apiUrl}, DynamoDB ${info.dynamodbUrl}, data in ${stack.dataDir})`);
    ({ rows, load, mail, lifecycles } = await run(config, info, stack.dataDir, stack.meter, stack.cpu).catch(
      unlessInterrupted(() => console.error(`\nthe local stack's last output:\n${stack.outputTail() || '(none)'}\n`)),
    ));
  } finally {
    await stack.stop();
  }

  console.log(`\nwhat orderdesk adds to each read route (${load}):\n${formatOverFloorTable(rows)}`);
  console.log(
    `\nA route call is two HTTP round trips (this process → the local API → DynamoDB Local), its raw call one: the floor is the raw call's p50 ` +
      `plus the ${hopPairName} row's (the first hop alone), and over floor = route p50 − floor, what the API's process adds (goal ≤ ${goals.maxOverFloorMs.toFixed(1)} ms). ` +
      `CPU/call is the median CPU (user + system) of the API's process around the route's handler over ${rows[0]?.cpu?.count ?? 0} warm calls, ` +
      `waits excluded (goal ≤ ${goals.maxCpuMs.toFixed(1)} ms); the HTTP server and the authorizer, API Gateway's part in AWS, are outside it. ` +
      `÷ is the figure over its goal: above 1.00× (marked !) misses it.`,
  );
  console.log(`\nlatency, for information:\n${formatLatencyTable(rows)}`);
  console.log(
    `\nroute÷raw = the same percentile of the same run, ${rows[0]?.route.count ?? 0} samples each; no goal (p99s of two HTTP hops on shared cores are noise). ` +
      `! marks a ${queuePairName} p99 not under ${goals.queueP99Ms} ms. When the workers outnumber the ${os.cpus().length} cores, every process waits for CPU ` +
      'and the ratio measures the CPU a call costs more than the round trips it waits for.',
  );
  if (config.requests !== goals.queueRequests) console.log(`(the ${goals.queueP99Ms} ms goal is stated for ${goals.queueRequests} active requests; this run had ${config.requests})`);

  console.log(
    `\nmail latency, from a change (a message posted through the API) to the last of its 2 mails in the local inbox ` +
      `(API, DynamoDB Local's stream, the notifier, SES), ${mail.length} changes one at a time: ` +
      `p50 ${percentile(mail, 50).toFixed(0)} ms, p95 ${percentile(mail, 95).toFixed(0)} ms, max ${Math.max(...mail).toFixed(0)} ms`,
  );

  console.log('\nthe workflow per request lifecycle (the local engine runs the definition the CDK app synthesizes; Standard: $25 per million transitions):');
  for (const lifecycle of lifecycles) {
    console.log(
      `  ${lifecycle.label}: ${lifecycle.transitions} state transitions in ${lifecycle.executions} execution(s), ` +
        `$${(lifecycle.transitions * dollarsPerTransition).toFixed(6)}; acceptance to queued ${lifecycle.ms.toFixed(0)} ms locally`,
    );
  }
  const measured = lifecycles.flatMap((lifecycle) => (lifecycle.cost ? [lifecycle.cost] : []));
  if (measured.length === lifecycles.length) {
    console.log(`\n${formatCostSection(measured, fixedAssumptions)}`);
  }
  const render = await measureOrderRender();
  console.log(
    `\norder PDF (generate-order's renderer, in this process): first render ${render.firstMs.toFixed(0)} ms, then p50 ${render.p50Ms.toFixed(1)} ms, ` +
      `p95 ${render.p95Ms.toFixed(1)} ms over ${render.runs} renders; ${(render.bytes / 1024).toFixed(1)} KB per PDF (its bundle size: the table above)`,
  );

  const missed = missedGoals(rows);
  console.log(
    missed.length === 0
      ? `\ngoals met: every read route ≤ ${goals.maxOverFloorMs.toFixed(1)} ms over the floor and ≤ ${goals.maxCpuMs.toFixed(1)} ms of CPU per call, queue first page p99 under ${goals.queueP99Ms} ms`
      : `\ngoals missed (${missed.length}):\n${missed.map((m) => `  ${m}`).join('\n')}`,
  );
  if (missed.length > 0 && config.strict) process.exitCode = 1;
};

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exit(1);
});
