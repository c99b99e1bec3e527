import * as z from 'zod';

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code, e.g. `validation_failed`'),
      message: z.string(),
      details: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
      next: z.string().optional().describe('What to do next: for conflicts and when busy'),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** API Gateway's own answers, given before any function runs (a missing token, its throttle, a body over its limit). */
export const GatewayErrorBody = z
  .object({ message: z.string().describe('API Gateway’s words, e.g. `Unauthorized`, `Too Many Requests`') })
  .meta({ id: 'GatewayError' });
export type GatewayErrorBody = z.infer<typeof GatewayErrorBody>;
