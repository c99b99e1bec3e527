import net from 'node:net';
import { LocalStackError } from './local-stack-error.js';

/** Fails with a line that says which service wanted the port and which variable moves it. */
export const assertPortFree = (port: number, host: string, service: string, variable: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', () =>
      reject(new LocalStackError(`port ${port} (${service}) is in use: stop what uses it, or set ${variable} to a free port`)),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });

const isFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    // Every interface: DynamoDB Local listens on all of them, the other services on 127.0.0.1.
    probe.listen(port, '0.0.0.0', () => probe.close(() => resolve(true)));
  });

/**
 * Ports free now, for tests, which run beside a developer's `npm start` and beside each other.
 * They are drawn from below the range Linux gives outgoing connections (32768 and up): a port from
 * that range (what listening on port 0 gives) can be taken by any client socket between this
 * probe and the service binding it, which once failed a test. Ports handed out by one call
 * are never handed out again by the same call.
 */
export const freePorts = async (count: number, range: { from: number; to: number } = { from: 20_000, to: 32_000 }): Promise<number[]> => {
  const ports = new Set<number>();
  for (let attempt = 0; ports.size < count; attempt++) {
    if (attempt > count * 50) throw new Error(`no ${count} free ports between ${range.from} and ${range.to}`);
    const port = range.from + Math.floor(Math.random() * (range.to - range.from));
    if (!ports.has(port) && (await isFree(port))) ports.add(port);
  }
  return [...ports];
};

/** Polls until `check` succeeds; the services below answer within seconds. */
export const waitFor = async (what: string, check: () => Promise<unknown>, timeoutMs = 30_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await check();
      return;
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new LocalStackError(`${what} did not become ready in ${timeoutMs / 1000} s`, { cause: lastError });
};
