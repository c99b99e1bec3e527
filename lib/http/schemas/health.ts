import * as z from 'zod';

export const HealthResponse = z.object({
  status: z.literal('ok'),
  service: z.literal('orderdesk'),
  stage: z.string(),
  time: z.iso.datetime(),
});
