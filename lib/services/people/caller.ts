import { ForbiddenError } from '../../domain/errors.js';
import { mustHaveAccess } from '../../domain/people.js';
import { isAgencyRole } from '../../domain/roles.js';
import type { User } from '../../domain/user.js';

/**
 * The token proves who someone is, the user item what they may do: a valid login without one, or
 * of a deactivated person or organisation, may do nothing.
 */
export const knownCaller = (user: User | undefined): User => {
  if (!user) throw new ForbiddenError('Your login is valid but has no orderdesk account yet; ask the agency to invite you');
  return mustHaveAccess(user);
};

/** The person behind a verified token, as orderdesk knows them; the user item decides what they may do. */
export const resolveCaller = async (users: { getUser(userId: string): Promise<User | undefined> }, userId: string): Promise<User> =>
  knownCaller(await users.getUser(userId));

/** A caller who must be agency staff for what they ask (`what`: e.g. "handle parked mail"). */
export const agencyCaller = async (users: { getUser(userId: string): Promise<User | undefined> }, userId: string, what: string): Promise<User> => {
  const user = await resolveCaller(users, userId);
  if (!isAgencyRole(user.role)) throw new ForbiddenError(`Only agency staff ${what}`);
  return user;
};
