import type { Platform } from '../../domain/platform.js';
import type { User } from '../../domain/user.js';
import { resolveCaller } from './caller.js';
import type { MeDeps } from '../ports/deps.js';

export type Me = Omit<User, 'createdAt'> & { platform?: Platform };

/** The caller as orderdesk knows them: the token proves who they are, the user item what they may do. */
export const getMe = async (deps: MeDeps, caller: { userId: string; clientId?: string }): Promise<Me> => {
  const { createdAt: _createdAt, ...profile } = await resolveCaller(deps.users, caller.userId);
  return { ...profile, platform: deps.platformOfClient(caller.clientId) };
};
