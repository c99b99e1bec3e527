import { system } from '../../domain/actor.js';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import type { Offer } from '../../domain/orders/offer.js';
import { paymentDetailsOf, type Order } from '../../domain/orders/order.js';
import { planCheckpoint, timeoutSecondsUntil, offerReminderName, paymentReminderName, type Due, type Plan } from '../../domain/workflow-plan.js';
import type { Request } from '../../domain/request.js';
import type { TimelineEntry } from '../../domain/timeline-entry.js';
import { logger } from '../../observability/logger.js';
import { endRoutes, statusesOfStage, type CheckpointPayload, type CheckpointResult, type EndRoute, type Route, type WaitPayload } from '../../workflow/states.js';
import type { CheckpointDeps, ServiceDeps, WorkflowDeps } from '../ports/deps.js';
import { deemAccepted } from '../review/handovers.js';
import { takeStep } from '../requests/lifecycle-step.js';
import { closeAnswered } from '../requests/requests.js';
import { newEntry } from '../requests/timeline.js';
import { startWorkflow } from './workflow-signals.js';

const workflow = system('workflow');

/** The statuses whose plan may send a reminder: only then are the sent ones read. */
const remindsIn: ReadonlySet<Request['status']> = new Set(['quoted', 'awaiting_payment', 'in_review']);
const isEnd = (route: Route): route is EndRoute => (endRoutes as readonly string[]).includes(route);

/** A checkpoint that acts more often than this in one go is looping on a write that keeps failing. */
const maxActsPerCheckpoint = 4;

const currentOffer = async (deps: ServiceDeps, request: Request): Promise<Offer | undefined> =>
  request.status === 'quoted' ? (await deps.offers.list(request.requestId)).find((offer) => offer.status === 'open') : undefined;

const currentOrder = (deps: ServiceDeps, request: Request): Promise<Order | undefined> =>
  request.status === 'awaiting_payment' ? deps.orders.get(request.requestId) : Promise.resolve(undefined);

/**
 * A reminder, once: its record (named, conditional on none by that name) and the entry that
 * mails it are committed together, so a repeat or a race sends nothing twice.
 */
const remind = async (deps: ServiceDeps, request: Request, name: string, entry: Pick<TimelineEntry, 'kind' | 'details'>): Promise<void> => {
  const at = deps.now().toISOString();
  await deps.unitOfWork.commit([deps.workflows.remind(request.requestId, name, at), deps.timeline.append(newEntry(deps, workflow, request.requestId, at, entry))]);
  deps.metrics.count('WorkflowRemindersSent');
};

/** What is due, done once: each write is conditional, so a repeat or a race does nothing twice. */
const act = async (deps: ServiceDeps, request: Request, due: Due): Promise<void> => {
  switch (due.kind) {
    case 'expire_offer': {
      const { offer } = due;
      await takeStep(deps, workflow, request, {
        action: 'expire_offer',
        details: { offerId: offer.offerId, number: String(offer.number), validUntil: offer.validUntil },
        lapsedAt: offer.validUntil,
        also: [deps.offers.settle(offer, { ...offer, status: 'expired' })],
      });
      deps.metrics.count('OffersExpired');
      return;
    }
    case 'offer_reminder': {
      const { offer } = due;
      return remind(deps, request, offerReminderName(offer), {
        kind: 'offer_reminder',
        details: { offerId: offer.offerId, number: String(offer.number), gross: String(offer.totals.gross), currency: offer.currency, validUntil: offer.validUntil },
      });
    }
    case 'payment_reminder':
      return remind(deps, request, paymentReminderName(due.order), { kind: 'payment_reminder', details: paymentDetailsOf(due.order) });
    case 'review_reminder':
      return remind(deps, request, due.reminder, { kind: 'review_reminder', details: { round: String(due.round), reviewDeadline: due.deadline } });
    case 'deem_accepted': {
      const handover = await deps.handovers.get(request.requestId, due.round);
      if (!handover) throw new NotFoundError(`Round ${due.round} of request ${request.requestId}`);
      await deemAccepted(deps, workflow, request, handover);
      return;
    }
    case 'close_answered':
      await closeAnswered(deps, workflow, request);
  }
};

/**
 * The workflow's re-entrant router (docs/workflow.md): reads the request as stored, does what is due
 * (an expiry, a reminder), and says where the execution goes next and how long it may wait. An
 * execution that no longer owns the request ends as `superseded`; one whose request needs no
 * workflow any more lets go of it.
 */
export const checkpoint = async (deps: CheckpointDeps, { requestId, execution }: CheckpointPayload): Promise<CheckpointResult> => {
  for (let acts = 0; acts <= maxActsPerCheckpoint; acts++) {
    const [record, request] = await Promise.all([deps.workflows.get(requestId), deps.requests.get(requestId)]);
    if (!record || record.execution !== execution) return ended(requestId, 'superseded', deps.now());
    const now = deps.now();
    const [offer, order] = request ? await Promise.all([currentOffer(deps, request), currentOrder(deps, request)]) : [undefined, undefined];
    const reminded = request && remindsIn.has(request.status) ? await deps.workflows.reminders(requestId) : new Set<string>();
    const plan: Plan = request ? planCheckpoint({ request, offer, order, reminded, reviewReminderDays: deps.reviewReminderDays, now }) : { kind: 'go', next: 'gone' };
    if (plan.kind === 'act') {
      try {
        await act(deps, request!, plan.due);
      } catch (error) {
        // Someone changed the request meanwhile (the client accepted as the offer ran out): look again.
        if (!(error instanceof ConflictError)) throw error;
        logger.info('a due step lost a race; looking again', { requestId, due: plan.due.kind, reason: error.message });
      }
      continue;
    }
    if (isEnd(plan.next)) await release(deps, requestId, execution);
    const timeoutSeconds = timeoutSecondsUntil(plan.wakeAt, now);
    return { requestId, next: plan.next, timeoutSeconds, wakeAt: new Date(now.getTime() + timeoutSeconds * 1000).toISOString() };
  }
  throw new Error(`checkpoint of ${requestId} acted ${maxActsPerCheckpoint} times without settling`);
};

const ended = (requestId: string, next: EndRoute, now: Date): CheckpointResult => ({ requestId, next, timeoutSeconds: 1, wakeAt: new Date(now.getTime() + 1000).toISOString() });

const release = async (deps: ServiceDeps, requestId: string, execution: string) => {
  try {
    await deps.unitOfWork.commit([deps.workflows.release(requestId, execution)]);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
};

/**
 * A waiting task's first step: store its token where the API finds it, if this execution still
 * owns the request and the request is still at the stage the wait is for. Otherwise the wait is
 * over before it began: the task completes itself (engine-neutral: no engine-specific failure),
 * and the loop looks again.
 */
export const beginWait = async (deps: WorkflowDeps, { requestId, execution, stage, token }: WaitPayload): Promise<'waiting' | 'stale'> => {
  const since = deps.now().toISOString();
  try {
    await deps.unitOfWork.commit([deps.workflows.wait(requestId, execution, { stage, token, since }), deps.requests.mustHaveStatus(requestId, statusesOfStage[stage])]);
    return 'waiting';
  } catch (error) {
    if (!(error instanceof ConflictError) && !(error instanceof NotFoundError)) throw error;
    await deps.engine.report(token, { reason: 'stale' });
    return 'stale';
  }
};

/**
 * Takes over requests whose workflow is not running: after a restart of the local stack (`all`:
 * every one, the local engine lost them all), or in AWS after an execution failed, timed out or
 * hit a definition change (only those whose execution is not running).
 */
export const resumeWorkflows = async (deps: WorkflowDeps, { all }: { all: boolean }): Promise<{ resumed: string[]; running: number }> => {
  const records = await deps.workflows.list();
  const resumed: string[] = [];
  let running = 0;
  for (const record of records) {
    if (!all && (await deps.engine.isRunning(record.execution))) {
      running++;
      continue;
    }
    await startWorkflow(deps, record.requestId);
    resumed.push(record.requestId);
  }
  if (resumed.length > 0) deps.metrics.count('WorkflowsResumed', resumed.length);
  return { resumed, running };
};
