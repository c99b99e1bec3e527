import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clock, useClock } from '../../../lib/adapters/clock.js';
import { clockFile, createBusinessClock, maxTimerMs, type BusinessClock } from '../../../local/workflow/clock.js';

const day = 24 * 60 * 60;
const started: BusinessClock[] = [];
const make = (...args: Parameters<typeof createBusinessClock>) => {
  const made = createBusinessClock(...args);
  started.push(made);
  return made;
};
afterEach(() => {
  for (const made of started.splice(0)) made.stop();
});

/** A real clock the test moves by hand. */
const manualReal = (start = Date.UTC(2026, 0, 5, 9)) => {
  let now = start;
  return { realNow: () => now, pass: (ms: number) => (now += ms) };
};

const tempFile = () => clockFile(fs.mkdtempSync(path.join(os.tmpdir(), 'orderdesk-clock-')));

describe('the local business clock', () => {
  it('starts at real time and moves forward by advance, returning the new time', () => {
    const real = manualReal();
    const business = make({ realNow: real.realNow });
    expect(business.now().getTime()).toBe(real.realNow());
    expect(business.advance(day).getTime()).toBe(real.realNow() + day * 1000);
    real.pass(1000);
    expect(business.now().getTime()).toBe(real.realNow() + day * 1000);
    expect(() => business.advance(-1)).toThrow(RangeError);
  });

  it('fires the waiters an advance reaches, in time order, and only those', () => {
    const real = manualReal();
    const business = make({ realNow: real.realNow });
    const fired: string[] = [];
    const at = (seconds: number, label: string) => business.at(new Date(business.now().getTime() + seconds * 1000), () => fired.push(label), label);
    at(3 * day, 'third');
    at(day, 'first');
    at(10 * day, 'later');
    const cancelled = at(2 * day, 'cancelled');
    at(2 * day, 'second');
    cancelled();
    expect(business.advanceReport(5 * day).fired).toEqual(['first', 'second', 'third']);
    expect(fired).toEqual(['first', 'second', 'third']);
    expect(business.waiting).toBe(1);
    business.advance(5 * day);
    expect(fired).toEqual(['first', 'second', 'third', 'later']);
  });

  it('runs scale times faster than real time, and fires waiters as real time passes', async () => {
    const business = make({ scale: 86_400 });
    const before = business.now().getTime();
    const fired = new Promise<number>((resolve) => business.at(new Date(before + 2 * 3600_000), () => resolve(Date.now())));
    const realStart = Date.now();
    // Two business hours at a day per real second: about 83 real milliseconds.
    const at = await fired;
    expect(at - realStart).toBeGreaterThanOrEqual(60);
    expect(at - realStart).toBeLessThan(2000);
    expect(business.now().getTime() - before).toBeGreaterThanOrEqual(2 * 3600_000);
  });

  it('never arms a timer past what Node can (2^31−1 ms), however far a waiter is', () => {
    const real = manualReal();
    const business = make({ realNow: real.realNow });
    let fired = false;
    business.at(new Date(real.realNow() + 400 * day * 1000), () => (fired = true));
    // An overflowing timer would fire at once.
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        expect(fired).toBe(false);
        expect(maxTimerMs).toBe(2_147_483_647);
        resolve();
      }, 30),
    );
  });

  it('resumes across restarts where a clean stop left it, never going back', () => {
    const file = tempFile();
    const real = manualReal();
    const first = createBusinessClock({ file, realNow: real.realNow, scale: 1440 });
    first.advance(7 * day);
    real.pass(60_000); // a business day
    const stoppedAt = first.now().getTime();
    expect(stoppedAt).toBe(real.realNow() - 60_000 + 8 * day * 1000);
    first.stop();
    real.pass(3600_000); // an hour down: a day-per-minute clock does not race on meanwhile
    const second = createBusinessClock({ file, realNow: real.realNow, scale: 1 });
    expect(second.now().getTime()).toBe(stoppedAt);
    second.stop();
  });

  it('after a crash (no clean stop) resumes where it would have been, and is never behind real time', () => {
    const file = tempFile();
    const real = manualReal();
    const first = createBusinessClock({ file, realNow: real.realNow, scale: 2 });
    first.advance(day);
    real.pass(1000);
    const seen = first.now().getTime();
    // No stop: the process died.
    real.pass(1000);
    const second = createBusinessClock({ file, realNow: real.realNow, scale: 1 });
    expect(second.now().getTime()).toBeGreaterThanOrEqual(seen);
    expect(second.now().getTime()).toBe(seen + 2000);
    second.stop();
    // A file from long ago: real time has overtaken it.
    real.pass(30 * day * 1000);
    const third = createBusinessClock({ file, realNow: real.realNow });
    expect(third.now().getTime()).toBe(real.realNow());
    third.stop();
  });

  it('refuses a scale below 1', () => {
    expect(() => createBusinessClock({ scale: 0.5 })).toThrow(/at least 1/);
  });

  it('is the business clock the adapters read once the local stack puts it in place', () => {
    const real = manualReal();
    const business = make({ realNow: real.realNow });
    business.advance(day);
    const restore = useClock(business);
    try {
      expect(clock.now().getTime()).toBe(real.realNow() + day * 1000);
    } finally {
      restore();
    }
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
  });
});
