import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { orgKey } from '../lib/adapters/dynamodb/keys.js';
import { dynamoUserStore } from '../lib/adapters/dynamodb/users.js';
import { ensureCognitoUser } from '../local/cognito.js';
import { localCredentials, localRegion } from '../local/local-aws.js';
import type { LocalStackInfo } from '../local/stack.js';
import { expectStatus, logInCaller, type ApiCaller } from './api.js';
import { runPool } from './pool.js';

/**
 * A client organisation of its own with one client admin. The API has no route that creates an
 * organisation, so this is done as test/support/fresh-organisation.ts and the demo seed do it: the
 * organisation item, a Cognito login and the user items. Everything after that goes through the API.
 */
export const freshOrganisation = async (info: LocalStackInfo, documents: DynamoDBDocumentClient): Promise<{ orgId: string; admin: ApiCaller }> => {
  const suffix = randomUUID().slice(0, 8);
  const orgId = `org-bench-${suffix}`;
  const now = new Date().toISOString();
  await documents.send(new PutCommand({ TableName: info.tableName, Item: { ...orgKey(orgId), entity: 'org', orgId, name: `Bench ${suffix}`, createdAt: now } }));
  const email = `client_admin.${suffix}@bench.example`;
  const password = 'Bench-Admin-1';
  const cognito = new CognitoIdentityProviderClient({ endpoint: info.cognitoUrl, region: localRegion, credentials: localCredentials });
  try {
    const userId = await ensureCognitoUser(cognito, info.userPool.userPoolId, { email, name: 'Berta Bench', password });
    await dynamoUserStore(documents, () => info.tableName).put({ userId, email, name: 'Berta Bench', role: 'client_admin', orgId, createdAt: now });
  } finally {
    cognito.destroy();
  }
  return { orgId, admin: await logInCaller(info, email, password) };
};

/** A call that retries a 5xx or 409 (e.g. a transaction conflict); the idempotency key makes a retry safe. */
const withRetries = async (what: string, status: number, call: () => ReturnType<ApiCaller['call']>): Promise<string> => {
  for (let attempt = 1; ; attempt++) {
    const answer = await call();
    if (answer.status === status || attempt === 3 || (answer.status < 500 && answer.status !== 409)) return expectStatus(what, answer, status);
  }
};

/** Files `count` inquiries through POST /requests, `concurrency` at a time; answers with their ids in filing order. */
export const fileRequests = async (admin: ApiCaller, count: number, concurrency: number): Promise<string[]> => {
  const ids: string[] = new Array(count);
  const run = randomUUID().slice(0, 8);
  await runPool(concurrency, count, async (index) => {
    const body = { type: 'inquiry', title: `Bench request ${index + 1}`, description: 'Filed by npm run bench.', platform: 'azami' };
    const text = await withRetries('POST /requests', 201, () => admin.call('POST', '/requests', body, { 'idempotency-key': `bench-${run}-${index}` }));
    ids[index] = (JSON.parse(text) as { requestId: string }).requestId;
  });
  return ids;
};

/** Posts `count` messages to one request's timeline through POST /requests/{id}/messages, one after the other. */
export const postMessages = async (admin: ApiCaller, requestId: string, count: number): Promise<void> => {
  const run = randomUUID().slice(0, 8);
  for (let index = 0; index < count; index++) {
    const body = { body: `Bench message ${index + 1}: when can you start?` };
    await withRetries(`POST /requests/${requestId}/messages`, 201, () =>
      admin.call('POST', `/requests/${requestId}/messages`, body, { 'idempotency-key': `bench-${run}-${index}` }),
    );
  }
};
