import type { User } from '../../domain/user.js';

export interface RecentUsersOptions {
  /** How many people's items are kept; the least recently read go first. */
  capacity?: number;
}

/**
 * The user items this process read last, by id. A Lambda container (and the local API) serves one
 * person's calls again and again, often a few within seconds as a page loads. The item is only a
 * hint of what the next call will need (the caller's organisation, whether they are staff), so
 * that read can start alongside the caller's own item, which every call reads again: a hint
 * never grants anything, and a deactivation holds from the next call on.
 */
export const recentUsers = ({ capacity = 500 }: RecentUsersOptions = {}) => {
  const users = new Map<string, User>();
  return {
    /** The last item read, however old: a hint, never a grant. */
    hint: (userId: string) => users.get(userId),
    remember(user: User) {
      users.delete(user.userId);
      users.set(user.userId, user);
      if (users.size > capacity) users.delete(users.keys().next().value!);
    },
  };
};
export type RecentUsers = ReturnType<typeof recentUsers>;
