import { useContext, useEffect, useState } from 'preact/hooks';
import { must, type Schemas } from '../../api/client.js';
import { useDraft } from '../../drafts.js';
import { useWords, type Words } from '../../i18n.js';
import { fieldProblems } from '../../problems.js';
import { Field } from '../../ui/field.js';
import { MarkdownView } from '../../ui/markdown-view.js';
import { formatMoment, Refusal, timeLeft, timelineEntries, useApp, useStep } from './decision-kit.js';
import { RequestContext } from './request-context.js';

const words: Words<'title' | 'by' | 'until' | 'noWindow' | 'reopen' | 'reason' | 'reasonHint' | 'sendReopen' | 'reopening' | 'keep' | 'close' | 'closing' | 'closeHint'> = {
  en: {
    title: 'The agency’s answer',
    by: '{name}, {date}',
    until: 'If it does not solve the problem, you can reopen the request until {date} ({left}); after that it closes by itself.',
    noWindow: 'If it does not solve the problem, you can reopen the request; otherwise it closes by itself.',
    reopen: 'Reopen…',
    reason: 'Why do you reopen it?',
    reasonHint: 'Say what is still wrong: the agency looks at it again.',
    sendReopen: 'Reopen the request',
    reopening: 'Reopening…',
    keep: 'Back',
    close: 'Close: the answer solves it',
    closing: 'Closing…',
    closeHint: 'Closing ends the request; you can file a new one any time.',
  },
  cs: {
    title: 'Odpověď agentury',
    by: '{name}, {date}',
    until: 'Pokud to problém neřeší, můžete požadavek znovu otevřít do {date} ({left}); potom se uzavře sám.',
    noWindow: 'Pokud to problém neřeší, můžete požadavek znovu otevřít; jinak se uzavře sám.',
    reopen: 'Znovu otevřít…',
    reason: 'Proč požadavek znovu otevíráte?',
    reasonHint: 'Napište, co je stále špatně: agentura se na to podívá znovu.',
    sendReopen: 'Znovu otevřít požadavek',
    reopening: 'Otevírám…',
    keep: 'Zpět',
    close: 'Uzavřít: odpověď to řeší',
    closing: 'Uzavírám…',
    closeHint: 'Uzavřením požadavek končí; nový můžete podat kdykoli.',
  },
};

/**
 * An explained defect or answered inquiry (status `answered`): the agency's explanation, until when
 * it may be reopened (`reopenUntil`), and the client's two steps, reopen with a reason or close,
 * each shown only when the request's `allowedActions` list it.
 */
export const ExplanationPanel = () => {
  const { request } = useContext(RequestContext);
  if (request.status !== 'answered' && !request.allowedActions.some((action) => action === 'reopen' || action === 'close')) return null;
  return <Explanation key={request.version} />;
};

const Explanation = () => {
  const { api, language } = useApp();
  const { request, reload } = useContext(RequestContext);
  const t = useWords(words);
  const step = useStep();
  const [answer, setAnswer] = useState<Schemas['TimelineEntry']>();
  const [reopening, setReopening] = useDraft(`reopening.${request.requestId}`, false);
  const [reason, setReason, clearReason] = useDraft(`reopen-reason.${request.requestId}`, '');
  const fields = fieldProblems(step.problem);
  const mayReopen = request.allowedActions.includes('reopen');
  const mayClose = request.allowedActions.includes('close');

  useEffect(() => {
    void timelineEntries(api, request.requestId, (entry) => entry.kind === 'status_changed' && entry.details?.action === 'explain')
      .then((entries) => setAnswer(entries.at(-1)))
      .catch(() => undefined);
  }, [request.requestId, request.version]);

  const act = (action: 'reopen' | 'close', note?: string) =>
    step.run(
      () => must(api.POST('/requests/{requestId}/actions', { params: { path: { requestId: request.requestId } }, body: { action, ...(note !== undefined ? { note } : {}) } })),
      async () => {
        if (action === 'reopen') {
          clearReason();
          setReopening(false);
        }
        await reload();
      },
    );
  const reopen = (event: Event) => {
    event.preventDefault();
    void act('reopen', reason);
  };
  const left = request.reopenUntil ? timeLeft(request.reopenUntil, language) : undefined;

  return (
    <section class="explanation" aria-labelledby="explanation-title">
      <h2 id="explanation-title">{t('title')}</h2>
      {answer && (
        <>
          <p class="muted">{t('by', { name: answer.actorName, date: formatMoment(answer.createdAt, language) })}</p>
          {answer.body && <MarkdownView source={answer.body} format={answer.format ?? 'text'} />}
        </>
      )}
      {request.status === 'answered' && (
        <p>{request.reopenUntil && left ? t('until', { date: formatMoment(request.reopenUntil, language, 'full'), left }) : t('noWindow')}</p>
      )}
      <Refusal problem={step.problem} onReload={reload} />
      {(mayReopen || mayClose) && !reopening && (
        <div class="actions">
          {mayReopen && (
            <button type="button" class="primary" onClick={() => setReopening(true)}>
              {t('reopen')}
            </button>
          )}
          {mayClose && (
            <button type="button" class="secondary" disabled={step.busy} onClick={() => void act('close')}>
              {step.busy ? t('closing') : t('close')}
            </button>
          )}
        </div>
      )}
      {mayClose && !reopening && <p class="hint">{t('closeHint')}</p>}
      {mayReopen && reopening && (
        <form class="stack" onSubmit={reopen} noValidate>
          <Field label={t('reason')} hint={t('reasonHint')} problem={fields.get('note')}>
            {(props) => <textarea {...props} rows={4} required maxLength={5000} value={reason} onInput={(event) => setReason(event.currentTarget.value)} />}
          </Field>
          <div class="actions">
            <button type="submit" class="primary" disabled={step.busy || !reason.trim()}>
              {step.busy ? t('reopening') : t('sendReopen')}
            </button>
            <button type="button" class="secondary" onClick={() => setReopening(false)}>
              {t('keep')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
};
