import { useContext, useEffect, useState } from 'preact/hooks';
import { refusalOf, must, type ApiProblem, type Schemas } from '../api/client.js';
import { AppContext } from '../app-context.js';
import { useWords, type Words } from '../i18n.js';
import { statusWords, typeWords, waitsOnMe } from '../request-words.js';
import { ProblemBox } from '../ui/problem-box.js';
import { Shell } from '../ui/shell.js';

const words: Words<'title' | 'none' | 'newRequest' | 'waits' | 'more' | 'updated' | 'loading'> = {
  en: {
    title: 'My requests',
    none: 'No requests yet. The orange button at the bottom right files one.',
    newRequest: 'New request',
    waits: 'Waits on you',
    more: 'Show more',
    updated: 'Updated {date}',
    loading: 'Loading your requests…',
  },
  cs: {
    title: 'Moje požadavky',
    none: 'Zatím žádné požadavky. Oranžové tlačítko vpravo dole založí nový.',
    newRequest: 'Nový požadavek',
    waits: 'Čeká na vás',
    more: 'Zobrazit další',
    updated: 'Změněno {date}',
    loading: 'Načítám vaše požadavky…',
  },
};

/** The client's requests, newest first, each with its status and whether it waits on them. */
export const Requests = () => {
  const { api, language } = useContext(AppContext);
  const t = useWords(words);
  const status = useWords(statusWords);
  const type = useWords(typeWords);
  const [items, setItems] = useState<Schemas['Request'][]>();
  const [cursor, setCursor] = useState<string>();
  const [problem, setProblem] = useState<ApiProblem>();

  const load = async (after?: string) => {
    try {
      const page = await must(api.GET('/requests', { params: { query: after ? { cursor: after } : {} } }));
      setItems((before) => [...(after ? (before ?? []) : []), ...page.items]);
      setCursor(page.nextCursor);
      setProblem(undefined);
    } catch (error) {
      setProblem(refusalOf(error));
    }
  };
  useEffect(() => void load(), []);
  const date = (iso: string) => new Date(iso).toLocaleDateString(language === 'cs' ? 'cs-CZ' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

  return (
    <Shell current="requests">
      <h1>{t('title')}</h1>
      <ProblemBox problem={problem} />
      {items === undefined && !problem && <p aria-busy="true">{t('loading')}</p>}
      {items?.length === 0 && <p class="empty">{t('none')}</p>}
      {items && items.length > 0 && (
        <ul class="request-list">
          {items.map((request) => (
            <li key={request.requestId} class={waitsOnMe(request) ? 'waits' : undefined}>
              <a href={`/requests/${request.requestId}`}>
                <span class="number">#{request.requestId}</span>
                <span class="title">{request.title}</span>
              </a>
              <span class="meta">
                <span class={`status status-${request.status}`}>{status(request.status)}</span>
                <span>{type(request.type)}</span>
                <span>{t('updated', { date: date(request.updatedAt) })}</span>
                {waitsOnMe(request) && <strong class="badge">{t('waits')}</strong>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {cursor && (
        <button type="button" class="secondary" onClick={() => void load(cursor)}>
          {t('more')}
        </button>
      )}
      <a class="fab" href="/requests/new">
        <span aria-hidden="true">+</span>
        <span class="fab-label">{t('newRequest')}</span>
      </a>
    </Shell>
  );
};
