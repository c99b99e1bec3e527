import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Code, Function, Runtime } from 'aws-cdk-lib/aws-lambda';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { DataStack } from '../../infra/data-stack.js';
import { FunctionsStack } from '../../infra/functions-stack.js';
import { RequestWorkflow, workflowFunctionNames } from '../../infra/request-workflow.js';
import { stageConfig } from '../../infra/stage-config.js';
import { functionList } from '../../lib/lambda/table.js';
import { allTaskStates, checkpointState, doneState, maxWaitSeconds, routeState, startState, taskStates, waitStates } from '../../lib/workflow/states.js';

const cdkJson = JSON.parse(fs.readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> };
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'orderdesk-workflow-'));
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

/** Node's timers (the local engine's waits) overflow past this; AWS's own limit is far above. */
const maxTimerSeconds = (2 ** 31 - 1) / 1000;

interface AslState {
  Type: string;
  Resource?: string;
  Parameters?: { FunctionName?: string; Payload?: Record<string, unknown> } & Record<string, unknown>;
  TimeoutSeconds?: number;
  TimeoutSecondsPath?: string;
  ResultPath?: string | null;
  ResultSelector?: Record<string, unknown>;
  Retry?: { ErrorEquals: string[]; MaxAttempts?: number; BackoffRate?: number; IntervalSeconds?: number }[];
  Catch?: { ErrorEquals: string[]; Next: string; ResultPath?: string | null }[];
  Next?: string;
  Choices?: { Variable: string; StringEquals: string; Next: string }[];
  Default?: string;
  QueryLanguage?: string;
  Seconds?: number;
}
interface Asl {
  StartAt: string;
  States: Record<string, AslState>;
  QueryLanguage?: string;
  TimeoutSeconds?: number;
}

/** The definition with each token written as a readable placeholder (`<AWS::Partition>`, `<LogicalId.Arn>`). */
const definitionOf = (template: Template): Asl => {
  const [machine] = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
  const join = machine?.Properties.DefinitionString['Fn::Join'] as [string, unknown[]];
  const text = join[1]
    .map((part) => {
      if (typeof part === 'string') return part;
      const token = part as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
      if (token.Ref) return `<${token.Ref}>`;
      if (token['Fn::GetAtt']) return `<${token['Fn::GetAtt'].join('.')}>`;
      throw new Error(`unexpected token ${JSON.stringify(part)}`);
    })
    .join(join[0]);
  return JSON.parse(text) as Asl;
};

/** The construct on its own, in a stack with stand-in functions (nothing to bundle). */
const synthConstruct = () => {
  const app = new App({ outdir, context: { ...cdkJson.context } });
  const stack = new Stack(app, 'workflow-alone', { env: { account: '123456789012', region: 'eu-central-1' } });
  const config = stageConfig((key) => (key === 'stage' ? 'dev' : undefined));
  const functions = Object.fromEntries(
    [...workflowFunctionNames, 'bystander'].map((name) => [name, new Function(stack, name, { functionName: name, runtime: Runtime.NODEJS_24_X, handler: 'index.handler', code: Code.fromInline('x') })]),
  );
  const alarms = new Topic(stack, 'Alarms');
  const workflow = new RequestWorkflow(stack, 'RequestWorkflow', { stateMachineName: config.workflowName, functions, logRetention: config.logRetention, alarms });
  const template = Template.fromStack(stack);
  const logicalIds = Object.fromEntries(Object.entries(functions).map(([name, fn]) => [name, stack.getLogicalId(fn.node.defaultChild as never)]));
  return { template, workflow, logicalIds, asl: definitionOf(template) };
};

let built: ReturnType<typeof synthConstruct>;
beforeAll(() => {
  built = synthConstruct();
});

describe('the request workflow', () => {
  it('is a STANDARD state machine with the stage’s fixed name, traced, logging errors with their data to a log group of its own', () => {
    built.template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
    built.template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineName: 'orderdesk-dev-workflow',
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ERROR', IncludeExecutionData: true, Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^RequestWorkflowLogs'), 'Arn'] } } }] },
    });
    built.template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: '/aws/vendedlogs/states/orderdesk-dev-workflow', RetentionInDays: 14 });
  });

  it('has every state lib/workflow/states.ts names: Start → Checkpoint → Route → a wait, GenerateOrder or Done', () => {
    const { asl } = built;
    expect(asl.StartAt).toBe(startState);
    expect(Object.keys(asl.States).sort()).toEqual([startState, routeState, doneState, ...allTaskStates.map((task) => task.state)].sort());
    expect(asl.States[startState]).toEqual({ Type: 'Pass', Parameters: { Payload: { 'requestId.$': '$.requestId' } }, Next: checkpointState.state });
    expect(asl.States[checkpointState.state]!.Next).toBe(routeState);
    expect(asl.States[routeState]!.Choices).toEqual([...waitStates, ...taskStates].map((state) => ({ Variable: '$.Payload.next', StringEquals: state.route, Next: state.state })));
    expect(asl.States[routeState]!.Default).toBe(doneState);
    expect(asl.States[doneState]).toEqual({ Type: 'Succeed' });
  });

  it('checkpoints with the request and the execution’s name, keeping only the function’s answer, retrying Lambda’s transient errors', () => {
    const checkpoint = built.asl.States[checkpointState.state]!;
    expect(checkpoint.Resource).toBe('arn:<AWS::Partition>:states:::lambda:invoke');
    expect(checkpoint.Parameters).toEqual({
      FunctionName: `<${built.logicalIds['workflow-checkpoint']}.Arn>`,
      Payload: { 'requestId.$': '$.Payload.requestId', 'execution.$': '$$.Execution.Name' },
    });
    expect(checkpoint.ResultSelector).toEqual({ 'Payload.$': '$.Payload' });
    expect(checkpoint.ResultPath).toBeUndefined();
    expect(checkpoint.Retry).toEqual([expect.objectContaining({ ErrorEquals: expect.arrayContaining(['Lambda.ServiceException', 'Lambda.TooManyRequestsException']), BackoffRate: 2 })]);
    expect(checkpoint.TimeoutSeconds).toBeGreaterThan(0);
  });

  it('waits with .waitForTaskToken, its timeout Checkpoint’s timeoutSeconds (TimeoutSecondsPath, no fixed one), back to Checkpoint on success or States.Timeout', () => {
    for (const wait of waitStates) {
      const state = built.asl.States[wait.state]!;
      expect(state.Resource, wait.state).toBe('arn:<AWS::Partition>:states:::lambda:invoke.waitForTaskToken');
      expect(state.TimeoutSecondsPath, wait.state).toBe('$.Payload.timeoutSeconds');
      expect(state.TimeoutSeconds, wait.state).toBeUndefined();
      expect(state.Parameters, wait.state).toEqual({
        FunctionName: `<${built.logicalIds['workflow-await']}.Arn>`,
        Payload: {
          'requestId.$': '$.Payload.requestId',
          'execution.$': '$$.Execution.Name',
          stage: wait.stage,
          'token.$': '$$.Task.Token',
          // The same value at the same path in the Parameters' output, where the local engine reads TimeoutSecondsPath.
          'timeoutSeconds.$': '$.Payload.timeoutSeconds',
          // The same moment as an instant: the local engine wakes at it even if a test moved the clock meanwhile.
          'wakeAt.$': '$.Payload.wakeAt',
        },
      });
      expect(state.ResultPath, wait.state).toBeNull();
      expect(state.Catch, wait.state).toEqual([{ ErrorEquals: ['States.Timeout'], ResultPath: null, Next: checkpointState.state }]);
      expect(state.Retry?.map((retry) => retry.ErrorEquals).flat(), wait.state).toContain('Lambda.ServiceException');
      expect(state.Next, wait.state).toBe(checkpointState.state);
    }
  });

  it('generates the order with three retries backing off, its result discarded, then back to Checkpoint', () => {
    const state = built.asl.States['GenerateOrder']!;
    expect(state.Resource).toBe('arn:<AWS::Partition>:states:::lambda:invoke');
    expect(state.Parameters?.FunctionName).toBe(`<${built.logicalIds['generate-order']}.Arn>`);
    expect(state.ResultPath).toBeNull();
    expect(state.Retry?.at(-1)).toMatchObject({ ErrorEquals: ['States.ALL'], MaxAttempts: 3 });
    expect(state.Retry?.at(-1)?.BackoffRate).toBeGreaterThan(1);
    expect(state.Next).toBe(checkpointState.state);
  });

  it('has no Wait state and no timeout past what Node’s timers can wait (the local engine), with maxWaitSeconds below that', () => {
    expect(maxWaitSeconds).toBeLessThan(maxTimerSeconds);
    expect(built.asl.TimeoutSeconds).toBeUndefined();
    for (const [name, state] of Object.entries(built.asl.States)) {
      expect(state.Type, name).not.toBe('Wait');
      if (state.TimeoutSeconds !== undefined) expect(state.TimeoutSeconds, name).toBeLessThan(maxTimerSeconds);
      if (state.Type === 'Task') expect(state.TimeoutSeconds !== undefined || state.TimeoutSecondsPath !== undefined, `${name} has an explicit timeout`).toBe(true);
    }
  });

  it('is JSONPath only: the local engine evaluates no JSONata', () => {
    const text = JSON.stringify(built.asl);
    expect(built.asl.QueryLanguage ?? 'JSONPath').toBe('JSONPath');
    expect(text).not.toMatch(/JSONata|\{%/);
    for (const state of Object.values(built.asl.States)) expect(state.QueryLanguage ?? 'JSONPath').toBe('JSONPath');
  });

  it('may invoke exactly the functions states.ts names, nothing else given to it', () => {
    const roles = built.template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^RequestWorkflowStateMachineRole') }] } });
    const statements = Object.values(roles).flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
    const invoked = statements
      .filter((statement) => [statement.Action].flat().includes('lambda:InvokeFunction'))
      .flatMap((statement) => [statement.Resource].flat())
      .map((resource) => JSON.stringify(resource));
    const expected = workflowFunctionNames.flatMap((name) => {
      const arn = { 'Fn::GetAtt': [built.logicalIds[name], 'Arn'] };
      return [JSON.stringify(arn), JSON.stringify({ 'Fn::Join': ['', [arn, ':*']] })];
    });
    expect([...new Set(invoked)].sort()).toEqual(expected.sort());
    expect(invoked.join()).not.toContain(built.logicalIds['bystander']);
  });

  it('refuses to be built without a function states.ts names, saying which', () => {
    const app = new App({ outdir, context: { ...cdkJson.context } });
    const stack = new Stack(app, 'workflow-short');
    const checkpoint = new Function(stack, 'c', { runtime: Runtime.NODEJS_24_X, handler: 'index.handler', code: Code.fromInline('x') });
    expect(() => new RequestWorkflow(stack, 'W', { stateMachineName: 'w', functions: { 'workflow-checkpoint': checkpoint }, logRetention: RetentionDays.ONE_DAY, alarms: new Topic(stack, 'A') })).toThrow(
      /invokes workflow-await, generate-order, which the function table lacks: add entries with trigger \{ kind: 'workflow-task' \}/,
    );
  });
});

describe('the functions stack', () => {
  const config = stageConfig((key) => (key === 'stage' ? 'dev' : undefined));
  const env = { account: '123456789012', region: 'eu-central-1' };
  const asDefinition = (entry: { name: string }) => ({ ...entry, summary: entry.name, actor: 'workflow' as const, trigger: { kind: 'workflow-task' as const }, schemas: { input: z.unknown(), output: z.unknown() }, access: {} });
  const functionsStack = (id: string, names: string[]) => {
    const app = new App({ outdir, context: { ...cdkJson.context } });
    const data = new DataStack(app, `${id}-data`, { env, config, functions: [] });
    const resources = { table: data.table, bucket: data.bucket, userPool: data.userPool, appClientIds: data.appClientIds, alarms: data.alarms, apiUrl: 'https://api.example' };
    return () => new FunctionsStack(app, id, { env, config, resources, functions: names.map((name) => asDefinition({ name })) });
  };

  it('makes the workflow from its workflow-task entries, and refuses to synthesize when one states.ts names is missing', () => {
    expect(functionsStack('short', ['take-workflow-step'])).toThrow(/The request workflow invokes workflow-checkpoint, workflow-await, generate-order, which the function table lacks/);
  });

  const tableHasThem = workflowFunctionNames.every((name) => functionList.some((entry) => entry.name === name && entry.trigger.kind === 'workflow-task'));
  it.skipIf(!tableHasThem)('wires the function table’s workflow-task entries into the workflow named orderdesk-dev-workflow', () => {
    const stack = functionsStack('wired', [...workflowFunctionNames])();
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', { StateMachineName: 'orderdesk-dev-workflow', StateMachineType: 'STANDARD' });
    expect(stack.workflow).toBeDefined();
  });
});
