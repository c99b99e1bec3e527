import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { objectRequest, type S3Environment } from '../../lib/adapters/s3/file-store.js';
import { attachmentPrefix } from '../../lib/domain/attachment-rules.js';
import { functions } from '../../lib/lambda/table.js';
import { localCredentials, localRegion } from '../local-aws.js';
import { clamavDatabase, clamavInstallHint, findClamav, scanBytes, type Clamav } from './clamav.js';
import { scanResultEvent } from './scan-result-event.js';

/** One S3 event notification as s3rver emits it (its `'event'`), the part read here. */
export interface S3Notification {
  Records: { eventName: string; s3: { bucket: { name: string }; object: { key: string } } }[];
}

/** What emits s3rver's notifications: the S3 server itself (an EventEmitter). */
export interface S3Notifications {
  on(event: 'event', listener: (notification: S3Notification) => void): unknown;
  off(event: 'event', listener: (notification: S3Notification) => void): unknown;
}

export interface LocalScannerOptions {
  notifications: S3Notifications;
  target: { s3Url: string; bucketName: string; lambdaUrl: string };
  /** The table, to find the files still pending from before this start (or before scanning existed). */
  table: { client: DynamoDBClient; tableName: string };
  log: (line: string) => void;
  /** ClamAV as found here; `findClamav()` unless given (undefined: not installed). */
  clamav?: Clamav | null;
  database?: string;
}

/** What Lambda answers for a function that threw. */
const FunctionError = z.object({ errorType: z.string(), errorMessage: z.string() });

/** How often a verdict the function failed to record is sent again (EventBridge retries too), and after how long. */
const attempts = 3;
const retryAfterMs = (attempt: number) => 1000 * 2 ** attempt;

/** The sentence `npm start` prints about the scanner. */
export const scannerDescription = (clamav: Clamav | undefined, database = clamavDatabase): string =>
  clamav
    ? `${clamav.version}, signatures ${database} (${clamav.signatures.join(', ') || 'none'}; ClamAV's public database is not downloaded): every file under ${attachmentPrefix} is scanned as GuardDuty scans it in AWS`
    : `none: ClamAV is not installed (${clamavInstallHint}), so files stay pending (never downloadable) until it is and the stack starts again`;

/**
 * The local stand-in for GuardDuty Malware Protection for S3: every object created under `orgs/`
 * (a confirmed upload's copy, an inbound mail's file) is read from s3rver, scanned by ClamAV and
 * its result handed to `record-scan-result` through the local Lambda Invoke API, in the event
 * GuardDuty sends. One scan at a time, in order; at start, the files whose scan is still pending
 * (stopped mid-way, or stored before scanning existed) are scanned first. Stopping aborts the scan
 * under way (no verdict is sent for it: the file stays pending, and the next start scans it) and
 * waits for a verdict being recorded. Without ClamAV nothing is scanned: files stay pending.
 */
export const startLocalScanner = async (options: LocalScannerOptions) => {
  const clamav = options.clamav === undefined ? findClamav(options.database) : (options.clamav ?? undefined);
  const description = scannerDescription(clamav, options.database);
  options.log(`scanner: ${description}`);
  if (!clamav) return { description, clamav, stop: async () => undefined };

  const { target, log } = options;
  const s3: S3Environment = {
    target: () => ({ bucket: target.bucketName, region: localRegion, endpoint: target.s3Url, pathStyle: true }),
    credentials: () => localCredentials,
    now: () => new Date(),
  };
  const queue: string[] = [];
  const queued = new Set<string>();
  const abort = new AbortController();
  let running: Promise<void> | undefined;

  const invoke = async (event: unknown): Promise<{ ok: true; body: unknown } | { ok: false; error: string }> => {
    const response = await fetch(`${target.lambdaUrl}/2015-03-31/functions/${functions.recordScanResult.name}/invocations`, { method: 'POST', body: JSON.stringify(event) });
    const body: unknown = await response.json();
    if (!response.headers.get('x-amz-function-error') && response.ok) return { ok: true, body };
    const error = FunctionError.safeParse(body);
    return { ok: false, error: error.success ? `${error.data.errorType}: ${error.data.errorMessage}` : `HTTP ${response.status}` };
  };

  const scanOne = async (key: string) => {
    const started = performance.now();
    const response = await objectRequest(s3, 'GET', key);
    if (!response.ok) {
      // Gone meanwhile (an infected copy moved out of reach, say): nothing to scan.
      log(`scanner: ${key} not scanned: S3 answered ${response.status}`);
      return;
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    const eTag = response.headers.get('etag')?.replaceAll('"', '') ?? undefined;
    const result = await scanBytes(bytes, { database: options.database, signal: abort.signal });
    if (abort.signal.aborted) return;
    const scannedMs = performance.now() - started;
    const event = scanResultEvent({ bucketName: target.bucketName, objectKey: key, eTag }, result);
    for (let attempt = 1; ; attempt++) {
      const answer = await invoke(event).catch((error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) }));
      const what = result.status === 'THREATS_FOUND' ? `THREATS_FOUND (${result.threats.join(', ')})` : result.status;
      if (answer.ok) {
        log(`scanner: ${key} ${what}, scanned in ${scannedMs.toFixed(0)} ms`);
        return;
      }
      if (attempt >= attempts || abort.signal.aborted) {
        log(`scanner: ${key} ${what}, but record-scan-result failed ${attempt} times (${answer.error}): the file stays pending until the next start`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, retryAfterMs(attempt)));
    }
  };

  const drain = async () => {
    while (queue.length > 0 && !abort.signal.aborted) {
      const key = queue.shift()!;
      queued.delete(key);
      try {
        await scanOne(key);
      } catch (error) {
        log(`scanner: ${key} not scanned: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };

  const enqueue = (key: string) => {
    if (abort.signal.aborted || queued.has(key)) return;
    queued.add(key);
    queue.push(key);
    running ??= drain().finally(() => (running = undefined));
  };

  const onEvent = (notification: S3Notification) => {
    for (const record of notification.Records) {
      const { key } = record.s3.object;
      if (record.eventName.startsWith('ObjectCreated:') && record.s3.bucket.name === target.bucketName && key.startsWith(attachmentPrefix)) enqueue(key);
    }
  };
  options.notifications.on('event', onEvent);

  // What was left pending: confirmed files without a verdict (a Scan: the local table is small, and
  // this runs once a start). A failure here is told, not fatal: new files are scanned all the same.
  const sweep = async () => {
    const documents = DynamoDBDocumentClient.from(options.table.client);
    let pending = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await documents.send(
        new ScanCommand({
          TableName: options.table.tableName,
          FilterExpression: 'entity = :attachment AND #status = :uploaded AND (attribute_not_exists(#scan) OR #scan = :pending)',
          ExpressionAttributeNames: { '#status': 'status', '#key': 'key', '#scan': 'scan' },
          ExpressionAttributeValues: { ':attachment': 'attachment', ':uploaded': 'uploaded', ':pending': 'pending' },
          ProjectionExpression: '#key',
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      for (const item of page.Items ?? []) {
        if (typeof item.key === 'string' && item.key.startsWith(attachmentPrefix)) {
          pending++;
          enqueue(item.key);
        }
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    if (pending > 0) log(`scanner: ${pending} files left pending before this start are scanned first`);
  };
  await sweep().catch((error: unknown) => log(`scanner: could not look for files left pending: ${error instanceof Error ? error.message : String(error)}`));

  return {
    description,
    clamav,
    stop: async () => {
      options.notifications.off('event', onEvent);
      abort.abort();
      queue.length = 0;
      queued.clear();
      await running;
    },
  };
};
