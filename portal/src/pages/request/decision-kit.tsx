import { useContext, useState } from 'preact/hooks';
import { ApiRefusal, must, type Api, type ApiProblem, type Schemas } from '../../api/client.js';
import { AppContext } from '../../app-context.js';
import { useWords, type Words } from '../../i18n.js';
import type { Language } from '../../i18n.js';
import { ProblemBox } from '../../ui/problem-box.js';

/**
 * What the Offer, Order and Review tabs and the explanation panel share: a step sent to the API
 * with its refusal kept (a 409 offers to reload, since the request changed under the person),
 * dates in the person's language and time zone, and the timeline entries that carry the
 * agency's notes (an offer's note, an explanation).
 */

const words: Words<'reload' | 'reloading'> = {
  en: { reload: 'Reload the request', reloading: 'Reloading…' },
  cs: { reload: 'Načíst požadavek znovu', reloading: 'Načítám…' },
};

/** A refusal as a sentence; a 409 (the offer was superseded, the round ended, …) with a button to read the request again. */
export const Refusal = ({ problem, onReload }: { problem: ApiProblem | undefined; onReload: () => Promise<void> }) => {
  const t = useWords(words);
  const [busy, setBusy] = useState(false);
  if (!problem) return null;
  const again = async () => {
    setBusy(true);
    try {
      await onReload();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="refusal">
      <ProblemBox problem={problem} />
      {problem.status === 409 && (
        <button type="button" class="secondary" disabled={busy} onClick={() => void again()}>
          {busy ? t('reloading') : t('reload')}
        </button>
      )}
    </div>
  );
};

/**
 * A step sent to the API: `run(call)` marks it busy, keeps the refusal (`problem`), and after the
 * API took it runs `then` (the request's reload). Anything typed stays in its draft on a refusal.
 */
export const useStep = () => {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const run = async <T,>(call: () => Promise<T>, then: (answer: T) => Promise<void> | void): Promise<boolean> => {
    setBusy(true);
    try {
      const answer = await call();
      setProblem(undefined);
      await then(answer);
      return true;
    } catch (error) {
      if (error instanceof ApiRefusal) {
        setProblem(error.problem);
        return false;
      }
      throw error;
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, setProblem, run };
};

const locale = (language: Language) => (language === 'cs' ? 'cs-CZ' : 'en-GB');

/** A moment in the browser's time zone, e.g. `Friday 13 March 2026 at 23:59`. */
export const formatMoment = (iso: string, language: Language, style: 'full' | 'medium' = 'medium') =>
  new Intl.DateTimeFormat(locale(language), { dateStyle: style, timeStyle: 'short' }).format(new Date(iso));

/** A calendar day (`2026-03-27`) as it reads, without a time zone shifting it. */
export const formatDay = (day: string, language: Language) => new Intl.DateTimeFormat(locale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

// How long until a moment, and the time zone it is read in: pure, in a module of their own (unit-tested).
export { timeLeft, timeZone } from './time-left.js';

/** Timeline entries of a request that `wanted` picks, oldest first (reads up to `pages` pages of 100). */
export const timelineEntries = async (api: Api, requestId: string, wanted: (entry: Schemas['TimelineEntry']) => boolean, pages = 10) => {
  const found: Schemas['TimelineEntry'][] = [];
  let cursor: string | undefined;
  for (let page = 0; page < pages; page++) {
    const answer = await must(api.GET('/requests/{requestId}/timeline', { params: { path: { requestId }, query: { limit: '100', ...(cursor ? { cursor } : {}) } } }));
    found.push(...answer.items.filter(wanted));
    cursor = answer.nextCursor;
    if (!cursor) break;
  }
  return found;
};

/** The request's app context, shortened. */
export const useApp = () => useContext(AppContext);
