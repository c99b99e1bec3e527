/** Limits shared by the deployed functions and the local server, so both behave alike. */
export const functionTimeoutSeconds = 10;
/** The longest a route may take: API Gateway HTTP API answers 503 after 30 s, whatever the function does. */
export const routeTimeoutLimitSeconds = 29;
/** API Gateway HTTP API refuses larger request payloads. */
export const apiPayloadLimitBytes = 10 * 1024 * 1024;
/**
 * The largest mail the inbound-mail function reads (raw MIME as SES stored it, headers and
 * base64-encoded attachments included). SES stores up to 40 MB; past this the mail is refused
 * without being read whole (only its head, for the sender and the verdicts). 25 MB of MIME holds
 * about 18 MB of attachments, and parses well within the functions' memory and timeout.
 */
export const maxInboundMailBytes = 25 * 1024 * 1024;
