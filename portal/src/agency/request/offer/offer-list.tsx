import { formatMoney } from '../../../../../lib/domain/orders/money-format.js';
import type { Schemas } from '../../../api/client.js';
import { useWords, type Words } from '../../../i18n.js';
import { formatMoment, useApp } from '../../../pages/request/decision-kit.js';
import { PriceTable } from '../../../pages/request/price-table.js';
import { MarkdownView } from '../../../ui/markdown-view.js';

type Offer = Schemas['Offer'];

const words: Words<
  | 'title'
  | 'openTitle'
  | 'earlier'
  | 'offer'
  | 'open'
  | 'superseded'
  | 'accepted'
  | 'rejected'
  | 'expired'
  | 'postedBy'
  | 'gross'
  | 'validUntil'
  | 'delivery'
  | 'acceptedBy'
  | 'rejectedBy'
  | 'replacedBy'
  | 'details'
  | 'terms'
> = {
  en: {
    title: 'Offers of this request',
    openTitle: 'The open offer',
    earlier: 'Earlier offers',
    offer: 'Offer {n}',
    open: 'Open: waiting for the client',
    superseded: 'Replaced',
    accepted: 'Accepted',
    rejected: 'Declined',
    expired: 'Expired',
    postedBy: 'Posted by {name} on {date}',
    gross: 'Total with VAT',
    validUntil: 'Valid until',
    delivery: 'Delivery',
    acceptedBy: 'Accepted by {name} on {date}',
    rejectedBy: 'Declined by {name} on {date}',
    replacedBy: 'Replaced by offer {n}: the client no longer sees it.',
    details: 'Lines, VAT recapitulation and terms',
    terms: 'Terms',
  },
  cs: {
    title: 'Nabídky k tomuto požadavku',
    openTitle: 'Otevřená nabídka',
    earlier: 'Dřívější nabídky',
    offer: 'Nabídka {n}',
    open: 'Otevřená: čeká na klienta',
    superseded: 'Nahrazená',
    accepted: 'Přijatá',
    rejected: 'Odmítnutá',
    expired: 'Vypršela',
    postedBy: 'Poslal(a) {name} {date}',
    gross: 'Celkem s DPH',
    validUntil: 'Platí do',
    delivery: 'Dodání',
    acceptedBy: 'Přijal(a) {name} {date}',
    rejectedBy: 'Odmítl(a) {name} {date}',
    replacedBy: 'Nahrazena nabídkou {n}: klient ji už nevidí.',
    details: 'Řádky, rekapitulace DPH a podmínky',
    terms: 'Podmínky',
  },
};

/**
 * Offers of the request, newest first, each with its status as the API gives it. `shown` of
 * `all` (the open one above the editor, the rest below it); `expand`: the open or accepted one
 * shows its lines at once.
 */
export const OfferList = ({ id, title, shown, all, expand = true }: { id: string; title: 'title' | 'open' | 'earlier'; shown: readonly Offer[]; all: readonly Offer[]; expand?: boolean }) => {
  const t = useWords(words);
  if (shown.length === 0) return null;
  return (
    <section class="offer-list" aria-labelledby={id}>
      <h2 id={id}>{t(title === 'open' ? 'openTitle' : title)}</h2>
      {[...shown].reverse().map((offer) => (
        <OfferSummary key={offer.offerId} offer={offer} replacedBy={all.find((other) => other.number > offer.number)?.number} expand={expand} />
      ))}
    </section>
  );
};

const OfferSummary = ({ offer, replacedBy, expand }: { offer: Offer; replacedBy: number | undefined; expand: boolean }) => {
  const { language } = useApp();
  const t = useWords(words);
  const current = expand && (offer.status === 'open' || offer.status === 'accepted');
  return (
    <article class={`offer offer-${offer.status}`} aria-labelledby={`agency-offer-${offer.number}`}>
      <header class="offer-head">
        <h3 id={`agency-offer-${offer.number}`}>{t('offer', { n: offer.number })}</h3>
        <span class={`offer-status offer-status-${offer.status}`}>{t(offer.status)}</span>
      </header>
      <p class="muted">{t('postedBy', { name: offer.createdByName, date: formatMoment(offer.createdAt, language) })}</p>
      <dl class="facts">
        <div>
          <dt>{t('gross')}</dt>
          <dd class="offer-gross">{formatMoney(offer.totals.gross, offer.currency, language)}</dd>
        </div>
        <div>
          <dt>{t('validUntil')}</dt>
          <dd>
            <time dateTime={offer.validUntil}>{formatMoment(offer.validUntil, language)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('delivery')}</dt>
          <dd>{offer.deliveryEstimate}</dd>
        </div>
      </dl>
      {offer.status === 'superseded' && replacedBy !== undefined && <p class="muted">{t('replacedBy', { n: replacedBy })}</p>}
      {offer.decision && (
        <div class={offer.decision.decision === 'accepted' ? 'notice ok' : 'notice'}>
          <p>{t(offer.decision.decision === 'accepted' ? 'acceptedBy' : 'rejectedBy', { name: offer.decision.name, date: formatMoment(offer.decision.at, language) })}</p>
          {offer.decision.reason && <MarkdownView source={offer.decision.reason} format="text" />}
        </div>
      )}
      <details class="offer-details" open={current}>
        <summary>{t('details')}</summary>
        <PriceTable priced={offer} />
        {offer.terms && (
          <section class="terms">
            <h4>{t('terms')}</h4>
            <MarkdownView source={offer.terms} format="text" />
          </section>
        )}
      </details>
    </article>
  );
};
