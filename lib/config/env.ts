import * as z from 'zod';

/** Names of the environment variables through which the CDK app (and the local stack) tell a
 * function where its resources are. One list, so infra and runtime can't drift apart. */
export const EnvName = {
  tableName: 'TABLE_NAME',
  bucketName: 'BUCKET_NAME',
  userPoolId: 'USER_POOL_ID',
  /** JSON object: platform name → Cognito app client id. */
  appClientIds: 'APP_CLIENT_IDS',
  stage: 'STAGE',
  /** The agency work queue's default interleave policy (see lib/domain/work-queue.ts). */
  workQueuePolicy: 'WORK_QUEUE_POLICY',
  /** The sender address of orderdesk's mail (functions with `mail` access). */
  mailFrom: 'MAIL_FROM',
  /** The domain of reply addresses, `reply+<token>@` it (functions with `mail` access). */
  inboundDomain: 'INBOUND_DOMAIN',
  /** JSON object: platform name → the portal's URL; every link in mail is built from it (functions with `mail` access). */
  portalUrls: 'PORTAL_URLS',
  /** The API's public URL, for one-click unsubscribe links (functions with `mail` access). */
  apiUrl: 'API_URL',
  /** JSON object: queue name (`QueueName` of access.ts) → its URL (functions with `queues` access). */
  queueUrls: 'QUEUE_URLS',
  /** The SES configuration set whose events report bounces and complaints (functions with `mail` access). */
  mailConfigurationSet: 'MAIL_CONFIGURATION_SET',
  /** Local stack only: JSON object of secret name → value, in place of Secrets Manager. */
  localSecrets: 'LOCAL_SECRETS',
  /**
   * Local stack only: `1` lets webhook subscriptions use `http://` to this machine's loopback
   * (`http://127.0.0.1:<port>`, `http://localhost:<port>`), so a receiver can be tried locally.
   * Never set in AWS, where only https URLs to public addresses are taken (docs/webhooks.md).
   */
  webhooksAllowLoopback: 'WEBHOOKS_ALLOW_LOOPBACK',
  /** JSON: the agency's details as the supplier on orders (`Supplier` of lib/domain/orders/billing.ts). */
  supplier: 'SUPPLIER',
  /** JSON array: days before a review deadline's day on which the client is reminded, e.g. `[2,0]` (the default when unset). */
  reviewReminderDays: 'REVIEW_REMINDER_DAYS',
  /** The request workflow's state machine (functions with `workflow` access). */
  workflowArn: 'WORKFLOW_ARN',
  /** Secrets Manager names start with this, then the secret's name (functions with `secrets` access). */
  secretsPrefix: 'SECRETS_PREFIX',
  // Set by the Lambda runtime (and by the local stack):
  awsRegion: 'AWS_REGION',
  awsAccessKeyId: 'AWS_ACCESS_KEY_ID',
  awsSecretAccessKey: 'AWS_SECRET_ACCESS_KEY',
  awsSessionToken: 'AWS_SESSION_TOKEN',
  /** The SDK's own variable for a custom DynamoDB endpoint; set locally only (DynamoDB Local). */
  dynamodbEndpoint: 'AWS_ENDPOINT_URL_DYNAMODB',
  /** The SDK's own variable for a custom Cognito user pools endpoint; set locally only (cognito-local). */
  cognitoEndpoint: 'AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER',
  /** The SDK's own variable for a custom S3 endpoint; set locally only. */
  s3Endpoint: 'AWS_ENDPOINT_URL_S3',
  /** The SDK's own variable for a custom SES v2 endpoint; set locally only. */
  sesEndpoint: 'AWS_ENDPOINT_URL_SESV2',
  /** The SDK's own variable for a custom Step Functions endpoint; set locally only (the local workflow engine). */
  sfnEndpoint: 'AWS_ENDPOINT_URL_SFN',
} as const;
export type EnvName = (typeof EnvName)[keyof typeof EnvName];

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** Reads one variable, validated; a missing or malformed one is a deployment bug, said plainly. */
export const readEnv = <T extends z.ZodType>(name: EnvName, schema: T): z.infer<T> => {
  const parsed = schema.safeParse(process.env[name]);
  if (!parsed.success) {
    throw new ConfigurationError(`Environment variable ${name} is missing or invalid`, { cause: parsed.error });
  }
  return parsed.data;
};

/** A variable holding JSON (e.g. platform → value), parsed before its schema checks it. */
export const jsonText = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);
