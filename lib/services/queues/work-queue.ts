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
  /** One organisation's work only. */
  orgId?: string;
  /** Overrides the deployment's default policy for this read. */
  policy?: WorkQueuePolicy;
}

/**
 * The agency's work queue: ready work of every organisation, each in its client's order,
 * interleaved by the policy. Filtering by assignee or organisation keeps the positions of the
 * whole queue, so an agent sees where their work, or one client's, stands among everyone's.
 */
export const getWorkQueue = async (deps: ServiceDeps, caller: Caller, query: WorkQueueQuery, defaultPolicy: WorkQueuePolicy): Promise<WorkQueueView> => {
  const user = await resolveCaller(deps.users, caller.userId);
  if (!isAgencyRole(user.role)) throw new ForbiddenError('The work queue is the agency’s; clients see their own queue at /queue');
  const policy = query.policy ?? defaultPolicy;
  const ordered = interleave(await deps.queues.workQueue(), policy);
  const assignee = query.assignee === 'me' ? user.userId : query.assignee;
  const orgPositions = new Map<string, number>();
  const placed = ordered.map((request, index) => {
    const orgPosition = (orgPositions.get(request.orgId) ?? 0) + 1;
    orgPositions.set(request.orgId, orgPosition);
    return { position: index + 1, orgPosition, request };
  });
  // Filtered after placing, so positions stay the whole queue's; before the views, so only what is answered is shaped.
  const kept = placed.filter(
    ({ request }) =>
      (assignee === undefined || (assignee === 'none' ? !request.assigneeId : request.assigneeId === assignee)) &&
      (query.orgId === undefined || request.orgId === query.orgId),
  );
  const views = await requestViews(deps, user, kept.map(({ request }) => ({ request, level: 'agency' })));
  return { policy, items: kept.map(({ position, orgPosition }, index) => ({ position, orgPosition, request: views[index]! })) };
};
