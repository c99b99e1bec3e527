import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { costAgentFlag, type MeterSnapshot } from './cost-agent.js';
import { pollUntil } from '../local/poll.js';

/** What the local stack's process must be started with for the meter (bench/cost-agent.ts) to be in it. */
export const costAgentEnv = (): Record<string, string> => ({
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(path.join(import.meta.dirname, 'cost-agent.ts')).href}`.trim(),
  [costAgentFlag]: '1',
});

/** The meter in the local stack's process, asked over its IPC channel. */
export interface CostMeter {
  /** Starts counting afresh (the first call hooks the counters in). */
  reset(): Promise<MeterSnapshot>;
  read(): Promise<MeterSnapshot>;
  /**
   * Waits until no function has run for `idleMs` and none is running: the stream's notifier and
   * the workflow have done what the last call set off.
   */
  quiet(idleMs?: number, timeoutMs?: number): Promise<MeterSnapshot>;
}

interface MeterAnswer {
  type: 'cost-meter';
  id: number;
  snapshot?: MeterSnapshot;
  error?: string;
}

const isAnswer = (message: unknown): message is MeterAnswer =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'cost-meter';

export const costMeterOf = (child: ChildProcess, answerTimeoutMs = 30_000): CostMeter => {
  let nextId = 1;
  const waiting = new Map<number, { resolve: (snapshot: MeterSnapshot) => void; reject: (error: Error) => void }>();
  child.on('message', (message: unknown) => {
    if (!isAnswer(message)) return;
    const pending = waiting.get(message.id);
    if (!pending) return;
    waiting.delete(message.id);
    if (message.snapshot) pending.resolve(message.snapshot);
    else pending.reject(new Error(`the cost meter in the local stack failed: ${message.error ?? 'no answer'}`));
  });

  const ask = (op: 'reset' | 'read') =>
    new Promise<MeterSnapshot>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`the cost meter did not answer ${op} in ${answerTimeoutMs} ms (was the stack started with costAgentEnv()?)`));
      }, answerTimeoutMs);
      waiting.set(id, {
        resolve: (snapshot) => (clearTimeout(timer), resolve(snapshot)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      child.send({ type: 'cost-meter', id, op }, (error) => {
        if (!error) return;
        waiting.get(id)?.reject(error);
        waiting.delete(id);
      });
    });

  return {
    reset: () => ask('reset'),
    read: () => ask('read'),
    quiet: (idleMs = 2_000, timeoutMs = 120_000) =>
      pollUntil(
        `the local stack quiet for ${idleMs} ms`,
        async () => {
          const snapshot = await ask('read');
          return snapshot.running === 0 && snapshot.idleMs >= idleMs ? snapshot : undefined;
        },
        { timeoutMs, intervalMs: 200 },
      ),
  };
};
