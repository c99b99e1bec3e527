import type * as z from 'zod';
import type { FunctionAccess } from '../config/access.js';
import type { SystemActorName } from '../domain/actor.js';

/** What makes a function run when it is not an HTTP route. */
export type Trigger =
  /** A Task state of the request workflow invokes it (the workflow's role is granted the invoke). */
  | { kind: 'workflow-task' }
  /** The table's stream: only records of these entities (e.g. `timeline`) and, if named, of these kinds of change, in batches. */
  | { kind: 'table-stream'; entities: readonly string[]; events?: readonly ('INSERT' | 'MODIFY' | 'REMOVE')[]; batchSize: number }
  /** A queue of its own (with a dead-letter queue), in batches. */
  | { kind: 'queue'; batchSize: number }
  /** A mail SES received and stored under the bucket's `mail/` prefix. */
  | { kind: 'inbound-mail' }
  /** An EventBridge schedule: `rate(1 hour)` or `cron(0 6 * * ? *)` (UTC). */
  | { kind: 'schedule'; expression: string }
  /** SES's events about sent mail (the stage's configuration set publishes them to EventBridge): only these types. */
  | { kind: 'mail-events'; eventTypes: readonly ('Bounce' | 'Complaint')[] }
  /** The user pool's custom-message trigger: Cognito asks it to write its mails (invitation, password reset). */
  | { kind: 'cognito-custom-message' }
  /** GuardDuty Malware Protection for S3's result of scanning an object of the bucket's `orgs/` (EventBridge). */
  | { kind: 'malware-scan' };

export interface FunctionSchemas<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** The event it is given, validated on entry: a malformed event fails as a ValidationError. */
  input: I;
  output: O;
}

/** An entry of the function table: a Lambda that is not an HTTP route. */
export interface FunctionDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** kebab-case; `functions/<name>.ts` is the Lambda entry, `<name>` part of its logical id. */
  name: string;
  summary: string;
  trigger: Trigger;
  /** Who it acts as: timeline entries it writes record this part of the system. */
  actor: SystemActorName;
  schemas: FunctionSchemas<I, O>;
  /** What its function may touch, as for routes. */
  access: FunctionAccess;
}

/** Keeps each entry's literal schema types so its handler gets typed input. */
export const defineFunction = <I extends z.ZodType, O extends z.ZodType>(definition: FunctionDefinition<I, O>) => definition;
