import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clockFile, createBusinessClock } from '../../../local/workflow/clock.js';

const require = createRequire(import.meta.url);
const { businessNow } = require('../../../local/cognito-business-clock.cjs') as {
  businessNow: (file: string | undefined, realNow?: number) => number;
};

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const freshClockFile = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-clock-'));
  dirs.push(dir);
  return clockFile(dir);
};

const day = 24 * 60 * 60 * 1000;

describe("cognito-local's business clock, read from the stack's anchor file", () => {
  it('tells the time the stack clock tells, moved forward and running at its scale', () => {
    const file = freshClockFile();
    let real = Date.parse('2026-03-02T09:00:00Z');
    const clock = createBusinessClock({ file, scale: 60, realNow: () => real });
    clock.advance(8 * 24 * 60 * 60);
    real += 1500;
    expect(businessNow(file, real)).toBe(clock.now().getTime());
    expect(businessNow(file, real)).toBe(Date.parse('2026-03-10T09:01:30Z'));
  });

  it('stands still where a clean stop left the clock', () => {
    const file = freshClockFile();
    let real = Date.parse('2026-03-02T09:00:00Z');
    const clock = createBusinessClock({ file, realNow: () => real });
    clock.advance(3 * 24 * 60 * 60);
    clock.stop();
    real += day;
    expect(businessNow(file, real)).toBe(Date.parse('2026-03-05T09:00:00Z'));
  });

  it('is the wall clock without a file, or with one that does not parse', () => {
    const real = Date.parse('2026-03-02T09:00:00Z');
    expect(businessNow(undefined, real)).toBe(real);
    const file = freshClockFile();
    expect(businessNow(file, real)).toBe(real);
    fs.writeFileSync(file, '{"business":');
    expect(businessNow(file, real)).toBe(real);
    fs.writeFileSync(file, JSON.stringify({ business: real + day, real, scale: 0 }));
    expect(businessNow(file, real)).toBe(real);
  });
});
