import { traceCall, type CallTrace, type Outcome } from '../../observability/tracer.js';

/**
 * An AWS call's X-Ray subsegment (namespace `aws`), as the X-Ray SDK recorded the SDK clients'
 * calls: named after the service as its SDK client is (the service map's node), with the
 * operation, the region, the table, index or queue the request names where it names one, and,
 * when it ends, AWS's request id. Never a request's or an answer's content.
 */
export interface AwsCall {
  /** The signing name: `dynamodb`, `s3`, `states`… */
  service: string;
  region: string;
  operation: string;
  /** Where the call goes, as the SDK's records name it: `table_name`, `bucket_name`, `queue_url`… */
  resources?: Record<string, string | string[]>;
}

/** The X-Ray SDK's names (the SDK clients'), so the service map reads as it did. */
const serviceNames: Readonly<Record<string, string>> = {
  dynamodb: 'DynamoDB',
  'cognito-idp': 'CognitoIdentityProvider',
  s3: 'S3',
  states: 'SFN',
  ses: 'SESv2',
  secretsmanager: 'SecretsManager',
  sqs: 'SQS',
};

/** Opens the call's subsegment when the invocation is traced; `describe` runs only then. */
export const traceAwsCall = (describe: () => AwsCall): CallTrace | undefined =>
  traceCall(() => {
    const call = describe();
    return { name: serviceNames[call.service] ?? call.service, namespace: 'aws', aws: { operation: call.operation, region: call.region, ...call.resources } };
  });

/** AWS's ids of the request, from its answer's headers (S3 says them in its own). */
export const requestIds = (response: Response): Record<string, string> => {
  const requestId = response.headers.get('x-amzn-requestid') ?? response.headers.get('x-amz-request-id');
  const id2 = response.headers.get('x-amz-id-2');
  return { ...(requestId ? { request_id: requestId } : {}), ...(id2 ? { id_2: id2 } : {}) };
};

/** A call that got no answer (refused, reset, DNS, a body cut off): fetch's error, its type and words. */
export const unanswered = (error: unknown): Outcome => ({
  failure: error instanceof Error ? { type: error.name, message: error.message, remote: true } : { type: 'Error', remote: true },
});

/** Headers with the trace header added when the call is traced (after signing: it is never signed). */
export const withTraceHeader = (headers: Record<string, string>, trace: CallTrace | undefined): Record<string, string> =>
  trace ? { ...headers, 'x-amzn-trace-id': trace.header } : headers;
