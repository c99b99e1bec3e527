import { inspect } from 'node:util';

/**
 * A problem the person running `npm start` can fix; printed as one line, exit code 1. Below the
 * line come its details (such as a service's last log lines), if any, and its causes.
 */
export class LocalStackError extends Error {
  override readonly name = 'LocalStackError';
  readonly details: string | undefined;
  constructor(message: string, options: ErrorOptions & { details?: string } = {}) {
    super(message, options);
    this.details = options.details;
  }
}

const causesOf = (error: Error): string[] => {
  const lines: string[] = [];
  for (let cause = error.cause, depth = 0; cause !== undefined && depth < 5; depth++) {
    lines.push(`  cause: ${cause instanceof Error ? `${cause.name}: ${cause.message}` : inspect(cause)}`);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return lines;
};

/** What `npm start` prints on stderr when the stack cannot start: never the bare line without its cause. */
export const startFailureText = (error: unknown): string => {
  if (!(error instanceof LocalStackError)) return `orderdesk: the local stack failed to start: ${inspect(error)}`;
  const details = error.details ? error.details.split('\n').map((line) => `  | ${line}`) : [];
  return [`orderdesk: ${error.message}`, ...details, ...causesOf(error)].join('\n');
};
