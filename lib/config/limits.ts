/** Limits shared by the deployed functions and the local server, so both behave alike. */
export const functionTimeoutSeconds = 10;
/** API Gateway HTTP API refuses larger request payloads. */
export const apiPayloadLimitBytes = 10 * 1024 * 1024;
