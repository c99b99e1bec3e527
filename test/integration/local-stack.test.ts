import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import net from 'node:net';
import fs from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { PutCommand } from '../../lib/adapters/dynamodb/document-client.js';
import { allRequestsPartition, requestKey } from '../../lib/adapters/dynamodb/keys.js';
import { dynamoRequestStore } from '../../lib/adapters/dynamodb/request-store.js';
import { tableDefinition } from '../../lib/adapters/dynamodb/table-definition.js';
import { dynamoUserStore } from '../../lib/adapters/dynamodb/user-store.js';
import { routes } from '../../lib/http/routes.js';
import { localCredentials, localRegion } from '../../local/local-aws.js';
import { ensureCognitoUser } from '../../local/cognito.js';
import { demoUsers } from '../../local/demo-data.js';
import { backfillRanks } from '../../local/backfill-ranks.js';
import { seedDemoData } from '../../local/seed.js';
import * as z from 'zod';
import { apiClient, newInquiry, ok } from '../support/api-client.js';
import { localLogin } from '../../local/local-login.js';
import { pollUntil } from '../../local/poll.js';
import { documents, freshOrganisation } from '../support/fresh-organisation.js';
import { isolatedEnv, outcome, spawnLocal, startLocal } from '../support/local-process.js';

const stack = inject('stack');
const dynamo = new DynamoDBClient({ endpoint: stack.dynamodbUrl, region: localRegion, credentials: localCredentials });
const cognito = new CognitoIdentityProviderClient({ endpoint: stack.cognitoUrl, region: localRegion, credentials: localCredentials });

describe('the local stack', () => {
  it('creates the table from the same definition the CDK app deploys', async () => {
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: stack.tableName }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ]);
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(tableDefinition.globalIndexes.map((i) => i.indexName));
    expect(Table?.StreamSpecification).toMatchObject({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
  });

  it('seeds the demo data idempotently: a second run keeps every user and their ids', async () => {
    const users = dynamoUserStore(documents(), () => stack.tableName);
    const subs = await Promise.all(demoUsers.map((u) => ensureCognitoUser(cognito, stack.userPool.userPoolId, u)));
    const before = await Promise.all(subs.map((sub) => users.getUser(sub)));
    await seedDemoData(documents(), stack.tableName, cognito, stack.userPool.userPoolId, new Date('2030-01-01T00:00:00Z'));
    const after = await Promise.all(subs.map((sub) => users.getUser(sub)));
    expect(after).toEqual(before);
    expect(after.every((user) => user !== undefined)).toBe(true);
  });

  it('appends active requests from before client ranking to their queue, once', async () => {
    const { admin } = await freshOrganisation('Legacy');
    const ranked = ok(await admin.send(routes.createRequest, { body: newInquiry('Ranked already') })).requestId;
    const table = documents();
    const legacy = { ...(await dynamoRequestStore(table, () => stack.tableName).get(ranked))!, requestId: '1999-0001', createdAt: '1999-01-01T00:00:00.000Z' };
    const { rank: _rank, ...unranked } = legacy;
    await table.send(new PutCommand({ TableName: stack.tableName, Item: { ...requestKey(legacy.requestId), entity: 'request', gsi3pk: allRequestsPartition, gsi3sk: `${legacy.createdAt}#${legacy.requestId}`, ...unranked } }));
    expect(await backfillRanks(table, stack.tableName)).toBeGreaterThanOrEqual(1);
    expect(await backfillRanks(table, stack.tableName)).toBe(0);
    const queue = ok(await admin.send(routes.getQueue)).items.map((item) => item.request.requestId);
    expect(queue).toEqual([ranked, '1999-0001']);
  });

  it('keeps the inbox across a restart on the same data dir, and the links of its mails still work', async () => {
    const env = await isolatedEnv();
    const Store = z.object({ emails: z.array(z.looseObject({ messageId: z.string(), subject: z.string(), body: z.object({ text: z.string().optional() }), headers: z.array(z.object({ name: z.string(), value: z.string() })).optional() })) });
    const inbox = async (mailUrl: string) => Store.parse(await (await fetch(`${mailUrl}/store`)).json()).emails;
    const stops: (() => Promise<unknown>)[] = [];
    try {
      const first = await startLocal(env);
      stops.push(async () => (first.child.kill('SIGTERM'), first.ended));
      const jana = apiClient(first.info.apiUrl, (await localLogin(first.info, 'jana.novakova@acme.example', 'azami')).token);
      const { requestId } = ok(await jana.send(routes.createRequest, { body: newInquiry('Kept across a restart') }));
      const before = await pollUntil(`a mail about ${requestId}`, async () => {
        const mails = (await inbox(first.info.mailUrl)).filter((mail) => mail.subject.includes(`[#${requestId}]`));
        return mails.length > 0 ? mails : undefined;
      });
      await stops.pop()!();

      const second = await startLocal(env);
      stops.push(async () => (second.child.kill('SIGTERM'), second.ended));
      const after = (await inbox(second.info.mailUrl)).filter((mail) => mail.subject.includes(`[#${requestId}]`));
      // Every mail seen before the stop is there after it. The request's other recipients' mails
      // may still have been going out between the look and the stop: kept too, so not compared.
      expect(after).toEqual(expect.arrayContaining(before));
      expect(after.length).toBeGreaterThanOrEqual(before.length);
      // The UI at / reads the same store.
      expect((await fetch(second.info.mailUrl)).status).toBe(200);

      // The links of a mail sent before the restart open after it: the request link...
      const mail = after[0]!;
      const openToken = /[?&]link=([\w-]+\.[\w-]+)/.exec(mail.body.text ?? '')?.[1];
      expect(openToken, mail.body.text).toBeDefined();
      const opened = await fetch(`${second.info.apiUrl}/links/${openToken}`);
      expect(opened.status).toBe(200);
      expect(await opened.json()).toMatchObject({ requestId });
      // ...and one-click unsubscribe (List-Unsubscribe names the API, on the same port again).
      const unsubscribe = /^<(.+)>$/.exec(mail.headers?.find((h) => h.name === 'List-Unsubscribe')?.value ?? '')?.[1];
      expect(unsubscribe).toMatch(new RegExp(`^${second.info.apiUrl}/unsubscribe/`));
      const muted = await fetch(unsubscribe!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
      expect(muted.status).toBe(200);
      expect(await muted.json()).toEqual({ requestId, muted: true });
    } finally {
      await Promise.all(stops.splice(0).map((stop) => stop()));
      fs.rmSync(env.ORDERDESK_DATA_DIR!, { recursive: true, force: true });
    }
  }, 180_000);

  it('stops with one clear line and a non-zero exit when a port is taken', async () => {
    const env = await isolatedEnv();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(Number(env.ORDERDESK_API_PORT), '127.0.0.1', resolve));
    try {
      const { code, output } = await outcome(spawnLocal(env));
      expect(code).not.toBe(0);
      expect(output.trim()).toBe(`orderdesk: port ${env.ORDERDESK_API_PORT} (api) is in use: stop what uses it, or set ORDERDESK_API_PORT to a free port`);
    } finally {
      blocker.close();
      fs.rmSync(env.ORDERDESK_DATA_DIR!, { recursive: true, force: true });
    }
  });

  it('reports a stack that dies before it is ready with its exit code and output, keeping the data dir', async () => {
    const env = await isolatedEnv();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(Number(env.ORDERDESK_COGNITO_PORT), '127.0.0.1', resolve));
    try {
      const started = startLocal(env);
      await expect(started).rejects.toThrow(/the local stack exited before it was ready: it exited with code 1 [\d.]+ s after/);
      await expect(started).rejects.toThrow(`port ${env.ORDERDESK_COGNITO_PORT} (cognito) is in use`);
      await expect(started).rejects.toThrow(`the data dir is kept: ${env.ORDERDESK_DATA_DIR}`);
      expect(fs.existsSync(env.ORDERDESK_DATA_DIR!)).toBe(true);
    } finally {
      blocker.close();
      fs.rmSync(env.ORDERDESK_DATA_DIR!, { recursive: true, force: true });
    }
  });

  it('reports a service that dies while starting with its exit code and the last lines of its log', async () => {
    const env = await isolatedEnv();
    // A heap the JVM refuses: DynamoDB Local exits at once, saying so in dynamodb.log.
    const started = startLocal({ ...env, ORDERDESK_DYNAMODB_HEAP: '1k' });
    try {
      await expect(started).rejects.toThrow(/orderdesk: dynamodb exited with code 1 before it was ready\n[^]*Too small maximum heap/);
      await expect(started).rejects.toThrow(/dynamodb\.log, last lines\n[^]*Too small maximum heap/);
    } finally {
      fs.rmSync(env.ORDERDESK_DATA_DIR!, { recursive: true, force: true });
    }
  });

  it('stops with one clear line and a non-zero exit when Java is missing', async () => {
    const env = await isolatedEnv();
    // A PATH with node but without java.
    const { code, output } = await outcome(spawnLocal({ ...env, PATH: `${process.execPath.replace(/\/node$/, '')}` }));
    expect(code).not.toBe(0);
    expect(output.trim()).toBe('orderdesk: Java 17 or newer is needed for DynamoDB Local and was not found: apt-get install openjdk-17-jre-headless');
    fs.rmSync(env.ORDERDESK_DATA_DIR!, { recursive: true, force: true });
  });
});
