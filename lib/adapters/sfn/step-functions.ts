import * as z from 'zod';
import { EnvName, readEnv } from '../../config/env.js';
import { canonicalJson } from '../../domain/canonical.js';
import type { WorkflowEngine } from '../../services/ports/workflow.js';
import type { WorkflowInput, WorkflowSignal } from '../../workflow/states.js';
import { credentialsFromEnvironment, regionFromEnvironment, type Credentials } from '../aws/sigv4.js';
import { AwsApiError, signedJsonCall } from '../aws/signed-json.js';

/** SendTaskSuccess's refusals that mean the token no longer waits: nothing left to tell it. */
export const staleTokenErrors: ReadonlySet<string> = new Set(['TaskTimedOut', 'InvalidToken', 'TaskDoesNotExist']);

export interface SfnTarget {
  region: string;
  /** `https://states.<region>.amazonaws.com`, or the local engine's. */
  endpoint: string;
  credentials: Credentials;
  /** The request workflow's state machine. */
  stateMachineArn: string;
  fetch?: typeof fetch;
}

/** Where Step Functions and the workflow are, from the function's environment (locally AWS_ENDPOINT_URL_SFN points at the local engine). */
export const sfnFromEnvironment = (): SfnTarget => {
  const region = regionFromEnvironment();
  const endpoint = readEnv(EnvName.sfnEndpoint, z.url().optional()) ?? `https://states.${region}.amazonaws.com`;
  return { region, endpoint, credentials: credentialsFromEnvironment(), stateMachineArn: readEnv(EnvName.workflowArn, z.string().startsWith('arn:')) };
};

/** `arn:aws:states:eu-central-1:123456789012:stateMachine:orderdesk-dev-workflow` + `r-1` → `…:execution:orderdesk-dev-workflow:r-1`. */
export const executionArnOf = (stateMachineArn: string, executionName: string): string => {
  const parts = stateMachineArn.split(':');
  if (parts.length !== 7 || parts[2] !== 'states' || parts[5] !== 'stateMachine') throw new Error(`Not a state machine ARN: ${stateMachineArn}`);
  return [...parts.slice(0, 5), 'execution', parts[6], executionName].join(':');
};

const Described = z.object({ status: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE']), input: z.string().optional() });

/**
 * The workflow engine on Step Functions' JSON 1.0 API, signed calls through fetch (no SDK
 * client: see signed-json.ts). No retries here: callers decide (the API logs and leaves it to the
 * takeover sweep).
 */
export const stepFunctionsEngine = (target: () => SfnTarget = sfnFromEnvironment): WorkflowEngine => {
  const call = (operation: string, body: Record<string, unknown>) => {
    const { region, endpoint, credentials, fetch } = target();
    return signedJsonCall({
      service: 'states',
      region,
      endpoint,
      method: 'POST',
      path: '/',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AWSStepFunctions.${operation}` },
      credentials,
      fetch,
      body,
    });
  };
  const describe = async (executionName: string) =>
    Described.parse(await call('DescribeExecution', { executionArn: executionArnOf(target().stateMachineArn, executionName) }), {
      error: () => 'DescribeExecution answered without a status',
    });

  return {
    async start(executionName: string, input: WorkflowInput) {
      try {
        await call('StartExecution', { stateMachineArn: target().stateMachineArn, name: executionName, input: JSON.stringify(input) });
      } catch (error) {
        // The same name again: fine if it is the same execution (a retried start), not if another input had the name.
        if (!(error instanceof AwsApiError && error.errorType === 'ExecutionAlreadyExists')) throw error;
        const existing = await describe(executionName);
        if (existing.input === undefined || canonicalJson(JSON.parse(existing.input)) !== canonicalJson(input)) throw error;
      }
    },
    async report(token: string, signal: WorkflowSignal) {
      try {
        await call('SendTaskSuccess', { taskToken: token, output: JSON.stringify(signal) });
        return 'delivered';
      } catch (error) {
        if (error instanceof AwsApiError && staleTokenErrors.has(error.errorType)) return 'stale';
        throw error;
      }
    },
    async isRunning(executionName: string) {
      try {
        return (await describe(executionName)).status === 'RUNNING';
      } catch (error) {
        if (error instanceof AwsApiError && error.errorType === 'ExecutionDoesNotExist') return false;
        throw error;
      }
    },
  };
};
