import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { afterAll, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { buildApp } from '../../infra/orderdesk-app.js';
import { prodContext } from './prod-context.js';

// The same context (feature flags) `cdk synth` reads from cdk.json, and one output dir, so the
// functions are bundled once for every app this file synthesizes.
const cdkJson = JSON.parse(fs.readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> };
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'orderdesk-nag-'));
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

const Report = z.object({
  pluginReports: z.array(
    z.object({
      pluginName: z.string(),
      violations: z.array(z.object({ ruleName: z.string(), description: z.string(), violatingConstructs: z.array(z.object({ constructPath: z.string() })) })),
    }),
  ),
});

/** Every finding the AwsSolutions and Serverless packs report on the app, as `rule at path`, after acknowledgements. */
const findings = (context: Record<string, string>, change?: (built: ReturnType<typeof buildApp>) => void): string[] => {
  const built = buildApp(new App({ outdir, context: { ...cdkJson.context, ...context } }));
  change?.(built);
  Validations.of(built.app).addPlugins(new AwsSolutionsChecks(built.app), new ServerlessChecks(built.app));
  try {
    built.app.synth();
    return [];
  } catch (error) {
    // A finding fails the synth (as `cdk synth` would) and leaves the report beside the templates.
    const file = path.join(outdir, 'validation-report.json');
    if (!fs.existsSync(file)) throw error;
    const report = Report.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    fs.rmSync(file);
    return report.pluginReports.flatMap((plugin) => plugin.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.ruleName} at ${c.constructPath}: ${v.description}`)));
  }
};

describe('cdk-nag (AwsSolutions and Serverless packs)', () => {
  it.each([
    ['dev', { stage: 'dev' }],
    ['prod', prodContext],
  ] as const)('finds nothing unacknowledged in the %s app', (stage, context) => {
    // A production deploy knows its region (Cognito sends through SES there).
    if (stage === 'prod') vi.stubEnv('CDK_DEFAULT_REGION', 'eu-central-1');
    try {
      expect(findings(context)).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('fails on a new finding that nobody acknowledged, in a stack or in a nested stack (a route group of the API)', () => {
    const found = findings({ stage: 'dev' }, (built) => {
      new Queue(built.functions, 'Unacknowledged');
      new Queue(built.api.routeGroups[0]!, 'Unacknowledged');
    });
    expect(found).toEqual(expect.arrayContaining([expect.stringMatching(/^AwsSolutions-SQS4 at orderdesk-dev-functions\/Unacknowledged\/Resource/), expect.stringMatching(/^AwsSolutions-SQS3 at orderdesk-dev-functions\/Unacknowledged/)]));
    expect(found).toEqual(expect.arrayContaining([expect.stringMatching(/^AwsSolutions-SQS4 at orderdesk-dev-api\/Routes\w+\/Unacknowledged\/Resource/), expect.stringMatching(/^AwsSolutions-SQS3 at orderdesk-dev-api\/Routes\w+\/Unacknowledged/)]));
    // Only the new queue's: everything else stays acknowledged.
    expect(found.every((finding) => finding.includes('/Unacknowledged/'))).toBe(true);
  });
});
