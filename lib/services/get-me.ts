import { ForbiddenError } from '../domain/errors.js';
import type { Platform } from '../domain/platform.js';
import type { User } from '../domain/user.js';

export interface MeDependencies {
  users: { get(userId: string): Promise<User | undefined> };
  platformOfClient: (clientId: string | undefined) => Platform | undefined;
}

export type Me = Omit<User, 'createdAt'> & { platform?: Platform };

/** The caller as orderdesk knows them: the token proves who they are, the user item what they may do. */
export const getMe = async (deps: MeDependencies, caller: { userId: string; clientId?: string }): Promise<Me> => {
  const user = await deps.users.get(caller.userId);
  if (!user) {
    throw new ForbiddenError('Your login is valid but has no orderdesk account yet; ask the agency to invite you');
  }
  const { createdAt: _createdAt, ...profile } = user;
  return { ...profile, platform: deps.platformOfClient(caller.clientId) };
};
