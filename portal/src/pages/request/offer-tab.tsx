import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { refusalOf, must, type ApiProblem, type Schemas } from '../../api/client.js';
import { useDraft } from '../../drafts.js';
import { useWords, type Words } from '../../i18n.js';
import { fieldProblems } from '../../problems.js';
import { Field } from '../../ui/field.js';
import { MarkdownView } from '../../ui/markdown-view.js';
import { ProblemBox } from '../../ui/problem-box.js';
import { formatMoment, Refusal, timeLeft, timelineEntries, useApp, useStep } from './decision-kit.js';
import { PriceTable } from './price-table.js';
import { RequestContext } from './request-context.js';
import './offer-tab.css';

type Offer = Schemas['Offer'];

const words: Words<
  | 'loading'
  | 'none'
  | 'offer'
  | 'open'
  | 'superseded'
  | 'accepted'
  | 'rejected'
  | 'expired'
  | 'postedBy'
  | 'validUntil'
  | 'ended'
  | 'delivery'
  | 'note'
  | 'terms'
  | 'noTerms'
  | 'binding'
  | 'free'
  | 'confirm'
  | 'confirmFree'
  | 'confirming'
  | 'decline'
  | 'reason'
  | 'reasonHint'
  | 'sendDecline'
  | 'declining'
  | 'cancel'
  | 'acceptedBy'
  | 'rejectedBy'
  | 'older'
  | 'decide'
  | 'payNext'
  | 'toOrder'
> = {
  en: {
    loading: 'Loading the offers…',
    none: 'There is no offer for this request yet.',
    offer: 'Offer {n}',
    open: 'Waiting for your decision',
    superseded: 'Replaced by a newer offer',
    accepted: 'Accepted',
    rejected: 'Declined',
    expired: 'Expired',
    postedBy: 'Posted by {name} on {date}',
    validUntil: 'Valid until',
    ended: 'its validity has ended',
    delivery: 'Delivery',
    note: 'Note from the agency',
    terms: 'Terms',
    noTerms: 'No terms beyond the offer itself.',
    binding: 'By confirming this offer you order the work: the order becomes binding, and we e-mail it to you with the payment details.',
    free: 'This offer is free of charge: by confirming it the work is ordered and joins the queue; there is nothing to pay.',
    confirm: 'Confirm the offer – the order becomes binding',
    confirmFree: 'Confirm the offer – the order becomes binding (free of charge)',
    confirming: 'Confirming…',
    decline: 'Decline the offer…',
    reason: 'Why do you decline it?',
    reasonHint: 'Say what should change: the agency may send a revised offer.',
    sendDecline: 'Decline the offer',
    declining: 'Declining…',
    cancel: 'Keep the offer',
    acceptedBy: 'Accepted by {name} on {date}',
    rejectedBy: 'Declined by {name} on {date}',
    older: 'Earlier offers ({n})',
    decide: 'Your decision',
    payNext: 'The order is binding now: pay it – the payment details (account, variable symbol and QR code) are on the Order tab.',
    toOrder: 'Go to the Order tab',
  },
  cs: {
    loading: 'Načítám nabídky…',
    none: 'K tomuto požadavku zatím není nabídka.',
    offer: 'Nabídka {n}',
    open: 'Čeká na vaše rozhodnutí',
    superseded: 'Nahrazena novější nabídkou',
    accepted: 'Přijata',
    rejected: 'Odmítnuta',
    expired: 'Vypršela',
    postedBy: 'Poslal(a) {name} {date}',
    validUntil: 'Platí do',
    ended: 'její platnost skončila',
    delivery: 'Dodání',
    note: 'Poznámka agentury',
    terms: 'Podmínky',
    noTerms: 'Žádné podmínky nad rámec nabídky.',
    binding: 'Potvrzením nabídky práci objednáváte: objednávka se stává závaznou a pošleme vám ji e-mailem i s platebními údaji.',
    free: 'Tato nabídka je zdarma: potvrzením práci objednáte a zařadí se do fronty; nic se neplatí.',
    confirm: 'Potvrdit nabídku – objednávka se stává závaznou',
    confirmFree: 'Potvrdit nabídku – objednávka se stává závaznou (zdarma)',
    confirming: 'Potvrzuji…',
    decline: 'Odmítnout nabídku…',
    reason: 'Proč nabídku odmítáte?',
    reasonHint: 'Napište, co se má změnit: agentura může poslat upravenou nabídku.',
    sendDecline: 'Odmítnout nabídku',
    declining: 'Odmítám…',
    cancel: 'Nabídku ponechat',
    acceptedBy: 'Přijal(a) {name} {date}',
    rejectedBy: 'Odmítl(a) {name} {date}',
    older: 'Dřívější nabídky ({n})',
    decide: 'Vaše rozhodnutí',
    payNext: 'Objednávka je teď závazná: zaplaťte ji – platební údaje (účet, variabilní symbol a QR kód) najdete na záložce Objednávka.',
    toOrder: 'Přejít na záložku Objednávka',
  },
};

/** The offer a person decides on (the open one), else the accepted one, else the latest. */
const mainOffer = (offers: Offer[]): Offer | undefined => offers.find((o) => o.status === 'open') ?? offers.find((o) => o.status === 'accepted') ?? offers.at(-1);

/** The Offer tab: the offer to decide on, its terms before the confirm button, and the earlier ones collapsed. */
export const OfferTab = () => {
  const { api } = useApp();
  const { request, reload } = useContext(RequestContext);
  const t = useWords(words);
  const [offers, setOffers] = useState<Offer[]>();
  const [notes, setNotes] = useState<Map<number, Schemas['TimelineEntry']>>(new Map());
  const [problem, setProblem] = useState<ApiProblem>();

  const load = async () => {
    try {
      const list = await must(api.GET('/requests/{requestId}/offers', { params: { path: { requestId: request.requestId } } }));
      setOffers(list);
      setProblem(undefined);
      const posted = await timelineEntries(api, request.requestId, (entry) => entry.kind === 'offer_posted' && entry.body !== undefined);
      setNotes(new Map(posted.map((entry) => [Number(entry.details?.number), entry])));
    } catch (error) {
      setProblem(refusalOf(error));
    }
  };
  useEffect(() => void load(), [request.requestId, request.version]);

  const refresh = async () => {
    await reload();
    await load();
  };

  if (!offers) return problem ? <ProblemBox problem={problem} /> : <p aria-busy="true">{t('loading')}</p>;
  if (offers.length === 0) return <p class="muted">{t('none')}</p>;
  const main = mainOffer(offers)!;
  const older = offers.filter((offer) => offer !== main).reverse();
  return (
    <section class="offers">
      <ProblemBox problem={problem} />
      <OfferView key={main.offerId} offer={main} note={notes.get(main.number)} onDecided={refresh} />
      {older.length > 0 && (
        <details class="older-offers">
          <summary>{t('older', { n: older.length })}</summary>
          {older.map((offer) => (
            <OfferView key={offer.offerId} offer={offer} note={notes.get(offer.number)} onDecided={refresh} compact />
          ))}
        </details>
      )}
    </section>
  );
};

const OfferView = ({ offer, note, onDecided, compact = false }: { offer: Offer; note: Schemas['TimelineEntry'] | undefined; onDecided: () => Promise<void>; compact?: boolean }) => {
  const { language } = useApp();
  const { request } = useContext(RequestContext);
  const t = useWords(words);
  const free = offer.totals.gross === 0;
  const left = timeLeft(offer.validUntil, language);
  const Heading = compact ? 'h3' : 'h2';
  const decidable = offer.status === 'open';
  const mayAccept = decidable && request.allowedActions.includes(free ? 'accept_free_offer' : 'accept_offer');
  const mayReject = decidable && request.allowedActions.includes('reject_offer');
  // Confirmed here and now: the next step (paying) takes the focus, as the decision it replaces had it.
  const [confirmed, setConfirmed] = useState(false);
  return (
    <article class={`offer offer-${offer.status}`} aria-labelledby={`offer-${offer.number}`}>
      <header class="offer-head">
        <Heading id={`offer-${offer.number}`}>{t('offer', { n: offer.number })}</Heading>
        <span class={`offer-status offer-status-${offer.status}`}>{t(offer.status)}</span>
      </header>
      <p class="muted">{t('postedBy', { name: offer.createdByName, date: formatMoment(offer.createdAt, language) })}</p>
      {offer.decision && (
        <div class={offer.decision.decision === 'accepted' ? 'notice ok' : 'notice'}>
          <p>{t(offer.decision.decision === 'accepted' ? 'acceptedBy' : 'rejectedBy', { name: offer.decision.name, date: formatMoment(offer.decision.at, language) })}</p>
          {offer.decision.reason && <MarkdownView source={offer.decision.reason} format="text" />}
        </div>
      )}
      {offer.status === 'accepted' && !free && request.status === 'awaiting_payment' && <PayNext requestId={request.requestId} focus={confirmed} />}
      <PriceTable priced={offer} />
      <dl class="facts">
        <div>
          <dt>{t('validUntil')}</dt>
          <dd>
            <time dateTime={offer.validUntil}>{formatMoment(offer.validUntil, language, 'full')}</time>
            {decidable && <span class="left"> ({left ?? t('ended')})</span>}
          </dd>
        </div>
        <div>
          <dt>{t('delivery')}</dt>
          <dd>{offer.deliveryEstimate}</dd>
        </div>
      </dl>
      {note?.body && (
        <section class="offer-note">
          <h3>{t('note')}</h3>
          <MarkdownView source={note.body} format={note.format ?? 'markdown'} />
        </section>
      )}
      <section class="terms">
        <h3>{t('terms')}</h3>
        {offer.terms ? <MarkdownView source={offer.terms} format="text" /> : <p class="muted">{t('noTerms')}</p>}
      </section>
      {(mayAccept || mayReject) && <Decision offer={offer} free={free} mayAccept={mayAccept} mayReject={mayReject} onDecided={onDecided} onAccepted={() => setConfirmed(true)} />}
    </article>
  );
};

/**
 * What to do once a priced offer is confirmed and the order waits for its payment: the payment
 * details are on the Order tab, not here, so say so and lead there (while it is unpaid, after a
 * reload too).
 */
const PayNext = ({ requestId, focus }: { requestId: string; focus: boolean }) => {
  const t = useWords(words);
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) notice.current?.focus();
  }, [focus]);
  return (
    <div ref={notice} class="notice pay-next" tabIndex={-1}>
      <p>{t('payNext')}</p>
      <p>
        <a class="button primary" href={`/requests/${requestId}?tab=order`}>
          {t('toOrder')}
        </a>
      </p>
    </div>
  );
};

/** Confirm (naming the content hash the person saw) or decline with a reason. */
const Decision = ({
  offer,
  free,
  mayAccept,
  mayReject,
  onDecided,
  onAccepted,
}: {
  offer: Offer;
  free: boolean;
  mayAccept: boolean;
  mayReject: boolean;
  onDecided: () => Promise<void>;
  onAccepted: () => void;
}) => {
  const { api } = useApp();
  const { request } = useContext(RequestContext);
  const t = useWords(words);
  const step = useStep();
  const [declining, setDeclining] = useDraft(`offer-declining.${request.requestId}.${offer.number}`, false);
  const [reason, setReason, clearReason] = useDraft(`offer-reason.${request.requestId}.${offer.number}`, '');
  const fields = fieldProblems(step.problem);
  const path = { requestId: request.requestId, offerNumber: offer.number };

  const accept = () =>
    step.run(
      () => must(api.POST('/requests/{requestId}/offers/{offerNumber}/accept', { params: { path }, body: { contentHash: offer.contentHash } })),
      async () => {
        onAccepted();
        await onDecided();
      },
    );
  const reject = (event: Event) => {
    event.preventDefault();
    void step.run(
      () => must(api.POST('/requests/{requestId}/offers/{offerNumber}/reject', { params: { path }, body: { contentHash: offer.contentHash, reason } })),
      async () => {
        clearReason();
        setDeclining(false);
        await onDecided();
      },
    );
  };

  return (
    <section class="decision" aria-labelledby={`decide-${offer.number}`}>
      <h3 id={`decide-${offer.number}`}>{t('decide')}</h3>
      <Refusal problem={step.problem} onReload={onDecided} />
      {mayAccept && (
        <div class="confirm">
          <p>{t(free ? 'free' : 'binding')}</p>
          <button type="button" class="primary" disabled={step.busy} onClick={() => void accept()}>
            {step.busy ? t('confirming') : t(free ? 'confirmFree' : 'confirm')}
          </button>
        </div>
      )}
      {mayReject && !declining && (
        <button type="button" class="danger" onClick={() => setDeclining(true)}>
          {t('decline')}
        </button>
      )}
      {mayReject && declining && (
        <form class="stack decline" onSubmit={reject} noValidate>
          <Field label={t('reason')} hint={t('reasonHint')} problem={fields.get('reason')}>
            {(props) => <textarea {...props} rows={4} required maxLength={2000} value={reason} onInput={(event) => setReason(event.currentTarget.value)} />}
          </Field>
          <div class="actions">
            <button type="submit" class="danger" disabled={step.busy || !reason.trim()}>
              {step.busy ? t('declining') : t('sendDecline')}
            </button>
            <button type="button" class="secondary" onClick={() => setDeclining(false)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
};
