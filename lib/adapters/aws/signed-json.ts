import { SignatureV4 } from '@smithy/signature-v4';
import * as z from 'zod';
import { Sha256, type Credentials } from './sigv4.js';

export interface AwsJsonCall {
  service: string;
  region: string;
  /** e.g. `https://email.eu-central-1.amazonaws.com`, or a local server's URL. */
  endpoint: string;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body: unknown;
  credentials: Credentials;
  fetch?: typeof fetch;
}

/**
 * An AWS API's refusal: its error type (`x-amzn-ErrorType` or the body's `__type`), status and
 * message, and the answer's whole body (DynamoDB's `CancellationReasons`, for one, are in it).
 */
export class AwsApiError extends Error {
  override readonly name = 'AwsApiError';
  constructor(
    readonly errorType: string,
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(`${errorType} (${status}): ${message}`);
  }
}

const errorTypeOf = (response: Response, body: Record<string, unknown>): string => {
  const raw = response.headers.get('x-amzn-errortype') ?? (typeof body.__type === 'string' ? body.__type : undefined) ?? (typeof body.code === 'string' ? body.code : 'UnknownError');
  // `MessageRejected:http://internal.amazon.com/...` and `com.amazonaws...#ResourceNotFoundException` name the same type.
  return raw.split(':')[0]!.split('#').at(-1)!;
};

/** An answer's JSON object; text that is none (an HTML error page, say) is kept as its message. */
const jsonObject = (text: string): Record<string, unknown> => {
  if (!text) return {};
  try {
    return z.record(z.string(), z.unknown()).safeParse(JSON.parse(text)).data ?? { message: text.slice(0, 500) };
  } catch {
    return { message: text.slice(0, 500) };
  }
};

/**
 * One call of an AWS JSON API, signed with the SDK's own SigV4 signer and sent with fetch: for
 * the two small calls mail needs (SES's SendEmail, Secrets Manager's GetSecretValue), whose SDK
 * clients would add ~75 KB to a function. The answer is the parsed JSON; a refusal an AwsApiError.
 */
export const signedJsonCall = async (call: AwsJsonCall): Promise<Record<string, unknown>> => {
  const url = new URL(call.path, call.endpoint);
  const body = JSON.stringify(call.body);
  const signer = new SignatureV4({ credentials: call.credentials, region: call.region, service: call.service, sha256: Sha256 });
  const signed = await signer.sign({
    method: call.method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    headers: { host: url.host, 'content-type': 'application/json', ...call.headers },
    body,
  });
  const response = await (call.fetch ?? fetch)(url, { method: call.method, headers: signed.headers, body });
  const text = await response.text();
  const parsed = jsonObject(text);
  if (!response.ok) throw new AwsApiError(errorTypeOf(response, parsed), response.status, String(parsed.message ?? parsed.Message ?? text.slice(0, 500)), parsed);
  return parsed;
};
