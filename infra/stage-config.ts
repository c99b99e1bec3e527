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

/** `azami=…,digimadi=…` as an object, for a schema of every platform once and nothing else. */
const platformPairs = (what: string) =>
  z.string().transform((text, ctx) => {
    const entries: [string, string][] = [];
    for (const pair of text.split(',').map((part) => part.trim()).filter(Boolean)) {
      const at = pair.indexOf('=');
      if (at < 1) ctx.addIssue({ code: 'custom', message: `"${pair}" is not platform=${what}` });
      else entries.push([pair.slice(0, at).trim(), pair.slice(at + 1).trim()]);
    }
    return Object.fromEntries(entries);
  });

const everyPlatform = <T extends z.ZodType>(value: T) => z.strictObject(Object.fromEntries(platforms.map((platform) => [platform, value])) as Record<Platform, T>);

/** `azami=https://…,digimadi=https://…`. */
const PortalUrls = platformPairs('url').pipe(everyPlatform(BaseUrl));

/** `azami=helpdesk.azami.cz,digimadi=helpdesk.digimadi.cz`: a host per brand, no two the same (the host picks the brand). */
const Domain = z
  .hostname()
  .refine((name) => name.includes('.'), 'must be a domain like helpdesk.your-domain')
  .transform((name) => name.toLowerCase());
const PortalDomains = platformPairs('domain')
  .pipe(everyPlatform(Domain))
  .refine((domains) => new Set(Object.values(domains)).size === platforms.length, 'must name a different domain for each platform');

/** CloudFront takes certificates from us-east-1 only. */
const CertificateArn = z
  .string()
  .regex(/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/, 'must be an ACM certificate ARN in us-east-1 (CloudFront takes certificates from there only)');

const StageContext = z.object({
  stage: StageName,
  /** The portal's origins, allowed by CORS on the API and the bucket; derived from the portal's hosting without it. */
  portalOrigins: Origins.optional(),
  /** Each platform's portal URL, where every link in mail points; derived from the portal's hosting without it. */
  portalUrls: PortalUrls.optional(),
  /** Each brand's domain of the portal: the distribution's alternate names (with `portalCertificateArn`). */
  portalDomains: PortalDomains.optional(),
  /** The us-east-1 ACM certificate covering every `portalDomains` domain. */
  portalCertificateArn: CertificateArn.optional(),
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
 * offline for dev would send mail from nowhere, bill as a made-up agency and alarm nobody. The
 * portal's addresses are not among them: without `portalDomains` (or explicit `portalUrls` and
 * `portalOrigins`) they are the portal distribution's own domain, which works, if unbranded.
 */
export const requiredInProd = {
  mailFrom: 'the verified SES sender of every mail (-c mailFrom=helpdesk@your-domain)',
  inboundDomain: 'the domain replies to mail are received at (-c inboundDomain=reply.your-domain)',
  supplier: 'the agency as its orders state it (-c supplier=<json>)',
  alarmEmail: 'who gets the alarms (-c alarmEmail=ops@your-domain)',
} as const satisfies Partial<Record<keyof z.input<typeof StageContext>, string>>;

const CheckedStageContext = StageContext.superRefine((context, ctx) => {
  // A domain is served only with a certificate covering it, and a certificate serves only named domains.
  if (context.portalDomains && !context.portalCertificateArn) {
    ctx.addIssue({ code: 'custom', path: ['portalCertificateArn'], message: 'is required with portalDomains: the us-east-1 ACM certificate covering them (-c portalCertificateArn=arn:aws:acm:us-east-1:…)' });
  }
  if (context.portalCertificateArn && !context.portalDomains) {
    ctx.addIssue({ code: 'custom', path: ['portalDomains'], message: 'is required with portalCertificateArn: the domains it covers (-c portalDomains=azami=…,digimadi=…)' });
  }
  if (context.stage !== 'prod') return;
  for (const [field, what] of Object.entries(requiredInProd)) {
    if (context[field as keyof typeof requiredInProd] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `is required in prod: ${what}` });
  }
});

export type StageConfig = {
  stage: StageName;
  /** The origins CORS allows on the API and the attachments bucket: `-c portalOrigins=`, else the portal's own (see `stageConfig`). */
  portalOrigins: string[];
  /** Platform → the portal's URL (no trailing slash): the functions build every link in mail from it. `-c portalUrls=`, else the portal's own. */
  portalUrls: Record<Platform, string>;
  /** Each brand's domain of the portal, with the certificate covering them: the distribution answers at these. */
  portalDomains?: Record<Platform, string>;
  portalCertificateArn?: string;
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

/**
 * Stands in for the distribution's domain where there is no distribution: a stack synthesized on
 * its own (the infra tests). `buildApp` hands `stageConfig` the portal distribution's domain.
 */
export const placeholderPortalHost: Record<StageName, string> = { dev: 'portal.dev.orderdesk.example', prod: 'portal.orderdesk.example' };

/**
 * Where the portal answers, unless the context says: at each brand's domain when there are brand
 * domains, else at the distribution's own domain for both brands (it serves the default brand,
 * and `?brand=digimadi` the other; a mail link there opens the default brand).
 */
const portalAddresses = (domains: Record<Platform, string> | undefined, host: string) => {
  const urls = Object.fromEntries(platforms.map((platform) => [platform, `https://${domains?.[platform] ?? host}`])) as Record<Platform, string>;
  return { urls, origins: [...new Set(Object.values(urls))] };
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
  '-c stage=dev|prod [-c portalDomains=azami=helpdesk.…,digimadi=helpdesk.… -c portalCertificateArn=arn:aws:acm:us-east-1:…] [-c portalOrigins=https://…[,…]] [-c portalUrls=azami=https://…,digimadi=https://…] [-c mailFrom=helpdesk@your-domain] [-c inboundDomain=reply.your-domain] [-c workQueuePolicy=first-ready|round-robin] [-c supplier=<json>] [-c reviewReminderDays=2,0|none] [-c alarmEmail=ops@your-domain]';

/**
 * The attachments bucket's name: fixed per stage, account and region (S3 names are global), so a
 * function's grant on a key prefix names the bucket without a reference into the data stack.
 */
export const filesBucketName = (stage: StageName, scope: { account: string; region: string }): string => `orderdesk-${stage}-files-${scope.account}-${scope.region}`;

/**
 * The portal bucket's name, fixed like the attachments bucket's: the portal-content stack's copier
 * is granted its objects by name, which reads the same in every stack (its acknowledgement too).
 */
export const portalBucketName = (stage: StageName, scope: { account: string; region: string }): string => `orderdesk-${stage}-portal-${scope.account}-${scope.region}`;

/**
 * The stage's settings from the CDK context. `portalHost` is the portal distribution's domain
 * (a token until deploy), from which the portal's origins and URLs derive when neither the
 * context nor brand domains name them; without it, `placeholderPortalHost`.
 */
export const stageConfig = (context: (key: string) => unknown, portalHost?: string): StageConfig => {
  const parsed = CheckedStageContext.safeParse({
    stage: context('stage'),
    portalOrigins: context('portalOrigins'),
    portalUrls: context('portalUrls'),
    portalDomains: context('portalDomains'),
    portalCertificateArn: context('portalCertificateArn'),
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
  const { stage, portalOrigins, portalUrls, portalDomains, portalCertificateArn, mailFrom, inboundDomain, workQueuePolicy, supplier, reviewReminderDays, alarmEmail } = parsed.data;
  const derived = portalAddresses(portalDomains, portalHost ?? placeholderPortalHost[stage]);
  return {
    stage,
    portalOrigins: portalOrigins ?? derived.origins,
    portalUrls: portalUrls ?? derived.urls,
    ...(portalDomains && portalCertificateArn ? { portalDomains, portalCertificateArn } : {}),
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
