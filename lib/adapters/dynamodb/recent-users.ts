import type { User } from '../../domain/user.js';

/**
 * The user items this process read last, by id, at most `capacity` of them. A Lambda container
 * serves one person's calls again and again, so the caller's previous user item tells what the
 * next call will probably read; services use it only to start that read early, and check it
 * against the user item read fresh alongside (see CallerContextReader.recent).
 */
export const recentUsers = (capacity = 500) => {
  const users = new Map<string, User>();
  return {
    get: (userId: string) => users.get(userId),
    remember(user: User) {
      users.delete(user.userId);
      users.set(user.userId, user);
      if (users.size > capacity) users.delete(users.keys().next().value!);
    },
  };
};
export type RecentUsers = ReturnType<typeof recentUsers>;
