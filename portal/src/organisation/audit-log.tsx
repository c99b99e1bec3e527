import { useContext, useEffect, useState } from 'preact/hooks';
import { must, refusalOf, type ApiProblem } from '../api/client.js';
import { AppContext } from '../app-context.js';
import { useWords, type Words } from '../i18n.js';
import { ProblemBox } from '../ui/problem-box.js';
import { logLine, type AuditEntry } from './log-lines.js';
import { formatWhen } from './when.js';

const words: Words<'loading' | 'none' | 'older' | 'loadingOlder' | 'by' | 'list'> = {
  en: { loading: 'Loading the log…', none: 'Nothing recorded yet.', older: 'Show older changes', loadingOlder: 'Loading…', by: 'by {actor}', list: 'Changes, newest first' },
  cs: { loading: 'Načítám historii…', none: 'Zatím se nic nezaznamenalo.', older: 'Zobrazit starší změny', loadingOlder: 'Načítám…', by: 'provedl(a) {actor}', list: 'Změny, nejnovější nahoře' },
};

/** Whose log: an organisation's (its admins and the agency's admins read it) or the staff's (the agency's admins). */
export type LogSource = { kind: 'organisation'; orgId: string } | { kind: 'staff' };

const pageSize = '20';

/**
 * The log of who did what to whom, newest first, a page at a time, each line in the reader's
 * language (log-lines.ts). `refreshKey` changes after every change made on the page, so the
 * change shows at the top without a reload.
 */
export const AuditLog = ({ source, refreshKey }: { source: LogSource; refreshKey: number }) => {
  const { api, language } = useContext(AppContext);
  const t = useWords(words);
  const [entries, setEntries] = useState<AuditEntry[]>();
  const [cursor, setCursor] = useState<string>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [loadingOlder, setLoadingOlder] = useState(false);

  const page = (after?: string) => {
    const query = { limit: pageSize, ...(after ? { cursor: after } : {}) };
    return source.kind === 'staff' ? must(api.GET('/staff/log', { params: { query } })) : must(api.GET('/orgs/{orgId}/log', { params: { path: { orgId: source.orgId }, query } }));
  };

  useEffect(() => {
    void page()
      .then((first) => {
        setEntries(first.items);
        setCursor(first.nextCursor);
        setProblem(undefined);
      })
      .catch((error: unknown) => setProblem(refusalOf(error)));
  }, [source.kind === 'staff' ? 'staff' : source.orgId, refreshKey]);

  const older = async () => {
    setLoadingOlder(true);
    try {
      const next = await page(cursor);
      setEntries((before) => [...(before ?? []), ...next.items]);
      setCursor(next.nextCursor);
    } catch (error) {
      setProblem(refusalOf(error));
    } finally {
      setLoadingOlder(false);
    }
  };

  return (
    <div class="stack">
      <ProblemBox problem={problem} />
      {!entries && !problem && (
        <p class="loading-line" aria-busy="true">
          {t('loading')}
        </p>
      )}
      {entries?.length === 0 && <p class="empty">{t('none')}</p>}
      {entries && entries.length > 0 && (
        <ol class="audit-log" aria-label={t('list')}>
          {entries.map((entry) => {
            const line = logLine(entry, language);
            return (
              <li key={entry.entryId} class={`log-entry log-${entry.action}`}>
                <p class="log-what">
                  <strong>{line.action}</strong>: {line.target}
                </p>
                <p class="log-who">
                  <time dateTime={entry.at}>{formatWhen(entry.at, language)}</time> · {t('by', { actor: line.actor })}
                </p>
                {line.details.length > 0 && (
                  <ul class="log-details">
                    {line.details.map((detail) => (
                      <li>{detail}</li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {cursor && (
        <div class="actions">
          <button type="button" class="secondary" disabled={loadingOlder} aria-busy={loadingOlder ? 'true' : undefined} onClick={() => void older()}>
            {loadingOlder ? t('loadingOlder') : t('older')}
          </button>
        </div>
      )}
    </div>
  );
};
