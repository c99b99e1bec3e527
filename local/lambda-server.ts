import http from 'node:http';
import { localFunctions, timeoutError } from './handler-module.js';
import { listen, readLimited } from './http-server.js';

/** Lambda's own limit on a synchronous invocation's payload. */
const maxPayloadBytes = 6 * 1024 * 1024;

const invocationPath = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

/** Lambda's answer to a function that threw: still a 200, the error in the payload and a header. */
const functionError = (error: unknown): Answer => ({
  status: 200,
  headers: { 'x-amz-function-error': 'Unhandled' },
  body: {
    errorType: error instanceof Error ? error.name : 'Error',
    errorMessage: error instanceof Error ? error.message : String(error),
    ...(error instanceof Error && error.stack ? { trace: error.stack.split('\n') } : {}),
  },
});

const serviceError = (status: number, type: string, message: string): Answer => ({ status, headers: { 'x-amzn-errortype': type }, body: { Type: 'User', message } });

/**
 * The functions of the function table behind Lambda's Invoke API (`POST
 * /2015-03-31/functions/<name>/invocations`), so what AWS invokes (the workflow, a stream, a
 * schedule) can be invoked locally the same way: with curl, the AWS CLI (`--endpoint-url`) or the
 * SDK. Each function runs the module that deploys, in this process, with the stack's environment.
 */
export const startLambdaServer = async (options: { host: string; port: number; functions: readonly string[]; log: (line: string) => void }) => {
  const known = new Set(options.functions);
  const runFunction = localFunctions();

  const invoke = async (name: string, payload: Buffer): Promise<Answer> => {
    let event: unknown;
    try {
      event = payload.length ? JSON.parse(payload.toString('utf8')) : {};
    } catch {
      return serviceError(400, 'InvalidRequestContentException', 'Could not parse request body into json');
    }
    try {
      const run = await runFunction(name, event);
      if (!run.timedOut) return { status: 200, body: run.result ?? null };
      return functionError(timeoutError());
    } catch (error) {
      return functionError(error);
    }
  };

  const answer = async (request: http.IncomingMessage): Promise<Answer> => {
    const match = invocationPath.exec(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (request.method !== 'POST' || !match) return serviceError(404, 'UnknownOperationException', 'Only Invoke is served here');
    const name = decodeURIComponent(match[1]!);
    if (!known.has(name)) return serviceError(404, 'ResourceNotFoundException', `Function not found: ${name} (the function table has ${[...known].join(', ')})`);
    const payload = await readLimited(request, maxPayloadBytes);
    if (!payload) return serviceError(413, 'RequestTooLargeException', `Request must be smaller than ${maxPayloadBytes} bytes for the InvokeFunction operation`);
    return invoke(name, payload);
  };

  const server = http.createServer((request, response) => {
    const started = performance.now();
    void answer(request)
      .catch((error: unknown) => serviceError(500, 'ServiceException', error instanceof Error ? error.message : String(error)))
      .then((result) => {
        response.writeHead(result.status, { 'content-type': 'application/json', ...result.headers });
        response.end(JSON.stringify(result.body));
        options.log(`invoke ${request.url} ${result.headers?.['x-amz-function-error'] ? 'failed' : result.status} ${(performance.now() - started).toFixed(0)} ms`);
      });
  });
  return listen(server, options.host, options.port);
};
