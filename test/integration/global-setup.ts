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
 * Starts the whole local stack and stops it. If it dies, before it is ready or during the tests,
 * the run says why (exit code or signal, its output, the services' last log lines) and the data
 * dir is kept.
 */
const startStack = async () => {
  const env = await isolatedEnv();
  const { info, child, ended, dataDir } = await startLocal(env);

  let stopping = false;
  let died = false;
  void ended.then(async (result) => {
    if (stopping) return;
    died = true;
    console.error(stackDiedReport('the local stack died during the tests', result, dataDir));
    await stopLeftoverChildren(dataDir, leftoverMarkers);
  });

  const stop = async () => {
    stopping = true;
    child.kill('SIGTERM');
    await ended;
    if (!died) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { info, stop };
};

/** The run's one stack, held in the main process for every project that sets it up. */
interface SharedStack {
  running: ReturnType<typeof startStack>;
  users: number;
}
const key = Symbol.for('orderdesk.test-stack');
const holder = globalThis as { [key]?: SharedStack };

/**
 * One local stack per test run, on free ports and a fresh data dir: the integration project and
 * the workflow project (which runs after it, one file at a time: vitest.config.ts) share it, and
 * it stops after the last of them. Each project's setup is its own module instance, so the stack
 * is held on `globalThis` and counted.
 */
export default async function setup(project: TestProject) {
  const shared = (holder[key] ??= { running: startStack(), users: 0 });
  shared.users += 1;
  project.provide('stack', (await shared.running).info);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete holder[key];
    await (await shared.running).stop();
  };
}
