import { useContext, useEffect, useState } from 'preact/hooks';
import { refusalOf, must, type ApiProblem, type Schemas } from '../api/client.js';
import { AppContext } from '../app-context.js';
import { useWords, type Words } from '../i18n.js';
import { statusWords, typeWords } from '../request-words.js';
import { navigate, useRoute } from '../router.js';
import { MarkdownView } from '../ui/markdown-view.js';
import { ProblemBox } from '../ui/problem-box.js';
import { Shell } from '../ui/shell.js';
import { ExplanationPanel } from './request/explanation.js';
import { RequestContext } from './request/request-context.js';
import { requestTabs } from './request/tabs.js';

const words: Words<'tabs' | 'back' | 'loading'> = {
  en: { tabs: 'Sections of the request', back: 'My requests', loading: 'Loading the request…' },
  cs: { tabs: 'Části požadavku', back: 'Moje požadavky', loading: 'Načítám požadavek…' },
};

/** A request's page: what it is and where it stands, and its tabs. */
export const RequestPage = ({ requestId }: { requestId: string }) => {
  const { api, language } = useContext(AppContext);
  const t = useWords(words);
  const status = useWords(statusWords);
  const type = useWords(typeWords);
  const { query } = useRoute();
  const [request, setRequest] = useState<Schemas['Request']>();
  // The request's offers, read with it: which tabs it has follows from them (an order is an accepted priced offer).
  const [offers, setOffers] = useState<Schemas['Offer'][]>([]);
  const [problem, setProblem] = useState<ApiProblem>();

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
    } catch (error) {
      setProblem(refusalOf(error));
    }
  };
  useEffect(() => void reload(), [requestId]);

  const tabs = requestTabs.filter((tab) => !request || tab.shows(request, offers));
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
    <Shell current="requests">
      <p>
        <a href="/">← {t('back')}</a>
      </p>
      <ProblemBox problem={problem} />
      {!request && !problem && <p aria-busy="true">{t('loading')}</p>}
      {request && (
        <RequestContext.Provider value={{ request, reload }}>
          <header class="request-head">
            <p class="number">#{request.requestId}</p>
            <h1>{request.title}</h1>
            <p class="meta">
              <span class={`status status-${request.status}`}>{status(request.status)}</span> <span>{type(request.type)}</span>
            </p>
            <MarkdownView source={request.description} />
          </header>
          <ExplanationPanel />
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
