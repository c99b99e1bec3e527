import type { Schemas } from '../../../api/client.js';
import { useWords, type Words } from '../../../i18n.js';
import { formatMoment, timeLeft, timeZone, useApp } from '../../../pages/request/decision-kit.js';
import { AttachmentList, listedFile } from '../../../ui/attachment-list.js';
import { MarkdownView } from '../../../ui/markdown-view.js';

type Handover = Schemas['Handover'];
type Attachment = Schemas['Attachment'];

const words: Words<
  | 'round'
  | 'withClient'
  | 'accepted'
  | 'changes'
  | 'deemed'
  | 'handedOver'
  | 'link'
  | 'openLink'
  | 'files'
  | 'deadline'
  | 'deadlineZone'
  | 'deemedRule'
  | 'deadlineWas'
  | 'answer'
  | 'acceptedBy'
  | 'rated'
  | 'changesBy'
  | 'deemedOn'
  | 'theirFiles'
> = {
  en: {
    round: 'Round {n}',
    withClient: 'With the client for review',
    accepted: 'Accepted',
    changes: 'Changes requested',
    deemed: 'Deemed accepted',
    handedOver: 'Handed over by {name} on {date}',
    link: 'Where to see it',
    openLink: 'opens in a new window',
    files: 'Files handed over',
    deadline: 'The client reviews it by {date}',
    deadlineZone: '(your time, {zone}; {left})',
    deemedRule: 'Without an answer by then, it is deemed accepted.',
    deadlineWas: 'Review deadline: {date}',
    answer: 'The client’s answer',
    acceptedBy: 'Accepted by {name} on {date}',
    rated: 'Rated {n} of 5',
    changesBy: '{name} asked for changes on {date}:',
    deemedOn: 'Deemed accepted on {date}: no answer came within the review period.',
    theirFiles: 'Files the client attached',
  },
  cs: {
    round: 'Kolo {n}',
    withClient: 'U klienta ke kontrole',
    accepted: 'Převzato',
    changes: 'Požadovány úpravy',
    deemed: 'Považováno za převzaté',
    handedOver: 'Předal(a) {name} {date}',
    link: 'Kde to najdete',
    openLink: 'otevře se v novém okně',
    files: 'Předané soubory',
    deadline: 'Klient to zkontroluje do {date}',
    deadlineZone: '(váš čas, {zone}; {left})',
    deemedRule: 'Bez odpovědi do té doby se považuje za převzaté.',
    deadlineWas: 'Lhůta ke kontrole: {date}',
    answer: 'Odpověď klienta',
    acceptedBy: 'Převzal(a) {name} {date}',
    rated: 'Hodnoceno {n} z 5',
    changesBy: '{name} požádal(a) o úpravy {date}:',
    deemedOn: 'Považováno za převzaté {date}: v době na kontrolu nepřišla odpověď.',
    theirFiles: 'Soubory, které klient přiložil',
  },
};

const stateOf = (handover: Handover): 'withClient' | 'accepted' | 'changes' | 'deemed' =>
  handover.outcome === undefined ? 'withClient' : handover.outcome.decision === 'changes_requested' ? 'changes' : handover.outcome.decision;

const stateClass = { withClient: 'offer-status-open', accepted: 'offer-status-accepted', changes: 'offer-status-rejected', deemed: 'offer-status-accepted' } as const;

/**
 * One review round as the agency follows it: what was handed over, until when the client reviews
 * it, and the client's answer in their own words. The client's Review tab shows the same round
 * from the other side, with the decision to take (pages/request/review-tab.tsx).
 */
export const RoundView = ({ handover, files }: { handover: Handover; files: readonly Attachment[] }) => {
  const { language } = useApp();
  const t = useWords(words);
  const state = stateOf(handover);
  // A file of the request by its id (a file since deleted is named by its id).
  const listed = (ids: readonly string[]) =>
    ids.map((id) => {
      const file = files.find((other) => other.attachmentId === id);
      return file ? listedFile(file) : { attachmentId: id, fileName: id };
    });
  const outcome = handover.outcome;
  return (
    <article class={`round agency-round round-${state}`} aria-labelledby={`agency-round-${handover.round}`}>
      <header class="offer-head">
        <h3 id={`agency-round-${handover.round}`}>{t('round', { n: handover.round })}</h3>
        <span class={`offer-status ${stateClass[state]}`}>{t(state)}</span>
      </header>
      <p class="muted">{t('handedOver', { name: handover.handedOverByName, date: formatMoment(handover.handedOverAt, language) })}</p>
      <MarkdownView source={handover.notes} />
      {handover.link && (
        <p class="round-link">
          <strong>{t('link')}:</strong>{' '}
          <a href={handover.link} target="_blank" rel="noopener noreferrer">
            {handover.link}
            <span class="visually-hidden"> ({t('openLink')})</span>
          </a>
        </p>
      )}
      {handover.attachmentIds.length > 0 && (
        <section class="round-files" aria-label={t('files')}>
          <h4>{t('files')}</h4>
          <AttachmentList requestId={handover.requestId} files={listed(handover.attachmentIds)} />
        </section>
      )}
      {state === 'withClient' ? (
        <div class="notice deadline">
          <p>
            <strong>{t('deadline', { date: formatMoment(handover.reviewDeadline, language, 'full') })}</strong>{' '}
            {t('deadlineZone', { zone: timeZone(), left: timeLeft(handover.reviewDeadline, language) ?? '–' })}
          </p>
          <p>{t('deemedRule')}</p>
        </div>
      ) : (
        <p class="muted">{t('deadlineWas', { date: formatMoment(handover.reviewDeadline, language) })}</p>
      )}
      {outcome && (
        <section class={outcome.decision === 'changes_requested' ? 'notice client-answer' : 'notice ok client-answer'} aria-label={t('answer')}>
          {outcome.decision === 'accepted' && (
            <>
              <p>{t('acceptedBy', { name: outcome.name, date: formatMoment(outcome.at, language) })}</p>
              {outcome.rating !== undefined && (
                <p class="stars-shown">
                  <span aria-hidden="true">{'★'.repeat(outcome.rating) + '☆'.repeat(5 - outcome.rating)}</span>
                  <span class="visually-hidden">{t('rated', { n: outcome.rating })}</span>
                </p>
              )}
              {outcome.comment && (
                <blockquote class="client-words">
                  <MarkdownView source={outcome.comment} format="text" />
                </blockquote>
              )}
            </>
          )}
          {outcome.decision === 'changes_requested' && (
            <>
              <p>{t('changesBy', { name: outcome.name, date: formatMoment(outcome.at, language) })}</p>
              <blockquote class="client-words">
                <MarkdownView source={outcome.comments} format="text" />
              </blockquote>
              {outcome.attachmentIds.length > 0 && (
                <>
                  <h4>{t('theirFiles')}</h4>
                  <AttachmentList requestId={handover.requestId} files={listed(outcome.attachmentIds)} />
                </>
              )}
            </>
          )}
          {outcome.decision === 'deemed' && <p>{t('deemedOn', { date: formatMoment(outcome.at, language) })}</p>}
        </section>
      )}
    </article>
  );
};
