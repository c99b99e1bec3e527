import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * X-Ray tracing of every function (Powertools Tracer; the functions run with active tracing).
 * Off where there is no X-Ray daemon: outside Lambda Tracer turns itself off, and the local stack
 * says so too (`POWERTOOLS_TRACE_ENABLED=false`). When on, outgoing HTTP(S) and fetch calls are
 * traced as well: SES, Step Functions, Secrets Manager and S3 go out through fetch
 * (lib/adapters/aws/signed-json.ts, lib/adapters/s3), the SDK clients through `traced`.
 */
export const tracer = new Tracer({ serviceName: 'orderdesk' });

/** An AWS SDK v3 client with a subsegment per call when tracing is on; untouched when it is off. */
export const traced = <T>(client: T): T => (tracer.isTracingEnabled() ? tracer.captureAWSv3Client(client) : client);
