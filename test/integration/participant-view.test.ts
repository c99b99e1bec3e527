import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { pollUntil } from '../../local/poll.js';
import { routes } from '../../lib/http/routes.js';
import { asDemoUser, asInvitedPerson, ok, people } from '../support/api-client.js';
import { freshOrganisation } from '../support/fresh-organisation.js';
import { byRecipient, waitForMails, type SentMail } from '../support/mailbox.js';
import { acmeBilling, deliverPayment, freeOffer, pricedOffer, pricedOfferGross, waitForRequest } from '../support/offers.js';
import { businessNow } from '../support/workflow-clock.js';

/**
 * What an invited participant (often an outside partner) sees of the client organisation's
 * decisions, through the local stack: that an offer was declined or accepted and a delivery
 * accepted, by whom, when and which round; not the IP address and browser they came from, nor
 * the rating and comment the client gave the agency. And their mail tells them what happened,
 * never asks them to decide what only the client may.
 */

const subjects = { handedOver: /Předáno ke kontrole/, accepted: /Práce převzata/, offer: /Nová nabídka|Nabídka \d/ };
const comment = 'Díky, funguje i na mobilu.';
const reason = 'Chybí v ní testy na mobilu.';

/** The mail's text and HTML, for what must not be in either. */
const wholly = (mail: SentMail) => `${mail.subject}\n${mail.body.text ?? ''}\n${mail.body.html ?? ''}`;

describe('an invited participant and the client organisation’s decisions', () => {
  it('shows a participant the decisions without their evidence, rating or comment, and asks them to decide nothing', async () => {
    const { admin, emails } = await freshOrganisation('Guests');
    const agent = await asDemoUser(people.agent);
    const { requestId } = ok(await admin.send(routes.createRequest, { body: { type: 'inquiry', title: 'Guests: košík', description: 'Košík nefunguje.', platform: 'azami' } }));
    const path = { requestId };
    const guestEmail = `partner.${randomUUID().slice(0, 8)}@partner.example`;
    ok(await admin.send(routes.inviteParticipant, { path, body: { email: guestEmail, name: 'Karla Partnerová' } }));
    const guest = await asInvitedPerson(guestEmail);

    // The client declines the first offer with a reason and accepts the second; the work is handed over and accepted with a rating.
    const first = ok(await agent.send(routes.postOffer, { path, body: freeOffer() }));
    ok(await admin.send(routes.rejectOffer, { path: { ...path, offerNumber: first.number }, body: { contentHash: first.contentHash, reason } }));
    const second = ok(await agent.send(routes.postOffer, { path, body: freeOffer() }));
    ok(await admin.send(routes.acceptOffer, { path: { ...path, offerNumber: second.number }, body: { contentHash: second.contentHash } }));
    expect(ok(await agent.send(routes.takeAction, { path, body: { action: 'start_work' } })).status).toBe('in_progress');
    ok(await agent.send(routes.handOver, { path, body: { notes: 'Hotovo: **košík** opraven.', link: 'https://staging.guests.example/kosik' } }));
    const decided = ok(await admin.send(routes.acceptDelivery, { path: { requestId, round: 1 }, body: { rating: 4, comment } }));
    expect(decided.handover.outcome).toMatchObject({ decision: 'accepted', rating: 4, comment, ip: expect.any(String), userAgent: expect.any(String) });

    // Offers: the client organisation and the agency see who decided, when and from where; the participant who and when (and a decline's reason).
    for (const client of [admin, agent]) {
      const offers = ok(await client.send(routes.listOffers, { path }));
      expect(offers.map((offer) => offer.decision)).toEqual([
        expect.objectContaining({ decision: 'rejected', reason, ip: expect.any(String), userAgent: expect.any(String) }),
        expect.objectContaining({ decision: 'accepted', ip: expect.any(String), userAgent: expect.any(String) }),
      ]);
    }
    const seenOffers = ok(await guest.send(routes.listOffers, { path }));
    expect(seenOffers.map((offer) => offer.decision)).toEqual([
      { decision: 'rejected', userId: admin.userId, name: 'Alena Admin', at: expect.any(String), reason },
      { decision: 'accepted', userId: admin.userId, name: 'Alena Admin', at: expect.any(String) },
    ]);
    // Its content is theirs to see all the same.
    expect(seenOffers[1]).toMatchObject({ status: 'accepted', contentHash: second.contentHash, totals: second.totals });

    // Review rounds: the rating, the comment and the evidence are the client organisation's and the agency's.
    for (const client of [admin, agent]) {
      expect(ok(await client.send(routes.listHandovers, { path }))[0]?.outcome).toMatchObject({ decision: 'accepted', rating: 4, comment, ip: expect.any(String), userAgent: expect.any(String) });
    }
    const [round] = ok(await guest.send(routes.listHandovers, { path }));
    expect(round).toMatchObject({ round: 1, link: 'https://staging.guests.example/kosik' });
    expect(round?.outcome).toEqual({ decision: 'accepted', userId: admin.userId, name: 'Alena Admin', at: decided.handover.outcome?.at });

    // The timeline: the acceptance, by whom, when and which round; its rating and comment for the organisation and the agency only.
    const acceptanceOn = async (client: typeof admin) =>
      ok(await client.send(routes.listTimeline, { path, query: { limit: 100 } })).items.find((entry) => entry.details?.action === 'accept_delivery');
    for (const client of [admin, agent]) expect(await acceptanceOn(client)).toMatchObject({ body: comment, details: { round: '1', rating: '4' } });
    const seenAcceptance = await acceptanceOn(guest);
    expect(seenAcceptance).toMatchObject({ actorId: admin.userId, actorName: 'Alena Admin', details: { action: 'accept_delivery', round: '1', to: 'accepted' } });
    expect(seenAcceptance).not.toHaveProperty('body');
    expect(seenAcceptance?.details).not.toHaveProperty('rating');
    const guestTimeline = JSON.stringify(ok(await guest.send(routes.listTimeline, { path, query: { limit: 100 } })));
    expect(guestTimeline).not.toContain(comment);
    // The reason for declining is the step's note, which the revised offer answered: theirs to read.
    expect(guestTimeline).toContain(reason);

    // Mail: the participant reads what happened and that the client decides, never a request to decide, nor the rating or the comment.
    const mails = await waitForMails(
      requestId,
      (all) =>
        byRecipient(all, subjects.offer).get(guestEmail)?.length === 2 &&
        byRecipient(all, subjects.handedOver).has(guestEmail) &&
        byRecipient(all, subjects.handedOver).has(emails.admin) &&
        byRecipient(all, subjects.accepted).has(guestEmail) &&
        byRecipient(all, subjects.accepted).has(people.agent),
    );
    const toGuest = (subject: RegExp) => byRecipient(mails, subject).get(guestEmail) ?? [];
    const [handedOver] = toGuest(subjects.handedOver);
    expect(handedOver?.body.text).toContain('Klient předanou práci (kolo 1) zkontroluje do');
    expect(wholly(handedOver!)).not.toMatch(/převezměte|hvězdičkami|požádejte o úpravy|prosím zkontrolujte|Zkontrolovat práci/);
    const [accepted] = toGuest(subjects.accepted);
    expect(accepted?.body.text).toMatch(/^Kolo: 1$/m);
    expect(wholly(accepted!)).not.toMatch(/★|☆|Hodnocení|4 z 5|Komentář k převzetí/);
    expect(wholly(accepted!)).not.toContain(comment);
    for (const offerMail of toGuest(subjects.offer)) {
      expect(offerMail.body.text).toContain('Nabídku na portálu přijímá, nebo odmítá klient.');
      expect(offerMail.body.text).not.toContain('Nabídku lze na portálu přijmout');
    }
    // The organisation and the agency are mailed as before: the admin asked to review, the agent shown the rating.
    expect(byRecipient(mails, subjects.handedOver).get(emails.admin)?.[0]?.body.text).toContain('Na portálu práci buď převezměte');
    const [toAgent] = byRecipient(mails, subjects.accepted).get(people.agent) ?? [];
    expect(toAgent?.body.text).toContain('Hodnocení: ★★★★☆ 4 z 5');
    expect(toAgent?.body.text).toContain(comment);
  });

  it('shows a participant that an order was issued and paid, none of its facts: number, symbol, account, payment', async () => {
    const { admin, orgId } = await freshOrganisation('GuestOrder');
    const agent = await asDemoUser(people.agent);
    ok(await admin.send(routes.setBilling, { path: { orgId }, body: acmeBilling }));
    const { requestId } = ok(await admin.send(routes.createRequest, { body: { type: 'inquiry', title: 'GuestOrder: e-shop', description: '', platform: 'azami' } }));
    const path = { requestId };
    const guestEmail = `partner.${randomUUID().slice(0, 8)}@partner.example`;
    ok(await admin.send(routes.inviteParticipant, { path, body: { email: guestEmail, name: 'Karla Partnerová' } }));
    const guest = await asInvitedPerson(guestEmail);
    const offer = ok(await agent.send(routes.postOffer, { path, body: pricedOffer() }));
    ok(await admin.send(routes.acceptOffer, { path: { ...path, offerNumber: offer.number }, body: { contentHash: offer.contentHash } }));
    const { order } = ok(await admin.send(routes.getOrder, { path }));
    const stack = inject('stack');
    const now = await businessNow(stack);
    const paymentId = `bank-guest-${requestId}`;
    expect((await deliverPayment(stack, { paymentId, variableSymbol: order.variableSymbol, amount: pricedOfferGross, currency: 'CZK', paidAt: now.toISOString() }, now)).body.outcome).toBe('paid');
    await waitForRequest(admin, requestId, (status) => status === 'queued');
    const issued = async (client: typeof admin) =>
      pollUntil('the order_issued entry', async () => ok(await client.send(routes.listTimeline, { path, query: { limit: 100 } })).items.find((entry) => entry.kind === 'order_issued'), { timeoutMs: 20_000 });

    expect(await issued(admin)).toMatchObject({ details: { orderNumber: order.orderNumber, variableSymbol: order.variableSymbol } });
    expect(await issued(guest)).toMatchObject({ kind: 'order_issued', details: {} });
    const seen = JSON.stringify(ok(await guest.send(routes.listTimeline, { path, query: { limit: 100 } })));
    for (const fact of [order.orderNumber, order.variableSymbol, order.supplier.iban, paymentId]) expect(seen).not.toContain(fact);
    expect((await guest.send(routes.getOrder, { path })).status).toBe(404);
  });
});
