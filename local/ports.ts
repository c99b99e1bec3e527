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

/** A port the OS says is free now (for tests, which run beside a developer's `npm start`). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });

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
