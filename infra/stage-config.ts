import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import * as z from 'zod';
import { defaultWorkQueuePolicy, WorkQueuePolicy } from '../lib/domain/work-queue.js';

/**
 * Settings that differ between stages, read from CDK context (`-c stage=prod`) and validated:
 * a typo in a stage name or an origin fails the synth with the field and reason.
 */
const StageName = z.enum(['dev', 'prod']);

const Origins = z
  .string()
  .transform((text) => text.split(',').map((origin) => origin.trim()).filter(Boolean))
  .pipe(z.array(z.url({ protocol: /^https?$/ }).refine((url) => !url.endsWith('/'), 'must not end with /')).min(1));

const StageContext = z.object({
  stage: StageName,
  /** The portal's origins, allowed by CORS on the API and the bucket. */
  portalOrigins: Origins.optional(),
  /** A verified SES identity; with it Cognito sends its mails through SES instead of its own sender. */
  mailFrom: z.email().optional(),
  /** How the agency's work queue interleaves organisations (lib/domain/work-queue.ts). */
  workQueuePolicy: WorkQueuePolicy.default(defaultWorkQueuePolicy),
});

export type StageConfig = {
  stage: z.infer<typeof StageName>;
  portalOrigins: string[];
  mailFrom?: string;
  workQueuePolicy: WorkQueuePolicy;
  logRetention: RetentionDays;
  /** Production refuses accidental deletion of the table and the user pool. */
  deletionProtection: boolean;
  /** The request workflow's state machine name, fixed so functions can be granted it before it exists. */
  workflowName: string;
  /** Where the operator stores the stage's secrets in Secrets Manager. */
  secretsPrefix: string;
};

const defaultOrigins = { dev: ['http://localhost:5173'], prod: ['https://portal.azami.example', 'https://portal.digimadi.example'] };

export const stageConfig = (context: (key: string) => unknown): StageConfig => {
  const parsed = StageContext.safeParse({
    stage: context('stage'),
    portalOrigins: context('portalOrigins'),
    mailFrom: context('mailFrom'),
    workQueuePolicy: context('workQueuePolicy'),
  });
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'context'}: ${issue.message}`);
    throw new Error(`Invalid CDK context (-c stage=dev|prod [-c portalOrigins=...] [-c mailFrom=...] [-c workQueuePolicy=first-ready|round-robin]): ${reasons.join('; ')}`);
  }
  const { stage, portalOrigins, mailFrom, workQueuePolicy } = parsed.data;
  return {
    stage,
    portalOrigins: portalOrigins ?? defaultOrigins[stage],
    mailFrom,
    workQueuePolicy,
    logRetention: stage === 'prod' ? RetentionDays.THREE_MONTHS : RetentionDays.TWO_WEEKS,
    deletionProtection: stage === 'prod',
    workflowName: `orderdesk-${stage}-workflow`,
    secretsPrefix: `orderdesk/${stage}/`,
  };
};
