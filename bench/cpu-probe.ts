import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cpuAgentFlag, type CpuProbeAnswer, type CpuProbeRequest, type CpuRuns } from './cpu-agent.js';

/**
 * `env` with the CPU probe (bench/cpu-agent.ts) preloaded as well: its `--import` goes after any
 * the env's NODE_OPTIONS already holds (the cost meter's), and each agent takes only its own out.
 */
export const withCpuAgent = (env: Record<string, string>): Record<string, string> => ({
  ...env,
  NODE_OPTIONS: `${env.NODE_OPTIONS ?? process.env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(path.join(import.meta.dirname, 'cpu-agent.ts')).href}`.trim(),
  [cpuAgentFlag]: '1',
});

/** The CPU probe in the local stack's process, asked over its IPC channel. */
export interface CpuProbe {
  /**
   * The CPU each function run cost the stack's process since the last take, by function name;
   * the first take starts the probe (and answers nothing).
   */
  take(): Promise<CpuRuns>;
}

const isAnswer = (message: unknown): message is CpuProbeAnswer =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'cpu-probe';

export const cpuProbeOf = (child: ChildProcess, answerTimeoutMs = 30_000): CpuProbe => {
  let nextId = 1;
  const waiting = new Map<number, (answer: CpuProbeAnswer) => void>();
  child.on('message', (message: unknown) => {
    if (isAnswer(message)) waiting.get(message.id)?.(message);
  });
  return {
    take: () =>
      new Promise<CpuRuns>((resolve, reject) => {
        const id = nextId++;
        const settle = (answer: CpuProbeAnswer) => {
          clearTimeout(timer);
          waiting.delete(id);
          if (answer.runs) resolve(answer.runs);
          else reject(new Error(`the CPU probe in the local stack failed: ${answer.error ?? 'no answer'}`));
        };
        const timer = setTimeout(() => settle({ type: 'cpu-probe', id, error: `no answer in ${answerTimeoutMs} ms (was the stack started withCpuAgent()?)` }), answerTimeoutMs);
        waiting.set(id, settle);
        child.send({ type: 'cpu-probe', id, op: 'take' } satisfies CpuProbeRequest, (error) => {
          if (error) settle({ type: 'cpu-probe', id, error: error.message });
        });
      }),
  };
};
