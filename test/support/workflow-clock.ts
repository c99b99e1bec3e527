import type { LocalStackInfo } from '../../local/stack.js';

/** What the local workflow engine's clock routes answer. */
export interface ClockAnswer {
  /** Business time, ISO. */
  now: string;
  scale?: number;
  /** The waiting tasks an advance woke (`<execution> <state>`): each goes back to Checkpoint. */
  woken?: string[];
}

const call = async (info: Pick<LocalStackInfo, 'workflowUrl'>, path: string, body?: unknown): Promise<ClockAnswer> => {
  const response = await fetch(`${info.workflowUrl}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
  return JSON.parse(text) as ClockAnswer;
};

/** The running stack's business time (what the functions' `now()` reads). */
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
