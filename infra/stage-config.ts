import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import * as z from 'zod';
import { platforms, type Platform } from '../lib/domain/platform.js';
import { defaultWorkQueuePolicy, WorkQueuePolicy } from '../lib/domain/work-queue.js';
import { Supplier } from '../lib/domain/orders/billing.js';
import { jsonText } from '../lib/config/env.js';
import { ReviewReminderDays } from '../lib/config/review-reminders.js';
import { defaultReviewReminderDays } from '../lib/domain/review/review-window.js';

/**
 * Settings that differ between stages, read from CDK context (`-c stage=prod`) and validated:
 * a typo in a stage name or an origin fails the synth with the field and reason.
 */
const StageName = z.enum(['dev', 'prod']);
type StageName = z.infer<typeof StageName>;

/** An http(s) URL without a trailing slash: an origin, or a portal's base URL. */
const BaseUrl = z.url({ protocol: /^https?$/ }).refine((url) => !url.endsWith('/'), 'must not end with /');

const Origins = z
  .string()
  .transform((text) => text.split(',').map((origin) => origin.trim()).filter(Boolean))
  .pipe(z.array(BaseUrl).min(1));

/** `azami=https://…,digimadi=https://…`: every platform once, nothing else. */
const PortalUrls = z
  .string()
  .transform((text, ctx) => {
    const entries: [string, string][] = [];
    for (const pair of text.split(',').map((part) => part.trim()).filter(Boolean)) {
      const at = pair.indexOf('=');
      if (at < 1) ctx.addIssue({ code: 'custom', message: `"${pair}" is not platform=url` });
      else entries.push([pair.slice(0, at).trim(), pair.slice(at + 1).trim()]);
    }
    return Object.fromEntries(entries);
  })
  .pipe(z.strictObject(Object.fromEntries(platforms.map((platform) => [platform, BaseUrl])) as Record<Platform, typeof BaseUrl>));

const StageContext = z.object({
  stage: StageName,
  /** The portal's origins, allowed by CORS on the API and the bucket. */
  portalOrigins: Origins.optional(),
  /** Each platform's portal URL, where every link in mail points. */
  portalUrls: PortalUrls.optional(),
  /** A verified SES identity; with it Cognito sends its mails through SES instead of its own sender. */
  mailFrom: z.email().optional(),
  /** The domain whose mail SES receives: replies to notifications go to `reply+<token>@` it. */
  inboundDomain: z.hostname().refine((name) => name.includes('.'), 'must be a domain like reply.your-domain').optional(),
  /** How the agency's work queue interleaves organisations (lib/domain/work-queue.ts). */
  workQueuePolicy: WorkQueuePolicy.default(defaultWorkQueuePolicy),
  /** The agency's details on its orders, as JSON (`Supplier`: name, ico, dic, address, iban, bic, …). */
  supplier: jsonText(Supplier).optional(),
  /** Days before a review deadline's day on which the client is reminded: `2,0` (the default), or `none`. */
  reviewReminderDays: z
    .string()
    .transform((text) => (text.trim() === 'none' ? [] : text.split(',').map((day) => Number(day.trim()))))
    .pipe(ReviewReminderDays)
    .optional(),
  /** Where the alarms go: an address the SNS topic mails (it must confirm the subscription once). */
  alarmEmail: z.email().optional(),
});

/**
 * What a production deploy must name, each with why: the placeholders that let `cdk synth` run
 * offline for dev would send mail from nowhere, link to example portals, bill as a made-up agency
 * and alarm nobody.
 */
export const requiredInProd = {
  mailFrom: 'the verified SES sender of every mail (-c mailFrom=helpdesk@your-domain)',
  portalOrigins: 'the portal origins CORS allows (-c portalOrigins=https://…)',
  portalUrls: 'where the links in mail point (-c portalUrls=azami=https://…,digimadi=https://…)',
  inboundDomain: 'the domain replies to mail are received at (-c inboundDomain=reply.your-domain)',
  supplier: 'the agency as its orders state it (-c supplier=<json>)',
  alarmEmail: 'who gets the alarms (-c alarmEmail=ops@your-domain)',
} as const satisfies Partial<Record<keyof z.input<typeof StageContext>, string>>;

const CheckedStageContext = StageContext.superRefine((context, ctx) => {
  if (context.stage !== 'prod') return;
  for (const [field, what] of Object.entries(requiredInProd)) {
    if (context[field as keyof typeof requiredInProd] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `is required in prod: ${what}` });
  }
});

export type StageConfig = {
  stage: StageName;
  portalOrigins: string[];
  /** Platform → the portal's URL (no trailing slash): the functions build every link in mail from it. */
  portalUrls: Record<Platform, string>;
  /** The sender of orderdesk's mail: `-c mailFrom=`, or the stage's placeholder (see `defaultMailFrom`). */
  mailFrom: string;
  /** Whether `mailFrom` came from the context, i.e. names a real SES identity: only then does Cognito send through SES. */
  mailFromGiven: boolean;
  /** Where replies to mail go (`reply+<token>@` it): `-c inboundDomain=`, or the stage's placeholder (see `defaultInboundDomain`). */
  inboundDomain: string;
  workQueuePolicy: WorkQueuePolicy;
  /** The agency on its orders: `-c supplier=<json>`, or the placeholder (see `placeholderSupplier`). */
  supplier: Supplier;
  /** Review reminders, days before the deadline's day: `-c reviewReminderDays=2,0`, or the default. */
  reviewReminderDays: readonly number[];
  /** Subscribed to the alarm topic (required in prod); without it the topic has no subscriber. */
  alarmEmail?: string;
  logRetention: RetentionDays;
  /** Production refuses accidental deletion of the table and the user pool. */
  deletionProtection: boolean;
  /** The request workflow's state machine name, fixed so functions can be granted it before it exists. */
  workflowName: string;
  /** Where the stage's secrets are in Secrets Manager: the operator's, and the ones the data stack generates. */
  secretsPrefix: string;
  /** The SES configuration set every mail names, fixed so senders can be granted it wherever it is made. */
  mailConfigurationSet: string;
  /** The user pool's custom-message function, fixed so the pool can name it by ARN (see DataStack). */
  cognitoMessageFunctionName: string;
};

const defaultOrigins: Record<StageName, string[]> = { dev: ['http://localhost:5173'], prod: ['https://portal.azami.example', 'https://portal.digimadi.example'] };

const defaultPortalUrls: Record<StageName, Record<Platform, string>> = {
  dev: { azami: 'http://localhost:5173', digimadi: 'http://localhost:5173' },
  prod: { azami: 'https://portal.azami.example', digimadi: 'https://portal.digimadi.example' },
};

/**
 * Placeholders, like the example origins: they let `cdk synth` (CI, offline) build the functions
 * that send mail. SES refuses to send from them; a real deployment names its verified identity
 * with `-c mailFrom=helpdesk@your-domain`.
 */
export const defaultMailFrom: Record<StageName, string> = { dev: 'helpdesk@dev.orderdesk.example', prod: 'helpdesk@orderdesk.example' };

/** Placeholders too: replies to them go nowhere. A real deployment names the domain SES receives for with `-c inboundDomain=reply.your-domain`. */
export const defaultInboundDomain: Record<StageName, string> = { dev: 'reply.dev.orderdesk.example', prod: 'reply.orderdesk.example' };

/**
 * A placeholder like the example origins, so `cdk synth` works offline; its IBAN is a valid but
 * made-up one. A real deployment states the agency with `-c supplier='{"name":…,"iban":…}'`.
 */
export const placeholderSupplier: Supplier = {
  name: 'Example Agency s.r.o.',
  ico: '27074358',
  dic: 'CZ27074358',
  address: { street: 'Example 1', city: 'Praha', postalCode: '110 00', country: 'CZ' },
  iban: 'CZ6508000000192000145399',
};

const usage =
  '-c stage=dev|prod [-c portalOrigins=https://…[,…]] [-c portalUrls=azami=https://…,digimadi=https://…] [-c mailFrom=helpdesk@your-domain] [-c inboundDomain=reply.your-domain] [-c workQueuePolicy=first-ready|round-robin] [-c supplier=<json>] [-c reviewReminderDays=2,0|none] [-c alarmEmail=ops@your-domain]';

/**
 * The attachments bucket's name: fixed per stage, account and region (S3 names are global), so a
 * function's grant on a key prefix names the bucket without a reference into the data stack.
 */
export const filesBucketName = (stage: StageName, scope: { account: string; region: string }): string => `orderdesk-${stage}-files-${scope.account}-${scope.region}`;

export const stageConfig = (context: (key: string) => unknown): StageConfig => {
  const parsed = CheckedStageContext.safeParse({
    stage: context('stage'),
    portalOrigins: context('portalOrigins'),
    portalUrls: context('portalUrls'),
    mailFrom: context('mailFrom'),
    inboundDomain: context('inboundDomain'),
    workQueuePolicy: context('workQueuePolicy'),
    supplier: context('supplier'),
    reviewReminderDays: context('reviewReminderDays'),
    alarmEmail: context('alarmEmail'),
  });
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'context'}: ${issue.message}`);
    throw new Error(`Invalid CDK context (${usage}): ${reasons.join('; ')}`);
  }
  const { stage, portalOrigins, portalUrls, mailFrom, inboundDomain, workQueuePolicy, supplier, reviewReminderDays, alarmEmail } = parsed.data;
  return {
    stage,
    portalOrigins: portalOrigins ?? defaultOrigins[stage],
    portalUrls: portalUrls ?? defaultPortalUrls[stage],
    mailFrom: mailFrom ?? defaultMailFrom[stage],
    mailFromGiven: mailFrom !== undefined,
    inboundDomain: (inboundDomain ?? defaultInboundDomain[stage]).toLowerCase(),
    workQueuePolicy,
    supplier: supplier ?? placeholderSupplier,
    reviewReminderDays: reviewReminderDays ?? defaultReviewReminderDays,
    ...(alarmEmail ? { alarmEmail } : {}),
    logRetention: stage === 'prod' ? RetentionDays.THREE_MONTHS : RetentionDays.TWO_WEEKS,
    deletionProtection: stage === 'prod',
    workflowName: `orderdesk-${stage}-workflow`,
    secretsPrefix: `orderdesk/${stage}/`,
    mailConfigurationSet: `orderdesk-${stage}`,
    cognitoMessageFunctionName: `orderdesk-${stage}-cognito-message`,
  };
};
