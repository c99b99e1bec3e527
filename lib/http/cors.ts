/** The API's CORS policy as data: the CDK HTTP API and the local server apply the same one. */
export const apiCors = {
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
  allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
  maxAgeSeconds: 600,
} as const;
