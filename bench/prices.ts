/**
 * AWS list prices the bench's cost model uses: Europe (Frankfurt), eu-central-1, in US dollars,
 * without tax, as of 2026-11-25. Each is `dollars` per `per` `unit`, with the price page it is
 * from. The figures are the published list prices as known on that date, not fetched by the bench:
 * where a figure is less certain, its note says so; check the page before quoting a figure as final.
 *
 * `freePerMonth` is an always-free allowance (per account and month, not the 12-month or credit
 * offers of new accounts): the cost model prices everything without it and shows what it saves
 * apart.
 */
export interface Price {
  dollars: number;
  per: number;
  unit: string;
  /** The price page. */
  page: string;
  note?: string;
  /** Units free every month, per account, indefinitely. */
  freePerMonth?: number;
}

export const priceRegion = 'eu-central-1 (Frankfurt)';
export const priceDate = '2026-11-25';

export const prices = {
  httpApiRequest: {
    dollars: 1.2,
    per: 1_000_000,
    unit: 'HTTP API request',
    page: 'https://aws.amazon.com/api-gateway/pricing/',
    note: 'HTTP API, first 300 million a month (us-east-1 is $1.00); the Frankfurt figure is less certain than most here. Metered in 512 KB increments; the JWT authorizer costs nothing extra. Its 1 million free calls are for new accounts\' first 12 months only.',
  },
  lambdaRequest: {
    dollars: 0.2,
    per: 1_000_000,
    unit: 'Lambda request',
    page: 'https://aws.amazon.com/lambda/pricing/',
    note: 'Any invocation: API, stream batch, workflow task.',
    freePerMonth: 1_000_000,
  },
  lambdaGbSecond: {
    dollars: 0.0000133334,
    per: 1,
    unit: 'Lambda GB-second (arm64)',
    page: 'https://aws.amazon.com/lambda/pricing/',
    note: 'arm64, first 7.5 billion GB-seconds a month (x86 is $0.0000166667). Billed per 1 ms; the INIT phase of a cold start is billed too since 2025-08-01.',
    freePerMonth: 400_000,
  },
  dynamoWriteUnit: {
    dollars: 0.7625,
    per: 1_000_000,
    unit: 'DynamoDB write request unit (on-demand)',
    page: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    note: 'On-demand, Standard table class, after the 50 % cut of 2024-11-01 (from $1.525; us-east-1 $0.625). 1 unit per 1 KB written, twice that in a transaction; every index an item is in is written too.',
  },
  dynamoReadUnit: {
    dollars: 0.1525,
    per: 1_000_000,
    unit: 'DynamoDB read request unit (on-demand)',
    page: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    note: 'On-demand, Standard table class, after the cut of 2024-11-01 (from $0.305; us-east-1 $0.125). 1 unit per 4 KB read strongly consistent, half that eventually consistent, twice in a transaction. DynamoDB Streams reads by a Lambda trigger are free (the notifier\'s), so no stream price here.',
  },
  dynamoStorageGbMonth: {
    dollars: 0.306,
    per: 1,
    unit: 'DynamoDB GB-month stored',
    page: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    note: 'Standard table class (us-east-1 $0.25); items and index copies, 100 bytes of overhead each.',
    freePerMonth: 25,
  },
  stepFunctionsTransition: {
    dollars: 0.025,
    per: 1_000,
    unit: 'Step Functions Standard state transition',
    page: 'https://aws.amazon.com/step-functions/pricing/',
    note: 'Standard workflows; the same in us-east-1.',
    freePerMonth: 4_000,
  },
  sesOutboundMail: {
    dollars: 0.1,
    per: 1_000,
    unit: 'SES outbound mail',
    page: 'https://aws.amazon.com/ses/pricing/',
    note: 'Per message sent from Lambda (each recipient\'s mail is one SendEmail here). The 3,000 free messages a month are for the first 12 months only.',
  },
  sesAttachmentGb: {
    dollars: 0.12,
    per: 1,
    unit: 'SES GB of attachments sent',
    page: 'https://aws.amazon.com/ses/pricing/',
  },
  s3PutRequest: {
    dollars: 0.0054,
    per: 1_000,
    unit: 'S3 PUT, COPY, POST or LIST request',
    page: 'https://aws.amazon.com/s3/pricing/',
    note: 'S3 Standard (us-east-1 $0.005).',
  },
  s3GetRequest: {
    dollars: 0.00043,
    per: 1_000,
    unit: 'S3 GET, HEAD or other request',
    page: 'https://aws.amazon.com/s3/pricing/',
    note: 'S3 Standard (us-east-1 $0.0004).',
  },
  s3StorageGbMonth: {
    dollars: 0.0245,
    per: 1,
    unit: 'S3 Standard GB-month stored',
    page: 'https://aws.amazon.com/s3/pricing/',
    note: 'First 50 TB a month (us-east-1 $0.023).',
  },
  xrayTrace: {
    dollars: 5,
    per: 1_000_000,
    unit: 'X-Ray trace recorded',
    page: 'https://aws.amazon.com/xray/pricing/',
    note: 'The functions and the state machine trace actively. Retrieval and scans ($0.50 per million) are left out.',
    freePerMonth: 100_000,
  },
  logsIngestedGb: {
    dollars: 0.63,
    per: 1,
    unit: 'CloudWatch Logs GB ingested',
    page: 'https://aws.amazon.com/cloudwatch/pricing/',
    note: 'Standard log class, eu-central-1 (us-east-1 $0.50); less certain than the figures above. Storage ($0.0324 per GB-month) is left out. The free 5 GB a month is shared with log storage and Logs Insights.',
    freePerMonth: 5,
  },
  customMetricMonth: {
    dollars: 0.3,
    per: 1,
    unit: 'CloudWatch custom metric-month',
    page: 'https://aws.amazon.com/cloudwatch/pricing/',
    note: 'First 10,000 metrics; each name and dimension set is a metric.',
    freePerMonth: 10,
  },
  alarmMonth: {
    dollars: 0.1,
    per: 1,
    unit: 'CloudWatch standard-resolution alarm metric-month',
    page: 'https://aws.amazon.com/cloudwatch/pricing/',
    note: 'Per metric an alarm watches: a metric-math alarm counts each metric of its expression.',
    freePerMonth: 10,
  },
  dashboardMonth: {
    dollars: 3,
    per: 1,
    unit: 'CloudWatch dashboard-month',
    page: 'https://aws.amazon.com/cloudwatch/pricing/',
    freePerMonth: 3,
  },
  secretMonth: {
    dollars: 0.4,
    per: 1,
    unit: 'Secrets Manager secret-month',
    page: 'https://aws.amazon.com/secrets-manager/pricing/',
    note: 'API calls ($0.05 per 10,000) are left out: the functions keep a secret for their container\'s life.',
  },
  cognitoMau: {
    dollars: 0.015,
    per: 1,
    unit: 'Cognito monthly active user (Essentials)',
    page: 'https://aws.amazon.com/cognito/pricing/',
    note: 'Essentials, the plan a new user pool gets (the stack names none); Lite is $0.0055. Both have 10,000 MAU a month free (direct and social sign-in), which does not expire.',
    freePerMonth: 10_000,
  },
} as const satisfies Record<string, Price>;

export type PriceName = keyof typeof prices;

/** Dollars per single unit (the price divided by its `per`). */
export const unitPrice = (price: Price): number => price.dollars / price.per;
