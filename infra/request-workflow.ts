import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  Choice,
  Condition,
  DefinitionBody,
  Errors,
  IntegrationPattern,
  JitterType,
  JsonPath,
  LogLevel,
  Pass,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
  Timeout,
  type RetryProps,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { acknowledge, wildcardFinding } from './acknowledge.js';
import { alarm, alarmPeriod } from './alarms.js';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { functionTimeoutSeconds } from '../lib/config/limits.js';
import { allTaskStates, checkpointState, doneState, routeState, startState, taskStates, waitStates } from '../lib/workflow/states.js';

/** The function-table entries the workflow's Task states invoke, each once. */
export const workflowFunctionNames: readonly string[] = [...new Set(allTaskStates.map((task) => task.function))];

/** Lambda's own transient failures (AWS's advice for every lambda:invoke), retried with backoff and jitter. */
export const lambdaTransientErrors = [
  'Lambda.ClientExecutionTimeoutException',
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
];
const transientRetry: RetryProps = { errors: lambdaTransientErrors, interval: Duration.seconds(2), maxAttempts: 6, backoffRate: 2, jitterStrategy: JitterType.FULL };

/**
 * How long a plain invoke (Checkpoint, GenerateOrder) may take: the function's own timeout, a cold
 * start and the invoke around it. Explicit: the local engine's default is 60 s and AWS has none.
 */
export const invokeTimeoutSeconds = functionTimeoutSeconds + 30;

/** Where Checkpoint's answer is, for the Choice and the waits' TimeoutSecondsPath (see states.ts). */
const nextPath = '$.Payload.next';
const timeoutPath = '$.Payload.timeoutSeconds';

export interface RequestWorkflowProps {
  /** Fixed (the stage's `workflowName`), so functions are granted it by ARN before it exists. */
  stateMachineName: string;
  /** By function-table name: at least every function `lib/workflow/states.ts` names. Only those are invoked and granted. */
  functions: Readonly<Record<string, IFunction>>;
  logRetention: RetentionDays;
  /** The stage's alarm topic: a failed or timed-out execution is an alarm. */
  alarms: ITopic;
}

/**
 * The request workflow (docs/workflow.md, "A checkpoint loop"), built from `lib/workflow/states.ts`:
 * Start → Checkpoint → Route → a wait (lambda:invoke.waitForTaskToken, its timeout Checkpoint's
 * `timeoutSeconds`), GenerateOrder, or Done; every wait and task leads back to Checkpoint. JSONPath
 * only: the local engine evaluates no JSONata. The local stack runs this very definition.
 */
export class RequestWorkflow extends Construct {
  readonly stateMachine: StateMachine;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: RequestWorkflowProps) {
    super(scope, id);
    const missing = workflowFunctionNames.filter((name) => !props.functions[name]);
    if (missing.length > 0) {
      throw new Error(
        `The request workflow invokes ${missing.join(', ')}, which the function table lacks: add ${missing.length === 1 ? 'an entry' : 'entries'} with trigger { kind: 'workflow-task' } (lib/lambda/table.ts) for every function lib/workflow/states.ts names`,
      );
    }
    const fn = (name: string) => props.functions[name]!;

    const start = new Pass(this, startState, { parameters: { Payload: { requestId: JsonPath.stringAt('$.requestId') } } });

    const checkpoint = new LambdaInvoke(this, checkpointState.state, {
      lambdaFunction: fn(checkpointState.function),
      payload: TaskInput.fromObject({ requestId: JsonPath.stringAt('$.Payload.requestId'), execution: JsonPath.executionName }),
      // Only the function's answer, so `$.Payload.timeoutSeconds` is the same path in AWS and locally.
      resultSelector: { Payload: JsonPath.objectAt('$.Payload') },
      retryOnServiceExceptions: false,
      taskTimeout: Timeout.duration(Duration.seconds(invokeTimeoutSeconds)),
    });
    checkpoint.addRetry(transientRetry);

    const done = new Succeed(this, doneState);
    const route = new Choice(this, routeState);

    for (const wait of waitStates) {
      const task = new LambdaInvoke(this, wait.state, {
        lambdaFunction: fn(wait.function),
        integrationPattern: IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        payload: TaskInput.fromObject({
          requestId: JsonPath.stringAt('$.Payload.requestId'),
          execution: JsonPath.executionName,
          stage: wait.stage,
          token: JsonPath.taskToken,
          // Also where the local engine reads TimeoutSecondsPath from (the Parameters' output), see docs/workflow.md, "The same definition, locally".
          timeoutSeconds: JsonPath.numberAt(timeoutPath),
          wakeAt: JsonPath.stringAt('$.Payload.wakeAt'),
        }),
        // AWS resolves it against the state input ({ Payload: CheckpointResult }): the same value.
        taskTimeout: Timeout.at(timeoutPath),
        resultPath: JsonPath.DISCARD,
        retryOnServiceExceptions: false,
      });
      task.addRetry(transientRetry);
      // The time to the next reminder or deadline has passed: Checkpoint applies what is due.
      task.addCatch(checkpoint, { errors: [Errors.TIMEOUT], resultPath: JsonPath.DISCARD });
      task.next(checkpoint);
      route.when(Condition.stringEquals(nextPath, wait.route), task);
    }

    for (const step of taskStates) {
      const task = new LambdaInvoke(this, step.state, {
        lambdaFunction: fn(step.function),
        payload: TaskInput.fromObject({ requestId: JsonPath.stringAt('$.Payload.requestId'), execution: JsonPath.executionName }),
        resultPath: JsonPath.DISCARD,
        retryOnServiceExceptions: false,
        taskTimeout: Timeout.duration(Duration.seconds(invokeTimeoutSeconds)),
      });
      task.addRetry(transientRetry);
      // Anything else (the function failed or timed out): three more tries, backing off; it is idempotent.
      task.addRetry({ errors: [Errors.ALL], interval: Duration.seconds(5), maxAttempts: 3, backoffRate: 3, jitterStrategy: JitterType.FULL });
      task.next(checkpoint);
      route.when(Condition.stringEquals(nextPath, step.route), task);
    }
    route.otherwise(done);

    this.logGroup = new LogGroup(this, 'Logs', {
      // Under /aws/vendedlogs/ Step Functions needs no growing resource policy on the account.
      logGroupName: `/aws/vendedlogs/states/${props.stateMachineName}`,
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineName: props.stateMachineName,
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(start.next(checkpoint).next(route)),
      tracingEnabled: true,
      // ERROR, with the data: a Standard execution keeps its full history for 90 days anyway
      // (console, GetExecutionHistory); the log is for failures, each with its input and cause.
      logs: { destination: this.logGroup, level: LogLevel.ERROR, includeExecutionData: true },
    });
    acknowledge(
      this.stateMachine,
      'AwsSolutions-SF1',
      'Logs ERROR, with the data: ALL would log every state’s input and output (request data, task tokens) at every wake-up, while a Standard execution keeps its whole history for 90 days anyway',
    );
    // An execution never fails or times out by design: it waits at most a week at a time and takes
    // every error back to Checkpoint. One that does leaves its request without a workflow until
    // the hourly takeover sweep starts a new one.
    alarm(this, 'FailedAlarm', props.alarms, {
      metric: this.stateMachine.metricFailed({ statistic: 'Sum', period: alarmPeriod }),
      threshold: 1,
      description: 'A request workflow execution failed: its history (Step Functions console) and the ERROR log say where; resume-workflows restarts the request within the hour',
    });
    alarm(this, 'TimedOutAlarm', props.alarms, {
      metric: this.stateMachine.metricTimedOut({ statistic: 'Sum', period: alarmPeriod }),
      threshold: 1,
      description: 'A request workflow execution timed out: a task outlived its timeout; resume-workflows restarts the request within the hour',
    });
    acknowledge(this.stateMachine, 'AwsSolutions-IAM5[Resource::*]', 'X-Ray (tracing) accepts only Resource "*": a trace segment names no resource');
    for (const name of workflowFunctionNames) {
      acknowledge(this.stateMachine, wildcardFinding(this, `${fn(name).functionArn}:*`), `CDK’s invoke grant on ${name} covers its versions too (\`:*\`); the state machine invokes its three task functions and nothing else`);
    }
  }
}
