import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AwsApiError, signedJsonCall } from '../../../lib/adapters/aws/signed-json.js';
import { stepFunctionsEngine } from '../../../lib/adapters/sfn/step-functions.js';
import type { CheckpointResult, Route, TaskPayload, WaitPayload } from '../../../lib/workflow/states.js';
import type { LocalRun } from '../../../local/handler-module.js';
import { freePorts } from '../../../local/ports.js';
import { buildLocalDefinition, type LocalDefinition } from '../../../local/workflow/asl.js';
import { createBusinessClock, type BusinessClock } from '../../../local/workflow/clock.js';
import { createLocalWorkflowEngine, type LocalWorkflowEngine } from '../../../local/workflow/engine.js';
import { startStepFunctionsServer } from '../../../local/workflow/step-functions-server.js';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/** Calls that arrive one by one, taken in order by the test. */
const inbox = <T>() => {
  const items: T[] = [];
  const waiting: ((item: T) => void)[] = [];
  return {
    push(item: T) {
      const taker = waiting.shift();
      if (taker) taker(item);
      else items.push(item);
    },
    next(timeoutMs = 5000): Promise<T> {
      const item = items.shift();
      if (item !== undefined) return Promise.resolve(item);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no call came')), timeoutMs);
        waiting.push((value) => {
          clearTimeout(timer);
          resolve(value);
        });
      });
    },
    get pending() {
      return items.length;
    },
  };
};

/** The workflow's three functions as stubs: Checkpoint answers from a script, the others record what they got. */
const stubs = (script: { next: Route; timeoutSeconds?: number }[], options: { awaitCompletesItself?: (payload: WaitPayload) => Promise<void>; checkpointFails?: boolean } = {}) => {
  const checkpoints = inbox<TaskPayload>();
  const awaits = inbox<WaitPayload>();
  const orders = inbox<TaskPayload>();
  const runFunction = async (name: string, event: unknown): Promise<LocalRun> => {
    switch (name) {
      case 'workflow-checkpoint': {
        const payload = event as TaskPayload;
        checkpoints.push(payload);
        if (options.checkpointFails) throw Object.assign(new Error('the table is gone'), { name: 'ResourceNotFoundException' });
        const step = script.shift() ?? { next: 'gone' };
        // The latest instant there is: the wait then ends by its timeout, counted from when it begins.
        const wakeAt = new Date(8.64e15).toISOString();
        return { timedOut: false, result: { requestId: payload.requestId, next: step.next, timeoutSeconds: step.timeoutSeconds ?? 60, wakeAt } satisfies CheckpointResult };
      }
      case 'workflow-await':
        awaits.push(event as WaitPayload);
        await options.awaitCompletesItself?.(event as WaitPayload);
        return { timedOut: false, result: { waiting: true } };
      case 'generate-order':
        orders.push(event as TaskPayload);
        return { timedOut: false, result: { orderNumber: 'O-1' } };
      default:
        throw new Error(`no stub for ${name}`);
    }
  };
  return { runFunction, checkpoints, awaits, orders };
};

let definition: LocalDefinition;
beforeAll(async () => {
  definition = await buildLocalDefinition();
}, 30_000);

const running: { engine: LocalWorkflowEngine; clock: BusinessClock; stop: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const { engine, clock, stop } of running.splice(0)) {
    await engine.shutdown();
    clock.stop();
    await stop();
  }
});

/** The engine behind its HTTP server, and the Step Functions adapter pointed at it, as the functions use it. */
const localWorkflow = async (runFunction: ReturnType<typeof stubs>['runFunction']) => {
  const logs: string[] = [];
  const clock = createBusinessClock();
  const engine = createLocalWorkflowEngine({ definition, clock, runFunction, log: (line) => logs.push(line) });
  const [port] = await freePorts(1);
  const server = await startStepFunctionsServer({ host: '127.0.0.1', port: port!, engine, clock, log: (line) => logs.push(line) });
  running.push({ engine, clock, stop: server.stop });
  const target = { region: 'eu-central-1', endpoint: server.url, credentials, stateMachineArn: engine.stateMachineArn };
  const adapter = stepFunctionsEngine(() => target);
  /** The raw call, to see the error type AWS would answer. */
  const raw = (operation: string, body: Record<string, unknown>) =>
    signedJsonCall({ service: 'states', region: 'eu-central-1', endpoint: server.url, method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AWSStepFunctions.${operation}` }, credentials, body });
  const advance = async (seconds: number) => (await fetch(`${server.url}/_clock/advance`, { method: 'POST', body: JSON.stringify({ seconds }) })).json() as Promise<{ now: string; woken: string[] }>;
  return { engine, clock, adapter, raw, advance, logs, url: server.url };
};

const refusalType = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: unknown) => (error instanceof AwsApiError ? error.errorType : String(error)),
  );

describe('the local workflow engine', () => {
  it('runs the synthesized definition: Checkpoint → AwaitOfferDecision → (SendTaskSuccess) → Checkpoint → GenerateOrder → Checkpoint → AwaitPayment → (the clock passes its timeout) → Checkpoint → Done', async () => {
    const { runFunction, checkpoints, awaits, orders } = stubs([
      { next: 'await_offer_decision', timeoutSeconds: 7 * 24 * 3600 },
      { next: 'generate_order' },
      { next: 'await_payment', timeoutSeconds: 2 * 24 * 3600 },
      { next: 'completed' },
    ]);
    const { engine, adapter, raw, advance } = await localWorkflow(runFunction);
    const name = '2026-0001-lx1-abc';

    await adapter.start(name, { requestId: '2026-0001' });
    expect(await checkpoints.next()).toEqual({ requestId: '2026-0001', execution: name });
    const offerWait = await awaits.next();
    expect(offerWait).toEqual({ requestId: '2026-0001', execution: name, stage: 'offer_decision', token: expect.any(String), timeoutSeconds: 7 * 24 * 3600, wakeAt: new Date(8.64e15).toISOString() });
    expect(await adapter.isRunning(name)).toBe(true);
    expect(engine.describeByName(name)).toMatchObject({ status: 'RUNNING', state: 'AwaitOfferDecision', waiting: { state: 'AwaitOfferDecision' } });

    // The API decided: it completes the stored token.
    await expect(adapter.report(offerWait.token, { reason: 'changed' })).resolves.toBe('delivered');
    expect(await checkpoints.next()).toEqual({ requestId: '2026-0001', execution: name });
    expect(await orders.next()).toEqual({ requestId: '2026-0001', execution: name });
    expect(await checkpoints.next()).toEqual({ requestId: '2026-0001', execution: name });
    const paymentWait = await awaits.next();
    expect(paymentWait).toMatchObject({ stage: 'payment', timeoutSeconds: 2 * 24 * 3600 });
    expect(paymentWait.token).not.toBe(offerWait.token);

    // Not yet: a day passes, the payment wait stays.
    expect((await advance(24 * 3600)).woken).toEqual([]);
    expect(engine.describeByName(name).waiting?.state).toBe('AwaitPayment');
    // Past its timeout: it wakes and goes back to Checkpoint, which ends the loop.
    expect((await advance(24 * 3600 + 1)).woken).toEqual([`${name} AwaitPayment`]);
    expect(await checkpoints.next()).toEqual({ requestId: '2026-0001', execution: name });
    const ended = await engine.ended(name);
    expect(ended).toMatchObject({ status: 'SUCCEEDED' });
    expect(JSON.parse(ended.output!)).toEqual({ Payload: { requestId: '2026-0001', next: 'completed', timeoutSeconds: 60, wakeAt: new Date(8.64e15).toISOString() } });

    // As in AWS: a used or woken token is TaskTimedOut, an unknown one InvalidToken; the adapter calls each stale.
    expect(await refusalType(raw('SendTaskSuccess', { taskToken: offerWait.token, output: '{"reason":"changed"}' }))).toBe('TaskTimedOut');
    expect(await refusalType(raw('SendTaskSuccess', { taskToken: paymentWait.token, output: '{"reason":"changed"}' }))).toBe('TaskTimedOut');
    expect(await refusalType(raw('SendTaskSuccess', { taskToken: 'not-a-token', output: '{}' }))).toBe('InvalidToken');
    await expect(adapter.report(offerWait.token, { reason: 'changed' })).resolves.toBe('stale');
    expect(await adapter.isRunning(name)).toBe(false);
    expect(await adapter.isRunning('never-started')).toBe(false);
    expect(awaits.pending + orders.pending + checkpoints.pending).toBe(0);
  });

  it('goes back to Checkpoint when its own TimeoutSecondsPath passes in real time (States.Timeout caught), and the dead token is TaskTimedOut', async () => {
    const { runFunction, checkpoints, awaits } = stubs([{ next: 'await_payment', timeoutSeconds: 1 }, { next: 'expired' }]);
    const { engine, adapter, raw } = await localWorkflow(runFunction);
    await adapter.start('timeout-1', { requestId: '2026-0002' });
    await checkpoints.next();
    const wait = await awaits.next();
    await checkpoints.next(3000);
    expect((await engine.ended('timeout-1')).status).toBe('SUCCEEDED');
    expect(await refusalType(raw('SendTaskSuccess', { taskToken: wait.token, output: '{}' }))).toBe('TaskTimedOut');
  });

  it('lets a waiting task complete its own token while it starts (the stage moved meanwhile)', async () => {
    let adapter!: ReturnType<typeof stepFunctionsEngine>;
    const { runFunction, checkpoints } = stubs([{ next: 'await_offer_decision', timeoutSeconds: 3600 }, { next: 'clarifying' }], {
      awaitCompletesItself: async (payload) => {
        expect(await adapter.report(payload.token, { reason: 'stale' })).toBe('delivered');
      },
    });
    const local = await localWorkflow(runFunction);
    adapter = local.adapter;
    await adapter.start('self-1', { requestId: '2026-0003' });
    await checkpoints.next();
    await checkpoints.next();
    expect((await local.engine.ended('self-1')).status).toBe('SUCCEEDED');
  });

  it('stops an execution: ABORTED, its waiting token TaskDoesNotExist', async () => {
    const { runFunction, awaits } = stubs([{ next: 'await_offer_decision', timeoutSeconds: 3600 }]);
    const { engine, adapter, raw } = await localWorkflow(runFunction);
    await adapter.start('stop-1', { requestId: '2026-0004' });
    const wait = await awaits.next();
    const executionArn = engine.describeByName('stop-1').executionArn;
    await raw('StopExecution', { executionArn, error: 'Superseded', cause: 'a newer execution took over' });
    expect(await raw('DescribeExecution', { executionArn })).toMatchObject({ status: 'ABORTED', error: 'Superseded', name: 'stop-1' });
    expect(await refusalType(raw('SendTaskSuccess', { taskToken: wait.token, output: '{}' }))).toBe('TaskDoesNotExist');
  });

  it('records a failed execution with its error and cause, and says so', async () => {
    const { runFunction } = stubs([], { checkpointFails: true });
    const { engine, adapter, logs } = await localWorkflow(runFunction);
    await adapter.start('fail-1', { requestId: '2026-0005' });
    const ended = await engine.ended('fail-1');
    expect(ended).toMatchObject({ status: 'FAILED', error: 'ResourceNotFoundException' });
    expect(JSON.parse(ended.cause!)).toMatchObject({ errorType: 'ResourceNotFoundException', errorMessage: 'the table is gone' });
    expect(logs.join('\n')).toMatch(/workflow fail-1 FAILED in Checkpoint: ResourceNotFoundException/);
  });

  it('starts an execution once per name: the same input while it runs is the same execution, anything else ExecutionAlreadyExists', async () => {
    const { runFunction, awaits } = stubs([{ next: 'await_payment', timeoutSeconds: 3600 }]);
    const { engine, adapter, raw } = await localWorkflow(runFunction);
    const stateMachineArn = engine.stateMachineArn;
    const first = await raw('StartExecution', { stateMachineArn, name: 'once-1', input: '{"requestId":"2026-0006"}' });
    await awaits.next();
    expect(await raw('StartExecution', { stateMachineArn, name: 'once-1', input: '{ "requestId": "2026-0006" }' })).toEqual(first);
    expect(await refusalType(raw('StartExecution', { stateMachineArn, name: 'once-1', input: '{"requestId":"2026-0007"}' }))).toBe('ExecutionAlreadyExists');
    expect(await refusalType(adapter.start('once-1', { requestId: '2026-0007' }))).toBe('ExecutionAlreadyExists');
    await expect(adapter.start('once-1', { requestId: '2026-0006' })).resolves.toBeUndefined();
    expect(await refusalType(raw('StartExecution', { stateMachineArn, name: 'bad name', input: '{}' }))).toBe('InvalidName');
    expect(await refusalType(raw('StartExecution', { stateMachineArn: `${stateMachineArn}-other`, name: 'x', input: '{}' }))).toBe('StateMachineDoesNotExist');
  });

  it('shuts down with executions waiting: every one aborted, no task left pending', async () => {
    const { runFunction, awaits } = stubs([{ next: 'await_payment', timeoutSeconds: 7 * 24 * 3600 }]);
    const { engine, clock, adapter } = await localWorkflow(runFunction);
    await adapter.start('down-1', { requestId: '2026-0008' });
    await awaits.next();
    expect(clock.waiting).toBe(1);
    await engine.shutdown();
    expect(engine.describeByName('down-1').status).toBe('ABORTED');
    expect(clock.waiting).toBe(0);
  });
});
