import { describe, expect, it } from 'vitest';
import { readLocalConfig } from '../../../local/config.js';
import { LocalStackError } from '../../../local/local-stack-error.js';

describe('the local configuration', () => {
  it('has defaults for every port and the data dir', () => {
    const config = readLocalConfig({});
    expect(config.ports).toEqual({ api: 3000, lambda: 3001, workflow: 3002, dynamodb: 8000, s3: 4568, ses: 8005, cognito: 9229, portal: 5173 });
    expect(config.dataDir).toMatch(/\.local$/);
  });

  it('takes ports from the environment', () => {
    expect(readLocalConfig({ ORDERDESK_API_PORT: '3100' }).ports.api).toBe(3100);
  });

  it("serves the portal on its origin's port", () => {
    expect(readLocalConfig({ ORDERDESK_PORTAL_ORIGIN: 'http://localhost:5999' }).ports.portal).toBe(5999);
    expect(readLocalConfig({ ORDERDESK_PORTAL_ORIGIN: 'http://helpdesk.test' }).ports.portal).toBe(80);
  });

  it('bounds the DynamoDB Local heap at 512m unless ORDERDESK_DYNAMODB_HEAP says otherwise', () => {
    expect(readLocalConfig({}).dynamodbHeap).toBe('512m');
    expect(readLocalConfig({ ORDERDESK_DYNAMODB_HEAP: '1g' }).dynamodbHeap).toBe('1g');
    expect(() => readLocalConfig({ ORDERDESK_DYNAMODB_HEAP: '512' })).toThrow(/ORDERDESK_DYNAMODB_HEAP/);
    expect(() => readLocalConfig({ ORDERDESK_DYNAMODB_HEAP: '-Xmx512m' })).toThrow(LocalStackError);
  });

  it('runs business time at real speed unless ORDERDESK_TIME_SCALE says otherwise (at least 1)', () => {
    expect(readLocalConfig({}).timeScale).toBe(1);
    expect(readLocalConfig({ ORDERDESK_TIME_SCALE: '1440' }).timeScale).toBe(1440);
    expect(() => readLocalConfig({ ORDERDESK_TIME_SCALE: '0.5' })).toThrow(/ORDERDESK_TIME_SCALE: must be at least 1/);
    expect(() => readLocalConfig({ ORDERDESK_TIME_SCALE: 'fast' })).toThrow(/ORDERDESK_TIME_SCALE/);
  });

  it('says which variable is wrong', () => {
    expect(() => readLocalConfig({ ORDERDESK_S3_PORT: 'eighty' })).toThrow(LocalStackError);
    expect(() => readLocalConfig({ ORDERDESK_S3_PORT: '70000' })).toThrow(/ORDERDESK_S3_PORT/);
  });
});
