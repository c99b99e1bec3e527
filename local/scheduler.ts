import type { FunctionDefinition } from '../lib/lambda/definition.js';
import type { BusinessClock } from './workflow/clock.js';

/**
 * The schedule entries the local stack runs on their schedule. Opt-in: resume-workflows runs once
 * at start instead (local/stack.ts), since running it hourly would take over requests the tests
 * leave waiting on purpose.
 */
export const locallyScheduled: ReadonlySet<string> = new Set(['webhook-retry']);

const units: Record<string, number> = { minute: 60, minutes: 60, hour: 3600, hours: 3600, day: 86_400, days: 86_400 };

/** EventBridge's `rate(5 minutes)` in seconds; undefined for a cron expression (not run locally). */
export const rateSeconds = (expression: string): number | undefined => {
  const match = /^rate\((\d+) (minutes?|hours?|days?)\)$/.exec(expression.trim());
  return match ? Number(match[1]) * units[match[2]!]! : undefined;
};

export interface LocalSchedulerOptions {
  functions: readonly Pick<FunctionDefinition, 'name' | 'trigger'>[];
  clock: BusinessClock;
  invoke: (functionName: string, event: unknown) => Promise<unknown>;
  log: (line: string) => void;
  /** Which entries run (default `locallyScheduled`). */
  enabled?: ReadonlySet<string>;
}

/**
 * EventBridge's schedules for the opted-in entries, on the business clock: each runs every period
 * of business time, so moving the clock forward runs it once at once (not once per period missed,
 * which is what a late schedule does too). A run still going when the next is due makes it skip.
 */
export const startLocalScheduler = (options: LocalSchedulerOptions) => {
  const enabled = options.enabled ?? locallyScheduled;
  const cancels = new Set<() => void>();
  let stopped = false;
  const started: string[] = [];
  for (const entry of options.functions) {
    if (entry.trigger.kind !== 'schedule' || !enabled.has(entry.name)) continue;
    const period = rateSeconds(entry.trigger.expression);
    if (period === undefined) {
      options.log(`scheduler: ${entry.name} (${entry.trigger.expression}) is not run locally: only rate() expressions are`);
      continue;
    }
    let running = false;
    const arm = () => {
      if (stopped) return;
      const cancel = options.clock.at(new Date(options.clock.now().getTime() + period * 1000), () => {
        cancels.delete(cancel);
        arm();
        if (running) return;
        running = true;
        const time = options.clock.now().toISOString();
        options
          .invoke(entry.name, { version: '0', source: 'aws.events', 'detail-type': 'Scheduled Event', time, detail: {} })
          .catch((error: unknown) => options.log(`scheduler: ${entry.name} failed: ${error instanceof Error ? error.message : String(error)}`))
          .finally(() => (running = false));
      }, `schedule ${entry.name}`);
      cancels.add(cancel);
    };
    arm();
    started.push(`${entry.name} (${entry.trigger.expression})`);
  }
  if (started.length > 0) options.log(`scheduler: ${started.join(', ')} on the business clock`);
  return {
    stop: async () => {
      stopped = true;
      for (const cancel of cancels) cancel();
      cancels.clear();
    },
  };
};
