import type { RequestStatus } from '../domain/request.js';

/**
 * The request workflow as data (docs/workflow.md, "A checkpoint loop"): the CDK app builds its state
 * machine from this, and the local stack maps each Task state to the function that runs it.
 *
 * Checkpoint ─▶ Route (Choice on $.Payload.next)
 *   ├─ await_offer_decision ─▶ AwaitOfferDecision ─┐  lambda:invoke.waitForTaskToken with
 *   ├─ generate_order ──────▶ GenerateOrder ───────┤  TimeoutSecondsPath $.Payload.timeoutSeconds;
 *   ├─ await_payment ───────▶ AwaitPayment ────────┤  success or States.Timeout → Checkpoint
 *   ├─ await_handover ──────▶ AwaitHandover ───────┤
 *   ├─ await_review ────────▶ AwaitReview ─────────┤  (reminders and the deadline are timeouts)
 *   ├─ await_reopen ────────▶ AwaitReopen ─────────┘  (an answered request closes after its window)
 *   └─ anything else (an ending) ─▶ Done (Succeed)
 */

/** Where Checkpoint sends the execution next: a wait, a task, or an ending. */
export const waitRoutes = ['await_offer_decision', 'await_payment', 'await_handover', 'await_review', 'await_reopen'] as const;
export const taskRoutes = ['generate_order'] as const;
/**
 * `clarifying`: back to talking (a declined offer, a reopened answer; the next offer, fix or
 * explanation starts a fresh execution); `completed`: accepted or closed.
 */
export const endRoutes = ['expired', 'clarifying', 'cancelled', 'completed', 'superseded', 'gone'] as const;
export type WaitRoute = (typeof waitRoutes)[number];
export type TaskRoute = (typeof taskRoutes)[number];
export type EndRoute = (typeof endRoutes)[number];
export type Route = WaitRoute | TaskRoute | EndRoute;
export const routeNames: readonly Route[] = [...waitRoutes, ...taskRoutes, ...endRoutes];

/** What a waiting task waits for; stored with its token on the request's workflow item. */
export const waitStages = {
  await_offer_decision: 'offer_decision',
  await_payment: 'payment',
  await_handover: 'handover',
  await_review: 'review',
  await_reopen: 'reopen',
} as const satisfies Record<WaitRoute, string>;
export type WaitStage = (typeof waitStages)[WaitRoute];

/** The statuses a wait stage waits in: the request moving out of them is what the wait is for. */
export const statusesOfStage = {
  offer_decision: ['quoted'],
  payment: ['awaiting_payment'],
  handover: ['queued', 'in_progress', 'changes_requested'],
  review: ['in_review'],
  reopen: ['answered'],
} as const satisfies Record<WaitStage, readonly RequestStatus[]>;

/** Whether a request in `status` needs its workflow running (something to wait for, a deadline to keep). */
export const needsWorkflow = (status: RequestStatus): boolean => Object.values(statusesOfStage).some((statuses) => (statuses as readonly RequestStatus[]).includes(status));

/** No wait is longer: Node's timers overflow past 24.8 days (the local engine) and a week of idling costs 3 transitions. */
export const maxWaitSeconds = 7 * 24 * 60 * 60;

export interface TaskState {
  /** The state's name in the definition; the local engine resolves tasks by it, so names are unique. */
  state: string;
  /** The function-table entry it invokes. */
  function: string;
}

export interface WaitState extends TaskState {
  route: WaitRoute;
  stage: WaitStage;
}

/** The Pass state that turns the execution's input `{ requestId }` into the loop's shape `{ Payload: { requestId } }`. */
export const startState = 'Start';
export const routeState = 'Route';
export const doneState = 'Done';

export const checkpointState: TaskState = { state: 'Checkpoint', function: 'workflow-checkpoint' };
export const waitStates: readonly WaitState[] = [
  { state: 'AwaitOfferDecision', function: 'workflow-await', route: 'await_offer_decision', stage: 'offer_decision' },
  { state: 'AwaitPayment', function: 'workflow-await', route: 'await_payment', stage: 'payment' },
  { state: 'AwaitHandover', function: 'workflow-await', route: 'await_handover', stage: 'handover' },
  { state: 'AwaitReview', function: 'workflow-await', route: 'await_review', stage: 'review' },
  { state: 'AwaitReopen', function: 'workflow-await', route: 'await_reopen', stage: 'reopen' },
];
export const taskStates: readonly (TaskState & { route: TaskRoute })[] = [{ state: 'GenerateOrder', function: 'generate-order', route: 'generate_order' }];

/** Every Task state, for the local engine's map of state name → function. */
export const allTaskStates: readonly TaskState[] = [checkpointState, ...waitStates, ...taskStates];

/** What the API, a waiting task itself, or the local clock says to a waiting task: look again. The
 * Checkpoint decides from DynamoDB (the truth), never from this. */
export interface WorkflowSignal {
  /** `changed`: the request moved on; `stale`: the wait's stage was over before it began; `wake`: time passed (local clock). */
  reason: 'changed' | 'stale' | 'wake';
}

/** The execution's input. */
export interface WorkflowInput {
  requestId: string;
}

/**
 * The loop's data between states, `{ Payload: CheckpointResult }`: Checkpoint's ResultSelector
 * keeps the Lambda's Payload only, and every other state discards its result, so the same path
 * (`$.Payload.timeoutSeconds`) means the same value in AWS (resolved against the state input)
 * and locally (resolved against the Parameters output): see docs/workflow.md, "The same definition, locally".
 */
export interface CheckpointResult {
  requestId: string;
  next: Route;
  /** Seconds until the next reminder or deadline, at most `maxWaitSeconds`, at least 1. */
  timeoutSeconds: number;
  /**
   * The same moment as an instant (ISO 8601): what the wait is until. A timeout is relative to
   * when the wait begins, a moment after the checkpoint; the local engine, whose clock a test
   * may move in between, wakes at this instant instead.
   */
  wakeAt: string;
}

/** What each Task state's Lambda gets (its Parameters' Payload). */
export interface CheckpointPayload {
  requestId: string;
  /** `$$.Execution.Name`: only the execution that owns the request acts on it. */
  execution: string;
}
export interface WaitPayload extends CheckpointPayload {
  stage: WaitStage;
  /** `$$.Task.Token`. */
  token: string;
  timeoutSeconds: number;
  wakeAt: string;
}
export interface TaskPayload {
  requestId: string;
  execution: string;
}
