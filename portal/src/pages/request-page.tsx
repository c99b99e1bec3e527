import type { FunctionComponent } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { refusalOf, must, type ApiProblem, type Schemas } from '../api/client.js';
import { AppContext } from '../app-context.js';
import { useWords, type Language, type Words } from '../i18n.js';
import { useLiveRefresh } from '../live.js';
import { statusWords, typeWords, type RequestStatus } from '../request-words.js';
import { cameFrom, navigate, useRoute } from '../router.js';
import { MarkdownView } from '../ui/markdown-view.js';
import { ProblemBox } from '../ui/problem-box.js';
import { Shell, type Section } from '../ui/shell.js';
import { ExplanationPanel } from './request/explanation.js';
import { RequestContext } from './request/request-context.js';
import { requestTabs, type RequestTab } from './request/tabs.js';

const words: Words<'tabs' | 'back' | 'loading'> = {
  en: { tabs: 'Sections of the request', back: 'My requests', loading: 'Loading the request…' },
  cs: { tabs: 'Části požadavku', back: 'Moje požadavky', loading: 'Načítám požadavek…' },
};

/** What differs between a client's request page and the agency's: the tabs, what stands under the title, where "back" goes. */
export interface RequestPageKind {
  tabs: readonly RequestTab[];
  /** Shown under the request's head, inside its context (the agency's assignee and steps). */
  Head?: FunctionComponent;
  /**
   * What an answered request shows of its explanation: the client's panel (reopen, close), or the
   * agency's read-only note of what the client got (its steps are the agency's own, in its Head).
   */
  Explanation: FunctionComponent;
  /** The statuses in this side's words: "For your review" to the client is "In the client's review" to the agency. */
  statusWords: Words<RequestStatus>;
  /**
   * Where "back" leads and which section the navigation marks, from the in-app address the page was
   * reached from (router.ts `cameFrom`; none after a fresh load or a mail's link).
   */
  way: (from: string | undefined) => { back: { href: string; label: Record<Language, string> }; section: Section };
}

const clientKind: RequestPageKind = {
  tabs: requestTabs,
  Explanation: ExplanationPanel,
  statusWords,
  way: () => ({ back: { href: '/', label: { en: words.en.back, cs: words.cs.back } }, section: 'requests' }),
};

/**
 * A request's page: what it is and where it stands, and its tabs. It reads the request again when
 * the person comes back to it and every few seconds while it shows (live.ts), so a change someone
 * else made appears without a reload; the tabs read theirs again with it (`refreshed`).
 */
export const RequestPage = ({ requestId, kind = clientKind }: { requestId: string; kind?: RequestPageKind }) => {
  const { api, language } = useContext(AppContext);
  const t = useWords(words);
  const status = useWords(kind.statusWords);
  const type = useWords(typeWords);
  const { query } = useRoute();
  const [request, setRequest] = useState<Schemas['Request']>();
  // The request's offers, read with it: which tabs it has follows from them (an order is an accepted priced offer).
  const [offers, setOffers] = useState<Schemas['Offer'][]>([]);
  const [problem, setProblem] = useState<ApiProblem>();
  const [refreshed, setRefreshed] = useState(0);

  const reload = async () => {
    try {
      const [read, listed] = await Promise.all([
        must(api.GET('/requests/{requestId}', { params: { path: { requestId } } })),
        // Who may not see offers sees no Offer tab: a refusal here is no offer.
        api.GET('/requests/{requestId}/offers', { params: { path: { requestId } } }).then(({ data }) => data ?? []),
      ]);
      setRequest(read);
      setOffers(listed);
      setProblem(undefined);
      setRefreshed((count) => count + 1);
    } catch (error) {
      setProblem(refusalOf(error));
    }
  };
  useEffect(() => void reload(), [requestId]);
  useLiveRefresh(reload);

  const { back, section } = kind.way(cameFrom());
  const tabs = kind.tabs.filter((tab) => !request || tab.shows(request, offers));
  const selected = tabs.find((tab) => tab.id === query.get('tab')) ?? tabs[0]!;
  const select = (id: string) => navigate(`/requests/${requestId}${id === 'communication' ? '' : `?tab=${id}`}`, { replace: true });
  const onKey = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = tabs[(index + step + tabs.length) % tabs.length]!;
    select(next.id);
    requestAnimationFrame(() => document.getElementById(`tab-${next.id}`)?.focus());
  };

  return (
    <Shell current={section}>
      <p>
        <a href={back.href}>← {back.label[language]}</a>
      </p>
      <ProblemBox problem={problem} />
      {!request && !problem && <p aria-busy="true">{t('loading')}</p>}
      {request && (
        <RequestContext.Provider value={{ request, reload, refreshed, statusWords: kind.statusWords }}>
          <header class="request-head">
            <p class="number">#{request.requestId}</p>
            <h1>{request.title}</h1>
            <p class="meta">
              <span class={`status status-${request.status}`}>{status(request.status)}</span> <span>{type(request.type)}</span>
            </p>
            <MarkdownView source={request.description} />
          </header>
          {kind.Head && <kind.Head />}
          <kind.Explanation />
          <div role="tablist" aria-label={t('tabs')} class="tabs">
            {tabs.map((tab, index) => (
              <button
                type="button"
                role="tab"
                id={`tab-${tab.id}`}
                aria-selected={tab.id === selected.id}
                aria-controls={`panel-${tab.id}`}
                tabIndex={tab.id === selected.id ? 0 : -1}
                onClick={() => select(tab.id)}
                onKeyDown={(event) => onKey(event, index)}
              >
                {tab.label[language]}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${selected.id}`} aria-labelledby={`tab-${selected.id}`} class="panel">
            <selected.Tab />
          </div>
        </RequestContext.Provider>
      )}
    </Shell>
  );
};
