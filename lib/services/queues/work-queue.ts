import { ForbiddenError } from '../../domain/errors.js';
import { isAgencyRole } from '../../domain/roles.js';
import { interleave, type WorkQueuePolicy } from '../../domain/work-queue.js';
import { resolveCaller } from '../people/caller.js';
import type { Caller, ServiceDeps } from '../ports/deps.js';
import { requestViews } from '../requests/open-request.js';
import type { WorkQueueView } from '../views.js';

export interface WorkQueueQuery {
  /** `me`, `none` (unassigned) or an agency person's id. */
  assignee?: string;
  /** Overrides the deployment's default policy for this read. */
  policy?: WorkQueuePolicy;
}

/**
 * The agency's work queue: ready work of every organisation, each in its client's order,
 * interleaved by the policy. Filtering by assignee keeps the positions of the whole queue, so
 * an agent sees where their work stands.
 */
export const getWorkQueue = async (deps: ServiceDeps, caller: Caller, query: WorkQueueQuery, defaultPolicy: WorkQueuePolicy): Promise<WorkQueueView> => {
  const user = await resolveCaller(deps.users, caller.userId);
  if (!isAgencyRole(user.role)) throw new ForbiddenError('The work queue is the agency’s; clients see their own queue at /queue');
  const policy = query.policy ?? defaultPolicy;
  const ordered = interleave(await deps.queues.workQueue(), policy);
  const orgPositions = new Map<string, number>();
  const assignee = query.assignee === 'me' ? user.userId : query.assignee;
  const views = await requestViews(deps, user, ordered.map((request) => ({ request, level: 'agency' })));
  const items = views.map((request, index) => {
    const orgPosition = (orgPositions.get(request.orgId) ?? 0) + 1;
    orgPositions.set(request.orgId, orgPosition);
    return { position: index + 1, orgPosition, request };
  });
  return {
    policy,
    items: items.filter(({ request }) => assignee === undefined || (assignee === 'none' ? !request.assigneeId : request.assigneeId === assignee)),
  };
};
