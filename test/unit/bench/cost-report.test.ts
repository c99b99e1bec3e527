import { describe, expect, it } from 'vitest';
import { attachmentBytes, commandKind, consumedUnits, refusedWriteUnits } from '../../../bench/cost-agent.js';
import { costLines, fixedAssumptions, type LifecycleCounts } from '../../../bench/cost-model.js';
import { formatCostSection, formatCostTable, formatDollars, formatPrice, formatQuantity, type MeasuredLifecycle } from '../../../bench/cost-report.js';

describe('the meter’s DynamoDB units', () => {
  it('are read or write by the command, DescribeTable neither', () => {
    expect(commandKind('QueryCommand')).toBe('read');
    expect(commandKind('BatchGetItemCommand')).toBe('read');
    expect(commandKind('TransactWriteItemsCommand')).toBe('write');
    expect(commandKind('DescribeTableCommand')).toBeUndefined();
  });

  it('take the total as the command’s kind, the read and write parts where they are given, and every table of a batch', () => {
    expect(consumedUnits('write', { CapacityUnits: 9 })).toEqual({ read: 0, write: 9 });
    expect(consumedUnits('read', [{ CapacityUnits: 0.5 }, { CapacityUnits: 1 }])).toEqual({ read: 1.5, write: 0 });
    expect(consumedUnits('write', [{ CapacityUnits: 6, ReadCapacityUnits: 2, WriteCapacityUnits: 4 }])).toEqual({ read: 2, write: 4 });
    expect(consumedUnits('read', undefined)).toEqual({ read: 0, write: 0 });
  });

  it('estimate a failed condition at 1 write unit and a cancelled transaction at 2 per action', () => {
    expect(refusedWriteUnits('ConditionalCheckFailedException', 1)).toBe(1);
    expect(refusedWriteUnits('TransactionCanceledException', 3)).toBe(6);
    expect(refusedWriteUnits('ThrottlingException', 1)).toBeUndefined();
  });

  it('count the attachments of an SES SendEmail by their decoded bytes', () => {
    const body = JSON.stringify({ Content: { Simple: { Attachments: [{ RawContent: Buffer.alloc(300).toString('base64') }, { RawContent: Buffer.alloc(5).toString('base64') }] } } });
    expect(attachmentBytes(body)).toBe(305);
    expect(attachmentBytes(JSON.stringify({ Content: { Simple: {} } }))).toBe(0);
    expect(attachmentBytes('not json')).toBe(0);
  });
});

describe('the cost report', () => {
  it('writes dollars to three significant digits below $1 and in cents above', () => {
    expect(formatDollars(0)).toBe('$0');
    expect(formatDollars(0.00065)).toBe('$0.000650');
    expect(formatDollars(0.0000096)).toBe('$0.00000960');
    expect(formatDollars(0.5)).toBe('$0.500');
    expect(formatDollars(1234.567)).toBe('$1,234.57');
  });

  it('quotes prices as the price pages do', () => {
    expect(formatPrice('httpApiRequest')).toBe('$1.20 per million');
    expect(formatPrice('stepFunctionsTransition')).toBe('$0.025 per 1,000');
    expect(formatPrice('lambdaGbSecond')).toBe('$0.0000133334 per GB-s');
    expect(formatPrice('dynamoStorageGbMonth')).toBe('$0.306 per GB-month');
  });

  it('shows bytes as KB or MB, GB-seconds with three decimals', () => {
    expect(formatQuantity('s3StorageGbMonth', (28 * 1024) / 1024 ** 3)).toBe('28.0 KB');
    expect(formatQuantity('sesAttachmentGb', (592 * 1024 ** 2) / 1024 ** 3)).toBe('592.0 MB');
    expect(formatQuantity('lambdaGbSecond', 0.5321)).toBe('0.532 GB-s');
    expect(formatQuantity('dynamoReadUnit', 39.5)).toBe('39.5');
    expect(formatQuantity('httpApiRequest', 82_000)).toBe('82,000');
  });

  it('tables each line as quantity × price = dollars, and their total', () => {
    const table = formatCostTable(costLines({ httpApiRequest: 8, stepFunctionsTransition: 26 }), '  ');
    const [api, transitions, total] = table.split('\n');
    expect(api).toMatch(/^ {2}API Gateway HTTP API requests +8 × \$1\.20 per million += \$0\.00000960$/);
    expect(transitions).toMatch(/Step Functions state transitions +26 × \$0\.025 per 1,000 += +\$0\.000650$/);
    expect(total).toMatch(/^ {2}total +\$0\.000660$/);
  });

  it('prints each lifecycle, the month in the assumed mix, the fixed costs and the free tiers', () => {
    const counts: LifecycleCounts = {
      apiCalls: 8,
      invocations: { notify: { count: 2, billedMs: 200 } },
      readUnits: 10,
      writeUnits: 50,
      transitions: 26,
      executions: 1,
      mails: 10,
      attachmentBytes: 0,
      s3Puts: 1,
      s3Gets: 1,
      s3StoredBytes: 28_000,
      dynamoStoredBytes: 10_000,
      traces: 3,
      logBytes: 1_000,
    };
    const lifecycle = (key: MeasuredLifecycle['key']): MeasuredLifecycle => ({ key, label: `the ${key} one`, counts, commands: { GetItemCommand: 3 }, refusedWrites: 0, inboxMails: 10 });
    const section = formatCostSection([lifecycle('priced'), lifecycle('changes'), lifecycle('zero')], fixedAssumptions);
    expect(section).toContain('the priced one');
    expect(section).toContain('SES: 10 SendEmail calls accepted; the local inbox has 10 mails about the request');
    expect(section).toContain('a month of 1,000 clients × 10 requests = 10,000 lifecycles, assumed 60 % priced and paid, 20 % priced with one round of changes, 20 % zero-price:');
    expect(section).toMatch(/API Gateway HTTP API requests +80,000 × \$1\.20 per million += +\$0\.0960/);
    expect(section).toMatch(/Secrets Manager secrets +3 × \$0\.40 per secret += +\$1\.20\b/);
    expect(section).toContain('a month at list prices:');
    expect(section).toContain('after the always-free tiers (per account):');
    expect(section).toContain('storage grows');
  });
});
