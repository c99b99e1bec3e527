import { AwsApiError } from './signed-json.js';

/**
 * How a signed call is retried, as the SDK's standard retry mode did: throttling, 5xx answers and
 * network failures only, with exponential backoff and full jitter (a random delay below a ceiling
 * that doubles each time). The SDK's token bucket, which stops retrying when most calls fail, is
 * left out: a function makes its calls one invocation at a time.
 */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** The first retry's ceiling after a 5xx or a network failure; it doubles for each retry after. */
  baseDelayMs: number;
  /** The same after throttling, which wants the service to recover first. */
  throttlingBaseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1): where in the ceiling the delay falls. */
  random: () => number;
}

/** The SDK's own lists (@smithy/service-error-classification); its throttling list is AwsApiError's `throttled`. */
const transientTypes: ReadonlySet<string> = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const transientStatuses: ReadonlySet<number> = new Set([500, 502, 503, 504]);

/** Whether a failed call is worth another try, and why; undefined for an answer that would not change. */
export const retryKind = (error: unknown): 'throttling' | 'transient' | undefined => {
  if (error instanceof AwsApiError) {
    if (error.throttled) return 'throttling';
    if (transientStatuses.has(error.status) || transientTypes.has(error.errorType)) return 'transient';
    return undefined;
  }
  // fetch rejects with a TypeError when no answer came: refused, reset, DNS, a cut-off body.
  return error instanceof TypeError ? 'transient' : undefined;
};

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `call`, tried again on throttling, 5xx and network failures; the last failure is thrown as it is. */
export const withRetries = async <T>(call: () => Promise<T>, policy: RetryPolicy): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const kind = retryKind(error);
      if (kind === undefined || attempt >= policy.attempts) throw error;
      const base = kind === 'throttling' ? policy.throttlingBaseDelayMs : policy.baseDelayMs;
      await policy.sleep(policy.random() * Math.min(policy.maxDelayMs, base * 2 ** (attempt - 1)));
    }
  }
};
