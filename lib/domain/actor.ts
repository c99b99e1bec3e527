import * as z from 'zod';
import { actingRole, type AccessLevel } from './access.js';
import type { Role } from './roles.js';
import type { TimelineEntry } from './timeline-entry.js';
import type { User } from './user.js';

/**
 * The parts of orderdesk that act on requests by themselves: the Step Functions workflow, timers,
 * the payment provider's webhook, inbound mail, the notifier and the malware scanner (its verdicts
 * on files). Each is its own actor, so the lifecycle table says which of them may take which step
 * (the notifier and the scanner take none).
 */
export const SystemActorName = z.enum(['workflow', 'timer', 'payment-webhook', 'inbound-mail', 'notifier', 'scanner']);
export type SystemActorName = z.infer<typeof SystemActorName>;

/** Who acts on a request: a person with the access they have to it, or a part of the system. */
export type Actor =
  | { kind: 'person'; user: User; level: Exclude<AccessLevel, 'none'> }
  | { kind: 'system'; name: SystemActorName };

/** What the lifecycle table names in `by`: a person's role on the request, or a system actor. */
export type Party = Role | SystemActorName;

export const person = (user: User, level: Exclude<AccessLevel, 'none'>): Actor => ({ kind: 'person', user, level });
export const system = (name: SystemActorName): Actor => ({ kind: 'system', name });

export const partyOf = (actor: Actor): Party => (actor.kind === 'person' ? actingRole(actor.level, actor.user) : actor.name);

const systemNames: Record<SystemActorName, string> = {
  workflow: 'orderdesk workflow',
  timer: 'orderdesk timer',
  'payment-webhook': 'Payment provider',
  'inbound-mail': 'orderdesk mail',
  notifier: 'orderdesk notifier',
  scanner: 'orderdesk malware scan',
};

/** How a timeline entry records who acted. */
export const actorStamp = (actor: Actor): Pick<TimelineEntry, 'actorType' | 'actorId' | 'actorName' | 'actorRole'> =>
  actor.kind === 'person'
    ? { actorType: 'person', actorId: actor.user.userId, actorName: actor.user.name, actorRole: partyOf(actor) }
    : { actorType: 'system', actorId: actor.name, actorName: systemNames[actor.name], actorRole: 'system' };
