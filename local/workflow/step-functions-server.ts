import http from 'node:http';
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { listen, readLimited } from '../http-server.js';
import type { BusinessClock } from './clock.js';
import { EngineError, type ExecutionView, type LocalWorkflowEngine } from './engine.js';

/** Step Functions' own limit on an execution's input and a task's output is 256 KiB; room for the envelope. */
const maxBodyBytes = 1024 * 1024;
const jsonType = 'application/x-amz-json-1.0';

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

/** An error as AWS's JSON 1.0 protocol words it: the type in `__type` and in `x-amzn-errortype`. */
const refusal = (type: string, message: string, status = 400): Answer => ({ status, headers: { 'x-amzn-errortype': type }, body: { __type: type, message } });

/** AWS JSON dates are epoch seconds. */
const seconds = (date: Date | undefined) => (date ? date.getTime() / 1000 : undefined);

const described = (execution: ExecutionView) => ({
  executionArn: execution.executionArn,
  stateMachineArn: execution.stateMachineArn,
  name: execution.name,
  status: execution.status,
  startDate: seconds(execution.startDate),
  ...(execution.stopDate ? { stopDate: seconds(execution.stopDate) } : {}),
  input: execution.input,
  inputDetails: { included: true },
  ...(execution.output !== undefined ? { output: execution.output, outputDetails: { included: true } } : {}),
  ...(execution.error !== undefined ? { error: execution.error } : {}),
  ...(execution.cause !== undefined ? { cause: execution.cause } : {}),
});

const operations = {
  StartExecution: z.object({ stateMachineArn: z.string().min(1), name: z.string().optional(), input: z.string().optional() }),
  SendTaskSuccess: z.object({ taskToken: z.string().min(1), output: z.string() }),
  SendTaskFailure: z.object({ taskToken: z.string().min(1), error: z.string().optional(), cause: z.string().optional() }),
  DescribeExecution: z.object({ executionArn: z.string().min(1) }),
  StopExecution: z.object({ executionArn: z.string().min(1), error: z.string().optional(), cause: z.string().optional() }),
};
type Operation = keyof typeof operations;

/**
 * The local workflow engine behind Step Functions' API (AWS JSON 1.0: `POST /` with
 * `X-Amz-Target: AWSStepFunctions.<Operation>`), so the Step Functions adapter, the AWS CLI
 * (`--endpoint-url`) or the SDK talk to it unchanged: StartExecution, SendTaskSuccess,
 * SendTaskFailure, DescribeExecution, StopExecution. Local only: `GET /_clock`,
 * `POST /_clock/advance {"seconds":n}` (moves business time, waking the waits it reaches) and
 * `GET /_executions`.
 */
export const startStepFunctionsServer = async (options: { host: string; port: number; engine: LocalWorkflowEngine; clock: BusinessClock; log: (line: string) => void }) => {
  const { engine, clock } = options;

  const operate = (operation: Operation, body: unknown): Answer => {
    const parsed = operations[operation].safeParse(body);
    if (!parsed.success) return refusal('ValidationException', `${operation}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    const request = parsed.data;
    switch (operation) {
      case 'StartExecution': {
        const { stateMachineArn, name, input } = request as z.infer<(typeof operations)['StartExecution']>;
        if (stateMachineArn !== engine.stateMachineArn) return refusal('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}' (the local one is ${engine.stateMachineArn})`);
        const execution = engine.start(name ?? randomUUID(), input ?? '{}');
        return { status: 200, body: { executionArn: execution.executionArn, startDate: seconds(execution.startDate) } };
      }
      case 'SendTaskSuccess': {
        const { taskToken, output } = request as z.infer<(typeof operations)['SendTaskSuccess']>;
        engine.sendTaskSuccess(taskToken, output);
        return { status: 200, body: {} };
      }
      case 'SendTaskFailure': {
        const { taskToken, error, cause } = request as z.infer<(typeof operations)['SendTaskFailure']>;
        engine.sendTaskFailure(taskToken, error, cause);
        return { status: 200, body: {} };
      }
      case 'DescribeExecution':
        return { status: 200, body: described(engine.describe((request as z.infer<(typeof operations)['DescribeExecution']>).executionArn)) };
      case 'StopExecution': {
        const { executionArn, error, cause } = request as z.infer<(typeof operations)['StopExecution']>;
        return { status: 200, body: { stopDate: seconds(engine.stop(executionArn, error, cause).stopDate) } };
      }
    }
  };

  const control = async (request: http.IncomingMessage, path: string): Promise<Answer | undefined> => {
    if (request.method === 'GET' && path === '/_clock') return { status: 200, body: { now: clock.now().toISOString(), scale: clock.scale } };
    if (request.method === 'GET' && path === '/_executions') return { status: 200, body: { executions: engine.list() } };
    if (request.method === 'POST' && path === '/_clock/advance') {
      const raw = await readLimited(request, maxBodyBytes);
      let body: unknown;
      try {
        body = JSON.parse(raw?.toString('utf8') || '{}');
      } catch {
        return refusal('ValidationException', 'the body is not JSON: send {"seconds": n}');
      }
      const parsed = z.object({ seconds: z.number().finite().nonnegative() }).safeParse(body);
      if (!parsed.success) return refusal('ValidationException', 'send {"seconds": n}, n ≥ 0');
      const { now, fired } = clock.advanceReport(parsed.data.seconds);
      options.log(`clock advanced ${parsed.data.seconds} s to ${now.toISOString()}${fired.length ? `, woke ${fired.join(', ')}` : ''}`);
      return { status: 200, body: { now: now.toISOString(), woken: fired } };
    }
    return undefined;
  };

  const answer = async (request: http.IncomingMessage): Promise<Answer> => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const local = await control(request, path);
    if (local) return local;
    const target = request.headers['x-amz-target'];
    const operation = typeof target === 'string' && target.startsWith('AWSStepFunctions.') ? target.slice('AWSStepFunctions.'.length) : undefined;
    if (request.method !== 'POST' || path !== '/' || !operation) {
      return refusal('UnknownOperationException', 'Step Functions (AWS JSON 1.0: POST / with X-Amz-Target: AWSStepFunctions.<Operation>), or GET /_clock, POST /_clock/advance, GET /_executions', 404);
    }
    if (!(operation in operations)) return refusal('UnknownOperationException', `The local engine does not serve ${operation} (it serves ${Object.keys(operations).join(', ')})`);
    const raw = await readLimited(request, maxBodyBytes);
    if (!raw) return refusal('ValidationException', `Request must be smaller than ${maxBodyBytes} bytes`, 413);
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8') || '{}');
    } catch {
      return refusal('SerializationException', 'the body is not JSON');
    }
    try {
      return operate(operation as Operation, body);
    } catch (error) {
      if (error instanceof EngineError) return refusal(error.type, error.message, error.status);
      throw error;
    }
  };

  const server = http.createServer((request, response) => {
    void answer(request)
      .catch((error: unknown) => refusal('InternalFailure', error instanceof Error ? error.message : String(error), 500))
      .then((result) => {
        response.writeHead(result.status, { 'content-type': jsonType, ...result.headers });
        response.end(JSON.stringify(result.body));
      });
  });
  return listen(server, options.host, options.port);
};
