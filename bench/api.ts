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

export const logInCaller = async (info: LocalStackInfo, email: string, password: string): Promise<ApiCaller> => {
  const token = () => logIn(info.cognitoUrl, info.userPool.appClientIds.azami, email, password);
  let current = await token();
  return {
    async call(method, path, body, headers = {}) {
      const response = await fetch(`${info.apiUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${current}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, text: await response.text() };
    },
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
