import * as z from 'zod';
import type { LocalStackInfo } from '../stack.js';

/** The local workflow engine's own routes, for the CLIs, the bench and the tests: its business clock and its executions. */

/** What the clock routes answer. */
const ClockAnswer = z.object({
  /** Business time, ISO. */
  now: z.iso.datetime(),
  scale: z.number().optional(),
  /** The waiting tasks an advance woke (`<execution> <state>`): each goes back to Checkpoint. */
  woken: z.array(z.string()).optional(),
});

const call = async (info: Pick<LocalStackInfo, 'workflowUrl'>, path: string, body?: unknown) => {
  const response = await fetch(`${info.workflowUrl}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
  return ClockAnswer.parse(JSON.parse(text));
};

/** The running stack's business time (what the functions' `now()` reads): for the CLIs, the bench and the tests. */
export const businessNow = async (info: Pick<LocalStackInfo, 'workflowUrl'>): Promise<Date> => new Date((await call(info, '/_clock')).now);

/**
 * Moves the running stack's business clock forward by `seconds`: every waiting execution whose
 * timeout it reaches wakes up and goes back to Checkpoint (asynchronously: wait for its effect,
 * e.g. a status or a mail). Answers the new time and what it woke.
 */
export const advanceClock = async (info: Pick<LocalStackInfo, 'workflowUrl'>, seconds: number): Promise<{ now: Date; woken: string[] }> => {
  const answer = await call(info, '/_clock/advance', { seconds });
  return { now: new Date(answer.now), woken: answer.woken ?? [] };
};

const Executions = z.object({
  executions: z.array(
    z.object({ name: z.string(), status: z.string(), input: z.string(), state: z.string().optional(), transitions: z.number().int() }),
  ),
});
const RequestInput = z.looseObject({ requestId: z.string().optional() });

/** The executions of one request on the running stack (`GET /_executions`): where each is, and its transitions. */
export const executionsOf = async (info: Pick<LocalStackInfo, 'workflowUrl'>, requestId: string) => {
  const response = await fetch(`${info.workflowUrl}/_executions`);
  if (!response.ok) throw new Error(`/_executions: ${response.status} ${await response.text()}`);
  return Executions.parse(await response.json()).executions.filter((execution) => RequestInput.parse(JSON.parse(execution.input)).requestId === requestId);
};
