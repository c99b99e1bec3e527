import { useContext, useEffect, useState } from 'preact/hooks';
import { brands } from '../../../../lib/mail/brands.js';
import { must, refusalOf, type ApiProblem, type Schemas } from '../../api/client.js';
import { AppContext } from '../../app-context.js';
import { useWords, type Words } from '../../i18n.js';
import { NewOrganisationForm } from '../../organisation/new-organisation-form.js';
import { formatDate } from '../../organisation/when.js';
import { navigate, useRoute } from '../../router.js';
import { ProblemBox } from '../../ui/problem-box.js';
import { Shell } from '../../ui/shell.js';
import '../../organisation/organisation.css';

type Organisation = Schemas['Organisation'];

const words: Words<
  | 'title'
  | 'intro'
  | 'search'
  | 'searchButton'
  | 'showAll'
  | 'loading'
  | 'none'
  | 'noneFound'
  | 'found'
  | 'more'
  | 'loadingMore'
  | 'deactivated'
  | 'noBilling'
  | 'ico'
  | 'newClient'
  | 'list'
  | 'since'
> = {
  en: {
    title: 'Clients',
    intro: 'The agency’s client organisations, by name. Open one for its people, settings, billing details and log.',
    search: 'Search by name or IČO',
    searchButton: 'Search',
    showAll: 'Show all',
    loading: 'Loading the clients…',
    none: 'No client organisation yet.',
    noneFound: 'No organisation’s name or IČO contains “{q}”.',
    found: 'Organisations whose name or IČO contains “{q}”:',
    more: 'Show more',
    loadingMore: 'Loading…',
    deactivated: 'Deactivated',
    noBilling: 'No billing details',
    ico: 'IČO {ico}',
    newClient: 'New client organisation…',
    list: 'Client organisations',
    since: 'client since {date}',
  },
  cs: {
    title: 'Klienti',
    intro: 'Klientské organizace agentury podle názvu. Otevřete některou a uvidíte její lidi, nastavení, fakturační údaje a historii změn.',
    search: 'Hledat podle názvu nebo IČO',
    searchButton: 'Hledat',
    showAll: 'Zobrazit všechny',
    loading: 'Načítám klienty…',
    none: 'Zatím žádná klientská organizace.',
    noneFound: 'Žádná organizace nemá v názvu ani v IČO „{q}“.',
    found: 'Organizace, jejichž název nebo IČO obsahuje „{q}“:',
    more: 'Zobrazit další',
    loadingMore: 'Načítám…',
    deactivated: 'Deaktivovaná',
    noBilling: 'Bez fakturačních údajů',
    ico: 'IČO {ico}',
    newClient: 'Nová klientská organizace…',
    list: 'Klientské organizace',
    since: 'klientem od {date}',
  },
};

const pageSize = '50';

/**
 * The agency's clients: searched by name or IČO (the search is in the address, so back and reload
 * keep it), paged, each linking to its page; the agency's admins create new ones here.
 */
export const Organisations = () => {
  const { api, me, language } = useContext(AppContext);
  const t = useWords(words);
  const route = useRoute();
  const q = route.query.get('q')?.trim() ?? '';
  const [typed, setTyped] = useState(q);
  const [items, setItems] = useState<Organisation[]>();
  const [cursor, setCursor] = useState<string>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [creating, setCreating] = useState(false);
  const admin = me?.role === 'admin';

  const page = (after?: string) => must(api.GET('/orgs', { params: { query: { limit: pageSize, ...(q ? { q } : {}), ...(after ? { cursor: after } : {}) } } }));

  useEffect(() => {
    setItems(undefined);
    setTyped(q);
    void page()
      .then((first) => {
        setItems(first.items);
        setCursor(first.nextCursor);
        setProblem(undefined);
      })
      .catch((error: unknown) => setProblem(refusalOf(error)));
  }, [q]);

  const more = async () => {
    setLoadingMore(true);
    try {
      const next = await page(cursor);
      setItems((before) => [...(before ?? []), ...next.items]);
      setCursor(next.nextCursor);
    } catch (error) {
      setProblem(refusalOf(error));
    } finally {
      setLoadingMore(false);
    }
  };

  const search = (event: Event) => {
    event.preventDefault();
    const wanted = typed.trim();
    navigate(wanted ? `/orgs?q=${encodeURIComponent(wanted)}` : '/orgs', { replace: true });
  };

  return (
    <Shell current="orgs">
      <div class="page-head">
        <h1>{t('title')}</h1>
        {admin && !creating && (
          <button type="button" class="primary" onClick={() => setCreating(true)}>
            {t('newClient')}
          </button>
        )}
      </div>
      <p>{t('intro')}</p>
      {admin && creating && (
        <NewOrganisationForm onCreated={(created) => navigate(`/orgs/${encodeURIComponent(created.orgId)}?created=1`)} onCancel={() => setCreating(false)} />
      )}
      <form class="search-form" role="search" onSubmit={search}>
        <label for="organisation-search">{t('search')}</label>
        <div class="search-row">
          <input id="organisation-search" type="search" maxLength={100} value={typed} onInput={(event) => setTyped(event.currentTarget.value)} />
          <button type="submit" class="secondary">
            {t('searchButton')}
          </button>
        </div>
      </form>
      {q && items && items.length > 0 && (
        <p class="found">
          {t('found', { q })} <a href="/orgs">{t('showAll')}</a>
        </p>
      )}
      <ProblemBox problem={problem} />
      {!items && !problem && (
        <p class="loading-line" aria-busy="true">
          {t('loading')}
        </p>
      )}
      {items?.length === 0 && (
        <p class="empty">
          {q ? t('noneFound', { q }) : t('none')} {q && <a href="/orgs">{t('showAll')}</a>}
        </p>
      )}
      {items && items.length > 0 && (
        <ul class="request-list organisation-list" aria-label={t('list')}>
          {items.map((organisation) => (
            <li key={organisation.orgId} class={organisation.deactivatedAt ? 'organisation-deactivated' : undefined}>
              <a href={`/orgs/${encodeURIComponent(organisation.orgId)}`}>{organisation.name}</a>
              <span class="meta">
                <span>{brands[organisation.platform].name}</span>
                {organisation.billing?.ico ? <span>{t('ico', { ico: organisation.billing.ico })}</span> : !organisation.billing && <span>{t('noBilling')}</span>}
                <span>{t('since', { date: formatDate(organisation.createdAt, language) })}</span>
                {organisation.deactivatedAt && <span class="state state-deactivated">{t('deactivated')}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {cursor && (
        <div class="actions more">
          <button type="button" class="secondary" disabled={loadingMore} aria-busy={loadingMore ? 'true' : undefined} onClick={() => void more()}>
            {loadingMore ? t('loadingMore') : t('more')}
          </button>
        </div>
      )}
    </Shell>
  );
};
