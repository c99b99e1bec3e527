/**
 * When the portal asks again whether files being checked for malware are checked yet. Locally the
 * verdict comes in about a second, in AWS GuardDuty takes seconds to a few minutes: so often at
 * first, then less often, and not for ever (a scan that never answers must not poll all day).
 */
export const scanSchedule = {
  /** Every second while the youngest file being checked was confirmed less than 10 s ago… */
  fastMs: 1000,
  fastForMs: 10_000,
  /** …then every 3 s… */
  slowMs: 3000,
  /** …until 5 minutes after a file's confirmation: then it waits for the person to ask again. */
  giveUpAfterMs: 5 * 60_000,
} as const;

/** How long to wait before the next read, given when the youngest file still being checked began its check. */
export const nextCheckIn = (youngestSince: number, now: number): number =>
  now - youngestSince < scanSchedule.fastForMs ? scanSchedule.fastMs : scanSchedule.slowMs;

/** Whether a file's check, begun at `since`, has been waited for long enough. */
export const checkOverdue = (since: number, now: number): boolean => now - since >= scanSchedule.giveUpAfterMs;
