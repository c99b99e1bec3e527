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
