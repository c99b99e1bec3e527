import { useContext, useState } from 'preact/hooks';
import { refusalOf, must, type ApiProblem, type Schemas } from '../../api/client.js';
import { useDraft } from '../../drafts.js';
import { useWords, type Words } from '../../i18n.js';
import { fieldProblems } from '../../problems.js';
import { Field } from '../../ui/field.js';
import { MarkdownView } from '../../ui/markdown-view.js';
import { ProblemBox } from '../../ui/problem-box.js';
import { ScanBadge } from '../../ui/scan-badge.js';
import { formatMoment, Refusal, timeLeft, timeZone, useApp, useStep } from './decision-kit.js';
import { RequestContext } from './request-context.js';
import { useHandovers } from './use-handovers.js';
import { fieldReason } from '../../field-reasons.js';

type Handover = Schemas['Handover'];
type Attachment = Schemas['Attachment'];

const words: Words<
  | 'loading'
  | 'none'
  | 'round'
  | 'handedOver'
  | 'link'
  | 'files'
  | 'deadline'
  | 'deadlineZone'
  | 'deemedRule'
  | 'underReview'
  | 'acceptedBy'
  | 'changesBy'
  | 'deemed'
  | 'rating'
  | 'stars'
  | 'star'
  | 'rated'
  | 'comment'
  | 'commentHint'
  | 'accept'
  | 'accepting'
  | 'changes'
  | 'changesHint'
  | 'attach'
  | 'request'
  | 'requesting'
  | 'acceptTitle'
  | 'changesTitle'
  | 'earlier'
  | 'openLink'
> = {
  en: {
    loading: 'Loading the handovers…',
    none: 'Nothing has been handed over for review yet.',
    round: 'Round {n}',
    handedOver: 'Handed over by {name} on {date}',
    link: 'Where to see it',
    files: 'Files',
    deadline: 'Review by {date}',
    deadlineZone: '(your time, {zone}; {left})',
    deemedRule: 'If you do not answer by then, the delivery is deemed accepted.',
    underReview: 'For your review',
    acceptedBy: 'Accepted by {name} on {date}',
    changesBy: 'Changes requested by {name} on {date}',
    deemed: 'Deemed accepted on {date}: no answer came within the review period.',
    rating: 'Your rating (optional)',
    stars: '{n} stars',
    star: '1 star',
    rated: 'Rated {n} of 5',
    comment: 'Comment (optional)',
    commentHint: 'A word for the agency with your acceptance.',
    accept: 'Accept the delivery',
    accepting: 'Accepting…',
    changes: 'What should change?',
    changesHint: 'The agency works on it and hands over the next round.',
    attach: 'Attach files of this request',
    request: 'Request changes',
    requesting: 'Sending…',
    acceptTitle: 'Everything is fine',
    changesTitle: 'Something needs a change',
    earlier: 'Earlier rounds',
    openLink: 'opens in a new window',
  },
  cs: {
    loading: 'Načítám předání…',
    none: 'Zatím nebylo nic předáno ke kontrole.',
    round: 'Kolo {n}',
    handedOver: 'Předal(a) {name} {date}',
    link: 'Kde to najdete',
    files: 'Soubory',
    deadline: 'Zkontrolujte do {date}',
    deadlineZone: '(váš čas, {zone}; {left})',
    deemedRule: 'Pokud do té doby neodpovíte, považuje se dodávka za převzatou.',
    underReview: 'K vaší kontrole',
    acceptedBy: 'Převzal(a) {name} {date}',
    changesBy: 'Úpravy požadoval(a) {name} {date}',
    deemed: 'Považováno za převzaté {date}: v době na kontrolu nepřišla odpověď.',
    rating: 'Vaše hodnocení (nepovinné)',
    stars: '{n} hvězdiček',
    star: '1 hvězdička',
    rated: 'Hodnoceno {n} z 5',
    comment: 'Komentář (nepovinný)',
    commentHint: 'Slovo pro agenturu k převzetí.',
    accept: 'Převzít dodávku',
    accepting: 'Přebírám…',
    changes: 'Co se má změnit?',
    changesHint: 'Agentura na tom zapracuje a předá další kolo.',
    attach: 'Přiložit soubory tohoto požadavku',
    request: 'Požádat o úpravy',
    requesting: 'Odesílám…',
    acceptTitle: 'Vše je v pořádku',
    changesTitle: 'Něco je potřeba upravit',
    earlier: 'Dřívější kola',
    openLink: 'otevře se v novém okně',
  },
};

/** Czech plural of stars: 1 hvězdička, 2–4 hvězdičky, 5 hvězdiček. */
const starsLabel = (n: number, t: (key: 'stars' | 'star', values?: Record<string, number>) => string, language: 'cs' | 'en') =>
  n === 1 ? t('star') : language === 'cs' && n < 5 ? `${n} hvězdičky` : t('stars', { n });

/** The Review tab: each handover round, and for the one under review the decision: accept with a rating, or ask for changes. */
export const ReviewTab = () => {
  const t = useWords(words);
  const { rounds, files, problem, refresh } = useHandovers();

  if (!rounds) return problem ? <ProblemBox problem={problem} /> : <p aria-busy="true">{t('loading')}</p>;
  if (rounds.length === 0) return <p class="muted">{t('none')}</p>;
  const latest = [...rounds].reverse();
  const [current, ...earlier] = latest;
  return (
    <section class="review">
      <ProblemBox problem={problem} />
      <Round handover={current!} files={files} onDecided={refresh} />
      {earlier.length > 0 && (
        <section class="earlier-rounds">
          <h2>{t('earlier')}</h2>
          {earlier.map((handover) => (
            <Round key={handover.round} handover={handover} files={files} onDecided={refresh} />
          ))}
        </section>
      )}
    </section>
  );
};

const Round = ({ handover, files, onDecided }: { handover: Handover; files: Attachment[]; onDecided: () => Promise<void> }) => {
  const { api, language } = useApp();
  const { request } = useContext(RequestContext);
  const t = useWords(words);
  const [problem, setProblem] = useState<ApiProblem>();
  const outcome = handover.outcome;
  const open = !outcome && request.status === 'in_review' && request.round === handover.round;
  const mayAccept = open && request.allowedActions.includes('accept_delivery');
  const mayChange = open && request.allowedActions.includes('request_changes');
  const named = (id: string) => files.find((file) => file.attachmentId === id);
  const download = async (attachmentId: string) => {
    try {
      const link = await must(api.GET('/requests/{requestId}/attachments/{attachmentId}', { params: { path: { requestId: request.requestId, attachmentId } } }));
      location.assign(link.url);
    } catch (error) {
      setProblem(refusalOf(error));
    }
  };
  const left = timeLeft(handover.reviewDeadline, language);
  return (
    <article class={`round${open ? ' round-open' : ''}`} aria-labelledby={`round-${handover.round}`}>
      <header class="offer-head">
        <h2 id={`round-${handover.round}`}>{t('round', { n: handover.round })}</h2>
        {open && <span class="offer-status offer-status-open">{t('underReview')}</span>}
      </header>
      <p class="muted">{t('handedOver', { name: handover.handedOverByName, date: formatMoment(handover.handedOverAt, language) })}</p>
      <MarkdownView source={handover.notes} />
      {handover.link && (
        <p>
          <strong>{t('link')}:</strong>{' '}
          <a href={handover.link} target="_blank" rel="noopener noreferrer">
            {handover.link}
            <span class="visually-hidden"> ({t('openLink')})</span>
          </a>
        </p>
      )}
      {handover.attachmentIds.length > 0 && (
        <>
          <h3>{t('files')}</h3>
          <ul class="files">
            {handover.attachmentIds.map((id) => {
              // Only a clean file opens; any other is named with its malware check.
              const file = named(id);
              return (
                <li key={id}>
                  {file && file.scan !== 'clean' ? (
                    <>
                      {file.fileName} <ScanBadge scan={file.scan} threat={file.threat} />
                    </>
                  ) : (
                    <button type="button" class="link" onClick={() => void download(id)}>
                      {file?.fileName ?? id}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <ProblemBox problem={problem} />
      {!outcome && (
        <div class="notice deadline">
          <p>
            <strong>{t('deadline', { date: formatMoment(handover.reviewDeadline, language, 'full') })}</strong>{' '}
            {t('deadlineZone', { zone: timeZone(), left: left ?? '–' })}
          </p>
          <p>{t('deemedRule')}</p>
        </div>
      )}
      {outcome?.decision === 'accepted' && (
        <div class="notice ok">
          <p>{t('acceptedBy', { name: outcome.name, date: formatMoment(outcome.at, language) })}</p>
          {outcome.rating !== undefined && (
            <p class="stars-shown">
              <span aria-hidden="true">{'★'.repeat(outcome.rating) + '☆'.repeat(5 - outcome.rating)}</span>
              <span class="visually-hidden">{t('rated', { n: outcome.rating })}</span>
            </p>
          )}
          {outcome.comment && <MarkdownView source={outcome.comment} format="text" />}
        </div>
      )}
      {outcome?.decision === 'changes_requested' && (
        <div class="notice">
          <p>{t('changesBy', { name: outcome.name, date: formatMoment(outcome.at, language) })}</p>
          <MarkdownView source={outcome.comments} format="text" />
          {outcome.attachmentIds.length > 0 && <p class="muted">{outcome.attachmentIds.map((id) => named(id)?.fileName ?? id).join(', ')}</p>}
        </div>
      )}
      {outcome?.decision === 'deemed' && <p class="notice ok">{t('deemed', { date: formatMoment(outcome.at, language) })}</p>}
      {(mayAccept || mayChange) && (
        <div class="review-decision">
          {mayAccept && <AcceptForm round={handover.round} onDecided={onDecided} />}
          {mayChange && <ChangesForm round={handover.round} files={files} onDecided={onDecided} />}
        </div>
      )}
    </article>
  );
};

const AcceptForm = ({ round, onDecided }: { round: number; onDecided: () => Promise<void> }) => {
  const { api, language } = useApp();
  const { request } = useContext(RequestContext);
  const t = useWords(words);
  const step = useStep();
  const [rating, setRating, clearRating] = useDraft<number | null>(`review-rating.${request.requestId}.${round}`, null);
  const [comment, setComment, clearComment] = useDraft(`review-comment.${request.requestId}.${round}`, '');
  const fields = fieldProblems(step.problem);
  const ratingProblem = fields.get('rating');
  const submit = (event: Event) => {
    event.preventDefault();
    const body = { ...(rating !== null ? { rating } : {}), ...(comment.trim() ? { comment } : {}) };
    void step.run(
      () => must(api.POST('/requests/{requestId}/handovers/{round}/accept', { params: { path: { requestId: request.requestId, round } }, body })),
      async () => {
        clearRating();
        clearComment();
        await onDecided();
      },
    );
  };
  return (
    <form class="stack decision" onSubmit={submit} noValidate aria-labelledby={`accept-${round}`}>
      <h3 id={`accept-${round}`}>{t('acceptTitle')}</h3>
      <Refusal problem={step.problem} onReload={onDecided} />
      <fieldset class={ratingProblem ? 'stars invalid' : 'stars'}>
        <legend>{t('rating')}</legend>
        <div class="star-row">
          {[1, 2, 3, 4, 5].map((n) => (
            <span key={n} class="star-choice">
              <input type="radio" id={`rating-${round}-${n}`} name={`rating-${round}`} value={n} checked={rating === n} onChange={() => setRating(n)} />
              <label for={`rating-${round}-${n}`} class={rating !== null && n <= rating ? 'lit' : ''}>
                <span aria-hidden="true">★</span>
                <span class="visually-hidden">{starsLabel(n, t, language)}</span>
              </label>
            </span>
          ))}
        </div>
        {ratingProblem && <p class="field-problem">{fieldReason(ratingProblem, language)}</p>}
      </fieldset>
      <Field label={t('comment')} hint={t('commentHint')} problem={fields.get('comment')}>
        {(props) => <textarea {...props} rows={3} maxLength={2000} value={comment} onInput={(event) => setComment(event.currentTarget.value)} />}
      </Field>
      <div class="actions">
        <button type="submit" class="primary" disabled={step.busy}>
          {step.busy ? t('accepting') : t('accept')}
        </button>
      </div>
    </form>
  );
};

const ChangesForm = ({ round, files, onDecided }: { round: number; files: Attachment[]; onDecided: () => Promise<void> }) => {
  const { api } = useApp();
  const { request } = useContext(RequestContext);
  const t = useWords(words);
  const step = useStep();
  const [comments, setComments, clearComments] = useDraft(`review-changes.${request.requestId}.${round}`, '');
  const [chosen, setChosen, clearChosen] = useDraft<string[]>(`review-files.${request.requestId}.${round}`, []);
  const fields = fieldProblems(step.problem);
  // The client's files of the request; only clean ones can be cited, the others are shown with their malware check.
  const listed = files.filter((file) => file.visibility === 'all' && file.status === 'uploaded');
  const attachable = listed.filter((file) => file.scan === 'clean');
  const toggle = (id: string, on: boolean) => setChosen(on ? [...chosen, id] : chosen.filter((other) => other !== id));
  const submit = (event: Event) => {
    event.preventDefault();
    void step.run(
      () =>
        must(
          api.POST('/requests/{requestId}/handovers/{round}/request-changes', {
            params: { path: { requestId: request.requestId, round } },
            body: { comments, attachmentIds: chosen.filter((id) => attachable.some((file) => file.attachmentId === id)) },
          }),
        ),
      async () => {
        clearComments();
        clearChosen();
        await onDecided();
      },
    );
  };
  const filesProblem = [...fields.entries()].find(([field]) => field.startsWith('attachmentIds'))?.[1];
  return (
    <form class="stack decision" onSubmit={submit} noValidate aria-labelledby={`changes-${round}`}>
      <h3 id={`changes-${round}`}>{t('changesTitle')}</h3>
      <Refusal problem={step.problem} onReload={onDecided} />
      <Field label={t('changes')} hint={t('changesHint')} problem={fields.get('comments')}>
        {(props) => <textarea {...props} rows={5} required maxLength={20000} value={comments} onInput={(event) => setComments(event.currentTarget.value)} />}
      </Field>
      {listed.length > 0 && (
        <fieldset class={filesProblem ? 'invalid' : ''}>
          <legend>{t('attach')}</legend>
          {listed.map((file) =>
            file.scan === 'clean' ? (
              <label key={file.attachmentId} class="choice">
                <input type="checkbox" checked={chosen.includes(file.attachmentId)} onChange={(event) => toggle(file.attachmentId, event.currentTarget.checked)} />
                <span>{file.fileName}</span>
              </label>
            ) : (
              <label key={file.attachmentId} class="choice unavailable">
                <input type="checkbox" checked={false} disabled />
                <span>
                  {file.fileName} <ScanBadge scan={file.scan} threat={file.threat} />
                </span>
              </label>
            ),
          )}
          {filesProblem && <p class="field-problem">{filesProblem}</p>}
        </fieldset>
      )}
      <div class="actions">
        <button type="submit" class="secondary" disabled={step.busy || !comments.trim()}>
          {step.busy ? t('requesting') : t('request')}
        </button>
      </div>
    </form>
  );
};
