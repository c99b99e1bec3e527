import http from 'node:http';
import { logIn } from '../local/cognito.js';
import type { LocalStackInfo } from '../local/stack.js';

export interface Answer {
  status: number;
  text: string;
}

/** A caller of the local API with a real Cognito ID token, as the portal would hold it. */
export interface ApiCaller {
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** Logs in again, so a long run never meets an expired token. */
  refreshToken(): Promise<void>;
}

/**
 * Keep-alive node:http, as the AWS SDK's own handler uses for the raw calls: both sides of a pair
 * pay the same client cost (fetch adds 0.1–1 ms of its own per call here).
 */
const agent = new http.Agent({ keepAlive: true });

export const logInCaller = async (info: LocalStackInfo, email: string, password: string): Promise<ApiCaller> => {
  const token = () => logIn(info.cognitoUrl, info.userPool.appClientIds.azami, email, password);
  let current = await token();
  return {
    call: (method, path, body, headers = {}) =>
      new Promise<Answer>((resolve, reject) => {
        const payload = body === undefined ? undefined : JSON.stringify(body);
        const request = http.request(`${info.apiUrl}${path}`, {
          method,
          agent,
          headers: { authorization: `Bearer ${current}`, ...(payload === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        });
        request.on('response', (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          response.on('error', reject);
        });
        request.on('error', reject);
        request.end(payload);
      }),
    async refreshToken() {
      current = await token();
    },
  };
};

/** The answer's body, or an error naming the call when the status is not the expected one. */
export const expectStatus = (what: string, answer: Answer, status: number): string => {
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status}: ${answer.text.slice(0, 500)}`);
  return answer.text;
};
