import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { type CfnQueue, Queue } from 'aws-cdk-lib/aws-sqs';
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

/**
 * Every finding on `app`, as `rule at path`: the AwsSolutions and Serverless packs', after
 * acknowledgements (one fails the synth, as in `cdk synth`), and those of CloudFormation's own
 * template check if the app runs it (`cdk synth` does; it only warns).
 */
const findingsOf = (app: App): string[] => {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  // What the checks found is in the report they leave beside the templates.
  const file = path.join(outdir, 'validation-report.json');
  try {
    app.synth();
  } catch (error) {
    if (!fs.existsSync(file)) throw error;
  }
  if (!fs.existsSync(file)) return [];
  const report = Report.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  fs.rmSync(file);
  return report.pluginReports.flatMap((plugin) => plugin.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.ruleName} at ${c.constructPath}: ${v.description}`)));
};

/**
 * The findings on the whole app. CloudFormation's own template check runs on the dev and prod apps
 * here; the other infra tests synthesize without it (~1.6 s of CPU a synth of this app).
 */
const findings = (context: Record<string, string>, { cloudFormationCheck, change }: { cloudFormationCheck: boolean; change?: (built: ReturnType<typeof buildApp>) => void }): string[] => {
  const built = buildApp(new App({ outdir, builtinCloudFormationValidation: cloudFormationCheck, context: { ...cdkJson.context, ...context } }));
  change?.(built);
  return findingsOf(built.app);
};

describe('cdk-nag (AwsSolutions and Serverless packs)', () => {
  it.each([
    ['dev', { stage: 'dev' }],
    ['prod', prodContext],
  ] as const)('finds nothing unacknowledged in the %s app, nor does CloudFormation’s own template check', (stage, context) => {
    // A production deploy knows its region (Cognito sends through SES there).
    if (stage === 'prod') vi.stubEnv('CDK_DEFAULT_REGION', 'eu-central-1');
    try {
      expect(findings(context, { cloudFormationCheck: true })).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('fails on a new finding that nobody acknowledged, in a stack or in a nested stack (a route group of the API)', () => {
    const found = findings(
      { stage: 'dev' },
      {
        cloudFormationCheck: false,
        change: (built) => {
          new Queue(built.functions, 'Unacknowledged');
          new Queue(built.api.routeGroups[0]!, 'Unacknowledged');
        },
      },
    );
    expect(found).toEqual(expect.arrayContaining([expect.stringMatching(/^AwsSolutions-SQS4 at orderdesk-dev-functions\/Unacknowledged\/Resource/), expect.stringMatching(/^AwsSolutions-SQS3 at orderdesk-dev-functions\/Unacknowledged/)]));
    expect(found).toEqual(expect.arrayContaining([expect.stringMatching(/^AwsSolutions-SQS4 at orderdesk-dev-api\/Routes\w+\/Unacknowledged\/Resource/), expect.stringMatching(/^AwsSolutions-SQS3 at orderdesk-dev-api\/Routes\w+\/Unacknowledged/)]));
    // Only the new queue's: everything else stays acknowledged.
    expect(found.every((finding) => finding.includes('/Unacknowledged/'))).toBe(true);
  });

  it('reports what CloudFormation’s own template check finds: a property CloudFormation does not know', () => {
    const app = new App({ outdir, context: { ...cdkJson.context } });
    const queue = new Queue(new Stack(app, 'checked'), 'Queue');
    (queue.node.defaultChild as CfnQueue).addPropertyOverride('Bogus', 1);
    expect(findingsOf(app)).toEqual(expect.arrayContaining([expect.stringMatching(/^F3002 at checked\/Queue\/Resource: Bogus/)]));
  });
});
