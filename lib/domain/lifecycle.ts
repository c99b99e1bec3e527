import * as z from 'zod';
import type { Party } from './actor.js';
import type { RequestStatus, RequestType } from './request.js';

export const Action = z.enum([
  'clarify',
  'post_offer',
  'reject_offer',
  'expire_offer',
  'accept_offer',
  'accept_free_offer',
  'mark_paid',
  'start_work',
  'fix',
  'explain',
  'reopen',
  'close',
  'hand_over',
  'accept_delivery',
  'request_changes',
  'deem_accepted',
  'cancel',
]);
export type Action = z.infer<typeof Action>;

interface Transition {
  from: readonly RequestStatus[];
  to: RequestStatus;
  by: readonly Party[];
  /** Only these request types; all when absent. */
  types?: readonly RequestType[];
}

const client = ['client_admin', 'client_member'] as const;
const agency = ['agent', 'admin'] as const;
/** What happens because time passed: the workflow's waits or a scheduled timer. */
const clock = ['workflow', 'timer'] as const;

/**
 * The request lifecycle (docs/domain.md, "The request lifecycle") as a table: the one state machine of orderdesk. Every write that
 * changes a status asks `decide` first and is then conditional on the status and version it read.
 * Participants see and comment; they trigger no transition.
 */
export const transitions: Record<Action, Transition> = {
  clarify: { from: ['submitted'], to: 'clarifying', by: agency },
  post_offer: { from: ['submitted', 'clarifying', 'quoted', 'offer_expired'], to: 'quoted', by: agency },
  reject_offer: { from: ['quoted'], to: 'clarifying', by: client },
  expire_offer: { from: ['quoted'], to: 'offer_expired', by: clock },
  accept_offer: { from: ['quoted'], to: 'awaiting_payment', by: client },
  // A zero-price offer (defects, authorised work) skips payment.
  accept_free_offer: { from: ['quoted'], to: 'queued', by: client },
  mark_paid: { from: ['awaiting_payment'], to: 'queued', by: [...agency, 'payment-webhook'] },
  start_work: { from: ['queued', 'changes_requested'], to: 'in_progress', by: agency },
  fix: { from: ['submitted', 'clarifying'], to: 'in_progress', by: agency, types: ['defect', 'authorized'] },
  explain: { from: ['submitted', 'clarifying'], to: 'answered', by: agency },
  reopen: { from: ['answered'], to: 'clarifying', by: client },
  close: { from: ['answered'], to: 'closed', by: [...client, ...agency, ...clock] },
  hand_over: { from: ['in_progress'], to: 'in_review', by: agency },
  accept_delivery: { from: ['in_review'], to: 'accepted', by: client },
  request_changes: { from: ['in_review'], to: 'changes_requested', by: client },
  deem_accepted: { from: ['in_review'], to: 'accepted', by: clock },
  // Only while nothing is binding: once an offer is accepted, the order stands.
  cancel: { from: ['submitted', 'clarifying', 'quoted', 'offer_expired'], to: 'cancelled', by: [...client, ...agency] },
};

export const actions = Action.options;

export const terminalStatuses: ReadonlySet<RequestStatus> = new Set(['accepted', 'closed', 'cancelled']);

/** Active requests are the ones a client ranks in its queue: everything not finished. */
export const isActive = (status: RequestStatus): boolean => !terminalStatuses.has(status);

export type Decision =
  | { allowed: true; to: RequestStatus }
  | { allowed: false; reason: 'actor' | 'type' | 'status'; allowedFrom: readonly RequestStatus[] };

/** May `party` take `action` on a request of `type` in `status`, and where does it lead? */
export const decide = (status: RequestStatus, type: RequestType, action: Action, party: Party): Decision => {
  const transition = transitions[action];
  if (!transition.by.includes(party)) return { allowed: false, reason: 'actor', allowedFrom: transition.from };
  if (transition.types && !transition.types.includes(type)) return { allowed: false, reason: 'type', allowedFrom: transition.from };
  if (!transition.from.includes(status)) return { allowed: false, reason: 'status', allowedFrom: transition.from };
  return { allowed: true, to: transition.to };
};

/** `accept_offer` → `accept offer`: lifecycle names in messages people read. */
export const words = (name: string): string => name.replace(/_/g, ' ');
