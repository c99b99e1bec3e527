/**
 * Runs `task(0) … task(total - 1)` with at most `concurrency` of them in flight: each worker
 * takes the next index when it is done with its last, so a slow call never holds up the rest.
 */
export const runPool = async (concurrency: number, total: number, task: (index: number) => Promise<void>): Promise<void> => {
  let next = 0;
  const worker = async () => {
    while (next < total) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
};
