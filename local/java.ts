import { spawnSync } from 'node:child_process';
import { LocalStackError } from './local-stack-error.js';

const installHint = 'apt-get install openjdk-17-jre-headless';

/** DynamoDB Local is Amazon's Java engine; it needs Java 17 or newer on the PATH. */
export const assertJava = (): void => {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new LocalStackError(`Java 17 or newer is needed for DynamoDB Local and was not found: ${installHint}`);
  }
  const major = Number(/version "(\d+)/.exec(result.stderr + result.stdout)?.[1] ?? 0);
  if (major < 17) {
    throw new LocalStackError(`Java ${major} found, DynamoDB Local needs Java 17 or newer: ${installHint}`);
  }
};
