import { describe, expect, it } from 'vitest';
import { SystemActorName, type Party } from '../../../lib/domain/actor.js';
import { actions, decide, terminalStatuses, transitions, type Action } from '../../../lib/domain/lifecycle.js';
import { RequestStatus, RequestType } from '../../../lib/domain/request.js';
import { Role } from '../../../lib/domain/roles.js';

/**
 * The request lifecycle (docs/domain.md) written out independently of the implementation's table, one line
 * per allowed move: "from --action--> to: actors [types]". Everything not listed must be refused.
 */
const spec = `
submitted --clarify--> clarifying: agent admin
submitted --post_offer--> quoted: agent admin
clarifying --post_offer--> quoted: agent admin
quoted --post_offer--> quoted: agent admin
offer_expired --post_offer--> quoted: agent admin
quoted --reject_offer--> clarifying: client_admin client_member
quoted --expire_offer--> offer_expired: workflow timer
quoted --accept_offer--> awaiting_payment: client_admin client_member
quoted --accept_free_offer--> queued: client_admin client_member
awaiting_payment --mark_paid--> queued: agent admin payment-webhook
queued --start_work--> in_progress: agent admin
changes_requested --start_work--> in_progress: agent admin
submitted --fix--> in_progress: agent admin [defect authorized]
clarifying --fix--> in_progress: agent admin [defect authorized]
submitted --explain--> answered: agent admin
clarifying --explain--> answered: agent admin
answered --reopen--> clarifying: client_admin client_member
answered --close--> closed: client_admin client_member agent admin workflow timer
in_progress --hand_over--> in_review: agent admin
in_review --accept_delivery--> accepted: client_admin client_member
in_review --request_changes--> changes_requested: client_admin client_member
in_review --deem_accepted--> accepted: workflow timer
submitted --cancel--> cancelled: client_admin client_member agent admin
clarifying --cancel--> cancelled: client_admin client_member agent admin
quoted --cancel--> cancelled: client_admin client_member agent admin
offer_expired --cancel--> cancelled: client_admin client_member agent admin
`;

const allowed = new Map<string, string>();
for (const line of spec.trim().split('\n')) {
  const [, from, action, to, actors, types] = /^(\w+) --(\w+)--> (\w+): ([\w -]+?)(?: \[([\w ]+)\])?$/.exec(line)!;
  for (const actor of actors!.split(' ')) {
    for (const type of types ? types.split(' ') : RequestType.options) allowed.set(`${from}|${action}|${actor}|${type}`, to!);
  }
}

const actors: Party[] = [...Role.options, ...SystemActorName.options];

describe('the request lifecycle', () => {
  it('allows exactly the moves of the design, for every status × action × actor × type', () => {
    let checked = 0;
    for (const status of RequestStatus.options)
      for (const action of actions)
        for (const actor of actors)
          for (const type of RequestType.options) {
            const decision = decide(status, type, action, actor);
            const expected = allowed.get(`${status}|${action}|${actor}|${type}`);
            expect(decision.allowed ? decision.to : undefined, `${status} --${action}--> by ${actor} on ${type}`).toBe(expected);
            checked++;
          }
    expect(checked).toBe(RequestStatus.options.length * actions.length * actors.length * RequestType.options.length);
  });

  it('says why a move is refused: the actor first, then the type, then the status', () => {
    expect(decide('submitted', 'inquiry', 'hand_over', 'client_admin')).toMatchObject({ allowed: false, reason: 'actor' });
    expect(decide('submitted', 'inquiry', 'fix', 'agent')).toMatchObject({ allowed: false, reason: 'type' });
    expect(decide('awaiting_payment', 'inquiry', 'cancel', 'client_admin')).toMatchObject({
      allowed: false,
      reason: 'status',
      allowedFrom: ['submitted', 'clarifying', 'quoted', 'offer_expired'],
    });
  });

  it('lets a participant trigger nothing', () => {
    for (const action of actions) expect(transitions[action].by).not.toContain('participant');
  });

  it('lets the notifier and inbound mail change no status: they only tell and relay', () => {
    for (const action of actions) for (const relay of ['notifier', 'inbound-mail'] as const) expect(transitions[action].by).not.toContain(relay);
  });

  it('leaves terminal statuses for good', () => {
    for (const action of actions) for (const status of terminalStatuses) expect(transitions[action].from).not.toContain(status);
  });

  it('reaches every status from submitted', () => {
    const reached = new Set<string>(['submitted']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of Object.values(transitions))
        if (t.from.some((s) => reached.has(s)) && !reached.has(t.to)) grew = reached.add(t.to).size > 0;
    }
    expect([...reached].sort()).toEqual([...RequestStatus.options].sort());
  });

  it('makes an order binding on acceptance: no cancel once an offer is accepted', () => {
    const binding: Action[] = ['accept_offer', 'accept_free_offer'];
    for (const action of binding) expect(transitions.cancel.from).not.toContain(transitions[action].to);
  });
});
