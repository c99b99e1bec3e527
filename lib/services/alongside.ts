/**
 * Runs a read at the same time as the access check that guards it, so a call costs one round
 * trip instead of two. The check decides: if it fails, its error is thrown and the read's result
 * is dropped unseen; the read's own failure counts only after the check passed.
 */
export const alongside = async <C, R>(check: Promise<C>, read: Promise<R>): Promise<[C, R]> => {
  const [checked, result] = await Promise.allSettled([check, read]);
  if (checked.status === 'rejected') throw checked.reason;
  if (result.status === 'rejected') throw result.reason;
  return [checked.value, result.value];
};

/**
 * A read started on a guess (the caller's last known user item) before the guess is checked.
 * Its failure only means the guess wasn't worth it: the checked read then runs and reports its
 * own errors, so a stale guess can never decide an answer.
 */
export const onGuess = <R>(read: (() => Promise<R>) | undefined): Promise<R | undefined> =>
  read ? read().catch(() => undefined) : Promise.resolve(undefined);

/** What `choose` decides for a guess, or undefined where it refuses: the fresh read then decides again. */
export const guessed = <T>(choose: () => T): T | undefined => {
  try {
    return choose();
  } catch {
    return undefined;
  }
};
