/**
 * The route bench's CPU probe inside the local stack's process (`bin/local.ts`), preloaded there
 * by `NODE_OPTIONS=--import` (see `cpuAgentEnv` in bench/cpu-probe.ts), as the cost meter is.
 * Node loads it before tsx, so this file uses only syntax Node strips itself and imports nothing
 * of the project at the top. It does nothing until the bench first asks over the stack's IPC
 * channel; then it keeps the CPU each function run cost the process (`LocalRunEnd.cpuMs`, taken
 * around the handler by local/handler-module.ts) until the bench takes them. It hooks nothing
 * else, so the calls it watches are the ones the deployed functions make.
 */
import type { LocalRunEnd } from '../local/handler-module.js';

export const cpuAgentFlag = 'ORDERDESK_CPU_AGENT';

/** The CPU (ms) of each run that returned since the last take, by function name, in the order they ended. */
export type CpuRuns = Record<string, number[]>;

export interface CpuProbeRequest {
  type: 'cpu-probe';
  id: number;
  op: 'take';
}

export interface CpuProbeAnswer {
  type: 'cpu-probe';
  id: number;
  runs?: CpuRuns;
  error?: string;
}

const isProbeRequest = (message: unknown): message is CpuProbeRequest =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'cpu-probe';

const startProbe = async () => {
  let runs: CpuRuns = {};
  const { observeInvocations } = await import('../local/handler-module.js');
  observeInvocations((name) => (end: LocalRunEnd) => {
    // A run that threw or timed out is not the route's usual work.
    if (end.outcome === 'returned') (runs[name] ??= []).push(end.cpuMs);
  });
  return {
    take: (): CpuRuns => {
      const taken = runs;
      runs = {};
      return taken;
    },
  };
};

// Only in the process the bench started with the flag; its own children (cognito-local) get neither.
if (process.env[cpuAgentFlag] === '1' && process.send) {
  delete process.env[cpuAgentFlag];
  const rest = (process.env.NODE_OPTIONS ?? '').replace(`--import ${import.meta.url}`, '').trim();
  if (rest) process.env.NODE_OPTIONS = rest;
  else delete process.env.NODE_OPTIONS;

  let probe: ReturnType<typeof startProbe> | undefined;
  process.on('message', (message: unknown) => {
    if (!isProbeRequest(message)) return;
    void (async () => {
      try {
        const active = await (probe ??= startProbe());
        process.send?.({ type: 'cpu-probe', id: message.id, runs: active.take() } satisfies CpuProbeAnswer);
      } catch (error) {
        process.send?.({ type: 'cpu-probe', id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies CpuProbeAnswer);
      }
    })();
  });
}
