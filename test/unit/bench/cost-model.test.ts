import { describe, expect, it } from 'vitest';
import type { MeterSnapshot } from '../../../bench/cost-agent.js';
import {
  addUsage,
  assumedAccessLogBytesPerCall,
  assumedLogBytesPerRun,
  coldStartDollars,
  costLines,
  fixedAssumptions,
  fixedUsage,
  freeTierSavings,
  lifecycleCounts,
  mixedUsage,
  monthlyMix,
  totalDollars,
  usageOf,
  type LifecycleCounts,
} from '../../../bench/cost-model.js';
import { prices, unitPrice } from '../../../bench/prices.js';

const counts = (overrides: Partial<LifecycleCounts> = {}): LifecycleCounts => ({
  apiCalls: 0,
  invocations: {},
  readUnits: 0,
  writeUnits: 0,
  transitions: 0,
  executions: 0,
  mails: 0,
  attachmentBytes: 0,
  s3Puts: 0,
  s3Gets: 0,
  s3StoredBytes: 0,
  dynamoStoredBytes: 0,
  traces: 0,
  logBytes: 0,
  ...overrides,
});

const snapshot = (overrides: Partial<MeterSnapshot> = {}): MeterSnapshot => ({
  invocations: {},
  running: 0,
  idleMs: 2000,
  dynamo: { commands: {}, readUnits: 0, writeUnits: 0, refusedWrites: 0, estimatedWriteUnits: 0 },
  s3: { puts: 0, gets: 0, putBytes: 0 },
  ses: { mails: 0, attachmentBytes: 0 },
  ...overrides,
});

describe('the prices', () => {
  it('each name its unit, its page and a positive price per 1, 1,000 or a million', () => {
    for (const [name, price] of Object.entries(prices)) {
      expect(price.dollars, name).toBeGreaterThan(0);
      expect([1, 1_000, 1_000_000], name).toContain(price.per);
      expect(price.unit, name).not.toBe('');
      expect(price.page, name).toMatch(/^https:\/\/aws\.amazon\.com\//);
    }
  });

  it('are per single unit after dividing by their `per`', () => {
    expect(unitPrice(prices.httpApiRequest)).toBeCloseTo(1.2e-6, 12);
    expect(unitPrice(prices.stepFunctionsTransition)).toBeCloseTo(25e-6, 12);
  });
});

describe('a lifecycle’s counts', () => {
  it('take the meter’s units, refused writes’ estimate included, and count traces outside the workflow plus one per execution', () => {
    const measured = lifecycleCounts(
      {
        snapshot: snapshot({
          invocations: {
            'accept-offer': { count: 1, billedMs: 40, ms: 39.2, failed: 0 },
            notify: { count: 3, billedMs: 300, ms: 298, failed: 0 },
            'workflow-checkpoint': { count: 5, billedMs: 50, ms: 47, failed: 0 },
          },
          dynamo: { commands: { GetItemCommand: 4 }, readUnits: 2.5, writeUnits: 30, refusedWrites: 1, estimatedWriteUnits: 1 },
          s3: { puts: 1, gets: 2, putBytes: 28_000 },
          ses: { mails: 6, attachmentBytes: 56_000 },
        }),
        apiCalls: 8,
        transitions: 26,
        executions: 2,
        dynamoStoredBytes: 12_000,
      },
      { workflowTasks: new Set(['workflow-checkpoint']) },
    );
    expect(measured).toEqual({
      apiCalls: 8,
      invocations: { 'accept-offer': { count: 1, billedMs: 40 }, notify: { count: 3, billedMs: 300 }, 'workflow-checkpoint': { count: 5, billedMs: 50 } },
      readUnits: 2.5,
      writeUnits: 31,
      transitions: 26,
      executions: 2,
      mails: 6,
      attachmentBytes: 56_000,
      s3Puts: 1,
      s3Gets: 2,
      s3StoredBytes: 28_000,
      dynamoStoredBytes: 12_000,
      traces: 1 + 3 + 2,
      logBytes: 9 * assumedLogBytesPerRun + 8 * assumedAccessLogBytesPerCall,
    });
  });
});

describe('a lifecycle’s cost', () => {
  it('is each count times its unit price: GB-seconds at 1024 MB from the billed ms, bytes as GB', () => {
    const usage = usageOf(
      counts({
        apiCalls: 8,
        invocations: { a: { count: 2, billedMs: 1500 }, b: { count: 1, billedMs: 500 } },
        writeUnits: 100,
        readUnits: 40,
        transitions: 26,
        mails: 10,
        attachmentBytes: 1024 ** 3 / 2,
      }),
    );
    expect(usage.lambdaRequest).toBe(3);
    expect(usage.lambdaGbSecond).toBe(2);
    expect(usage.sesAttachmentGb).toBe(0.5);
    const lines = costLines(usage);
    const dollars = Object.fromEntries(lines.map((line) => [line.price, line.dollars]));
    expect(dollars.httpApiRequest).toBeCloseTo(8 * 1.2e-6, 12);
    expect(dollars.lambdaRequest).toBeCloseTo(3 * 0.2e-6, 12);
    expect(dollars.lambdaGbSecond).toBeCloseTo(2 * 0.0000133334, 12);
    expect(dollars.dynamoWriteUnit).toBeCloseTo(100 * 0.7625e-6, 12);
    expect(dollars.dynamoReadUnit).toBeCloseTo(40 * 0.1525e-6, 12);
    expect(dollars.stepFunctionsTransition).toBeCloseTo(26 * 25e-6, 12);
    expect(dollars.sesOutboundMail).toBeCloseTo(10 * 0.1e-3, 12);
    expect(dollars.sesAttachmentGb).toBeCloseTo(0.06, 12);
    expect(totalDollars(lines)).toBeCloseTo(
      lines.reduce((sum, line) => sum + line.dollars, 0),
      15,
    );
    expect(lines.map((line) => line.price).slice(0, 3)).toEqual(['httpApiRequest', 'lambdaRequest', 'lambdaGbSecond']);
  });

  it('adds the INIT phase of every run for the cold-start bound', () => {
    expect(coldStartDollars(counts({ invocations: { a: { count: 10, billedMs: 100 } } }), 300)).toBeCloseTo(3 * 0.0000133334, 12);
  });
});

describe('a month', () => {
  const perLifecycle = {
    priced: { httpApiRequest: 10, stepFunctionsTransition: 20 },
    changes: { httpApiRequest: 20, stepFunctionsTransition: 40 },
    zero: { httpApiRequest: 5 },
  };

  it('weighs each lifecycle by its share of the mix: 60 % priced, 20 % with changes, 20 % zero-price', () => {
    expect(monthlyMix.map((part) => [part.key, part.share])).toEqual([
      ['priced', 0.6],
      ['changes', 0.2],
      ['zero', 0.2],
    ]);
    const usage = mixedUsage(perLifecycle, monthlyMix, 10_000);
    expect(usage.httpApiRequest).toBeCloseTo(6_000 * 10 + 2_000 * 20 + 2_000 * 5, 6);
    expect(usage.stepFunctionsTransition).toBeCloseTo(6_000 * 20 + 2_000 * 40, 6);
  });

  it('refuses a mix whose shares do not sum to 1, or one with a lifecycle not measured', () => {
    expect(() => mixedUsage(perLifecycle, [{ key: 'priced', share: 0.5, what: 'half' }], 10)).toThrow(/sum to 0.5/);
    expect(() => mixedUsage({ priced: {} }, monthlyMix, 10)).toThrow(/changes/);
  });

  it('has the data stack’s three secrets, the alarms’ metrics and the assumed users among its fixed costs', () => {
    expect(fixedAssumptions.secrets).toBe(3);
    expect(fixedAssumptions.alarmMetrics).toBe(44);
    expect(fixedAssumptions.monthlyActiveUsers).toBe(2_010);
    const fixed = Object.fromEntries(costLines(fixedUsage(fixedAssumptions)).map((line) => [line.price, line.dollars]));
    expect(fixed.secretMonth).toBeCloseTo(1.2, 12);
    expect(fixed.alarmMonth).toBeCloseTo(4.4, 12);
    expect(fixed.cognitoMau).toBeCloseTo(2_010 * 0.015, 12);
  });

  it('shows what the always-free tiers take off, never more than was used', () => {
    const saved = freeTierSavings(addUsage({ lambdaRequest: 270_000, xrayTrace: 150_000, sesOutboundMail: 1_000 }, { cognitoMau: 2_010 }));
    expect(saved.map((line) => [line.price, line.quantity])).toEqual([
      ['lambdaRequest', 270_000],
      ['xrayTrace', 100_000],
      ['cognitoMau', 2_010],
    ]);
    expect(totalDollars(saved)).toBeCloseTo(270_000 * 0.2e-6 + 100_000 * 5e-6 + 2_010 * 0.015, 9);
  });
});
