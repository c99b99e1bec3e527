import { DocumentClient, dynamoRetry } from '../../../lib/adapters/dynamodb/document-client.js';
import type { RetryPolicy } from '../../../lib/adapters/aws/retry.js';

export interface SentCall {
  url: string;
  /** `GetItem`, `Query`, ... (from `x-amz-target`). */
  operation: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** One answer: a status and DynamoDB JSON, or a network failure as fetch throws it. */
export type WireAnswer = { status: number; body: unknown } | { fails: true };

/** A refusal as DynamoDB writes it. */
export const refusal = (type: string, status = 400, more: Record<string, unknown> = {}): WireAnswer => ({
  status,
  body: { __type: `com.amazonaws.dynamodb.v20120810#${type}`, message: `${type} happened`, ...more },
});

/**
 * DynamoDB as fetch sees it: each call answered by the next of `answers` (the last one again once
 * they run out), every request kept. Retries wait nothing: their delays are recorded instead.
 */
export const dynamodbWire = (answers: WireAnswer[], retry: Partial<RetryPolicy> = {}) => {
  const sent: SentCall[] = [];
  const delays: number[] = [];
  const pending = [...answers];
  const fetch = (async (url: URL, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    sent.push({ url: String(url), operation: headers['x-amz-target']!.replace('DynamoDB_20120810.', ''), headers, body: JSON.parse(String(init.body)) as Record<string, unknown> });
    const answer = pending.length > 1 ? pending.shift()! : pending[0]!;
    if ('fails' in answer) throw new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/x-amz-json-1.0' } });
  }) as typeof globalThis.fetch;
  const client = new DocumentClient(
    () => ({ region: 'eu-central-1', endpoint: 'https://dynamodb.eu-central-1.amazonaws.com', credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' }, fetch }),
    { ...dynamoRetry, sleep: async (ms) => void delays.push(ms), random: () => 0.5, ...retry },
  );
  return { client, sent, delays };
};
