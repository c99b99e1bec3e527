import { randomBytes } from 'node:crypto';

/** A token names its execution: `base64url({ e, n })`, opaque to its holder as in AWS. */
export const mintToken = (execution: string) => Buffer.from(JSON.stringify({ e: execution, n: randomBytes(12).toString('base64url') })).toString('base64url');

export const executionOfToken = (token: string): string | undefined => {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { e?: unknown };
    return typeof decoded.e === 'string' ? decoded.e : undefined;
  } catch {
    return undefined;
  }
};
