import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import type { LocalStackInfo } from '../../local/stack.js';
import { isolatedEnv, outcome, spawnLocal } from '../support/local-process.js';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: LocalStackInfo;
  }
}

/** Starts the whole local stack once for the integration tests and stops it afterwards. */
export default async function setup(project: TestProject) {
  const env = await isolatedEnv();
  const child = spawnLocal(env);
  const ended = outcome(child);
  const info = await new Promise<LocalStackInfo>((resolve, reject) => {
    child.on('message', (message: { type?: string; info?: LocalStackInfo }) => {
      if (message.type === 'ready' && message.info) resolve(message.info);
    });
    void ended.then(({ code, output }) => reject(new Error(`the local stack exited (${code}) before it was ready:\n${output}`)));
  });
  project.provide('stack', info);

  return async () => {
    child.kill('SIGTERM');
    await ended;
    fs.rmSync(env.ORDERDESK_DATA_DIR!, { recursive: true, force: true });
  };
}
