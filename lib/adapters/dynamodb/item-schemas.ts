import * as z from 'zod';

/** The idempotency record as stored (the stored entities' schemas live with the ports). */
export const IdempotencyItem = z.object({ fingerprint: z.string(), answer: z.string(), expiresAt: z.number() });
