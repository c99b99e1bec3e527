import { setTimeout as sleep } from 'node:timers/promises';

/** The pollers' one stop: every loop, pause and request ends with it. */
export interface StopSignal {
  signal: AbortSignal;
  /** Waits `ms`, or less if the pollers stop meanwhile; never throws. */
  pause(ms: number): Promise<void>;
  /** Settles with the promise, or rejects with an AbortError as soon as the pollers stop. */
  unlessStopped<T>(promise: Promise<T>): Promise<T>;
  stop(): void;
}

export const isAbort = (error: unknown) => error instanceof Error && error.name === 'AbortError';

export const createStopSignal = (): StopSignal => {
  const aborter = new AbortController();
  const { signal } = aborter;
  return {
    signal,
    pause: (ms) => sleep(ms, undefined, { signal }).catch(() => undefined),
    unlessStopped: <T>(promise: Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        const onAbort = () => reject(Object.assign(new Error('stopped'), { name: 'AbortError' }));
        if (signal.aborted) return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      }),
    stop: () => aborter.abort(),
  };
};
