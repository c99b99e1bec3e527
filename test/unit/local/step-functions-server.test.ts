import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePorts } from '../../../local/ports.js';
import { buildLocalDefinition } from '../../../local/workflow/asl.js';
import { createBusinessClock } from '../../../local/workflow/clock.js';
import { createLocalWorkflowEngine } from '../../../local/workflow/engine.js';
import { startStepFunctionsServer } from '../../../local/workflow/step-functions-server.js';

const clock = createBusinessClock({ scale: 1 });
let url: string;
let stateMachineArn: string;
let stop: () => Promise<void>;
let shutdown: () => Promise<void>;

beforeAll(async () => {
  const definition = await buildLocalDefinition();
  // Checkpoint ends every execution at once; no other function is reached.
  const engine = createLocalWorkflowEngine({
    definition,
    clock,
    runFunction: async (_name, event) => ({ timedOut: false, result: { requestId: (event as { requestId: string }).requestId, next: 'gone', timeoutSeconds: 60 } }),
    log: () => undefined,
  });
  const [port] = await freePorts(1);
  const server = await startStepFunctionsServer({ host: '127.0.0.1', port: port!, engine, clock, log: () => undefined });
  ({ url, stop } = server);
  stateMachineArn = engine.stateMachineArn;
  shutdown = engine.shutdown;
}, 30_000);
afterAll(async () => {
  await shutdown();
  clock.stop();
  await stop();
});

const call = async (target: string | undefined, body: string, path = '/') => {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.0', ...(target ? { 'x-amz-target': target } : {}) },
    body,
  });
  return { status: response.status, type: response.headers.get('x-amzn-errortype'), contentType: response.headers.get('content-type'), body: (await response.json()) as Record<string, unknown> };
};

describe('the local Step Functions server', () => {
  it('answers AWS JSON 1.0: StartExecution then DescribeExecution, dates in epoch seconds', async () => {
    const started = await call('AWSStepFunctions.StartExecution', JSON.stringify({ stateMachineArn, name: 'p-1', input: '{"requestId":"2026-0001"}' }));
    expect(started).toMatchObject({ status: 200, contentType: 'application/x-amz-json-1.0', body: { executionArn: expect.stringMatching(/:execution:orderdesk-local-workflow:p-1$/), startDate: expect.any(Number) } });
    expect(Math.abs((started.body.startDate as number) - Date.now() / 1000)).toBeLessThan(60);
    let described: Awaited<ReturnType<typeof call>>;
    do described = await call('AWSStepFunctions.DescribeExecution', JSON.stringify({ executionArn: started.body.executionArn }));
    while (described.body.status === 'RUNNING');
    expect(described.body).toMatchObject({ name: 'p-1', status: 'SUCCEEDED', stateMachineArn, input: '{"requestId":"2026-0001"}', stopDate: expect.any(Number) });
  });

  it('answers a start without a name with a generated one, and input {} by default', async () => {
    const started = await call('AWSStepFunctions.StartExecution', JSON.stringify({ stateMachineArn }));
    expect(started.status).toBe(200);
  });

  it('words refusals as AWS does: __type in the body and x-amzn-errortype, status 400', async () => {
    const missing = await call('AWSStepFunctions.DescribeExecution', JSON.stringify({ executionArn: `${stateMachineArn.replace(':stateMachine:', ':execution:')}:nobody` }));
    expect(missing).toMatchObject({ status: 400, type: 'ExecutionDoesNotExist', body: { __type: 'ExecutionDoesNotExist', message: expect.stringContaining('nobody') } });
    expect(await call('AWSStepFunctions.SendTaskSuccess', JSON.stringify({ taskToken: 'x', output: '{}' }))).toMatchObject({ status: 400, type: 'InvalidToken' });
    expect(await call('AWSStepFunctions.SendTaskFailure', JSON.stringify({ taskToken: 'x' }))).toMatchObject({ status: 400, type: 'InvalidToken' });
    expect(await call('AWSStepFunctions.SendTaskSuccess', JSON.stringify({ output: '{}' }))).toMatchObject({ status: 400, type: 'ValidationException' });
    expect(await call('AWSStepFunctions.StartExecution', '{not json')).toMatchObject({ status: 400, type: 'SerializationException' });
    expect(await call('AWSStepFunctions.StartExecution', JSON.stringify({ stateMachineArn, name: 'p-2', input: 'not json' }))).toMatchObject({ status: 400, type: 'InvalidExecutionInput' });
    expect(await call('AWSStepFunctions.ListExecutions', '{}')).toMatchObject({ status: 400, type: 'UnknownOperationException' });
    expect(await call(undefined, '{}')).toMatchObject({ status: 404, type: 'UnknownOperationException' });
  });

  it('serves the business clock: GET /_clock, POST /_clock/advance, and the executions at GET /_executions', async () => {
    const before = (await (await fetch(`${url}/_clock`)).json()) as { now: string; scale: number };
    expect(before.scale).toBe(1);
    const advanced = await call(undefined, JSON.stringify({ seconds: 86_400 }), '/_clock/advance');
    expect(advanced.status).toBe(200);
    expect(new Date(advanced.body.now as string).getTime() - new Date(before.now).getTime()).toBeGreaterThanOrEqual(86_400_000);
    expect(advanced.body.woken).toEqual([]);
    expect(await call(undefined, JSON.stringify({ seconds: -1 }), '/_clock/advance')).toMatchObject({ status: 400, type: 'ValidationException' });
    expect(await call(undefined, 'x', '/_clock/advance')).toMatchObject({ status: 400 });
    const listed = (await (await fetch(`${url}/_executions`)).json()) as { executions: { name: string; status: string }[] };
    expect(listed.executions.map((execution) => execution.name)).toContain('p-1');
  });
});
