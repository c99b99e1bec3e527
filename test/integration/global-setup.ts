import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import type { LocalStackInfo } from '../../local/stack.js';
import { stopLeftoverChildren } from '../../local/child-process.js';
import { isolatedEnv, leftoverMarkers, stackDiedReport, startLocal } from '../support/local-process.js';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: LocalStackInfo;
  }
}

/**
 * Starts the whole local stack once for the integration tests and stops it afterwards. If it dies,
 * before it is ready or during the tests, the run says why (exit code or signal, its output, the
 * services' last log lines) and the data dir is kept.
 */
export default async function setup(project: TestProject) {
  const env = await isolatedEnv();
  const { info, child, ended, dataDir } = await startLocal(env);
  project.provide('stack', info);

  let stopping = false;
  let died = false;
  void ended.then(async (result) => {
    if (stopping) return;
    died = true;
    console.error(stackDiedReport('the local stack died during the tests', result, dataDir));
    await stopLeftoverChildren(dataDir, leftoverMarkers);
  });

  return async () => {
    stopping = true;
    child.kill('SIGTERM');
    await ended;
    if (!died) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
