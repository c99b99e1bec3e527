import { randomUUID } from 'node:crypto';
import { provisionOrganisation } from '../local/provision.js';
import type { LocalStackInfo } from '../local/stack.js';
import { expectStatus, logInCaller, type ApiCaller } from './api.js';
import { runPool } from './pool.js';

/** A client organisation of its own with one client admin (see local/provision.ts); everything after that goes through the API. */
export const freshOrganisation = async (info: LocalStackInfo): Promise<{ orgId: string; admin: ApiCaller }> => {
  const suffix = randomUUID().slice(0, 8);
  const orgId = `org-bench-${suffix}`;
  const admin = { email: `client_admin.${suffix}@bench.example`, name: 'Berta Bench', password: 'Bench-Admin-1', role: 'client_admin' } as const;
  await provisionOrganisation(info, { orgId, name: `Bench ${suffix}` }, [admin]);
  return { orgId, admin: await logInCaller(info, admin.email, admin.password) };
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
