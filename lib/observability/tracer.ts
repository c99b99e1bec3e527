import { randomBytes } from 'node:crypto';
import { formatTraceHeader, parseTraceHeader } from './trace-header.js';
import { documentsSent, parseDaemonAddress, sendDocument, type DaemonAddress } from './xray-daemon.js';

/**
 * X-Ray tracing of every function, without the X-Ray SDK: the functions run with active tracing,
 * so Lambda records each invocation's segment (initialization, invocation, overhead) by itself.
 * To it orderdesk adds, as independent subsegment documents sent to the daemon over UDP:
 *
 * - the handler's subsegment (`## <function name>`), annotated with `correlationId` (searchable:
 *   `annotation.correlationId = "<id>"`), `ColdStart` and `Service`; an error when the handler
 *   refused (a 4xx), a fault when it failed, with the error's type (and a refusal's message, which
 *   the caller is told anyway). Never a handler's answer: answers carry people's data.
 * - a subsegment per outgoing call, the handler's child: each AWS call (lib/adapters/aws/call-trace.ts)
 *   and each webhook try (lib/adapters/http/webhook-sender.ts), with its status and flags.
 *
 * Nothing is built or sent unless Lambda sampled the invocation, the daemon's address is set and
 * `POWERTOOLS_TRACE_ENABLED` is not `false` (the local stack's setting): outside Lambda there is
 * no daemon, so no tracing. The trace is per invocation but held here, not in async context: a
 * Lambda environment runs one invocation at a time, and the one place where several run at once,
 * the local stack, traces nothing.
 */

type Annotation = string | number | boolean;

/** An exception as X-Ray's segment documents record it. */
interface TracedException {
  id: string;
  type: string;
  message?: string;
  remote?: true;
}

/** The fields of an X-Ray subsegment document orderdesk fills in (docs.aws.amazon.com/xray/latest/devguide/xray-api-segmentdocuments.html). */
export interface SubsegmentDocument {
  type: 'subsegment';
  id: string;
  trace_id: string;
  parent_id: string;
  name: string;
  start_time: number;
  end_time?: number;
  namespace?: 'aws' | 'remote';
  annotations?: Record<string, Annotation>;
  aws?: Record<string, string | string[] | number>;
  http?: { request?: { method: string; url: string }; response?: { status: number } };
  error?: true;
  throttle?: true;
  fault?: true;
  cause?: { exceptions: TracedException[] };
}

/** How something traced ended. */
export interface Outcome {
  /** The HTTP status it answered (or, for a handler, the status its error maps to): 4xx an error, 5xx a fault, 429 throttled. */
  status?: number;
  /** The service said it was throttled (a throttling error type, whatever its status). */
  throttled?: boolean;
  /** What went wrong: its type, and a message only where it can hold no one's data. */
  failure?: { type: string; message?: string; remote?: boolean };
  /** How a failure without a deciding status counts: `fault` unless said (a try refused on our side is an `error`). */
  failureIs?: 'error' | 'fault';
}

/** An outgoing call's open subsegment. */
export interface CallTrace {
  /** The `X-Amzn-Trace-Id` an AWS call carries, so what it starts (an execution, a message) joins the trace. */
  readonly header: string;
  /** Closes the subsegment with the call's outcome (and what it learned, e.g. `aws.request_id`) and sends it. */
  end(outcome: Outcome & { aws?: Record<string, string> }): void;
}

interface InvocationTrace {
  daemon: DaemonAddress;
  handler: SubsegmentDocument;
}

let current: InvocationTrace | undefined;
let coldStart = true;

const newId = () => randomBytes(8).toString('hex');
const epochSeconds = () => Date.now() / 1000;

/** Messages are cut to this many characters: a datagram carries at most 64 KB. */
const maxMessageLength = 1000;

/**
 * This invocation's trace header: from the runtime's invoke store where it keeps one (it does
 * when invocations may run at once), else `_X_AMZN_TRACE_ID`, which Lambda sets per invocation.
 */
const lambdaTraceHeader = (): string | undefined => {
  const runtime: unknown = Reflect.get(globalThis, 'awslambda');
  const store: unknown = typeof runtime === 'object' && runtime !== null ? Reflect.get(runtime, 'InvokeStore') : undefined;
  const read: unknown = typeof store === 'object' && store !== null ? Reflect.get(store, 'getXRayTraceId') : undefined;
  const fromStore: unknown = typeof read === 'function' ? Reflect.apply(read, store, []) : undefined;
  return typeof fromStore === 'string' && fromStore ? fromStore : process.env._X_AMZN_TRACE_ID;
};

/** Sets the end, the flags and the cause of `document` from `outcome`. */
const close = (document: SubsegmentDocument, outcome: Outcome): SubsegmentDocument => {
  const { status, failure } = outcome;
  document.end_time = epochSeconds();
  if (outcome.throttled || status === 429) document.throttle = true;
  const flag = status !== undefined && status >= 500 ? 'fault' : status !== undefined && status >= 400 ? 'error' : failure ? (outcome.failureIs ?? 'fault') : undefined;
  if (flag) document[flag] = true;
  if (failure) {
    const message = failure.message?.slice(0, maxMessageLength);
    document.cause = { exceptions: [{ id: newId(), type: failure.type, ...(message ? { message } : {}), ...(failure.remote ? { remote: true as const } : {}) }] };
  }
  return document;
};

/**
 * Opens this invocation's handler subsegment, if the invocation is traced (see above); the
 * first invocation of an environment is its cold start.
 */
export const startInvocationTrace = (annotations: Record<string, Annotation>): void => {
  const cold = coldStart;
  coldStart = false;
  current = undefined;
  if (process.env.POWERTOOLS_TRACE_ENABLED === 'false') return;
  const daemon = parseDaemonAddress(process.env.AWS_XRAY_DAEMON_ADDRESS);
  const trace = daemon && parseTraceHeader(lambdaTraceHeader());
  if (!daemon || !trace?.sampled) return;
  current = {
    daemon,
    handler: {
      type: 'subsegment',
      id: newId(),
      trace_id: trace.root,
      parent_id: trace.parent,
      name: `## ${process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'handler'}`,
      start_time: epochSeconds(),
      annotations: { ColdStart: cold, Service: 'orderdesk', ...annotations },
    },
  };
};

/** Closes and sends the handler subsegment; resolves when it (and every call's) has left. */
export const endInvocationTrace = (outcome: Outcome): Promise<void> => {
  const trace = current;
  current = undefined;
  if (!trace) return Promise.resolve();
  sendDocument(trace.daemon, close(trace.handler, outcome));
  return documentsSent();
};

/**
 * Opens a subsegment for an outgoing call, the handler's child; undefined when the invocation is
 * not traced (then the call goes out as it is, with no header). `describe` runs only when traced.
 */
export const traceCall = (describe: () => Pick<SubsegmentDocument, 'name' | 'namespace' | 'aws' | 'http'>): CallTrace | undefined => {
  const trace = current;
  if (!trace) return undefined;
  const document: SubsegmentDocument = { type: 'subsegment', id: newId(), trace_id: trace.handler.trace_id, parent_id: trace.handler.id, start_time: epochSeconds(), ...describe() };
  let ended = false;
  return {
    header: formatTraceHeader(document.trace_id, document.id),
    end(outcome) {
      if (ended) return;
      ended = true;
      if (outcome.aws) document.aws = { ...document.aws, ...outcome.aws };
      if (outcome.status !== undefined) document.http = { ...document.http, response: { status: outcome.status } };
      sendDocument(trace.daemon, close(document, outcome));
    },
  };
};
