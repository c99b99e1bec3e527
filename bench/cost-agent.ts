/**
 * The cost model's meter inside the local stack's process (`bin/local.ts`), preloaded there by
 * `NODE_OPTIONS=--import` (see `costAgentEnv` in bench/cost-meter.ts). Node loads it before tsx,
 * so this file uses only syntax Node strips itself and imports nothing of the project at the top;
 * it does nothing until the bench asks over the stack's IPC channel. Then it starts counting, for
 * the whole process:
 * - every function run (`observeInvocations`: API routes, stream batches, workflow tasks), with
 *   its handler's duration;
 * - every command the functions' DynamoDB client sends, with `ReturnConsumedCapacity: TOTAL`
 *   added, so DynamoDB Local reports the units it consumed (indexes and transactions included);
 * - every S3 request and SES SendEmail the functions make (they call both with fetch).
 * The route bench that runs before it is not touched: nothing is hooked until the first request.
 */
import type { Middleware } from '../lib/adapters/dynamodb/document-client.js';
import type { LocalRunEnd } from '../local/handler-module.js';

export interface InvocationTally {
  count: number;
  /** Each run's duration rounded up to the whole ms, as Lambda bills it, summed. */
  billedMs: number;
  ms: number;
  failed: number;
}

export interface MeterSnapshot {
  invocations: Record<string, InvocationTally>;
  /** Runs started and not ended. */
  running: number;
  /** Since the last run ended (or the meter was reset). */
  idleMs: number;
  dynamo: {
    /** Commands sent, by name (`GetItemCommand`, …). */
    commands: Record<string, number>;
    /** As DynamoDB Local reported them (ConsumedCapacity). */
    readUnits: number;
    writeUnits: number;
    /** Writes refused by their condition (no capacity is reported for them) and the units estimated for them. */
    refusedWrites: number;
    estimatedWriteUnits: number;
  };
  s3: { puts: number; gets: number; putBytes: number };
  ses: { mails: number; attachmentBytes: number };
}

export const costAgentFlag = 'ORDERDESK_COST_AGENT';

const emptySnapshot = (): MeterSnapshot => ({
  invocations: {},
  running: 0,
  idleMs: 0,
  dynamo: { commands: {}, readUnits: 0, writeUnits: 0, refusedWrites: 0, estimatedWriteUnits: 0 },
  s3: { puts: 0, gets: 0, putBytes: 0 },
  ses: { mails: 0, attachmentBytes: 0 },
});

const readCommands = new Set(['GetItemCommand', 'BatchGetItemCommand', 'QueryCommand', 'ScanCommand', 'TransactGetItemsCommand']);
const writeCommands = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand', 'TransactWriteItemsCommand']);

/** Whether a command reads, writes or neither (DescribeTable and the like cost no request units). */
export const commandKind = (name: string): 'read' | 'write' | undefined => (readCommands.has(name) ? 'read' : writeCommands.has(name) ? 'write' : undefined);

interface Consumed {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

/**
 * The read and write units a command's `ConsumedCapacity` states (one object, or one per table of
 * a batch or transaction): its read and write parts where given, else its total as the command's kind.
 */
export const consumedUnits = (kind: 'read' | 'write', consumed: Consumed | Consumed[] | undefined): { read: number; write: number } => {
  let read = 0;
  let write = 0;
  for (const entry of consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed]) {
    if (entry.ReadCapacityUnits !== undefined || entry.WriteCapacityUnits !== undefined) {
      read += entry.ReadCapacityUnits ?? 0;
      write += entry.WriteCapacityUnits ?? 0;
    } else if (kind === 'read') read += entry.CapacityUnits ?? 0;
    else write += entry.CapacityUnits ?? 0;
  }
  return { read, write };
};

/**
 * The units a refused write is estimated at, since no capacity comes back with the refusal: a
 * failed condition still costs at least 1 write unit, and a cancelled transaction its prepare
 * phase, taken as 2 per action (the item sizes are not known here; most items are under 1 KB).
 */
export const refusedWriteUnits = (errorName: string, actions: number): number | undefined =>
  errorName === 'ConditionalCheckFailedException' ? 1 : errorName === 'TransactionCanceledException' ? 2 * Math.max(actions, 1) : undefined;

/** The bytes of the attachments in an SES v2 SendEmail body (`Content.Simple.Attachments[].RawContent`, base64). */
export const attachmentBytes = (body: unknown): number => {
  if (typeof body !== 'string') return 0;
  try {
    const parsed = JSON.parse(body) as { Content?: { Simple?: { Attachments?: { RawContent?: string }[] } } };
    return (parsed.Content?.Simple?.Attachments ?? []).reduce((sum, file) => sum + Buffer.from(file.RawContent ?? '', 'base64').length, 0);
  } catch {
    return 0;
  }
};

const bodyBytes = (body: unknown): number =>
  typeof body === 'string' ? Buffer.byteLength(body) : body instanceof Uint8Array ? body.byteLength : body instanceof ArrayBuffer ? body.byteLength : 0;

const originOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
};

const startMeter = async () => {
  let snapshot = emptySnapshot();
  let lastEnd = performance.now();
  let running = 0;

  const { observeInvocations } = await import('../local/handler-module.js');
  observeInvocations((name) => {
    running++;
    return (end: LocalRunEnd) => {
      running--;
      lastEnd = performance.now();
      const tally = (snapshot.invocations[name] ??= { count: 0, billedMs: 0, ms: 0, failed: 0 });
      tally.count++;
      tally.ms += end.ms;
      tally.billedMs += Math.max(1, Math.ceil(end.ms));
      if (end.outcome !== 'returned') tally.failed++;
    };
  });

  // The functions' one DynamoDB client.
  const { documentClient } = await import('../lib/adapters/dynamodb/document-client.js');
  const meter: Middleware = (next) => async (operation, input) => {
    // Named as the SDK named its commands, which the cost model's figures are keyed by.
    const name = `${operation}Command`;
    const kind = commandKind(name);
    const dynamo = snapshot.dynamo;
    dynamo.commands[name] = (dynamo.commands[name] ?? 0) + 1;
    if (!kind) return next(operation, input);
    try {
      const output = await next(operation, { ...input, ReturnConsumedCapacity: 'TOTAL' });
      const units = consumedUnits(kind, output.ConsumedCapacity as Consumed | Consumed[] | undefined);
      dynamo.readUnits += units.read;
      dynamo.writeUnits += units.write;
      return output;
    } catch (error) {
      const items = 'TransactItems' in input ? input.TransactItems : undefined;
      const actions = Array.isArray(items) ? items.length : 1;
      const estimated = error instanceof Error ? refusedWriteUnits(error.name, actions) : undefined;
      if (estimated !== undefined) {
        dynamo.refusedWrites++;
        dynamo.estimatedWriteUnits += estimated;
      }
      throw error;
    }
  };
  documentClient.use(meter);

  // S3 and SES, which the functions reach with fetch (SigV4-signed), by the endpoints the stack set.
  const originalFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const response = await originalFetch(input, init);
    const origin = originOf(url);
    if (origin !== undefined && origin === originOf(process.env.AWS_ENDPOINT_URL_S3)) {
      if (method === 'PUT' || method === 'POST') {
        snapshot.s3.puts++;
        snapshot.s3.putBytes += bodyBytes(init?.body);
      } else snapshot.s3.gets++;
    } else if (origin !== undefined && origin === originOf(process.env.AWS_ENDPOINT_URL_SESV2) && method === 'POST' && new URL(url).pathname === '/v2/email/outbound-emails' && response.ok) {
      snapshot.ses.mails++;
      snapshot.ses.attachmentBytes += attachmentBytes(init?.body);
    }
    return response;
  };

  return {
    reset: () => {
      snapshot = emptySnapshot();
      lastEnd = performance.now();
    },
    read: (): MeterSnapshot => ({ ...structuredClone(snapshot), running, idleMs: performance.now() - lastEnd }),
  };
};

interface MeterRequest {
  type: 'cost-meter';
  id: number;
  op: 'reset' | 'read';
}

const isMeterRequest = (message: unknown): message is MeterRequest =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'cost-meter';

// Only in the process the bench started with the flag; its own children (cognito-local) get neither.
if (process.env[costAgentFlag] === '1' && process.send) {
  delete process.env[costAgentFlag];
  const rest = (process.env.NODE_OPTIONS ?? '').replace(`--import ${import.meta.url}`, '').trim();
  if (rest) process.env.NODE_OPTIONS = rest;
  else delete process.env.NODE_OPTIONS;

  let meter: ReturnType<typeof startMeter> | undefined;
  process.on('message', (message: unknown) => {
    if (!isMeterRequest(message)) return;
    void (async () => {
      try {
        const active = await (meter ??= startMeter());
        if (message.op === 'reset') active.reset();
        process.send?.({ type: 'cost-meter', id: message.id, snapshot: active.read() });
      } catch (error) {
        process.send?.({ type: 'cost-meter', id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
    })();
  });
}
