import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../local/ports.js';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs `bin/local.ts` the way `npm start` does, with the given environment on top. */
export const spawnLocal = (env: Record<string, string>): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bin/local.ts')], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });

/** Free ports and a fresh data dir, so tests never meet a developer's running `npm start`. */
export const isolatedEnv = async (): Promise<Record<string, string>> => ({
  ORDERDESK_API_PORT: String(await freePort()),
  ORDERDESK_DYNAMODB_PORT: String(await freePort()),
  ORDERDESK_S3_PORT: String(await freePort()),
  ORDERDESK_SES_PORT: String(await freePort()),
  ORDERDESK_COGNITO_PORT: String(await freePort()),
  ORDERDESK_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'orderdesk-test-')),
});

/** Collects a child's output and exit code. */
export const outcome = (child: ChildProcess) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
