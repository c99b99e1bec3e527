import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import type { Clock } from '../../lib/adapters/clock.js';

/** Node's timers fire at once past this (2^31−1 ms, 24.8 days): a longer wait is armed in steps. */
export const maxTimerMs = 2 ** 31 - 1;

/** Where business time stood at one real instant, and how fast it runs from there. */
const Anchor = z.object({
  business: z.number().finite(),
  real: z.number().finite(),
  scale: z.number().positive(),
  /** Written by a clean stop: business time did not run while the stack was down. */
  paused: z.boolean().optional(),
});
type Anchor = z.infer<typeof Anchor>;

export interface BusinessClock extends Clock {
  /** Business seconds per real second. */
  readonly scale: number;
  /** Moves business time forward; what it reaches fires, in time order. Returns the new time. */
  advance(seconds: number): Date;
  /** `advance`, also naming the waiters it fired (their labels). */
  advanceReport(seconds: number): { now: Date; fired: string[] };
  /** Calls `callback` once business time reaches `time` (by `advance`, or real time × scale); gives back what cancels it. */
  at(time: Date, callback: () => void, label?: string): () => void;
  /** How many waiters wait. */
  readonly waiting: number;
  /** Cancels every waiter and writes the anchor as paused. */
  stop(): void;
}

export interface BusinessClockOptions {
  /** `ORDERDESK_TIME_SCALE`: 1440 is a day per minute. At least 1, so business time is never behind real time. */
  scale?: number;
  /** `<dataDir>/clock.json`: keeps business time monotonic across restarts. Without it the clock starts at real time. */
  file?: string;
  /** The real clock (tests). */
  realNow?: () => number;
  /** Where a waiter's failing callback is told. */
  log?: (line: string) => void;
}

export const clockFile = (dataDir: string) => path.join(dataDir, 'clock.json');

const readAnchor = (file: string | undefined): Anchor | undefined => {
  if (!file || !fs.existsSync(file)) return undefined;
  try {
    return Anchor.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
};

const writeAnchor = (file: string | undefined, anchor: Anchor) => {
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(anchor));
  fs.renameSync(temporary, file);
};

interface Waiter {
  time: number;
  callback: () => void;
  label: string;
  timer?: NodeJS.Timeout;
}

/**
 * The local business clock: real time × `scale`, plus whatever `advance` added, never going
 * back. It resumes where a clean stop left it (a day-per-minute clock does not race on while the
 * stack is down) and, after a crash, where it would be had it kept running; never behind real time.
 */
export const createBusinessClock = (options: BusinessClockOptions = {}): BusinessClock => {
  const scale = options.scale ?? 1;
  if (!Number.isFinite(scale) || scale < 1) throw new Error(`The time scale must be a number of at least 1, not ${scale}`);
  const realNow = options.realNow ?? Date.now;
  const saved = readAnchor(options.file);
  const real = realNow();
  const resumed = saved ? (saved.paused ? saved.business : saved.business + Math.max(0, real - saved.real) * saved.scale) : real;
  let anchor: Anchor = { business: Math.max(resumed, real), real, scale };
  writeAnchor(options.file, anchor);

  let last = anchor.business;
  const nowMs = () => (last = Math.max(last, anchor.business + (realNow() - anchor.real) * scale));
  const waiters = new Set<Waiter>();

  const fire = (waiter: Waiter) => {
    if (!waiters.delete(waiter)) return;
    clearTimeout(waiter.timer);
    try {
      waiter.callback();
    } catch (error) {
      options.log?.(`clock: a waiter (${waiter.label}) failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const arm = (waiter: Waiter) => {
    clearTimeout(waiter.timer);
    const delay = Math.min(maxTimerMs, Math.max(1, Math.ceil((waiter.time - nowMs()) / scale)));
    waiter.timer = setTimeout(() => (nowMs() >= waiter.time ? fire(waiter) : arm(waiter)), delay);
    // A waiter keeps nothing alive: the servers do, and a stopped stack must exit.
    waiter.timer.unref();
  };

  const advanceReport = (seconds: number) => {
    if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`The clock moves forward only: seconds must be a number of at least 0, not ${seconds}`);
    const business = nowMs() + seconds * 1000;
    anchor = { business, real: realNow(), scale };
    last = business;
    writeAnchor(options.file, anchor);
    const due = [...waiters].filter((waiter) => waiter.time <= business).sort((a, b) => a.time - b.time);
    for (const waiter of due) fire(waiter);
    for (const waiter of waiters) arm(waiter);
    return { now: new Date(business), fired: due.map((waiter) => waiter.label) };
  };

  return {
    scale,
    now: () => new Date(nowMs()),
    advance: (seconds) => advanceReport(seconds).now,
    advanceReport,
    at(time, callback, label = '') {
      const waiter: Waiter = { time: time.getTime(), callback, label };
      waiters.add(waiter);
      if (waiter.time <= nowMs()) queueMicrotask(() => fire(waiter));
      else arm(waiter);
      return () => {
        waiters.delete(waiter);
        clearTimeout(waiter.timer);
      };
    },
    get waiting() {
      return waiters.size;
    },
    stop() {
      for (const waiter of waiters) clearTimeout(waiter.timer);
      waiters.clear();
      const business = nowMs();
      anchor = { business, real: realNow(), scale, paused: true };
      writeAnchor(options.file, anchor);
    },
  };
};
