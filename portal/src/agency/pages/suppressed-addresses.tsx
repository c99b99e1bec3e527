import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { ApiRefusal, must, type ApiProblem, type Schemas } from '../../api/client.js';
import { AppContext } from '../../app-context.js';
import { useWords, type Words } from '../../i18n.js';
import { formatMoment } from '../../pages/request/decision-kit.js';
import { ProblemBox } from '../../ui/problem-box.js';
import { OpsList } from './ops-list.js';
import { usePagedList } from './paged-list.js';

type Suppression = Schemas['Suppression'];

const words: Words<
  | 'heading'
  | 'intro'
  | 'bounceHelp'
  | 'complaintHelp'
  | 'search'
  | 'searchHint'
  | 'loading'
  | 'empty'
  | 'noMatch'
  | 'bounce'
  | 'complaint'
  | 'since'
  | 'said'
  | 'lift'
  | 'liftFor'
  | 'confirmTitle'
  | 'confirmText'
  | 'confirmComplaint'
  | 'confirm'
  | 'lifting'
  | 'cancel'
  | 'lifted'
  | 'notSuppressed'
  | 'more'
 
  | 'list'
> = {
  en: {
    heading: 'Suppressed addresses',
    intro: 'Addresses the Helpdesk no longer mails, because a mail to them bounced for good or their owner marked one as spam. Nobody gets mail at such an address, about any request, until it is lifted here; the request the mail was about shows that mail to that person is not delivered.',
    bounceHelp: 'Bounced: the mailbox does not exist or refuses mail. Ask the person (or their organisation’s admin) to fix it or to give a working address, and lift it once the mailbox works again.',
    complaintHelp: 'Complained: the person marked a mail as spam. Lift it only if they ask for mail again; to stop mail about one request they can mute it instead.',
    search: 'Find an address',
    searchHint: 'Part of the address, e.g. acme.example for everyone at that domain.',
    loading: 'Loading suppressed addresses…',
    empty: 'No address is suppressed: every address is being mailed.',
    noMatch: 'No suppressed address contains “{q}”.',
    bounce: 'Bounced',
    complaint: 'Complained',
    since: 'since {date}',
    said: 'What the mail server said',
    lift: 'Lift',
    liftFor: 'the suppression of {email}',
    confirmTitle: 'Mail {email} again?',
    confirmText: 'The Helpdesk will mail this address again from the next change on (mail it missed meanwhile is not sent). If it bounces again it is suppressed again, and every bounce counts against the Helpdesk’s sending reputation: lift it only once the mailbox works.',
    confirmComplaint: 'Its owner marked a mail as spam: make sure they asked to get mail again.',
    confirm: 'Lift, mail this address again',
    lifting: 'Lifting…',
    cancel: 'Cancel',
    lifted: '{email} is mailed again from now on.',
    notSuppressed: '{email} was not suppressed any more (someone lifted it meanwhile).',
    more: 'Show more addresses',
    list: 'Suppressed addresses, newest first',
  },
  cs: {
    heading: 'Blokované adresy',
    intro: 'Adresy, na které Helpdesk už nepíše, protože se e-mail na ně trvale vrátil nebo ho majitel označil jako spam. Na takovou adresu nepřijde žádný e-mail k žádnému požadavku, dokud tu blokaci nezrušíte; požadavek, kterého se e-mail týkal, ukazuje, že tomu člověku e-maily nechodí.',
    bounceHelp: 'Vrácený e-mail: schránka neexistuje nebo poštu odmítá. Požádejte člověka (nebo správce jeho organizace), ať ji opraví nebo dá funkční adresu, a blokaci zrušte, až schránka zase funguje.',
    complaintHelp: 'Stížnost: člověk označil e-mail jako spam. Blokaci zrušte, jen pokud sám o e-maily znovu požádá; e-maily k jednomu požadavku si může místo toho ztlumit.',
    search: 'Najít adresu',
    searchHint: 'Část adresy, např. acme.example pro všechny na té doméně.',
    loading: 'Načítám blokované adresy…',
    empty: 'Žádná adresa není blokovaná: e-maily chodí na všechny.',
    noMatch: 'Žádná blokovaná adresa neobsahuje „{q}“.',
    bounce: 'Vrácený e-mail',
    complaint: 'Stížnost na spam',
    since: 'od {date}',
    said: 'Co odpověděl poštovní server',
    lift: 'Zrušit blokaci',
    liftFor: 'adresy {email}',
    confirmTitle: 'Znovu posílat e-maily na {email}?',
    confirmText: 'Helpdesk bude na tuto adresu znovu psát, počínaje další změnou (e-maily, které mezitím nedostala, se neposílají). Pokud se e-mail zase vrátí, adresa se znovu zablokuje a každé vrácení snižuje důvěryhodnost odesílatele: blokaci zrušte, až schránka funguje.',
    confirmComplaint: 'Majitel označil e-mail jako spam: ujistěte se, že o e-maily znovu požádal.',
    confirm: 'Zrušit blokaci a znovu psát',
    lifting: 'Ruším blokaci…',
    cancel: 'Zpět',
    lifted: 'Na {email} teď zase chodí e-maily.',
    notSuppressed: '{email} už blokovaná nebyla (někdo blokaci mezitím zrušil).',
    more: 'Zobrazit další adresy',
    list: 'Blokované adresy, nejnovější první',
  },
};

/** Suppressed addresses (`GET /mail/suppressions`), each with why and since when, and “Lift” after a confirmation. */
export const SuppressedAddressesSection = () => {
  const { api } = useContext(AppContext);
  const t = useWords(words);
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  // The search is the API's (`q`): sent once the person pauses typing, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const list = usePagedList<Suppression>(
    (limit, cursor) => must(api.GET('/mail/suppressions', { params: { query: { limit: String(limit), ...(cursor ? { cursor } : {}), ...(q ? { q } : {}) } } })),
    (suppression) => suppression.email,
    q,
  );
  const [result, setResult] = useState<string>();

  const onLifted = (email: string, text: string) => {
    list.remove(email);
    setResult(text);
    requestAnimationFrame(() => document.getElementById('suppression-result')?.focus());
  };

  return (
    <section class="ops-section" aria-labelledby="suppressed-heading">
      <h2 id="suppressed-heading">{t('heading')}</h2>
      <p>{t('intro')}</p>
      <ul class="ops-help">
        <li>{t('bounceHelp')}</li>
        <li>{t('complaintHelp')}</li>
      </ul>
      <div class="field ops-filter">
        <label for="suppression-search">{t('search')}</label>
        <input id="suppression-search" type="search" value={typed} aria-describedby="suppression-search-hint" onInput={(event) => setTyped(event.currentTarget.value)} />
        <p class="hint" id="suppression-search-hint">
          {t('searchHint')}
        </p>
      </div>
      <p class="confirmation ops-result" role="status" id="suppression-result" tabIndex={-1}>
        {result}
      </p>
      <OpsList
        list={list}
        label={t('list')}
        loading={t('loading')}
        empty={q ? t('noMatch', { q }) : t('empty')}
        more={t('more')}
        item={(suppression) => <SuppressionItem key={suppression.email} suppression={suppression} onLifted={onLifted} />}
      />
    </section>
  );
};

const SuppressionItem = ({ suppression, onLifted }: { suppression: Suppression; onLifted: (email: string, text: string) => void }) => {
  const { api, language } = useContext(AppContext);
  const t = useWords(words);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const liftButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const { email } = suppression;
  const id = `suppression-${email.replace(/[^a-z0-9]/gi, '-')}`;

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const lift = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      await must(api.DELETE('/mail/suppressions/{email}', { params: { path: { email } } }));
      onLifted(email, t('lifted', { email }));
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      // Lifted by someone else meanwhile: the address is mailed again either way.
      if (error.problem.status === 404) onLifted(email, t('notSuppressed', { email }));
      else setProblem(error.problem);
    } finally {
      setBusy(false);
    }
  };
  const cancel = () => {
    setConfirming(false);
    requestAnimationFrame(() => liftButton.current?.focus());
  };

  return (
    <li class={`ops-item suppression reason-${suppression.reason}`} data-email={email} aria-busy={busy}>
      <div class="ops-item-head">
        <span class="email">{email}</span>
        <span class={`ops-tag tag-${suppression.reason}`}>{t(suppression.reason)}</span>
        <span class="muted">{t('since', { date: formatMoment(suppression.at, language) })}</span>
      </div>
      {suppression.detail && (
        <details class="ops-details">
          <summary>{t('said')}</summary>
          <p lang="en" class="mono">
            {suppression.detail}
          </p>
        </details>
      )}
      <ProblemBox problem={problem} />
      {!confirming ? (
        <div class="actions">
          <button type="button" class="secondary" ref={liftButton} onClick={() => setConfirming(true)}>
            {t('lift')}
            <span class="visually-hidden"> – {t('liftFor', { email })}</span>
          </button>
        </div>
      ) : (
        <div class="ops-confirm" role="group" aria-labelledby={`${id}-confirm`} aria-describedby={`${id}-confirm-text`}>
          <p id={`${id}-confirm`} class="ops-confirm-title">
            {t('confirmTitle', { email })}
          </p>
          <p id={`${id}-confirm-text`}>
            {t('confirmText')}
            {suppression.reason === 'complaint' && <> {t('confirmComplaint')}</>}
          </p>
          <div class="actions">
            <button type="button" class="primary" ref={confirmButton} disabled={busy} onClick={() => void lift()}>
              {busy ? t('lifting') : t('confirm')}
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={cancel}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
};
