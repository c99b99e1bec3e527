import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, expect } from 'vitest';
import { DataStack } from '../../infra/data-stack.js';
import { FunctionsStack } from '../../infra/functions-stack.js';
import { stageConfig } from '../../infra/stage-config.js';
import type { FunctionDefinition } from '../../lib/lambda/definition.js';

// The same context (feature flags) `cdk synth` reads from cdk.json.
const cdkJson = JSON.parse(fs.readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> };

export const env = { account: '123456789012', region: 'eu-central-1' };

/** Apps with cdk.json's context, writing to one temporary dir removed after the file's tests. */
export const testApps = (label: string) => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `orderdesk-${label}-`));
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));
  return () => new App({ outdir, context: { ...cdkJson.context } });
};

/**
 * A synth of the data stack and a functions stack of one function-table entry alone (one function
 * to bundle, not the whole app). Each call is an app of its own; `context` is the stage's (e.g. `inboundDomain`), over `stage: 'dev'`.
 */
export const oneFunctionApp = (label: string, entry: FunctionDefinition) => {
  const newApp = testApps(label);
  return (context: Record<string, string> = {}) => {
    const app = newApp();
    const config = stageConfig((key) => ({ stage: 'dev', ...context })[key]);
    // Named by their context too, as each synth writes its assets to the same dir.
    const suffix = Object.keys(context).length;
    const data = new DataStack(app, `${label}-data-${suffix}`, { env, config, functions: [] });
    const stack = new FunctionsStack(app, `${label}-functions-${suffix}`, {
      env,
      config,
      resources: { table: data.table, bucket: data.bucket, userPool: data.userPool, appClientIds: data.appClientIds, alarms: data.alarms, apiUrl: 'https://api.fixture.example' },
      functions: [entry],
    });
    return { data: Template.fromStack(data), functions: Template.fromStack(stack) };
  };
};

/** The one value of a list that must have exactly one. */
export const only = <T>(values: T[]): T => {
  expect(values).toHaveLength(1);
  return values[0]!;
};
