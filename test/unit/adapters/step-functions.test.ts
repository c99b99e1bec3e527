import { describe, expect, it } from 'vitest';
import { AwsApiError } from '../../../lib/adapters/aws/signed-json.js';
import { executionArnOf, sfnFromEnvironment, stepFunctionsEngine, type SfnTarget } from '../../../lib/adapters/sfn/step-functions.js';

const stateMachineArn = 'arn:aws:states:eu-central-1:123456789012:stateMachine:orderdesk-dev-workflow';

interface Sent {
  url: string;
  target: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

/** Step Functions as fetch sees it: each operation answered by `answers[operation]` (in turn, if a list). */
const sfn = (answers: Record<string, Answer | Answer[]>) => {
  const sent: Sent[] = [];
  const fetch = (async (url: URL, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    const target = headers['x-amz-target']!;
    sent.push({ url: String(url), target, headers, body: JSON.parse(String(init.body)) as Record<string, unknown> });
    const operation = target.replace('AWSStepFunctions.', '');
    const configured = answers[operation];
    const answer = Array.isArray(configured) ? configured.shift() : configured;
    if (!answer) throw new Error(`no answer for ${operation}`);
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/x-amz-json-1.0', ...answer.headers } });
  }) as typeof globalThis.fetch;
  const target: SfnTarget = {
    region: 'eu-central-1',
    endpoint: 'https://states.eu-central-1.amazonaws.com',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' },
    stateMachineArn,
    fetch,
  };
  return { engine: stepFunctionsEngine(() => target), sent };
};

const refusal = (type: string, status = 400): Answer => ({ status, body: { __type: `com.amazonaws.swf.service.v2.model#${type}`, message: `${type} happened` } });

describe('the Step Functions workflow engine', () => {
  it('starts an execution with AWS JSON 1.0, signed for states, the input as a JSON string', async () => {
    const { engine, sent } = sfn({ StartExecution: { status: 200, body: { executionArn: 'x', startDate: 1 } } });
    await engine.start('2026-0001-abc', { requestId: '2026-0001' });
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request!.url).toBe('https://states.eu-central-1.amazonaws.com/');
    expect(request!.target).toBe('AWSStepFunctions.StartExecution');
    expect(request!.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(request!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/eu-central-1\/states\/aws4_request, /);
    expect(request!.body).toEqual({ stateMachineArn, name: '2026-0001-abc', input: '{"requestId":"2026-0001"}' });
  });

  it('takes ExecutionAlreadyExists as success when that execution has the same input, and refuses another input', async () => {
    const same = sfn({
      StartExecution: refusal('ExecutionAlreadyExists'),
      DescribeExecution: { status: 200, body: { status: 'SUCCEEDED', input: '{ "requestId": "2026-0001" }' } },
    });
    await expect(same.engine.start('e-1', { requestId: '2026-0001' })).resolves.toBeUndefined();
    expect(same.sent.map((request) => request.target)).toEqual(['AWSStepFunctions.StartExecution', 'AWSStepFunctions.DescribeExecution']);
    expect(same.sent[1]!.body).toEqual({ executionArn: 'arn:aws:states:eu-central-1:123456789012:execution:orderdesk-dev-workflow:e-1' });

    const other = sfn({ StartExecution: refusal('ExecutionAlreadyExists'), DescribeExecution: { status: 200, body: { status: 'RUNNING', input: '{"requestId":"2026-0002"}' } } });
    await expect(other.engine.start('e-1', { requestId: '2026-0001' })).rejects.toMatchObject({ errorType: 'ExecutionAlreadyExists' });
  });

  it('passes other refusals of a start on', async () => {
    const { engine } = sfn({ StartExecution: refusal('StateMachineDoesNotExist') });
    await expect(engine.start('e-1', { requestId: '2026-0001' })).rejects.toBeInstanceOf(AwsApiError);
  });

  it('reports a signal with SendTaskSuccess: delivered, or stale when the token no longer waits', async () => {
    const { engine, sent } = sfn({
      SendTaskSuccess: [{ status: 200, body: {} }, refusal('TaskTimedOut'), refusal('InvalidToken'), refusal('TaskDoesNotExist'), refusal('ThrottlingException')],
    });
    await expect(engine.report('token-1', { reason: 'changed' })).resolves.toBe('delivered');
    expect(sent[0]!.body).toEqual({ taskToken: 'token-1', output: '{"reason":"changed"}' });
    expect(sent[0]!.target).toBe('AWSStepFunctions.SendTaskSuccess');
    await expect(engine.report('token-2', { reason: 'changed' })).resolves.toBe('stale');
    await expect(engine.report('token-3', { reason: 'changed' })).resolves.toBe('stale');
    await expect(engine.report('token-4', { reason: 'changed' })).resolves.toBe('stale');
    await expect(engine.report('token-5', { reason: 'changed' })).rejects.toMatchObject({ errorType: 'ThrottlingException' });
  });

  it('says an execution runs only while DescribeExecution says RUNNING; a missing one does not', async () => {
    const { engine } = sfn({
      DescribeExecution: [
        { status: 200, body: { status: 'RUNNING', input: '{}' } },
        { status: 200, body: { status: 'FAILED', input: '{}' } },
        refusal('ExecutionDoesNotExist'),
        refusal('AccessDeniedException'),
      ],
    });
    await expect(engine.isRunning('e-1')).resolves.toBe(true);
    await expect(engine.isRunning('e-1')).resolves.toBe(false);
    await expect(engine.isRunning('e-1')).resolves.toBe(false);
    await expect(engine.isRunning('e-1')).rejects.toMatchObject({ errorType: 'AccessDeniedException' });
  });

  it('reads the error type from x-amzn-errortype as well', async () => {
    const { engine } = sfn({ SendTaskSuccess: { status: 400, body: { message: 'gone' }, headers: { 'x-amzn-errortype': 'TaskDoesNotExist' } } });
    await expect(engine.report('t', { reason: 'wake' })).resolves.toBe('stale');
  });

  it('builds execution ARNs from the state machine ARN, in any partition', () => {
    expect(executionArnOf('arn:aws-cn:states:cn-north-1:1:stateMachine:wf', 'x')).toBe('arn:aws-cn:states:cn-north-1:1:execution:wf:x');
    expect(() => executionArnOf('arn:aws:lambda:eu-central-1:1:function:wf', 'x')).toThrow(/Not a state machine ARN/);
  });

  it('finds Step Functions at AWS_ENDPOINT_URL_SFN or the region, the workflow at WORKFLOW_ARN', () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, { AWS_REGION: 'eu-central-1', AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 's', WORKFLOW_ARN: stateMachineArn });
      delete process.env.AWS_ENDPOINT_URL_SFN;
      expect(sfnFromEnvironment()).toMatchObject({ endpoint: 'https://states.eu-central-1.amazonaws.com', stateMachineArn, region: 'eu-central-1' });
      process.env.AWS_ENDPOINT_URL_SFN = 'http://127.0.0.1:3002';
      expect(sfnFromEnvironment().endpoint).toBe('http://127.0.0.1:3002');
    } finally {
      process.env = saved;
    }
  });
});
