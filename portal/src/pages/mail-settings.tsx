import { useContext, useEffect, useState } from 'preact/hooks';
import { refusalOf, must, type ApiProblem, type Schemas } from '../api/client.js';
import { AppContext } from '../app-context.js';
import { useDraft } from '../drafts.js';
import { useWords, type Words } from '../i18n.js';
import { ProblemBox } from '../ui/problem-box.js';
import { Shell } from '../ui/shell.js';

type Preferences = Schemas['MailPreferences'];
type Choice = Pick<Preferences, 'language' | 'mailScope'>;

const words: Words<
  | 'title'
  | 'intro'
  | 'loading'
  | 'language'
  | 'languageHint'
  | 'scope'
  | 'scopeAll'
  | 'scopeAllHint'
  | 'scopeOwn'
  | 'scopeOwnHint'
  | 'save'
  | 'saving'
  | 'saved'
  | 'unchanged'
  | 'muted'
  | 'mutedHint'
  | 'noneMuted'
  | 'unmute'
  | 'unmuted'
  | 'unknownRequest'
> = {
  en: {
    title: 'Mail settings',
    intro: 'The Helpdesk e-mails you about every change to your requests. Choose the language of these e-mails and which requests they are about.',
    loading: 'Loading your mail settings…',
    language: 'Language of your e-mails',
    languageHint: 'The portal’s own language is chosen at the top of the page.',
    scope: 'Which requests you get e-mails about',
    scopeAll: 'Every request I may see',
    scopeAllHint: 'All your organisation’s requests that concern you.',
    scopeOwn: 'Only my own requests',
    scopeOwnHint: 'Requests you filed, are assigned to or were invited to, and changes about you.',
    save: 'Save mail settings',
    saving: 'Saving…',
    saved: 'Saved. Your e-mails now come in {language} and are about {scope}.',
    unchanged: 'Nothing to save: these are your settings already.',
    muted: 'Muted requests',
    mutedHint: 'You get no e-mails about these requests. Unmute one to get its e-mails again.',
    noneMuted: 'You have muted no request. Every e-mail has a link to mute its request.',
    unmute: 'Unmute',
    unmuted: 'Unmuted: you get e-mails about #{id} again.',
    unknownRequest: 'a request you no longer see',
  },
  cs: {
    title: 'Nastavení e-mailů',
    intro: 'Helpdesk vám posílá e-mail o každé změně vašich požadavků. Zvolte jazyk těchto e-mailů a o kterých požadavcích mají být.',
    loading: 'Načítám nastavení e-mailů…',
    language: 'Jazyk e-mailů',
    languageHint: 'Jazyk samotného portálu zvolíte nahoře na stránce.',
    scope: 'O kterých požadavcích vám chodí e-maily',
    scopeAll: 'O všech, které smím vidět',
    scopeAllHint: 'Všechny požadavky vaší organizace, které se vás týkají.',
    scopeOwn: 'Jen o mých vlastních',
    scopeOwnHint: 'Požadavky, které jste podali, máte přidělené nebo k nim jste pozváni, a změny týkající se vás.',
    save: 'Uložit nastavení e-mailů',
    saving: 'Ukládám…',
    saved: 'Uloženo. Jazyk e-mailů: {language}; e-maily vám chodí o {scope}.',
    unchanged: 'Není co ukládat: tohle už je vaše nastavení.',
    muted: 'Ztlumené požadavky',
    mutedHint: 'O těchto požadavcích vám e-maily nechodí. Zrušením ztlumení začnou chodit znovu.',
    noneMuted: 'Nemáte ztlumený žádný požadavek. Každý e-mail má odkaz, kterým jeho požadavek ztlumíte.',
    unmute: 'Zrušit ztlumení',
    unmuted: 'Ztlumení zrušeno: e-maily o #{id} vám budou chodit znovu.',
    unknownRequest: 'požadavek, který už nevidíte',
  },
};

const languageNames = { cs: { cs: 'čeština', en: 'angličtina' }, en: { cs: 'Czech', en: 'English' } } as const;
const scopeNames = { cs: { all: 'všech požadavcích, které smíte vidět', own: 'vašich vlastních požadavcích' }, en: { all: 'every request you may see', own: 'your own requests' } } as const;

/** A person's mail: its language, which requests it is about, and the requests they muted (unmute here). */
export const MailSettings = () => {
  const { api, language } = useContext(AppContext);
  const t = useWords(words);
  const [saved, setSaved] = useState<Preferences>();
  const [draft, setDraft, clearDraft] = useDraft<Choice | null>('mail-settings', null);
  const [titles, setTitles] = useState<Record<string, string | null>>({});
  const [problem, setProblem] = useState<ApiProblem>();
  const [confirmation, setConfirmation] = useState<string>();
  const [working, setWorking] = useState(false);

  const refused = (error: unknown) => {
    setProblem(refusalOf(error));
  };

  useEffect(() => {
    void (async () => {
      try {
        setSaved(await must(api.GET('/me/preferences')));
      } catch (error) {
        refused(error);
      }
    })();
  }, []);

  // Each muted request's title, where the person still sees it.
  useEffect(() => {
    for (const requestId of saved?.mutedRequests ?? []) {
      if (requestId in titles) continue;
      void api
        .GET('/requests/{requestId}', { params: { path: { requestId } } })
        .then(({ data }) => setTitles((known) => ({ ...known, [requestId]: data?.title ?? null })));
    }
  }, [saved]);

  const choice: Choice | undefined = draft ?? (saved && { language: saved.language, mailScope: saved.mailScope });
  const change = (next: Partial<Choice>) => {
    if (!choice) return;
    setDraft({ ...choice, ...next });
    setConfirmation(undefined);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (!choice || !saved) return;
    setProblem(undefined);
    const body: Schemas['MailPreferencesChange'] = {
      ...(choice.language !== saved.language ? { language: choice.language } : {}),
      ...(choice.mailScope !== saved.mailScope ? { mailScope: choice.mailScope } : {}),
    };
    if (Object.keys(body).length === 0) {
      clearDraft();
      return setConfirmation(t('unchanged'));
    }
    setWorking(true);
    try {
      const next = await must(api.PATCH('/me/preferences', { body }));
      setSaved(next);
      clearDraft();
      setConfirmation(t('saved', { language: languageNames[language][next.language], scope: scopeNames[language][next.mailScope] }));
    } catch (error) {
      refused(error);
    } finally {
      setWorking(false);
    }
  };

  const unmute = async (requestId: string) => {
    setProblem(undefined);
    setConfirmation(undefined);
    try {
      await must(api.DELETE('/requests/{requestId}/mute', { params: { path: { requestId } } }));
      setSaved((before) => before && { ...before, mutedRequests: before.mutedRequests.filter((id) => id !== requestId) });
      setConfirmation(t('unmuted', { id: requestId }));
      requestAnimationFrame(() => document.getElementById('mail-confirmation')?.focus());
    } catch (error) {
      refused(error);
    }
  };

  return (
    <Shell current="mail">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <ProblemBox problem={problem} />
      <p class="confirmation" role="status" id="mail-confirmation" tabIndex={-1}>
        {confirmation}
      </p>
      {!saved && !problem && <p aria-busy="true">{t('loading')}</p>}
      {saved && choice && (
        <>
          <form class="stack" onSubmit={save}>
            <fieldset>
              <legend>{t('language')}</legend>
              {(['cs', 'en'] as const).map((value) => (
                <label class="choice">
                  <input type="radio" name="mail-language" value={value} checked={choice.language === value} onChange={() => change({ language: value })} />
                  <span lang={value}>{value === 'cs' ? 'Čeština' : 'English'}</span>
                </label>
              ))}
              <p class="hint">{t('languageHint')}</p>
            </fieldset>
            <fieldset>
              <legend>{t('scope')}</legend>
              {(['all', 'own'] as const).map((value) => (
                <label class="choice">
                  <input type="radio" name="mail-scope" value={value} checked={choice.mailScope === value} onChange={() => change({ mailScope: value })} />
                  <span>
                    <strong>{value === 'all' ? t('scopeAll') : t('scopeOwn')}</strong>
                    <span class="hint">{value === 'all' ? t('scopeAllHint') : t('scopeOwnHint')}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            <div class="actions">
              <button type="submit" class="primary" disabled={working}>
                {working ? t('saving') : t('save')}
              </button>
            </div>
          </form>
          <section class="muted-requests" aria-labelledby="muted-heading">
            <h2 id="muted-heading">{t('muted')}</h2>
            {saved.mutedRequests.length === 0 ? (
              <p class="empty">{t('noneMuted')}</p>
            ) : (
              <>
                <p class="hint">{t('mutedHint')}</p>
                <ul class="request-list">
                  {saved.mutedRequests.map((requestId) => (
                    <li key={requestId} class="muted-request">
                      {titles[requestId] === null ? (
                        <span>
                          <span class="number">#{requestId}</span> <span class="muted">{t('unknownRequest')}</span>
                        </span>
                      ) : (
                        <a href={`/requests/${requestId}`}>
                          <span class="number">#{requestId}</span> <span class="title">{titles[requestId] ?? ''}</span>
                        </a>
                      )}
                      <button type="button" class="secondary" onClick={() => void unmute(requestId)}>
                        {t('unmute')}
                        <span class="visually-hidden"> #{requestId}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </>
      )}
    </Shell>
  );
};
