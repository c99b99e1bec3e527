import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exitText, logTail, stopLeftoverChildren } from '../../local/child-process.js';
import { portVariables } from '../../local/config.js';
import { freePorts } from '../../local/ports.js';
import type { LocalStackInfo } from '../../local/stack.js';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs `bin/local.ts` the way `npm start` does, with the given environment on top. */
export const spawnLocal = (env: Record<string, string>): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bin/local.ts')], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });

/** Free ports and a fresh data dir, so tests never meet a developer's running `npm start`. */
export const isolatedEnv = async (): Promise<Record<string, string>> => {
  const variables = Object.values(portVariables);
  const ports = await freePorts(variables.length);
  return {
    // The portal's variable is an origin: its port is a free one too.
    ...Object.fromEntries(variables.map((variable, i) => [variable, variable === portVariables.portal ? `http://localhost:${ports[i]}` : String(ports[i])])),
    ORDERDESK_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'orderdesk-test-')),
  };
};

export interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  /** Seconds from the spawn to the exit. */
  seconds: number;
}

/** Collects a child's output, exit code or signal, once all its output is in. */
export const outcome = (child: ChildProcess) =>
  new Promise<Outcome>((resolve) => {
    const started = performance.now();
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code, signal) => resolve({ code, signal, output, seconds: (performance.now() - started) / 1000 }));
  });

/**
 * Why a local stack died, for whoever reads the test run: how it exited and when, its own output,
 * and the last lines of each service's log in `<dataDir>/logs/`, which is kept to look into.
 */
export const stackDiedReport = (what: string, ended: Outcome, dataDir: string): string => {
  const logsDir = path.join(dataDir, 'logs');
  const logs = fs.existsSync(logsDir) ? fs.readdirSync(logsDir).filter((name) => name.endsWith('.log')).sort() : [];
  return [
    `${what}: it ${exitText(ended.code, ended.signal)} ${ended.seconds.toFixed(1)} s after it was started.`,
    '--- its output',
    ended.output.trimEnd() || '(none)',
    ...logs.flatMap((name) => [`--- ${path.join(logsDir, name)}, last lines`, logTail(path.join(logsDir, name)) || '(empty)']),
    ...(logs.length === 0 ? ['--- no service logs: it died before starting any service'] : []),
    `--- the data dir is kept: ${dataDir}`,
  ].join('\n');
};

/** The services bin/local.ts runs as children, by what their command lines show (as local/stack.ts). */
export const leftoverMarkers = { dynamodb: 'DynamoDBLocal', cognito: 'cognito-local' };

/**
 * Starts `bin/local.ts`; `ready` resolves with its addresses once it is ready. If it dies first,
 * what its services left running is stopped and `ready` rejects with `stackDiedReport`; the data
 * dir is kept. A death after `ready` is the caller's to watch (`ended`).
 */
export const launchLocal = (env: Record<string, string>) => {
  const dataDir = env.ORDERDESK_DATA_DIR!;
  const child = spawnLocal(env);
  const ended = outcome(child);
  let isReady = false;
  const ready = new Promise<LocalStackInfo>((resolve, reject) => {
    child.on('message', (message: { type?: string; info?: LocalStackInfo }) => {
      if (message.type !== 'ready' || !message.info) return;
      isReady = true;
      resolve(message.info);
    });
    void ended.then(async (result) => {
      if (isReady) return;
      // Killed hard, it could not stop its children: they would keep the ports and the data dir.
      await stopLeftoverChildren(dataDir, leftoverMarkers);
      reject(new Error(stackDiedReport('the local stack exited before it was ready', result, dataDir)));
    });
  });
  return { child, ended, dataDir, ready };
};

/** Starts `bin/local.ts` and waits for it to be ready (see `launchLocal`). */
export const startLocal = async (env: Record<string, string>) => {
  const launched = launchLocal(env);
  return { ...launched, info: await launched.ready };
};
