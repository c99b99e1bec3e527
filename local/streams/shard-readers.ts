/** One function's reader of one shard, as `idle()` watches it. */
export interface ShardReader {
  functionName: string;
  shardId: string;
  /** GetRecords calls begun. */
  polls: number;
  /** The last of them that found nothing new, with nothing left to deliver. */
  quietPoll: number;
  finished: boolean;
  done: Promise<void>;
}

export type ShardReaders = ReturnType<typeof shardReaders>;

/** Every shard reader started, and who waits for them to fall quiet. */
export const shardReaders = (signal: AbortSignal) => {
  const readers: ShardReader[] = [];
  const waiters = new Set<() => void>();
  return {
    add: (reader: ShardReader) => void readers.push(reader),
    /** Every reader's end, settled or not. */
    done: () => readers.map((reader) => reader.done),
    /** A reader polled quietly or finished, or the pollers stopped: the waiters look again. */
    changed: () => waiters.forEach((check) => check()),
    /** Resolves once each reader has found nothing new in a read begun after the call, with nothing left to deliver. */
    idle: () =>
      new Promise<void>((resolve) => {
        const targets = readers.map((reader) => [reader, reader.polls + 1] as const);
        const check = () => {
          if (!signal.aborted && !targets.every(([reader, target]) => reader.finished || reader.quietPoll >= target)) return;
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      }),
  };
};
