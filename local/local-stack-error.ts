/** A problem the person running `npm start` can fix; printed as one line, exit code 1. */
export class LocalStackError extends Error {
  override readonly name = 'LocalStackError';
}
