import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { LocalStackError } from './local-stack-error.js';

/** Sends a child's output to `<dataDir>/logs/<name>.log` and fails loudly if it dies early. */
export const superviseChild = (child: ChildProcess, name: string, logsDir: string) => {
  fs.mkdirSync(logsDir, { recursive: true });
  const logFile = path.join(logsDir, `${name}.log`);
  const log = fs.createWriteStream(logFile, { flags: 'a' });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let stopping = false;
  const exited = new Promise<never>((_, reject) => {
    child.once('error', (error) => reject(new LocalStackError(`${name} could not start: ${error.message}`, { cause: error })));
    child.once('exit', (code) => {
      if (!stopping) reject(new LocalStackError(`${name} exited with code ${code}; see ${logFile}`));
    });
  });
  exited.catch(() => undefined); // observed by `whileRunning`; no unhandled rejection if never raced.
  return {
    logFile,
    /** Races a readiness check against the child dying, so a crash is reported at once. */
    whileRunning: <T>(work: Promise<T>) => Promise.race([work, exited]),
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
};
