import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { must, refusalOf, type ApiProblem, type Schemas } from '../../api/client.js';
import { AppContext } from '../../app-context.js';
import { useWords, type Words } from '../../i18n.js';
import { useLiveRefresh } from '../../live.js';
import { formatMoment } from '../../pages/request/decision-kit.js';
import { typeWords } from '../../request-words.js';
import { navigate, useRoute } from '../../router.js';
import { ProblemBox } from '../../ui/problem-box.js';
import { Shell } from '../../ui/shell.js';
import { agencyStatusWords, ClientSelect, useClients, useStaff, withQuery } from '../directory.js';
import { AssignControls, useAssigneeName } from '../request/assignee.js';
import './work-queue.css';

type Assignee = '' | 'me' | 'none';

const words: Words<
  | 'title'
  | 'first-ready'
  | 'round-robin'
  | 'filters'
  | 'show'
  | 'all'
  | 'mine'
  | 'unassigned'
  | 'loading'
  | 'empty'
  | 'nothing'
  | 'showAll'
  | 'list'
  | 'position'
  | 'rank'
  | 'waiting'
> = {
  en: {
    title: 'Work queue',
    'first-ready': 'Ready work of every client: ordered (and paid), in progress, or back with changes. Each client’s requests stand in the order the client set; clients line up first come, first served.',
    'round-robin': 'Ready work of every client: ordered (and paid), in progress, or back with changes. Each client’s requests stand in the order the client set; clients take turns, one request each.',
    filters: 'Filters',
    show: 'Show',
    all: 'All work',
    mine: 'Mine',
    unassigned: 'Unassigned',
    loading: 'Loading the work queue…',
    empty: 'No work is waiting: no request is ordered, in progress or back with changes.',
    nothing: 'Nothing in the queue matches these filters.',
    showAll: 'Show all work',
    list: 'Work, first to do at the top',
    position: 'Position {n} in the work queue',
    rank: '#{n} for {client}',
    waiting: 'Waiting since',
  },
  cs: {
    title: 'Fronta práce',
    'first-ready': 'Připravená práce všech klientů: objednaná (a zaplacená), rozpracovaná nebo vrácená k úpravám. Požadavky každého klienta jsou v pořadí, které si klient určil; klienti se řadí podle toho, kdo byl dřív.',
    'round-robin': 'Připravená práce všech klientů: objednaná (a zaplacená), rozpracovaná nebo vrácená k úpravám. Požadavky každého klienta jsou v pořadí, které si klient určil; klienti se střídají po jednom požadavku.',
    filters: 'Filtry',
    show: 'Zobrazit',
    all: 'Všechna práce',
    mine: 'Moje',
    unassigned: 'Nepřidělené',
    loading: 'Načítám frontu práce…',
    empty: 'Žádná práce nečeká: žádný požadavek není objednaný, rozpracovaný ani vrácený k úpravám.',
    nothing: 'Filtrům nic ve frontě neodpovídá.',
    showAll: 'Zobrazit všechnu práci',
    list: 'Práce, první nahoře',
    position: 'Pozice {n} ve frontě práce',
    rank: '#{n} v pořadí klienta {client}',
    waiting: 'Čeká od',
  },
};

/**
 * The agency's work queue (`GET /work-queue`): ready work of every client, each client's requests
 * in the client's own order (its rank shows: "#2 for Acme"), interleaved as the API gives them.
 * Filters live in the address (`?assignee=me&orgId=…`), so a reload or a shared link keeps them;
 * the API applies them.
 * Each row takes the request ("Assign to me") or gives it to someone else. The page reads the queue
 * again when the person comes back to it and every few seconds (live.ts).
 */
export const WorkQueue = () => {
  const { api, language } = useContext(AppContext);
  const t = useWords(words);
  const status = useWords(agencyStatusWords);
  const type = useWords(typeWords);
  const { query } = useRoute();
  const assignee: Assignee = query.get('assignee') === 'me' ? 'me' : query.get('assignee') === 'none' ? 'none' : '';
  const orgId = query.get('orgId') ?? '';
  const [queue, setQueue] = useState<Schemas['WorkQueue']>();
  const [problem, setProblem] = useState<ApiProblem>();
  const { staff } = useStaff();
  const assigneeName = useAssigneeName(staff);
  const clients = useClients(queue?.items.map((item) => item.request.orgId) ?? []);
  // Only the answer to the latest read is shown: a slow one for filters left since is dropped.
  const latest = useRef(0);

  const load = async () => {
    const read = ++latest.current;
    try {
      const answer = await must(api.GET('/work-queue', { params: { query: { ...(assignee ? { assignee } : {}), ...(orgId ? { orgId } : {}) } } }));
      if (read !== latest.current) return;
      setQueue(answer);
      setProblem(undefined);
    } catch (error) {
      if (read === latest.current) setProblem(refusalOf(error));
    }
  };
  useEffect(() => {
    setQueue(undefined);
    void load();
  }, [assignee, orgId]);
  useLiveRefresh(load);

  // Filtered by the API (assignee, client): each keeps its place in the whole queue.
  const items = queue?.items;
  const filter = (change: { assignee?: Assignee; orgId?: string }) => navigate(withQuery('/', { assignee, orgId, ...change }), { replace: true });
  const clientName = (id: string) => clients.names.get(id) ?? id;
  const filtered = assignee !== '' || orgId !== '';

  return (
    <Shell current="queue">
      <h1>{t('title')}</h1>
      {queue && <p class="muted intro">{t(queue.policy)}</p>}
      <div class="list-filters" role="group" aria-label={t('filters')}>
        <div class="segmented" role="group" aria-label={t('show')}>
          {(['', 'me', 'none'] as const).map((choice) => (
            <a href={withQuery('/', { assignee: choice, orgId })} aria-current={assignee === choice ? 'true' : undefined}>
              {choice === 'me' ? t('mine') : choice === 'none' ? t('unassigned') : t('all')}
            </a>
          ))}
        </div>
        <ClientSelect clients={clients} value={orgId} onChange={(chosen) => filter({ orgId: chosen })} />
      </div>
      <ProblemBox problem={problem ?? clients.problem} />
      {!items && !problem && <p aria-busy="true">{t('loading')}</p>}
      {items && items.length === 0 && (
        <p class="empty">
          {filtered ? t('nothing') : t('empty')} {filtered && <a href="/">{t('showAll')}</a>}
        </p>
      )}
      {items && items.length > 0 && (
        <ol class="work-queue" aria-label={t('list')}>
          {items.map(({ position, orgPosition, request }) => (
            <li key={request.requestId} class={request.assigneeId ? 'work-item' : 'work-item unassigned'}>
              <span class="work-position">
                <span aria-hidden="true">{position}</span>
                <span class="visually-hidden">{t('position', { n: position })}</span>
              </span>
              <div class="work-main">
                <p class="work-rank">{t('rank', { n: orgPosition, client: clientName(request.orgId) })}</p>
                <a class="work-title" href={`/requests/${request.requestId}`}>
                  <span class="number">#{request.requestId}</span> <span>{request.title}</span>
                </a>
                <p class="meta">
                  <span class={`status status-${request.status}`}>{status(request.status)}</span>
                  <span>{type(request.type)}</span>
                  {request.readyAt && (
                    <span>
                      {t('waiting')} <time dateTime={request.readyAt}>{formatMoment(request.readyAt, language)}</time>
                    </span>
                  )}
                </p>
              </div>
              <div class="work-assignee">
                <p class="assignee-name">{assigneeName(request)}</p>
                <AssignControls request={request} staff={staff} onChanged={load} compact label={`#${request.requestId} ${request.title}`} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </Shell>
  );
};
