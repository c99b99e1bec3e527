import type { User } from '../../domain/user.js';

export interface RecentUsersOptions {
  /** How many people's items are kept; the least recently read go first. */
  capacity?: number;
  /** How long a user item is used again without reading it (role and organisation changes take effect within this). */
  freshForMs?: number;
  now?: () => number;
}

/**
 * The user items this process read last, by id. A Lambda container (and the local API) serves one
 * person's calls again and again, often a few within seconds as a page loads. For `freshForMs` a
 * user item is used again instead of being read (so a call about a list is one Query); older ones
 * are only hints of what a call will need, to start that read alongside the caller's fresh item.
 * Only the user item is kept: participation, requests and everything else are read on every call.
 */
export const recentUsers = ({ capacity = 500, freshForMs = 10_000, now = Date.now }: RecentUsersOptions = {}) => {
  const users = new Map<string, { user: User; readAt: number }>();
  return {
    /** The last item read, however old: a hint, never a grant. */
    hint: (userId: string) => users.get(userId)?.user,
    /** The item if it was read within `freshForMs`. */
    fresh(userId: string): User | undefined {
      const known = users.get(userId);
      return known && now() - known.readAt < freshForMs ? known.user : undefined;
    },
    remember(user: User) {
      users.delete(user.userId);
      users.set(user.userId, { user, readAt: now() });
      if (users.size > capacity) users.delete(users.keys().next().value!);
    },
  };
};
export type RecentUsers = ReturnType<typeof recentUsers>;
