import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The correlation id: the id of one action, carried from where it starts through everything it
 * causes. The two handler factories run each invocation inside its id, every log line of the
 * invocation carries it (`correlationId`), the timeline entries it writes record it, and the
 * notifier logs the entry's id with each mail and tags the mail with it (`correlation-id`).
 *
 * - An API call: API Gateway's request id (`event.requestContext.requestId`): the HTTP API's
 *   access log has it as `requestId`, the answer's `apigw-requestid` header and an error's
 *   `error.requestId` say it.
 * - A workflow task: `workflow:<execution name>`.
 * - Inbound mail: the stored mail's S3 key (`mail/<SES message id>`).
 * - An SES bounce or complaint: the correlation id the bounced mail was tagged with, else
 *   `ses:<message id>`.
 * - Anything else (a stream batch, the schedule, Cognito's trigger, a workflow step without an
 *   execution): the Lambda request id.
 */
const current = new AsyncLocalStorage<string>();

/** Runs `work` as part of the action `id` (everything it awaits or schedules included). */
export const withCorrelationId = <T>(id: string, work: () => T): T => current.run(id, work);

/** The id of the action running now; undefined outside one (a script, a test without a handler). */
export const currentCorrelationId = (): string | undefined => current.getStore();

/** The correlation id of what a workflow execution does by itself. */
export const workflowCorrelationId = (execution: string): string => `workflow:${execution}`;

/**
 * The SES message tag that carries a mail's correlation id (back to us in bounce and complaint
 * events). Tag values allow only `[A-Za-z0-9_.@-]`: any other character goes as `_`
 * (lib/adapters/ses), so `JKJaXmPLvHcESHA=` is tagged `JKJaXmPLvHcESHA_` and `workflow:<execution>`
 * `workflow_<execution>`; a bounce's entry records the id as the tag has it.
 */
export const correlationTag = 'correlation-id';

/** A correlation id is at most this long: an SES tag value's limit. */
export const maxCorrelationIdLength = 256;

/**
 * Log attributes naming the correlation id of what a line is about (a mail's entry), or none: an
 * undefined `correlationId` would blank the invocation's own on that line.
 */
export const correlated = (id: string | undefined): { correlationId?: string } => (id ? { correlationId: id } : {});
