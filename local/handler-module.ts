import type { Context } from 'aws-lambda';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { functionTimeoutSeconds } from '../lib/config/limits.js';
import { routeList } from '../lib/http/routes.js';
import { lambdaContext } from './api-gateway-event.js';

const functionsDir = path.resolve(import.meta.dirname, '..', 'functions');

/** The same module that deploys to Lambda: `functions/<name>.ts`. */
const loadHandler = async (name: string): Promise<(event: unknown, context: Context) => Promise<unknown>> => {
  const module: unknown = await import(pathToFileURL(path.join(functionsDir, `${name}.ts`)).href);
  const handler = typeof module === 'object' && module !== null && 'handler' in module ? module.handler : undefined;
  if (typeof handler !== 'function') throw new Error(`functions/${name}.ts exports no handler`);
  // Each handler checks its own event (zod), as in Lambda, where any JSON can be sent to it.
  return handler as (event: unknown, context: Context) => Promise<unknown>;
};

export type LocalRun = { timedOut: false; result: unknown } | { timedOut: true };

/** How one local run ended: its handler's time in ms (the module's loading not counted) and its outcome. */
export interface LocalRunEnd {
  ms: number;
  /**
   * The CPU time (user + system, in ms) this process spent while the handler ran: its own work,
   * not the time it waited for DynamoDB and the like. Process-wide, so whatever else the process
   * did meanwhile (another call, a poller) counts too: read alone, one call at a time.
   */
  cpuMs: number;
  outcome: 'returned' | 'threw' | 'timed out';
}

/** Told of each local function run as it starts (after its module is loaded); what it answers is told how the run ended. */
export type InvocationObserver = (name: string) => (end: LocalRunEnd) => void;

const observers = new Set<InvocationObserver>();

/**
 * Watches every function this process runs locally, whichever server or engine runs it (the
 * bench's cost model counts invocations and their durations with it). Answers what stops watching.
 */
export const observeInvocations = (observer: InvocationObserver): (() => void) => {
  observers.add(observer);
  return () => observers.delete(observer);
};

/** Each function's timeout, as the CDK app gives it: a route's own `timeoutSeconds`, else the functions' usual one. */
const timeouts = new Map(routeList.flatMap((route) => (route.timeoutSeconds ? [[route.name, route.timeoutSeconds] as const] : [])));
export const timeoutSecondsOf = (name: string): number => timeouts.get(name) ?? functionTimeoutSeconds;

/** What Lambda reports for a run past the functions' timeout: the error a caller sees (or its trigger retries on). */
export const timeoutError = () => Object.assign(new Error(`Task timed out after ${functionTimeoutSeconds} seconds`), { name: 'Sandbox.Timedout' });

/**
 * Runs functions as Lambda would: each module loaded once, on first use, and each call given a
 * Lambda context and the functions' timeout. What a handler throws is thrown on.
 */
export const localFunctions = () => {
  const handlers = new Map<string, ReturnType<typeof loadHandler>>();
  const handlerOf = (name: string) => {
    let handler = handlers.get(name);
    if (!handler) handlers.set(name, (handler = loadHandler(name)));
    return handler;
  };
  /** `contextName` is the function name the handler's context (and so its logs) carries. */
  return async (name: string, event: unknown, contextName = name): Promise<LocalRun> => {
    const handler = await handlerOf(name);
    const ends = [...observers].flatMap((observe) => {
      try {
        return [observe(name)];
      } catch {
        return [];
      }
    });
    // Only while someone observes (the bench): otherwise a run costs no clock reads beyond its own.
    const cpuBefore = ends.length > 0 ? process.cpuUsage() : undefined;
    const started = performance.now();
    let outcome: LocalRunEnd['outcome'] = 'threw';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<LocalRun>((resolve) => {
      timer = setTimeout(() => resolve({ timedOut: true }), timeoutSecondsOf(name) * 1000);
    });
    try {
      const run = handler(event, lambdaContext(contextName, timeoutSecondsOf(name) * 1000)).then((result): LocalRun => ({ timedOut: false, result }));
      const ran = await Promise.race([run, timeout]);
      outcome = ran.timedOut ? 'timed out' : 'returned';
      return ran;
    } finally {
      clearTimeout(timer);
      const ms = performance.now() - started;
      const cpu = cpuBefore && process.cpuUsage(cpuBefore);
      const cpuMs = cpu ? (cpu.user + cpu.system) / 1000 : 0;
      for (const end of ends) {
        try {
          end({ ms, cpuMs, outcome });
        } catch {
          // An observer's fault never changes the run.
        }
      }
    }
  };
};
