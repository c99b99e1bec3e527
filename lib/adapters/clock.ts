/** What tells the time of the business: deadlines, reminders, timestamps on records. */
export interface Clock {
  now(): Date;
}

const systemClock: Clock = { now: () => new Date() };
let current: Clock = systemClock;

/**
 * The business clock every adapter reads (`serviceDeps.now`): the system's in AWS; the local
 * stack puts its own in place (local/workflow/clock.ts: a clock that can be moved forward and
 * runs faster), so a week's deadline is a test of milliseconds. Signing clocks (SigV4) stay real.
 */
export const clock: Clock = { now: () => current.now() };

/** Replaces the business clock (the local stack, before anything runs); gives back what undoes it. */
export const useClock = (replacement: Clock): (() => void) => {
  const previous = current;
  current = replacement;
  return () => {
    current = previous;
  };
};
