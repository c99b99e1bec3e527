/** The API's CORS policy as data: the CDK HTTP API and the local server apply the same one. */
export const apiCors = {
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
  allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
  /** The call's id (API Gateway's request id): what the access log and the handlers' logs name it by. */
  exposeHeaders: ['apigw-requestid'],
  maxAgeSeconds: 600,
} as const;
