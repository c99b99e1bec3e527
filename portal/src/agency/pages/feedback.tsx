import { useContext, useEffect, useState } from 'preact/hooks';
import { must, refusalOf, type ApiProblem, type Schemas } from '../../api/client.js';
import { AppContext } from '../../app-context.js';
import { useWords, type Language, type Words } from '../../i18n.js';
import { formatMoment } from '../../pages/request/decision-kit.js';
import { ProblemBox } from '../../ui/problem-box.js';
import { Shell } from '../../ui/shell.js';
import { nameMatches } from './name-filter.js';
import { DeliveriesToggle, RatedDeliveries } from './rated-deliveries.js';
import { Stars } from './stars.js';
import './operations.css';

type Summary = Schemas['Feedback']['organisations'][number];

const words: Words<
  | 'title'
  | 'intro'
  | 'averages'
  | 'loading'
  | 'empty'
  | 'filter'
  | 'filterHint'
  | 'organisations'
  | 'organisationsHint'
  | 'agents'
  | 'agentsHint'
  | 'organisation'
  | 'person'
  | 'average'
  | 'count'
  | 'stars'
  | 'lastRated'
  | 'deliveries'
  | 'noMatch'
  | 'starCount'
  | 'starCountOne'
  | 'starCountFew'
  | 'noneYet'
> = {
  en: {
    title: 'Clients’ feedback',
    intro: 'How clients rated delivered work when they accepted it: 1 (poor) to 5 (excellent) stars. A rating is optional, and a delivery deemed accepted (no answer within 7 days) has none.',
    averages: 'The averages and counts are the Helpdesk’s own (to two decimals), summed as ratings come in. The deliveries behind an organisation’s ratings, with the client’s comments, open under “Rated deliveries”.',
    loading: 'Loading the ratings…',
    empty: 'No client has rated a delivery yet. Ratings show here once a client accepts a delivery with stars.',
    filter: 'Find an organisation or a person',
    filterHint: 'Part of the name; case and accents do not matter.',
    organisations: 'By client organisation',
    organisationsHint: 'The organisation whose people accepted the work.',
    agents: 'By agency person',
    agentsHint: 'Whoever handed the work over for review.',
    organisation: 'Organisation',
    person: 'Person',
    average: 'Average',
    count: 'Ratings',
    stars: 'Stars given',
    lastRated: 'Last rated',
    deliveries: 'Deliveries',
    noMatch: 'No name here contains “{q}”.',
    starCount: '{n} stars: {count}',
    starCountOne: '1 star: {count}',
    starCountFew: '{n} stars: {count}',
    noneYet: 'None yet.',
  },
  cs: {
    title: 'Hodnocení klientů',
    intro: 'Jak klienti ohodnotili odvedenou práci, když ji převzali: 1 (špatné) až 5 (výborné) hvězdiček. Hodnocení je nepovinné a dodávka převzatá uplynutím lhůty (bez odpovědi do 7 dnů) žádné nemá.',
    averages: 'Průměry a počty počítá Helpdesk sám (na dvě desetinná místa), průběžně s každým hodnocením. Dodávky, za které organizace hodnotila, i s komentáři klientů, otevřete tlačítkem „Hodnocené dodávky“.',
    loading: 'Načítám hodnocení…',
    empty: 'Zatím žádný klient dodávku neohodnotil. Hodnocení se tu objeví, jakmile klient převezme dodávku a přidá hvězdičky.',
    filter: 'Najít organizaci nebo člověka',
    filterHint: 'Část jména; na velikosti písmen ani diakritice nezáleží.',
    organisations: 'Podle klientských organizací',
    organisationsHint: 'Organizace, jejíž lidé práci převzali.',
    agents: 'Podle lidí z agentury',
    agentsHint: 'Ten, kdo práci předal ke kontrole.',
    organisation: 'Organizace',
    person: 'Člověk',
    average: 'Průměr',
    count: 'Hodnocení',
    stars: 'Udělené hvězdičky',
    lastRated: 'Naposledy',
    deliveries: 'Dodávky',
    noMatch: 'Žádné jméno tu neobsahuje „{q}“.',
    starCount: '{n} hvězdiček: {count}',
    starCountOne: '1 hvězdička: {count}',
    starCountFew: '{n} hvězdičky: {count}',
    noneYet: 'Zatím žádná.',
  },
};

/** An average as people read it in their language: `4.5` → “4,50” in Czech. */
const formatAverage = (average: number, language: Language) =>
  new Intl.NumberFormat(language === 'cs' ? 'cs-CZ' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(average);

/**
 * The clients' feedback on delivered work, as `GET /feedback` sums it: per client organisation and
 * per agency person who handed the work over, best rated first, each with its average, count and
 * how many of each star. The API gives no list of single ratings, so an organisation's row opens
 * its accepted requests' rated rounds (each linking to its request); a person's row can't, as no
 * list of requests by who handed them over exists.
 */
export const Feedback = () => {
  const { api } = useContext(AppContext);
  const t = useWords(words);
  const [feedback, setFeedback] = useState<Schemas['Feedback']>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [typed, setTyped] = useState('');

  useEffect(() => {
    must(api.GET('/feedback'))
      .then((read) => (setFeedback(read), setProblem(undefined)))
      .catch((error: unknown) => setProblem(refusalOf(error)));
  }, []);

  const none = feedback && feedback.organisations.length === 0 && feedback.agents.length === 0;
  return (
    <Shell current="feedback">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <ProblemBox problem={problem} />
      {!feedback && !problem && <p aria-busy="true">{t('loading')}</p>}
      {none && <p class="empty">{t('empty')}</p>}
      {feedback && !none && (
        <>
          <p class="hint">{t('averages')}</p>
          <div class="field ops-filter">
            <label for="feedback-filter">{t('filter')}</label>
            <input id="feedback-filter" type="search" value={typed} aria-describedby="feedback-filter-hint" onInput={(event) => setTyped(event.currentTarget.value)} />
            <p class="hint" id="feedback-filter-hint">
              {t('filterHint')}
            </p>
          </div>
          <SummaryTable id="organisations" heading={t('organisations')} hint={t('organisationsHint')} nameHeading={t('organisation')} rows={feedback.organisations} typed={typed} deliveries />
          <SummaryTable id="agents" heading={t('agents')} hint={t('agentsHint')} nameHeading={t('person')} rows={feedback.agents} typed={typed} />
        </>
      )}
    </Shell>
  );
};

interface TableProps {
  id: string;
  heading: string;
  hint: string;
  nameHeading: string;
  rows: Summary[];
  typed: string;
  /** Whether each row opens the deliveries behind it (an organisation's). */
  deliveries?: boolean;
}

const SummaryTable = ({ id, heading, hint, nameHeading, rows, typed, deliveries = false }: TableProps) => {
  const t = useWords(words);
  const shown = rows.filter((row) => nameMatches(row.name, typed));
  return (
    <section class="ops-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p class="hint">{hint}</p>
      {rows.length === 0 ? (
        <p class="empty">{t('noneYet')}</p>
      ) : shown.length === 0 ? (
        <p class="empty">{t('noMatch', { q: typed })}</p>
      ) : (
        <table class="ops-table feedback-table" aria-labelledby={`${id}-heading`}>
          <thead>
            <tr>
              <th scope="col">{nameHeading}</th>
              <th scope="col">{t('average')}</th>
              <th scope="col" class="num">
                {t('count')}
              </th>
              <th scope="col">{t('stars')}</th>
              <th scope="col">{t('lastRated')}</th>
              {deliveries && <th scope="col">{t('deliveries')}</th>}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <SummaryRow key={row.id} row={row} deliveries={deliveries} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};

const SummaryRow = ({ row, deliveries }: { row: Summary; deliveries: boolean }) => {
  const { language } = useContext(AppContext);
  const t = useWords(words);
  const [open, setOpen] = useState(false);
  const columns = deliveries ? 6 : 5;
  return (
    <>
      <tr data-scope={row.scope} data-id={row.id}>
        <th scope="row" data-label={deliveries ? t('organisation') : t('person')}>
          {deliveries ? <a href={`/orgs/${encodeURIComponent(row.id)}`}>{row.name}</a> : row.name}
        </th>
        <td data-label={t('average')} class="average">
          <Stars value={row.average} label={formatAverage(row.average, language)} />
        </td>
        <td data-label={t('count')} class="num count">
          {row.count}
        </td>
        <td data-label={t('stars')}>
          <ul class="star-counts">
            {([5, 4, 3, 2, 1] as const).map((n) => (
              <li key={n} class={row.stars[n] === 0 ? 'none' : undefined}>
                <span aria-hidden="true">{n}★</span> <span class="visually-hidden">{t(n === 1 ? 'starCountOne' : n < 5 ? 'starCountFew' : 'starCount', { n, count: row.stars[n] })}</span>
                <span aria-hidden="true">{row.stars[n]}</span>
              </li>
            ))}
          </ul>
        </td>
        <td data-label={t('lastRated')}>{formatMoment(row.lastRatedAt, language)}</td>
        {deliveries && (
          <td data-label={t('deliveries')}>
            <DeliveriesToggle open={open} onToggle={() => setOpen(!open)} controls={`deliveries-${row.id}`} name={row.name} />
          </td>
        )}
      </tr>
      {deliveries && open && (
        <tr class="ops-expanded" id={`deliveries-${row.id}`}>
          <td colSpan={columns}>
            <RatedDeliveries orgId={row.id} name={row.name} />
          </td>
        </tr>
      )}
    </>
  );
};
