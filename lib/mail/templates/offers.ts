import { preview } from '../plain-text.js';
import type { Strings } from '../strings.js';
import { amountPanel, gistOf, messageBody, paragraph, parts } from './parts.js';
import type { MailContext } from '../mail-context.js';
import { decidesForClient, type Template } from './template.js';

/** An offer's number ("1", "2", …), or nothing if the details hold anything else. */
const offerNumber = (value: string | undefined): string | undefined => (value !== undefined && /^\d+$/.test(value) ? value : undefined);

/** `Offer 2 · Total incl. VAT` over the amount. */
const caption = (number: string | undefined, t: Strings) => (number ? `${t.offer.name(number)} · ${t.offer.totalInclVat}` : t.offer.totalInclVat);

/**
 * What the mail says about deciding on the offer, to each as they may: who may accept it is told
 * it can be accepted or declined; a member whose organisation lets only its admins accept, that
 * they may decline; the agency and invited participants, that the client decides.
 */
const decision = ({ recipient }: Pick<MailContext, 'recipient'>, t: Strings) =>
  recipient.mayAcceptOffers ? t.offer.howToDecide : decidesForClient({ recipient }) ? t.offer.membersMayDecline : t.offer.clientDecides;

/** The button leads to the request: to review the offer for those who decide, to see it for the others. */
const button = (context: Pick<MailContext, 'recipient'>, t: Strings) => (decidesForClient(context) ? t.offer.review : t.offer.view);

/**
 * An agent posted an offer (details: offerId, number, net, gross, currency, validUntil,
 * deliveryEstimate, lineCount, supersedes for a revision; the body is the agent's note). The
 * headline says which offer it is and which it replaces; the gross total stands out with its net,
 * validity and delivery (the lines are the portal's to show); the note follows as a message
 * does; the button leads to the request.
 */
export const offerPosted: Template = ({ context, t, primary }) => {
  const { entry } = context;
  const details = entry.details ?? {};
  const { net, gross, currency, validUntil, deliveryEstimate } = details;
  const number = offerNumber(details.number);
  // The headline goes into the subject: only numbers from the details, never other text.
  const supersedes = offerNumber(details.supersedes);
  const summary = number && supersedes ? t.offer.replaces(number, supersedes) : t.summaries.offer_posted;
  const total = t.money(gross, currency);
  const netAmount = t.money(net, currency);
  const until = t.day(validUntil);
  const panel = amountPanel({
    caption: caption(number, t),
    amount: total,
    under: netAmount && t.offer.exclVat(netAmount),
    rows: [
      [t.offer.validUntil, until],
      [t.offer.delivery, deliveryEstimate],
    ],
    color: primary,
  });
  // The agent's note is Markdown (the offer's service writes no format for it).
  const written = { body: entry.body, format: entry.format ?? 'markdown' } as const;
  const note = messageBody(written, primary, primary);
  const gist = [total && t.offer.inclVat(total), until && `${t.offer.validUntil.toLowerCase()} ${until}`].filter(Boolean).join(', ');
  const headline = number ? `${t.offer.name(number)}: ${gist}` : gist;
  return {
    summary,
    ...parts(panel, note, paragraph(decision(context, t))),
    preheader: preview(note ? `${headline}. ${gistOf(written)}` : headline),
    button: button(context, t),
  };
};

/** The workflow: an offer's validity ends soon and nobody decided (details: offerId, number, gross, currency, validUntil). */
export const offerReminder: Template = ({ context, t, primary }) => {
  const { gross, currency, validUntil } = context.entry.details ?? {};
  const number = offerNumber(context.entry.details?.number);
  const until = t.day(validUntil);
  // Without a readable date, the headline says it all.
  const sentence = until ? t.offer.reminder(number, until) : t.summaries.offer_reminder;
  // The sentence says until when; the panel shows what is at stake.
  const panel = amountPanel({ caption: caption(number, t), amount: t.money(gross, currency), rows: [], color: primary });
  return { summary: t.summaries.offer_reminder, ...parts(paragraph(sentence), panel, paragraph(decision(context, t))), preheader: preview(sentence), button: button(context, t) };
};
