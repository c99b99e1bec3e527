import path from 'node:path';
import * as z from 'zod';
import { LocalStackError } from './local-stack-error.js';

const Port = z.coerce.number().int().min(1).max(65535);

/**
 * DynamoDB Local's Java heap bound (-Xmx). Unbounded, the JVM may take a quarter of the machine's
 * memory and keeps what it took: 1.3 GB after 5 000 requests. Its live data stays far below
 * 512m (see docs/running-locally.md, "Configuration"), which leaves room for a long day of local use and the integration tests.
 */
export const defaultDynamoDbHeap = '512m';

const LocalEnv = z.object({
  ORDERDESK_API_PORT: Port.default(3000),
  ORDERDESK_LAMBDA_PORT: Port.default(3001),
  ORDERDESK_WORKFLOW_PORT: Port.default(3002),
  ORDERDESK_DYNAMODB_PORT: Port.default(8000),
  ORDERDESK_S3_PORT: Port.default(4568),
  ORDERDESK_SES_PORT: Port.default(8005),
  ORDERDESK_COGNITO_PORT: Port.default(9229),
  ORDERDESK_DATA_DIR: z.string().min(1).default('.local'),
  ORDERDESK_PORTAL_ORIGIN: z.url().default('http://localhost:5173'),
  ORDERDESK_TIME_SCALE: z.coerce
    .number({ error: 'must be a number' })
    .min(1, 'must be at least 1 (1440 runs a day per minute)')
    .max(10_000_000, 'must be at most 10000000')
    .default(1),
  ORDERDESK_DYNAMODB_HEAP: z
    .string()
    .regex(/^[1-9]\d*[kmg]$/i, 'must be a JVM heap size such as 512m or 1g')
    .default(defaultDynamoDbHeap),
});

export interface LocalConfig {
  host: '127.0.0.1';
  ports: { api: number; lambda: number; workflow: number; dynamodb: number; s3: number; ses: number; cognito: number; portal: number };
  /** Everything the local stack keeps across restarts lives here. */
  dataDir: string;
  /** Where the portal is served (`ORDERDESK_PORTAL_ORIGIN`); its port is the portal server's. */
  portalOrigin: string;
  /** DynamoDB Local's -Xmx, e.g. `512m`. */
  dynamodbHeap: string;
  /** Business seconds per real second (`ORDERDESK_TIME_SCALE`): 1440 runs a day per minute. */
  timeScale: number;
}

/** Which variable sets which port, for messages that tell the user what to change. */
export const portVariables = {
  api: 'ORDERDESK_API_PORT',
  lambda: 'ORDERDESK_LAMBDA_PORT',
  workflow: 'ORDERDESK_WORKFLOW_PORT',
  dynamodb: 'ORDERDESK_DYNAMODB_PORT',
  s3: 'ORDERDESK_S3_PORT',
  ses: 'ORDERDESK_SES_PORT',
  cognito: 'ORDERDESK_COGNITO_PORT',
  portal: 'ORDERDESK_PORTAL_ORIGIN',
} as const;

/** The port an origin's server listens on: the one it names, else its scheme's. */
const portOf = (origin: string) => Number(new URL(origin).port || (new URL(origin).protocol === 'https:' ? 443 : 80));

export const readLocalConfig = (env: NodeJS.ProcessEnv = process.env): LocalConfig => {
  const parsed = LocalEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LocalStackError(`${issue?.path.join('.')}: ${issue?.message}`);
  }
  const e = parsed.data;
  return {
    host: '127.0.0.1',
    ports: {
      api: e.ORDERDESK_API_PORT,
      lambda: e.ORDERDESK_LAMBDA_PORT,
      workflow: e.ORDERDESK_WORKFLOW_PORT,
      dynamodb: e.ORDERDESK_DYNAMODB_PORT,
      s3: e.ORDERDESK_S3_PORT,
      ses: e.ORDERDESK_SES_PORT,
      cognito: e.ORDERDESK_COGNITO_PORT,
      portal: portOf(e.ORDERDESK_PORTAL_ORIGIN),
    },
    dataDir: path.resolve(e.ORDERDESK_DATA_DIR),
    portalOrigin: e.ORDERDESK_PORTAL_ORIGIN,
    dynamodbHeap: e.ORDERDESK_DYNAMODB_HEAP,
    timeScale: e.ORDERDESK_TIME_SCALE,
  };
};
