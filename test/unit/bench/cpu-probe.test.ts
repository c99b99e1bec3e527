import { EventEmitter } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cpuAgentFlag } from '../../../bench/cpu-agent.js';
import { cpuProbeOf, withCpuAgent } from '../../../bench/cpu-probe.js';

/** A stand-in for the stack's process: answers each request the way `answer` says. */
const fakeChild = (answer: (request: { type: string; id: number }) => unknown[]) => {
  const child = new EventEmitter() as EventEmitter & { send: (message: unknown, callback: (error: Error | null) => void) => boolean };
  child.send = (message, callback) => {
    callback(null);
    queueMicrotask(() => answer(message as { type: string; id: number }).forEach((reply) => child.emit('message', reply)));
    return true;
  };
  return child as unknown as ChildProcess;
};

describe('the bench’s CPU probe', () => {
  it('is preloaded after the cost meter, which stays preloaded', () => {
    const env = withCpuAgent({ NODE_OPTIONS: '--import file:///x/cost-agent.ts', OTHER: '1' });
    expect(env.NODE_OPTIONS).toMatch(/^--import file:\/\/\/x\/cost-agent\.ts --import file:\/\/.*\/bench\/cpu-agent\.ts$/);
    expect(env[cpuAgentFlag]).toBe('1');
    expect(env.OTHER).toBe('1');
  });

  it('takes the runs answered to its own request, whatever else the channel carries', async () => {
    const probe = cpuProbeOf(
      fakeChild((request) => [
        { type: 'ready' },
        { type: 'cpu-probe', id: request.id + 1, runs: { other: [9] } },
        { type: 'cpu-probe', id: request.id, runs: { 'get-request': [0.4, 0.5] } },
      ]),
    );
    await expect(probe.take()).resolves.toEqual({ 'get-request': [0.4, 0.5] });
  });

  it('fails with what the agent said, and when the agent never answers', async () => {
    await expect(cpuProbeOf(fakeChild((request) => [{ type: 'cpu-probe', id: request.id, error: 'no observer' }])).take()).rejects.toThrow('no observer');
    await expect(cpuProbeOf(fakeChild(() => []), 20).take()).rejects.toThrow('no answer in 20 ms');
  });
});
