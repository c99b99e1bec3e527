import { useContext, useState } from 'preact/hooks';
import { ApiRefusal, must, type ApiProblem, type Schemas } from '../../api/client.js';
import { AppContext } from '../../app-context.js';
import { useWords, type Words } from '../../i18n.js';
import { formatMoment } from '../../pages/request/decision-kit.js';
import { ProblemBox } from '../../ui/problem-box.js';
import { OpsList } from './ops-list.js';
import { usePagedList } from './paged-list.js';
import { parkedReasonOf } from './parked-reason.js';
import { RequestLink } from './request-link.js';
import { useRequestTitles } from './request-titles.js';

type ParkedMail = Schemas['ParkedMail'];

const words: Words<
  | 'heading'
  | 'intro'
  | 'loading'
  | 'empty'
  | 'about'
  | 'to'
  | 'parkedAt'
  | 'attempts'
  | 'why'
  | 'said'
  | 'rejected'
  | 'unavailable'
  | 'other'
  | 'send'
  | 'sending'
  | 'sendFor'
  | 'sent'
  | 'parkedAgain'
  | 'more'
 
  | 'list'
  | 'gone'
> = {
  en: {
    heading: 'Parked mail',
    intro: 'Mail the Helpdesk could not send: Amazon SES kept refusing it through every retry, or refused it for good. Nothing is dropped: each waits here, oldest first, until someone sends it again. “Send again” sends it now, to the person’s current address and in their current language; once sent it leaves the list.',
    loading: 'Loading parked mail…',
    empty: 'No parked mail: everything the Helpdesk wrote has been sent.',
    about: 'About',
    to: 'To',
    parkedAt: 'Parked',
    attempts: 'Attempts',
    why: 'Why',
    said: 'What SES said',
    rejected: 'SES refused it for good: the address is likely wrong. Check it with the person or their organisation’s admin (and correct it) before sending again, or it will be refused again.',
    unavailable: 'SES was busy or out of service through every attempt. Sending it again usually works now.',
    other: 'It could not be sent (see what SES said). Send it again; if it is parked again, pass the error to the developers.',
    send: 'Send again',
    sending: 'Sending…',
    sendFor: 'the mail to {email} about #{id}',
    sent: 'Sent to {email} (about #{id}): it has left the list.',
    parkedAgain: 'Still not sent to {email} (about #{id}): SES refused again ({error}). It stays on the list.',
    more: 'Show more parked mail',
    list: 'Parked mail, oldest first',
    gone: 'a request that is no longer there',
  },
  cs: {
    heading: 'Neodeslané e-maily',
    intro: 'E-maily, které Helpdesk nedokázal odeslat: Amazon SES je odmítal při všech opakovaných pokusech, nebo je odmítl natrvalo. Nic se neztrácí: každý tu čeká, nejstarší první, dokud ho někdo neodešle znovu. „Odeslat znovu“ ho odešle hned, na současnou adresu příjemce a v jeho současném jazyce; odeslaný ze seznamu zmizí.',
    loading: 'Načítám neodeslané e-maily…',
    empty: 'Žádné neodeslané e-maily: vše, co Helpdesk napsal, bylo odesláno.',
    about: 'Požadavek',
    to: 'Komu',
    parkedAt: 'Odloženo',
    attempts: 'Pokusů',
    why: 'Proč',
    said: 'Co odpověděl SES',
    rejected: 'SES ho odmítl natrvalo: adresa je nejspíš chybná. Než ho odešlete znovu, ověřte ji u příjemce nebo u správce jeho organizace (a opravte ji), jinak bude odmítnut znovu.',
    unavailable: 'SES byl při všech pokusech přetížený nebo mimo provoz. Opětovné odeslání teď obvykle projde.',
    other: 'Nepodařilo se ho odeslat (viz odpověď SES). Odešlete ho znovu; pokud se znovu odloží, předejte chybu vývojářům.',
    send: 'Odeslat znovu',
    sending: 'Odesílám…',
    sendFor: 'e-mail pro {email} k #{id}',
    sent: 'Odesláno na {email} (k #{id}): e-mail ze seznamu zmizel.',
    parkedAgain: 'Na {email} (k #{id}) stále neodesláno: SES znovu odmítl ({error}). E-mail zůstává na seznamu.',
    more: 'Zobrazit další neodeslané e-maily',
    list: 'Neodeslané e-maily, nejstarší první',
    gone: 'požadavek, který už neexistuje',
  },
};

/** Parked mail (`GET /mail/parked`), each with what it was about, to whom, why, and “Send again”. */
export const ParkedMailSection = () => {
  const { api } = useContext(AppContext);
  const t = useWords(words);
  const list = usePagedList<ParkedMail>(
    (limit, cursor) => must(api.GET('/mail/parked', { params: { query: { limit: String(limit), ...(cursor ? { cursor } : {}) } } })),
    (mail) => mail.mailId,
  );
  const titles = useRequestTitles([...new Set((list.items ?? []).map((mail) => mail.requestId))]);
  const [result, setResult] = useState<{ ok: boolean; text: string }>();

  const onResent = (before: ParkedMail, after: ParkedMail) => {
    if (after.state === 'parked') {
      list.replace(after);
      setResult({ ok: false, text: t('parkedAgain', { email: after.email, id: after.requestId, error: after.error ?? '' }) });
    } else {
      list.remove(before.mailId);
      setResult({ ok: true, text: t('sent', { email: after.email, id: after.requestId }) });
    }
    requestAnimationFrame(() => document.getElementById('parked-result')?.focus());
  };

  return (
    <section class="ops-section" aria-labelledby="parked-heading">
      <h2 id="parked-heading">{t('heading')}</h2>
      <p>{t('intro')}</p>
      <p class={result?.ok === false ? 'notice ops-result' : 'confirmation ops-result'} role="status" id="parked-result" tabIndex={-1}>
        {result?.text}
      </p>
      <OpsList
        list={list}
        label={t('list')}
        loading={t('loading')}
        empty={t('empty')}
        more={t('more')}
        item={(mail) => <ParkedItem key={mail.mailId} mail={mail} title={titles[mail.requestId]} onResent={onResent} onConflict={() => void list.refresh()} />}
      />
    </section>
  );
};

interface ItemProps {
  mail: ParkedMail;
  title: string | null | undefined;
  onResent: (before: ParkedMail, after: ParkedMail) => void;
  onConflict: () => void;
}

const ParkedItem = ({ mail, title, onResent, onConflict }: ItemProps) => {
  const { api, language } = useContext(AppContext);
  const t = useWords(words);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const reason = parkedReasonOf(mail.error);

  const send = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      onResent(mail, await must(api.POST('/mail/parked/{mailId}/resend', { params: { path: { mailId: mail.mailId } } })));
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      setProblem(error.problem);
      // Sent or taken over by someone else meanwhile: the list as it is now says so.
      if (error.problem.status === 409 || error.problem.status === 404) onConflict();
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class={`ops-item parked-mail reason-${reason}`} data-mail={mail.mailId} aria-busy={busy}>
      <dl class="facts compact">
        <div>
          <dt>{t('about')}</dt>
          <dd>{title === null ? <span>#{mail.requestId} <span class="muted">({t('gone')})</span></span> : <RequestLink requestId={mail.requestId} title={title} />}</dd>
        </div>
        <div>
          <dt>{t('to')}</dt>
          <dd class="email">{mail.email}</dd>
        </div>
        <div>
          <dt>{t('parkedAt')}</dt>
          <dd>{mail.parkedAt ? formatMoment(mail.parkedAt, language) : '–'}</dd>
        </div>
        <div>
          <dt>{t('attempts')}</dt>
          <dd>{mail.attempts}</dd>
        </div>
        <div>
          <dt>{t('why')}</dt>
          <dd class="why">{t(reason)}</dd>
        </div>
      </dl>
      {mail.error && (
        <details class="ops-details">
          <summary>{t('said')}</summary>
          <p lang="en" class="mono">
            {mail.error}
          </p>
        </details>
      )}
      <ProblemBox problem={problem} />
      <div class="actions">
        <button type="button" class="primary" disabled={busy} onClick={() => void send()}>
          {busy ? t('sending') : t('send')}
          <span class="visually-hidden"> – {t('sendFor', { email: mail.email, id: mail.requestId })}</span>
        </button>
      </div>
    </li>
  );
};
