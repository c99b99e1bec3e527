import type { Platform } from '../../domain/platform.js';
import type { User } from '../../domain/user.js';
import { resolveCaller } from './caller.js';
import type { MeDeps } from '../ports/deps.js';

export type Me = Pick<User, 'userId' | 'email' | 'name' | 'role' | 'orgId'> & { platform?: Platform };

/** The caller as orderdesk knows them: the token proves who they are, the user item what they may do. */
export const getMe = async (deps: MeDeps, caller: { userId: string; clientId?: string }): Promise<Me> => {
  // What `/me` documents, nothing more: the rest of the user item (invitations, versions) is the admins'.
  const { userId, email, name, role, orgId } = await resolveCaller(deps.users, caller.userId);
  return { userId, email, name, role, orgId, platform: deps.platformOfClient(caller.clientId) };
};
