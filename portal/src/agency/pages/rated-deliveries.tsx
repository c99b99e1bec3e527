import { useContext, useEffect, useState } from 'preact/hooks';
import { must, refusalOf, type Api, type ApiProblem, type Schemas } from '../../api/client.js';
import { AppContext } from '../../app-context.js';
import { useWords, type Words } from '../../i18n.js';
import { formatMoment } from '../../pages/request/decision-kit.js';
import { ProblemBox } from '../../ui/problem-box.js';
import { RequestLink } from './request-link.js';
import { Stars } from './stars.js';

type Request = Schemas['Request'];
type Handover = Schemas['Handover'];

/** A round the client accepted with a rating or a comment: one piece of feedback, on its request. */
export interface RatedDelivery {
  request: Request;
  round: number;
  handedOverByName: string;
  acceptedBy: string;
  at: string;
  rating?: number | undefined;
  comment?: string | undefined;
}

const words: Words<'show' | 'hide' | 'showFor' | 'heading' | 'loading' | 'none' | 'unrated' | 'more' | 'loadingMore' | 'round' | 'handedOver' | 'accepted' | 'rated' | 'noRating'> = {
  en: {
    show: 'Rated deliveries',
    hide: 'Hide deliveries',
    showFor: 'of {name}',
    heading: 'Deliveries {name} accepted with a rating or a comment',
    loading: 'Loading the organisation’s accepted requests…',
    none: 'None of its accepted requests read so far carries a rating or a comment.',
    unrated: 'Accepted without a rating or a comment: {n}.',
    more: 'Read more accepted requests',
    loadingMore: 'Reading…',
    round: 'round {n}',
    handedOver: 'handed over by {name}',
    accepted: 'accepted by {name} on {date}',
    rated: 'Rated {n} of 5',
    noRating: 'No rating, a comment only',
  },
  cs: {
    show: 'Hodnocené dodávky',
    hide: 'Skrýt dodávky',
    showFor: 'organizace {name}',
    heading: 'Dodávky převzaté organizací {name} s hodnocením nebo komentářem',
    loading: 'Načítám převzaté požadavky organizace…',
    none: 'Žádný z dosud načtených převzatých požadavků nemá hodnocení ani komentář.',
    unrated: 'Převzato bez hodnocení i komentáře: {n}.',
    more: 'Načíst další převzaté požadavky',
    loadingMore: 'Načítám…',
    round: '{n}. kolo',
    handedOver: 'předal(a) {name}',
    accepted: 'převzal(a) {name} {date}',
    rated: 'Hodnoceno {n} z 5',
    noRating: 'Bez hvězdiček, jen komentář',
  },
};

/** The button that opens an organisation's rated deliveries under its row. */
export const DeliveriesToggle = ({ open, onToggle, controls, name }: { open: boolean; onToggle: () => void; controls: string; name: string }) => {
  const t = useWords(words);
  return (
    <button type="button" class="secondary small" aria-expanded={open} aria-controls={open ? controls : undefined} onClick={onToggle}>
      {open ? t('hide') : t('show')}
      <span class="visually-hidden"> {t('showFor', { name })}</span>
    </button>
  );
};

/** The rated rounds of a page of an organisation's accepted requests (a request's handovers are one read each). */
const readPage = async (api: Api, orgId: string, cursor: string | undefined) => {
  const page = await must(api.GET('/requests', { params: { query: { scope: 'all', orgId, status: 'accepted', limit: '25', ...(cursor ? { cursor } : {}) } } }));
  const rounds = await Promise.all(page.items.map((request) => must(api.GET('/requests/{requestId}/handovers', { params: { path: { requestId: request.requestId } } }))));
  const rated: RatedDelivery[] = [];
  page.items.forEach((request, index) => {
    for (const handover of rounds[index] ?? []) {
      const delivery = ratedDelivery(request, handover);
      if (delivery) rated.push(delivery);
    }
  });
  return { rated, unrated: page.items.length - new Set(rated.map((delivery) => delivery.request.requestId)).size, nextCursor: page.nextCursor };
};

const ratedDelivery = (request: Request, handover: Handover): RatedDelivery | undefined => {
  const outcome = handover.outcome;
  if (outcome?.decision !== 'accepted' || (outcome.rating === undefined && !outcome.comment)) return undefined;
  return { request, round: handover.round, handedOverByName: handover.handedOverByName, acceptedBy: outcome.name, at: outcome.at, rating: outcome.rating, comment: outcome.comment };
};

/**
 * An organisation's feedback one delivery at a time: its accepted requests (newest first, a page of
 * 25 at a time), and of each the round it accepted with stars or a comment, linking to the request.
 */
export const RatedDeliveries = ({ orgId, name }: { orgId: string; name: string }) => {
  const { api, language } = useContext(AppContext);
  const t = useWords(words);
  const [rated, setRated] = useState<RatedDelivery[]>();
  const [unrated, setUnrated] = useState(0);
  const [cursor, setCursor] = useState<string>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, setBusy] = useState(false);

  const read = async (from: string | undefined) => {
    setBusy(true);
    try {
      const page = await readPage(api, orgId, from);
      setRated((before) => [...(from ? (before ?? []) : []), ...page.rated]);
      setUnrated((before) => (from ? before : 0) + page.unrated);
      setCursor(page.nextCursor);
      setProblem(undefined);
    } catch (error) {
      setProblem(refusalOf(error));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => void read(undefined), [orgId]);

  return (
    <section class="rated-deliveries" aria-label={t('heading', { name })} aria-busy={busy}>
      <ProblemBox problem={problem} />
      {!rated && busy && <p>{t('loading')}</p>}
      {rated && rated.length === 0 && <p class="muted">{t('none')}</p>}
      {rated && rated.length > 0 && (
        <ul class="ops-list">
          {rated.map((delivery) => (
            <li key={`${delivery.request.requestId}-${delivery.round}`} class="ops-item rated-delivery" data-request={delivery.request.requestId}>
              <RequestLink requestId={delivery.request.requestId} title={delivery.request.title} />
              <p class="rating">
                {delivery.rating === undefined ? <span class="muted">{t('noRating')}</span> : <Stars value={delivery.rating} label={t('rated', { n: delivery.rating })} />}
              </p>
              {delivery.comment && <blockquote class="client-comment">{delivery.comment}</blockquote>}
              <p class="meta">
                <span>{t('round', { n: delivery.round })}</span>
                <span>{t('handedOver', { name: delivery.handedOverByName })}</span>
                <span>{t('accepted', { name: delivery.acceptedBy, date: formatMoment(delivery.at, language) })}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      {rated && unrated > 0 && <p class="hint">{t('unrated', { n: unrated })}</p>}
      {cursor && (
        <button type="button" class="secondary small" disabled={busy} onClick={() => void read(cursor)}>
          {busy ? t('loadingMore') : t('more')}
        </button>
      )}
    </section>
  );
};
