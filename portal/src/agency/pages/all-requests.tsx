import { useContext, useEffect, useId, useState } from 'preact/hooks';
import { must, type Schemas } from '../../api/client.js';
import { AppContext } from '../../app-context.js';
import { useWords, type Words } from '../../i18n.js';
import { formatMoment } from '../../pages/request/decision-kit.js';
import { typeWords, type RequestStatus, type RequestType } from '../../request-words.js';
import { navigate, useRoute } from '../../router.js';
import { ProblemBox } from '../../ui/problem-box.js';
import { Shell } from '../../ui/shell.js';
import { agencyStatusWords, ClientSelect, useClients, useStaff, withQuery } from '../directory.js';
import { useAssigneeName } from '../request/assignee.js';
import { usePagedList, type ReadPage } from './paged-list.js';
import './all-requests.css';
import { requestStatuses, requestTypes } from '../../../../lib/domain/request-kinds.js';

type Request = Schemas['Request'];

// The statuses in lifecycle order (the first ones are the new requests to clarify and price) and the types, as the API's own lists.
const statuses: readonly RequestStatus[] = requestStatuses;
const types: readonly RequestType[] = requestTypes;

const words: Words<
  | 'title'
  | 'intro'
  | 'filters'
  | 'status'
  | 'allStatuses'
  | 'type'
  | 'allTypes'
  | 'search'
  | 'searchButton'
  | 'clear'
  | 'loading'
  | 'none'
  | 'nothing'
  | 'more'
  | 'filed'
  | 'list'
> = {
  en: {
    title: 'Requests',
    intro: 'Every client’s requests, newest first: also the ones not in the work queue yet, new ones to clarify and price.',
    filters: 'Filters',
    status: 'Status',
    allStatuses: 'All statuses',
    type: 'Type',
    allTypes: 'All types',
    search: 'Title contains',
    searchButton: 'Search',
    clear: 'Clear the filters',
    loading: 'Loading the requests…',
    none: 'No requests yet.',
    nothing: 'No request matches these filters.',
    more: 'Show more',
    filed: 'Filed {date}',
    list: 'Requests, newest first',
  },
  cs: {
    title: 'Požadavky',
    intro: 'Požadavky všech klientů, nejnovější nahoře: i ty, které ještě nejsou ve frontě práce, nové k upřesnění a nacenění.',
    filters: 'Filtry',
    status: 'Stav',
    allStatuses: 'Všechny stavy',
    type: 'Typ',
    allTypes: 'Všechny typy',
    search: 'Název obsahuje',
    searchButton: 'Hledat',
    clear: 'Zrušit filtry',
    loading: 'Načítám požadavky…',
    none: 'Zatím žádné požadavky.',
    nothing: 'Filtrům neodpovídá žádný požadavek.',
    more: 'Zobrazit další',
    filed: 'Podáno {date}',
    list: 'Požadavky, nejnovější nahoře',
  },
};

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | '' => (allowed.includes(value as T) ? (value as T) : '');

/**
 * Every client's requests for the agency (`GET /requests?scope=all`), newest first and paged, with
 * the filters the API takes (status, type, client, text of the title) kept in the address, so a
 * reload or a shared link keeps them. Kept current like the operations lists (paged-list.ts): read
 * again on focus and every 10 s, as far as it was shown.
 */
export const AllRequests = () => {
  const { api, language } = useContext(AppContext);
  const t = useWords(words);
  const id = useId();
  const status = useWords(agencyStatusWords);
  const type = useWords(typeWords);
  const { query } = useRoute();
  const filters = {
    status: pick(query.get('status'), statuses),
    type: pick(query.get('type'), types),
    orgId: query.get('orgId') ?? '',
    q: query.get('q')?.trim() ?? '',
  };
  const key = withQuery('', filters);
  const [search, setSearch] = useState(filters.q);
  const { staff } = useStaff();
  const assigneeName = useAssigneeName(staff);
  const read: ReadPage<Request> = (limit, cursor) =>
    must(
      api.GET('/requests', {
        params: {
          query: {
            scope: 'all',
            limit: String(limit),
            ...(filters.status ? { status: filters.status } : {}),
            ...(filters.type ? { type: filters.type } : {}),
            ...(filters.orgId ? { orgId: filters.orgId } : {}),
            ...(filters.q ? { q: filters.q } : {}),
            ...(cursor ? { cursor } : {}),
          },
        },
      }),
    );
  const { items, nextCursor, problem, loadingMore, more } = usePagedList(read, (request) => request.requestId, key);
  const clients = useClients(items?.map((request) => request.orgId) ?? []);
  // The search box follows the address (a link, back and forward) until the person types.
  useEffect(() => setSearch(filters.q), [filters.q]);

  const filter = (change: Partial<typeof filters>) => navigate(withQuery('/requests', { ...filters, ...change }), { replace: true });
  const submitSearch = (event: Event) => {
    event.preventDefault();
    filter({ q: search.trim() });
  };
  const filtered = key !== '';

  return (
    <Shell current="allRequests">
      <h1>{t('title')}</h1>
      <p class="muted intro">{t('intro')}</p>
      <div class="list-filters" role="group" aria-label={t('filters')}>
        <div class="filter">
          <label for={`${id}-status`}>{t('status')}</label>
          <select id={`${id}-status`} value={filters.status} onChange={(event) => filter({ status: pick(event.currentTarget.value, statuses) })}>
            <option value="">{t('allStatuses')}</option>
            {statuses.map((value) => (
              <option value={value}>{status(value)}</option>
            ))}
          </select>
        </div>
        <div class="filter">
          <label for={`${id}-type`}>{t('type')}</label>
          <select id={`${id}-type`} value={filters.type} onChange={(event) => filter({ type: pick(event.currentTarget.value, types) })}>
            <option value="">{t('allTypes')}</option>
            {types.map((value) => (
              <option value={value}>{type(value)}</option>
            ))}
          </select>
        </div>
        <ClientSelect clients={clients} value={filters.orgId} onChange={(orgId) => filter({ orgId })} />
        <form class="search" role="search" onSubmit={submitSearch}>
          <div class="filter">
            <label for={`${id}-q`}>{t('search')}</label>
            <input id={`${id}-q`} type="search" maxLength={100} value={search} onInput={(event) => setSearch(event.currentTarget.value)} />
          </div>
          <button type="submit" class="secondary">
            {t('searchButton')}
          </button>
        </form>
        {filtered && (
          <a class="clear-filters" href="/requests">
            {t('clear')}
          </a>
        )}
      </div>
      <ProblemBox problem={problem ?? clients.problem} />
      {items === undefined && !problem && <p aria-busy="true">{t('loading')}</p>}
      {items?.length === 0 && <p class="empty">{filtered ? t('nothing') : t('none')}</p>}
      {items && items.length > 0 && (
        <ul class="request-list agency-requests" aria-label={t('list')}>
          {items.map((request) => (
            <li key={request.requestId}>
              <a href={`/requests/${request.requestId}`}>
                <span class="number">#{request.requestId}</span>
                <span class="title">{request.title}</span>
              </a>
              <span class="meta">
                <span class="client">{clients.names.get(request.orgId) ?? request.orgId}</span>
                <span class={`status status-${request.status}`}>{status(request.status)}</span>
                <span>{type(request.type)}</span>
                <span>{assigneeName(request)}</span>
                <span>{t('filed', { date: formatMoment(request.createdAt, language) })}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {nextCursor && (
        <button type="button" class="secondary more" disabled={loadingMore} onClick={() => void more()}>
          {t('more')}
        </button>
      )}
    </Shell>
  );
};
