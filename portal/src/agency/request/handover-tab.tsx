import { useContext, useState } from 'preact/hooks';
import type { Schemas } from '../../api/client.js';
import { useWords, type Words } from '../../i18n.js';
import { formatMoment, useApp } from '../../pages/request/decision-kit.js';
import { RequestContext } from '../../pages/request/request-context.js';
import { useHandovers } from '../../pages/request/use-handovers.js';
import { ProblemBox } from '../../ui/problem-box.js';
import { HandoverForm } from './handover/handover-form.js';
import { RoundView } from './handover/round-view.js';
import './handover/handover.css';

type Handover = Schemas['Handover'];

const words: Words<'loading' | 'rounds' | 'none' | 'handedOver' | 'inReview' | 'changesRequested' | 'finished' | 'notYet'> = {
  en: {
    loading: 'Loading the handovers…',
    rounds: 'Review rounds',
    none: 'Nothing has been handed over yet.',
    handedOver: 'Round {n} is handed over: the client was sent it and reviews it by {date}.',
    inReview: 'Round {n} is with the client for review.',
    changesRequested: 'The client asked for changes to round {n}. Start the work again to hand over round {next}.',
    finished: 'The delivery was accepted: there is nothing more to hand over.',
    notYet: 'Work is handed over once it is in progress.',
  },
  cs: {
    loading: 'Načítám předání…',
    rounds: 'Kola kontroly',
    none: 'Zatím nebylo nic předáno.',
    handedOver: 'Kolo {n} je předané: klient ho dostal a zkontroluje ho do {date}.',
    inReview: 'Kolo {n} je u klienta ke kontrole.',
    changesRequested: 'Klient požádal o úpravy kola {n}. Znovu zahajte práci, ať můžete předat kolo {next}.',
    finished: 'Dodávka byla převzata: už není co předávat.',
    notYet: 'Práce se předává, když se na ní pracuje.',
  },
};

/**
 * The agency's Handover tab: handing the work over for review while the API allows it
 * (`hand_over`), and every round with its deadline and the client's answer, newest first.
 */
export const HandoverTab = () => {
  const { language } = useApp();
  const { request } = useContext(RequestContext);
  const t = useWords(words);
  const { rounds, files, problem, refresh } = useHandovers();
  const [handedOver, setHandedOver] = useState<Handover>();

  if (!rounds) return problem ? <ProblemBox problem={problem} /> : <p aria-busy="true">{t('loading')}</p>;
  // The round just handed over is the API's answer: listed at once, not after the list was read again.
  const listed = handedOver && !rounds.some((round) => round.round === handedOver.round) ? [...rounds, handedOver] : rounds;
  const mayHandOver = request.allowedActions.includes('hand_over');
  const last = listed.at(-1);
  return (
    <div class="handover-tab">
      <ProblemBox problem={problem} />
      {/* Said while that round waits on the client; once they answered, the round below says what they did. */}
      {handedOver && request.status === 'in_review' && request.round === handedOver.round && (
        <p class="confirmation" role="status">
          {t('handedOver', { n: handedOver.round, date: formatMoment(handedOver.reviewDeadline, language) })}
        </p>
      )}
      {mayHandOver ? (
        <HandoverForm
          files={files}
          onReload={refresh}
          onHandedOver={async (handover) => {
            setHandedOver(handover);
            await refresh();
          }}
        />
      ) : (
        !handedOver && (
          <p class="notice">{situation(request.status, last, t)}</p>
        )
      )}
      <section class="agency-rounds" aria-labelledby="agency-rounds-title">
        <h2 id="agency-rounds-title">{t('rounds')}</h2>
        {listed.length === 0 && <p class="muted">{t('none')}</p>}
        {[...listed].reverse().map((handover) => (
          <RoundView key={handover.round} handover={handover} files={files} />
        ))}
      </section>
    </div>
  );
};

/** Why there is no handover form now: where the rounds stand. */
const situation = (status: Schemas['Request']['status'], last: Handover | undefined, t: (key: 'inReview' | 'changesRequested' | 'finished' | 'notYet', values?: Record<string, number>) => string) => {
  if (status === 'in_review' && last) return t('inReview', { n: last.round });
  if (status === 'changes_requested' && last) return t('changesRequested', { n: last.round, next: last.round + 1 });
  if (status === 'accepted' || (status === 'closed' && last)) return t('finished');
  return t('notYet');
};
