/** A refusal as Step Functions words it: its error type (`TaskTimedOut`, `ExecutionDoesNotExist`…), HTTP status and message. */
export class EngineError extends Error {
  override readonly name = 'EngineError';
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}
