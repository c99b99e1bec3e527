export interface PollOptions {
  /** How long to wait at most. */
  timeoutMs?: number;
  /** How long between looks. */
  intervalMs?: number;
  /** What things look like when the wait gives up, for its error (asked once, then). */
  state?: () => Promise<string>;
}

/**
 * Looks with `probe` until it answers something, with a bound: the tests, the bench and the CLIs
 * wait for the thing they expect (a status, a mail, an execution), never for time. The error
 * names what was awaited and, when `state` says, how things stood.
 */
export const pollUntil = async <T>(what: string, probe: () => Promise<T | undefined>, options: PollOptions = {}): Promise<T> => {
  const { timeoutMs = 20_000, intervalMs = 100, state } = options;
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`${what}: not after ${timeoutMs} ms${state ? `; ${await state()}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
};
