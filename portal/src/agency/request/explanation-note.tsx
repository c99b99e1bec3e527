import { useContext, useEffect, useState } from 'preact/hooks';
import type { Schemas } from '../../api/client.js';
import { useWords, type Words } from '../../i18n.js';
import { formatMoment, timeLeft, timelineEntries, useApp } from '../../pages/request/decision-kit.js';
import { RequestContext } from '../../pages/request/request-context.js';
import { MarkdownView } from '../../ui/markdown-view.js';
import './explanation-note.css';

const words: Words<'title' | 'by' | 'until' | 'passed' | 'noWindow'> = {
  en: {
    title: 'The explanation the client got',
    by: '{name}, {date}',
    until: 'The client may reopen the request until {date} ({left}); after that it closes by itself.',
    passed: 'The client could reopen the request until {date}; it closes by itself.',
    noWindow: 'The client may reopen the request; otherwise it closes by itself.',
  },
  cs: {
    title: 'Vysvětlení, které klient dostal',
    by: '{name}, {date}',
    until: 'Klient může požadavek znovu otevřít do {date} ({left}); potom se uzavře sám.',
    passed: 'Klient mohl požadavek znovu otevřít do {date}; uzavře se sám.',
    noWindow: 'Klient může požadavek znovu otevřít; jinak se uzavře sám.',
  },
};

/**
 * An answered request as the agency reads it: the explanation the client got (the last `explain`
 * step's note on the timeline) and until when they may reopen it (`reopenUntil`). Read only: the
 * client's own panel (pages/request/explanation.tsx) speaks to the client and carries their
 * buttons, while the agency reopens or closes through its steps in the head.
 */
export const ExplanationNote = () => {
  const { request } = useContext(RequestContext);
  if (request.status !== 'answered') return null;
  return <Note key={request.version} />;
};

const Note = () => {
  const { api, language } = useApp();
  const { request } = useContext(RequestContext);
  const t = useWords(words);
  const [answer, setAnswer] = useState<Schemas['TimelineEntry']>();

  useEffect(() => {
    // Without the entry (a refusal, or past the pages read) the note still says until when.
    void timelineEntries(api, request.requestId, (entry) => entry.kind === 'status_changed' && entry.details?.action === 'explain')
      .then((entries) => setAnswer(entries.at(-1)))
      .catch(() => undefined);
  }, [request.requestId, request.version]);

  const until = request.reopenUntil;
  const left = until ? timeLeft(until, language) : undefined;
  const reopening = !until ? t('noWindow') : left ? t('until', { date: formatMoment(until, language, 'full'), left }) : t('passed', { date: formatMoment(until, language, 'full') });

  return (
    <section class="explanation-note" aria-labelledby="explanation-note-title">
      <h2 id="explanation-note-title">{t('title')}</h2>
      {answer && (
        <>
          <p class="muted">{t('by', { name: answer.actorName, date: formatMoment(answer.createdAt, language) })}</p>
          {answer.body && <MarkdownView source={answer.body} format={answer.format ?? 'text'} />}
        </>
      )}
      <p class="explanation-window">{reopening}</p>
    </section>
  );
};
