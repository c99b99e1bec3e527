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
