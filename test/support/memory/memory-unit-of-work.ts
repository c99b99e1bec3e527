import type { UnitOfWork, Write } from '../../../lib/services/ports/common.js';

/** A memory store's write: the condition it is taken on, the change, and the domain error a failed condition stands for. */
export class MemoryWrite implements Write {
  constructor(
    readonly label: string,
    readonly holds: () => boolean,
    readonly apply: () => void,
    readonly refused: () => Error,
  ) {}
}

/**
 * Commits memory writes as DynamoDB's transaction does: all conditions are checked before any
 * change, and the first that fails refuses the whole unit with its own error.
 */
export const memoryUnitOfWork = (): UnitOfWork => ({
  async commit(writes) {
    const mine = writes.map((write) => {
      if (!(write instanceof MemoryWrite)) throw new TypeError(`${write.label} is not a memory write; a unit of work commits its own adapter's writes only`);
      return write;
    });
    const failed = mine.find((write) => !write.holds());
    if (failed) throw failed.refused();
    for (const write of mine) write.apply();
  },
});
