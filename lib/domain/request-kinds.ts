/**
 * The request's statuses in lifecycle order (docs/domain.md, "The request lifecycle") and its types
 * (seed: inquiry, malfunction/complaint, pre-authorised work), as plain lists: request.ts makes its
 * zod enums of them, and the portal's filters list them without loading zod.
 */
export const requestStatuses = [
  'submitted',
  'clarifying',
  'quoted',
  'offer_expired',
  'awaiting_payment',
  'queued',
  'in_progress',
  'in_review',
  'changes_requested',
  'accepted',
  'answered',
  'closed',
  'cancelled',
] as const;

export const requestTypes = ['inquiry', 'defect', 'authorized'] as const;
