import * as z from 'zod';
import { requestIds, traceAwsCall, unanswered, withTraceHeader } from './call-trace.js';
import type { Credentials } from './sigv4.js';
import { sha256Hex, signRequest } from './sigv4-signer.js';

export interface AwsJsonCall {
  service: string;
  region: string;
  /** e.g. `https://email.eu-central-1.amazonaws.com`, or a local server's URL. */
  endpoint: string;
  method: 'GET' | 'POST';
  /** The path only: a query string would go out unsigned. */
  path: string;
  headers?: Record<string, string>;
  /** The API's operation, for the call's trace; by default the `x-amz-target` header's (`DynamoDB_20120810.GetItem` → `GetItem`). */
  operation?: string;
  body: unknown;
  credentials: Credentials;
  fetch?: typeof fetch;
}

/** The error types by which AWS says a caller is throttled, whatever the status (the SDK's own list, @smithy/service-error-classification). */
export const throttlingErrorTypes: ReadonlySet<string> = new Set([
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'LimitExceededException',
  'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ThrottledException',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'TransactionInProgressException',
]);

/**
 * An AWS API's refusal: its error type (`x-amzn-ErrorType` or the body's `__type`), status and
 * message, and the answer's whole body (DynamoDB's `CancellationReasons`, for one, are in it).
 */
export class AwsApiError extends Error {
  override readonly name = 'AwsApiError';
  constructor(
    readonly errorType: string,
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(`${errorType} (${status}): ${message}`);
  }

  /** AWS throttled the call (a 429, or a throttling error type). */
  get throttled(): boolean {
    return this.status === 429 || throttlingErrorTypes.has(this.errorType);
  }
}

const errorTypeOf = (response: Response, body: Record<string, unknown>): string => {
  const raw = response.headers.get('x-amzn-errortype') ?? (typeof body.__type === 'string' ? body.__type : undefined) ?? (typeof body.code === 'string' ? body.code : 'UnknownError');
  // `MessageRejected:http://internal.amazon.com/...` and `com.amazonaws...#ResourceNotFoundException` name the same type.
  return raw.split(':')[0]!.split('#').at(-1)!;
};

/** Built once: every AWS answer is checked against it. */
const JsonObject = z.record(z.string(), z.unknown());

/** An answer's JSON object; text that is none (an HTML error page, say) is kept as its message. */
const jsonObject = (text: string): Record<string, unknown> => {
  if (!text) return {};
  try {
    return JsonObject.safeParse(JSON.parse(text)).data ?? { message: text.slice(0, 500) };
  } catch {
    return { message: text.slice(0, 500) };
  }
};

const stringField = (object: unknown, name: string): string | undefined => {
  const value: unknown = typeof object === 'object' && object !== null ? Reflect.get(object, name) : undefined;
  return typeof value === 'string' ? value : undefined;
};

/**
 * What a request names that the X-Ray SDK recorded: DynamoDB's table (`TableName`; a batch's
 * `RequestItems`, a transaction's items) and index, SQS's queue. Nothing of the items themselves.
 */
const resourcesOf = (body: unknown): Record<string, string | string[]> => {
  const resources: Record<string, string | string[]> = {};
  const table = stringField(body, 'TableName');
  const index = stringField(body, 'IndexName');
  const queue = stringField(body, 'QueueUrl');
  if (table) resources.table_name = table;
  if (index) resources.index_name = index;
  if (queue) resources.queue_url = queue;
  const requestItems: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'RequestItems') : undefined;
  const transactItems: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'TransactItems') : undefined;
  const tables = new Set<string>(typeof requestItems === 'object' && requestItems !== null ? Object.keys(requestItems) : []);
  if (Array.isArray(transactItems)) {
    for (const item of transactItems) {
      for (const kind of ['Put', 'Update', 'Delete', 'ConditionCheck', 'Get']) {
        const name = stringField(typeof item === 'object' && item !== null ? Reflect.get(item, kind) : undefined, 'TableName');
        if (name) tables.add(name);
      }
    }
  }
  if (tables.size > 0) resources.table_names = [...tables];
  return resources;
};

/** `DynamoDB_20120810.GetItem` → `GetItem`; a REST call (SES v2) names its own. */
const operationOf = (call: AwsJsonCall): string => {
  const target = Object.entries(call.headers ?? {}).find(([name]) => name.toLowerCase() === 'x-amz-target')?.[1];
  return call.operation ?? target?.slice(target.lastIndexOf('.') + 1) ?? `${call.method} ${call.path}`;
};

/**
 * One call of an AWS JSON API, signed with SigV4 (sigv4-signer.ts) and sent with fetch (SES,
 * Secrets Manager, Step Functions, SQS, DynamoDB, Cognito), whose SDK clients would cost each
 * function tens of KB. The answer is the parsed JSON; a refusal an AwsApiError. When the
 * invocation is traced, the call is a subsegment of its trace (lib/adapters/aws/call-trace.ts)
 * and carries the trace header, so what it starts joins the trace.
 */
export const signedJsonCall = async (call: AwsJsonCall): Promise<Record<string, unknown>> => {
  const url = new URL(call.path, call.endpoint);
  const body = JSON.stringify(call.body);
  const signed = signRequest(
    {
      method: call.method,
      path: url.pathname,
      // The payload's hash as a signed header too, as the SDK's clients send it.
      headers: { host: url.host, 'content-type': 'application/json', ...call.headers, 'x-amz-content-sha256': sha256Hex(body) },
      body,
    },
    { credentials: call.credentials, region: call.region, service: call.service, date: new Date() },
  );
  const trace = traceAwsCall(() => ({ service: call.service, region: call.region, operation: operationOf(call), resources: resourcesOf(call.body) }));
  try {
    const response = await (call.fetch ?? fetch)(url, { method: call.method, headers: withTraceHeader(signed, trace), body });
    const text = await response.text();
    const parsed = jsonObject(text);
    if (!response.ok) {
      const error = new AwsApiError(errorTypeOf(response, parsed), response.status, String(parsed.message ?? parsed.Message ?? text.slice(0, 500)), parsed);
      // The type, not AWS's message: a message may name what it refused (SES quotes the address).
      trace?.end({ status: response.status, aws: requestIds(response), throttled: error.throttled, failure: { type: error.errorType, remote: true } });
      throw error;
    }
    trace?.end({ status: response.status, aws: requestIds(response) });
    return parsed;
  } catch (error) {
    // No answer came (or its body broke off); a refusal's trace has ended above already.
    trace?.end(unanswered(error));
    throw error;
  }
};
