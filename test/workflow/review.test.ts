import { describe, expect, inject, it } from 'vitest';
import { reviewDeadlineOf, reviewReminders } from '../../lib/domain/review/review-window.js';
import { routes } from '../../lib/http/routes.js';
import { executionsOf } from '../../local/workflow/control-client.js';
import { asDemoUser, asInvitedPerson, ok, people, type Client } from '../support/api-client.js';
import { attach } from '../support/attachments.js';
import { freshOrganisation } from '../support/fresh-organisation.js';
import { byRecipient, waitForMails } from '../support/mailbox.js';
import { freeOffer, waitForRequest } from '../support/offers.js';
import { advanceClock, businessNow } from '../support/workflow-clock.js';
import { pollUntil } from '../../local/poll.js';

/** Subjects of the mails these steps send, in Czech (the people here have no language set). */
const subjects = {
  handedOver: /Předáno ke kontrole/,
  accepted: /Práce převzata/,
  changes: /Požadovány úpravy/,
  deemed: /Převzato po uplynutí lhůty/,
  reminder: /Připomínka: zkontrolujte předanou práci/,
  explained: /Odpověď agentury/,
  closed: /Uzavřeno/,
  reopened: /Znovu otevřeno/,
};

const stack = () => inject('stack');
const agentEmail = people.agent;

/** Moves business time to just past `at` (a reminder's or a deadline's instant). */
const advanceTo = async (at: Date, pastSeconds = 60) => {
  const now = await businessNow(stack());
  await advanceClock(stack(), Math.max(1, (at.getTime() - now.getTime()) / 1000 + pastSeconds));
};

const waitForExecution = (requestId: string, done: (e: { status: string; state?: string }) => boolean) =>
  pollUntil(`such an execution of ${requestId}`, async () => (await executionsOf(stack(), requestId)).find(done), {
    state: async () => JSON.stringify(await executionsOf(stack(), requestId)),
  });

const timelineOf = async (client: Client, requestId: string) => ok(await client.send(routes.listTimeline, { path: { requestId }, query: { limit: 100 } })).items;
const actionsOn = async (client: Client, requestId: string) => (await timelineOf(client, requestId)).map((entry) => entry.details?.action).filter((action) => action !== undefined);

/** A fresh organisation whose admin filed a request of `type`, and the agent. */
const filed = async (label: string, type: 'inquiry' | 'defect' = 'inquiry') => {
  const org = await freshOrganisation(label);
  const agent = await asDemoUser(people.agent);
  const { requestId } = ok(await org.admin.send(routes.createRequest, { body: { type, title: `${label}: košík`, description: 'Košík nefunguje.', platform: 'azami' } }));
  return { ...org, agent, requestId, path: { requestId } };
};

/** Filed, then a zero-price offer accepted (queued), then work started by the agent (in progress). */
const inProgress = async (label: string, type: 'inquiry' | 'defect' = 'inquiry') => {
  const setUp = await filed(label, type);
  const offer = ok(await setUp.agent.send(routes.postOffer, { path: setUp.path, body: freeOffer() }));
  ok(await setUp.admin.send(routes.acceptOffer, { path: { ...setUp.path, offerNumber: offer.number }, body: { contentHash: offer.contentHash } }));
  const started = ok(await setUp.agent.send(routes.takeAction, { path: setUp.path, body: { action: 'start_work' } }));
  expect(started.status).toBe('in_progress');
  return setUp;
};

const handOver = async (agent: Client, requestId: string, notes = 'Hotovo: **košík** přepracován, viz odkaz.') => {
  const answer = await agent.send(routes.handOver, { path: { requestId }, body: { notes, link: 'https://staging.acme.example/kosik' } });
  expect(answer.status).toBe(201);
  return ok(answer);
};

describe('handover and review, driven by the workflow', () => {
  it('accepts a delivery in round 1 with a rating, which the agency sees per organisation and agent', async () => {
    const { admin, agent, requestId, path, orgId, emails } = await inProgress('Round1');
    const me = ok(await agent.send(routes.getMe));
    // Starting the work assigned it to the agent who started.
    expect(ok(await agent.send(routes.getRequest, { path })).assigneeId).toBe(me.userId);

    const handedAt = await businessNow(stack());
    const { request, handover } = await handOver(agent, requestId);
    expect(request).toMatchObject({ status: 'in_review', round: 1 });
    expect(handover).toMatchObject({ round: 1, link: 'https://staging.acme.example/kosik', handedOverBy: me.userId });
    // 23:59:59 Prague on the 7th calendar day (the handover's instant moved on by at most a second or two).
    expect(handover.reviewDeadline).toBe(reviewDeadlineOf(handedAt).toISOString());
    expect(request.reviewDeadline).toBe(handover.reviewDeadline);
    await waitForExecution(requestId, (e) => e.status === 'RUNNING' && e.state === 'AwaitReview');
    await waitForMails(requestId, (mails) => byRecipient(mails, subjects.handedOver).has(emails.admin));

    const accepted = await admin.send(routes.acceptDelivery, { path: { requestId, round: 1 }, body: { rating: 4, comment: 'Díky, funguje.' } });
    expect(accepted.status).toBe(200);
    expect(ok(accepted).request.status).toBe('accepted');
    expect(ok(accepted).handover.outcome).toMatchObject({ decision: 'accepted', rating: 4, comment: 'Díky, funguje.', ip: expect.any(String), userAgent: expect.any(String), at: expect.any(String) });
    await waitForMails(requestId, (mails) => byRecipient(mails, subjects.accepted).has(agentEmail));
    await waitForExecution(requestId, (e) => e.status === 'SUCCEEDED');

    const feedback = await agent.send(routes.getFeedback);
    expect(feedback.status).toBe(200);
    const organisation = ok(feedback).organisations.find((summary) => summary.id === orgId);
    expect(organisation).toMatchObject({ count: 1, total: 4, average: 4, stars: { 4: 1 } });
    expect(ok(feedback).agents.find((summary) => summary.id === me.userId)?.count).toBeGreaterThanOrEqual(1);
    expect((await admin.send(routes.getFeedback)).status).toBe(403);
    expect(await actionsOn(agent, requestId)).toEqual(expect.arrayContaining(['hand_over', 'accept_delivery']));
  });

  it('takes changes in round 1, then accepts round 2', async () => {
    const { admin, agent, requestId, path, emails } = await inProgress('Round2');
    await handOver(agent, requestId);
    const changes = await admin.send(routes.requestChanges, { path: { requestId, round: 1 }, body: { comments: 'Tlačítko „Zaplatit“ je mimo obrazovku.' } });
    expect(changes.status).toBe(200);
    expect(ok(changes).request.status).toBe('changes_requested');
    await waitForMails(requestId, (mails) => byRecipient(mails, subjects.changes).has(agentEmail));
    // The request waits for the next handover; the agent resumes.
    await waitForExecution(requestId, (e) => e.status === 'RUNNING' && e.state === 'AwaitHandover');
    expect(ok(await agent.send(routes.takeAction, { path, body: { action: 'start_work' } })).status).toBe('in_progress');
    const second = await handOver(agent, requestId, 'Tlačítko opraveno.');
    expect(second.handover.round).toBe(2);

    // Round 1 was decided; round 2 is the one under review.
    expect((await admin.send(routes.acceptDelivery, { path: { requestId, round: 1 }, body: {} })).status).toBe(409);
    const accepted = await admin.send(routes.acceptDelivery, { path: { requestId, round: 2 } });
    expect(ok(accepted).request).toMatchObject({ status: 'accepted', round: 2 });
    const rounds = ok(await admin.send(routes.listHandovers, { path }));
    expect(rounds.map((round) => [round.round, round.outcome?.decision])).toEqual([
      [1, 'changes_requested'],
      [2, 'accepted'],
    ]);
    expect(rounds[0]?.outcome).toMatchObject({ comments: 'Tlačítko „Zaplatit“ je mimo obrazovku.' });
    await waitForMails(requestId, (mails) => (byRecipient(mails, subjects.handedOver).get(emails.admin)?.length ?? 0) === 2);
  });

  it('reminds 2 days before and on the last day, then deems an unanswered delivery accepted, and mails the client and the agent', async () => {
    const { admin, agent, requestId, path, emails } = await inProgress('Deemed');
    const { handover } = await handOver(agent, requestId);
    const deadline = new Date(handover.reviewDeadline);
    const [early, lastDay] = reviewReminders(1, deadline, [2, 0]);

    await advanceTo(early!.at);
    await waitForMails(requestId, (mails) => byRecipient(mails, subjects.reminder).get(emails.admin)?.length === 1);
    await advanceTo(lastDay!.at);
    await waitForMails(requestId, (mails) => byRecipient(mails, subjects.reminder).get(emails.admin)?.length === 2);
    expect(ok(await admin.send(routes.getRequest, { path })).status).toBe('in_review');

    await advanceTo(deadline, 5);
    const final = await waitForRequest(admin, requestId, (status) => status === 'accepted');
    expect(final.reviewDeadline).toBeUndefined();
    const mails = await waitForMails(requestId, (all) => byRecipient(all, subjects.deemed).has(emails.admin) && byRecipient(all, subjects.deemed).has(agentEmail));
    expect(byRecipient(mails, subjects.reminder).has(agentEmail)).toBe(false);
    const [round] = ok(await admin.send(routes.listHandovers, { path }));
    // Deemed at the deadline itself, not when the workflow woke (5 s later) to record it.
    expect(round?.outcome).toMatchObject({ decision: 'deemed', at: handover.reviewDeadline });

    const timeline = await timelineOf(agent, requestId);
    expect(timeline.filter((entry) => entry.kind === 'review_reminder')).toHaveLength(2);
    const deemed = timeline.filter((entry) => entry.details?.action === 'deem_accepted');
    expect(deemed).toEqual([expect.objectContaining({ actorType: 'system', createdAt: handover.reviewDeadline, details: expect.objectContaining({ round: '1' }) })]);
    expect(Date.parse(deemed[0]!.details!.takenAt!)).toBeGreaterThan(deadline.getTime());
    // Too late for a decision now: the deadline decided.
    const late = await admin.send(routes.requestChanges, { path: { requestId, round: 1 }, body: { comments: 'Ještě jedna věc.' } });
    expect(late.status).toBe(409);
  });

  it('records exactly one outcome when the client’s acceptance and the deadline meet', async () => {
    const { admin, agent, requestId } = await inProgress('Meet');
    const { handover } = await handOver(agent, requestId);
    const deadline = new Date(handover.reviewDeadline);
    // To an hour before the end, past every reminder.
    await advanceTo(new Date(deadline.getTime() - 3600_000), 0);
    const [answer] = await Promise.all([admin.send(routes.acceptDelivery, { path: { requestId, round: 1 }, body: { rating: 5 } }), advanceClock(stack(), 3600 + 1)]);
    const final = await waitForRequest(admin, requestId, (status) => status === 'accepted');
    expect(final.status).toBe('accepted');
    const outcomes = (await actionsOn(agent, requestId)).filter((action) => action === 'accept_delivery' || action === 'deem_accepted');
    expect(outcomes).toEqual([answer.status === 200 ? 'accept_delivery' : 'deem_accepted']);
    expect([200, 409]).toContain(answer.status);
  });

  it('takes one of two decisions on the same round at once, and refuses the other with a 409', async () => {
    const { admin, member, agent, requestId } = await inProgress('Twice');
    await handOver(agent, requestId);
    const answers = await Promise.all([
      admin.send(routes.acceptDelivery, { path: { requestId, round: 1 }, body: { rating: 3 } }),
      member.send(routes.requestChanges, { path: { requestId, round: 1 }, body: { comments: 'Ještě ne.' } }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const decisions = (await actionsOn(agent, requestId)).filter((action) => action === 'accept_delivery' || action === 'request_changes');
    expect(decisions).toHaveLength(1);
    const [round] = ok(await agent.send(routes.listHandovers, { path: { requestId } }));
    expect(round?.outcome?.decision).toBe(decisions[0] === 'accept_delivery' ? 'accepted' : 'changes_requested');
  });

  it('fixes a defect straight away, hands it over and takes its acceptance', async () => {
    const { admin, agent, requestId, path } = await filed('Fix', 'defect');
    const fixing = ok(await agent.send(routes.takeAction, { path, body: { action: 'fix', note: 'Opravujeme.' } }));
    expect(fixing.status).toBe('in_progress');
    // The fix started the request's workflow, which waits for the handover.
    await waitForExecution(requestId, (e) => e.status === 'RUNNING' && e.state === 'AwaitHandover');
    await handOver(agent, requestId, 'Oprava nasazena.');
    expect(ok(await admin.send(routes.acceptDelivery, { path: { requestId, round: 1 } })).request.status).toBe('accepted');
    expect(await actionsOn(agent, requestId)).toEqual(expect.arrayContaining(['fix', 'hand_over', 'accept_delivery']));
  });

  it('explains a defect, and closes it when nobody reopens it within 7 days', async () => {
    const { admin, agent, requestId, path, emails } = await filed('Explained', 'defect');
    const unexplained = await agent.send(routes.takeAction, { path, body: { action: 'explain' } });
    expect(unexplained.status).toBe(400);
    expect(unexplained.error?.details).toEqual([expect.objectContaining({ field: 'body.note' })]);
    const answered = ok(await agent.send(routes.takeAction, { path, body: { action: 'explain', note: 'Nejde o chybu: platba kartou je v testovacím režimu.' } }));
    expect(answered.status).toBe('answered');
    expect(answered.reopenUntil).toBe(reviewDeadlineOf(new Date(answered.updatedAt)).toISOString());
    await waitForMails(requestId, (mails) => byRecipient(mails, subjects.explained).has(emails.admin));
    await waitForExecution(requestId, (e) => e.status === 'RUNNING' && e.state === 'AwaitReopen');

    await advanceTo(new Date(answered.reopenUntil!), 5);
    const closed = await waitForRequest(admin, requestId, (status) => status === 'closed');
    expect(closed.reopenUntil).toBeUndefined();
    // Closed when the time to reopen ended, not when the workflow woke to record it.
    const closing = (await timelineOf(agent, requestId)).filter((entry) => entry.details?.action === 'close');
    expect(closing).toEqual([expect.objectContaining({ createdAt: answered.reopenUntil, details: expect.objectContaining({ takenAt: expect.any(String) }) })]);
    await waitForMails(requestId, (mails) => byRecipient(mails, subjects.closed).has(emails.admin));
    const reopen = await admin.send(routes.takeAction, { path, body: { action: 'reopen', note: 'Pořád to nejde.' } });
    expect(reopen.status).toBe(409);
  });

  it('reopens an explained defect with the client’s comment, then fixes it', async () => {
    const { admin, agent, requestId, path } = await filed('Reopened', 'defect');
    ok(await agent.send(routes.takeAction, { path, body: { action: 'explain', note: 'Vyčistěte prosím mezipaměť prohlížeče.' } }));
    expect((await admin.send(routes.takeAction, { path, body: { action: 'reopen' } })).status).toBe(400);
    const reopened = ok(await admin.send(routes.takeAction, { path, body: { action: 'reopen', note: 'Nepomohlo, chyba trvá i v jiném prohlížeči.' } }));
    expect(reopened.status).toBe('clarifying');
    expect(reopened.reopenUntil).toBeUndefined();
    await waitForMails(requestId, (mails) => byRecipient(mails, subjects.reopened).has(agentEmail));
    expect(ok(await agent.send(routes.takeAction, { path, body: { action: 'fix' } })).status).toBe('in_progress');
    await handOver(agent, requestId, 'Opraveno.');
    expect(ok(await admin.send(routes.acceptDelivery, { path: { requestId, round: 1 } })).request.status).toBe('accepted');
  });

  it('takes a complaint through a zero-price offer to an accepted delivery', async () => {
    const { admin, agent, requestId } = await inProgress('Complaint', 'defect');
    await handOver(agent, requestId, 'Reklamace vyřízena.');
    expect(ok(await admin.send(routes.acceptDelivery, { path: { requestId, round: 1 }, body: { rating: 5 } })).request.status).toBe('accepted');
    expect(await actionsOn(agent, requestId)).toEqual(expect.arrayContaining(['post_offer', 'accept_free_offer', 'start_work', 'hand_over', 'accept_delivery']));
  });

  it('refuses review decisions by the wrong people, on the wrong round, or without what they need', async () => {
    const { admin, agent, requestId, path } = await inProgress('Refusals');
    // Only agency staff hand over, and only work in progress.
    expect((await admin.send(routes.handOver, { path, body: { notes: 'Hotovo.' } })).status).toBe(403);
    expect((await agent.send(routes.handOver, { path, body: { notes: '   ' } })).status).toBe(400);
    expect((await agent.send(routes.handOver, { path, body: { notes: 'x', link: 'javascript:alert(1)' } })).status).toBe(400);
    // A delivery is for the client: not with a file only the agency sees.
    const internalFile = ok(await attach(agent, requestId, { internal: true }));
    const withInternal = await agent.send(routes.handOver, { path, body: { notes: 'Hotovo.', attachmentIds: [internalFile.attachmentId] } });
    expect(withInternal.status).toBe(400);
    expect(withInternal.error?.details).toEqual([expect.objectContaining({ field: 'body.attachmentIds.0' })]);
    await handOver(agent, requestId);
    expect((await agent.send(routes.handOver, { path, body: { notes: 'Ještě jednou.' } })).status).toBe(409);

    expect((await agent.send(routes.acceptDelivery, { path: { requestId, round: 1 } })).status).toBe(403);
    const guestEmail = `guest.review.${requestId.replace('-', '')}@partner.example`;
    ok(await admin.send(routes.inviteParticipant, { path, body: { email: guestEmail } }));
    const guest = await asInvitedPerson(guestEmail);
    expect(ok(await guest.send(routes.listHandovers, { path }))).toHaveLength(1);
    expect((await guest.send(routes.acceptDelivery, { path: { requestId, round: 1 } })).status).toBe(403);

    const badRating = await admin.send(routes.acceptDelivery, { path: { requestId, round: 1 }, body: { rating: 6 } });
    expect(badRating.status).toBe(400);
    expect(badRating.error?.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'body.rating' })]));
    const noComments = await admin.send(routes.requestChanges, { path: { requestId, round: 1 }, body: { comments: '' } });
    expect(noComments.status).toBe(400);
    expect(noComments.error?.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'body.comments' })]));
    expect((await admin.send(routes.acceptDelivery, { path: { requestId, round: 7 } })).status).toBe(404);
    expect(ok(await admin.send(routes.getRequest, { path })).status).toBe('in_review');
  });
});
