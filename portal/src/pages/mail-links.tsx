import type { ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { brands } from '../../../lib/mail/brands.js';
import { refusalOf, must, type ApiProblem, type Schemas } from '../api/client.js';
import { AppContext } from '../app-context.js';
import { useWords, type Words } from '../i18n.js';
import { statusWords } from '../request-words.js';
import { navigate } from '../router.js';
import { ProblemBox } from '../ui/problem-box.js';
import { BrandMark, LanguageSwitch } from '../ui/shell.js';

const words: Words<
  | 'helpdesk'
  | 'opening'
  | 'linkTitle'
  | 'sentTo'
  | 'signInAs'
  | 'signInAsButton'
  | 'someoneElse'
  | 'switch'
  | 'stay'
  | 'expired'
  | 'forged'
  | 'gone'
  | 'myRequests'
  | 'muteTitle'
  | 'muteAbout'
  | 'muteAboutUnknown'
  | 'muteExplain'
  | 'mute'
  | 'muting'
  | 'mutedDone'
  | 'mutedHow'
  | 'settings'
  | 'muteExpired'
  | 'muteForged'
  | 'noAccount'
> = {
  en: {
    helpdesk: 'Helpdesk',
    opening: 'Opening the link…',
    linkTitle: 'A request from your e-mail',
    sentTo: 'This link was sent to {email}.',
    signInAs: 'Sign in as {email} to open the request.',
    signInAsButton: 'Sign in as {email}',
    someoneElse: 'You are signed in as {me}, but this link was sent to {email}. To open the request as the person it was sent to, sign out and sign in as {email}.',
    switch: 'Sign out and sign in as {email}',
    stay: 'Stay signed in as {me}: my requests',
    expired: 'This link has expired: links in e-mails work for 30 days. Sign in and open the request from your requests instead.',
    forged: 'This link is not valid: it may have been cut short or changed when it was copied. Open the request from your requests instead.',
    gone: 'This request is gone, or the person the link was sent to no longer sees it. Your requests are in your list.',
    myRequests: 'Go to my requests',
    muteTitle: 'Mute e-mails about a request',
    muteAbout: 'Stop e-mails about request #{id}?',
    muteAboutUnknown: 'Stop e-mails about the request this link came with?',
    muteExplain: 'You will get no more e-mails about this request. Everything else stays as it is, and you can unmute it in your mail settings any time.',
    mute: 'Mute the request',
    muting: 'Muting…',
    mutedDone: 'Done: you get no more e-mails about #{id}.',
    mutedHow: 'To get them again, unmute the request in your mail settings.',
    settings: 'Mail settings',
    muteExpired: 'This mute link has expired: mute links work for a year. Sign in and mute the request in the portal instead.',
    muteForged: 'This mute link is not valid: it may have been cut short or changed when it was copied. Sign in and mute the request in the portal instead.',
    noAccount: 'The person this link was sent to has no account any more, so there is nothing to mute.',
  },
  cs: {
    helpdesk: 'Helpdesk',
    opening: 'Otevírám odkaz…',
    linkTitle: 'Požadavek z vašeho e-mailu',
    sentTo: 'Tento odkaz byl poslán na {email}.',
    signInAs: 'Přihlaste se jako {email} a požadavek se otevře.',
    signInAsButton: 'Přihlásit se jako {email}',
    someoneElse: 'Jste přihlášeni jako {me}, ale tento odkaz byl poslán na {email}. Chcete-li požadavek otevřít jako adresát odkazu, odhlaste se a přihlaste se jako {email}.',
    switch: 'Odhlásit a přihlásit se jako {email}',
    stay: 'Zůstat přihlášen jako {me}: moje požadavky',
    expired: 'Platnost odkazu vypršela: odkazy v e-mailech platí 30 dní. Přihlaste se a otevřete požadavek ze seznamu svých požadavků.',
    forged: 'Tento odkaz není platný: při kopírování se možná zkrátil nebo změnil. Otevřete požadavek ze seznamu svých požadavků.',
    gone: 'Tento požadavek už neexistuje, nebo ho adresát odkazu už nevidí. Své požadavky najdete v seznamu.',
    myRequests: 'Přejít na moje požadavky',
    muteTitle: 'Ztlumit e-maily o požadavku',
    muteAbout: 'Přestat posílat e-maily o požadavku #{id}?',
    muteAboutUnknown: 'Přestat posílat e-maily o požadavku, se kterým odkaz přišel?',
    muteExplain: 'O tomto požadavku vám už nepřijde žádný e-mail. Vše ostatní zůstává, jak je, a ztlumení můžete kdykoli zrušit v nastavení e-mailů.',
    mute: 'Ztlumit požadavek',
    muting: 'Ztlumuji…',
    mutedDone: 'Hotovo: o #{id} vám už e-maily chodit nebudou.',
    mutedHow: 'Chcete-li je znovu dostávat, zrušte ztlumení v nastavení e-mailů.',
    settings: 'Nastavení e-mailů',
    muteExpired: 'Platnost odkazu pro ztlumení vypršela: platí rok. Přihlaste se a ztlumte požadavek v portálu.',
    muteForged: 'Tento odkaz pro ztlumení není platný: při kopírování se možná zkrátil nebo změnil. Přihlaste se a ztlumte požadavek v portálu.',
    noAccount: 'Adresát tohoto odkazu už nemá účet, takže není co ztlumit.',
  },
};

/** A page of its own, signed in or not: the brand, the language, and what the link is about. */
const LinkCard = ({ children }: { children: ComponentChildren }) => {
  const { brand } = useContext(AppContext);
  const t = useWords(words);
  return (
    <main id="main" class="sign-in">
      <div class="card link-card">
        <div class="card-top">
          <p class="brand">
            <BrandMark /> {brands[brand].name} <span class="muted">{t('helpdesk')}</span>
          </p>
          <LanguageSwitch />
        </div>
        {children}
      </div>
    </main>
  );
};

const signInPath = (email: string, requestId: string) => `/sign-in?from=mail&email=${encodeURIComponent(email)}&next=${encodeURIComponent(`/requests/${requestId}`)}`;

/**
 * Where a mail's button lands (`/requests/{id}?link=<token>`): what the link opens (`GET /links/{token}`,
 * no login), then sign-in as the person it was sent to, then the request. Signed in as that person,
 * it opens the request at once; signed in as someone else, it says so and offers to switch.
 */
export const OpenLink = ({ token }: { token: string }) => {
  const app = useContext(AppContext);
  const t = useWords(words);
  const status = useWords(statusWords);
  const [link, setLink] = useState<Schemas['OpenedLink']>();
  const [problem, setProblem] = useState<ApiProblem>();
  const signedIn = app.session.signedIn();

  useEffect(() => {
    void (async () => {
      try {
        setLink(await must(app.api.GET('/links/{token}', { params: { path: { token } } })));
      } catch (error) {
        setProblem(refusalOf(error));
      }
    })();
  }, [token]);

  const addressed = link && app.me && app.me.email.toLowerCase() === link.loginHint.toLowerCase();
  useEffect(() => {
    if (link && addressed) navigate(`/requests/${link.requestId}`, { replace: true });
  }, [link, addressed]);

  const refusal = problem && ({ 400: 'forged', 404: 'gone', 410: 'expired' } as const)[problem.status as 400 | 404 | 410];
  return (
    <LinkCard>
      <h1>{t('linkTitle')}</h1>
      {!link && !problem && <p aria-busy="true">{t('opening')}</p>}
      {problem &&
        (refusal ? (
          <div class="problem" role="alert" data-status={problem.status}>
            <p>{t(refusal)}</p>
          </div>
        ) : (
          <ProblemBox problem={problem} />
        ))}
      {problem && (
        <p>
          <a href="/">{t('myRequests')}</a>
        </p>
      )}
      {link && (
        <>
          <div class="link-request">
            <p class="number">#{link.requestId}</p>
            <p class="link-request-title">{link.title}</p>
            <p class="meta">
              <span class={`status status-${link.status}`}>{status(link.status)}</span>
            </p>
          </div>
          <p>{t('sentTo', { email: link.loginHint })}</p>
          {!signedIn && (
            <>
              <p>{t('signInAs', { email: link.loginHint })}</p>
              <a class="button primary" href={signInPath(link.loginHint, link.requestId)}>
                {t('signInAsButton', { email: link.loginHint })}
              </a>
            </>
          )}
          {signedIn && !app.me && <p aria-busy="true">{t('opening')}</p>}
          {signedIn && app.me && !addressed && (
            <>
              <p class="notice" role="alert">
                {t('someoneElse', { me: app.me.email, email: link.loginHint })}
              </p>
              <div class="actions">
                <button
                  type="button"
                  class="primary"
                  onClick={async () => {
                    await app.session.end();
                    navigate(signInPath(link.loginHint, link.requestId));
                  }}
                >
                  {t('switch', { email: link.loginHint })}
                </button>
                <a href="/">{t('stay', { me: app.me.email })}</a>
              </div>
            </>
          )}
        </>
      )}
    </LinkCard>
  );
};

/** The request a mute link is about, read from its claims for display only (the API verifies the link when it acts). */
const requestOfLink = (token: string): string | undefined => {
  try {
    const payload = token.split('.')[0] ?? '';
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { r?: unknown };
    return typeof claims.r === 'string' && /^[\w-]{1,20}$/.test(claims.r) ? claims.r : undefined;
  } catch {
    return undefined;
  }
};

/**
 * A mail's mute link (`/mute?link=<token>`, where the List-Unsubscribe link sends a browser too):
 * what it mutes and a button that mutes it (`POST /unsubscribe/{token}`, no login), then a confirmation.
 */
export const MuteLink = ({ token }: { token: string }) => {
  const app = useContext(AppContext);
  const t = useWords(words);
  const [done, setDone] = useState<Schemas['Mute']>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [working, setWorking] = useState(false);
  const requestId = requestOfLink(token);

  const mute = async () => {
    setWorking(true);
    setProblem(undefined);
    try {
      setDone(await must(app.api.POST('/unsubscribe/{token}', { params: { path: { token } } })));
      requestAnimationFrame(() => document.getElementById('mute-done')?.focus());
    } catch (error) {
      setProblem(refusalOf(error));
    } finally {
      setWorking(false);
    }
  };

  const refusal = problem && ({ 400: 'muteForged', 404: 'noAccount', 410: 'muteExpired' } as const)[problem.status as 400 | 404 | 410];
  return (
    <LinkCard>
      <h1>{t('muteTitle')}</h1>
      {done ? (
        <div class="confirmation-box" role="status" id="mute-done" tabIndex={-1}>
          <p>
            <strong>{t('mutedDone', { id: done.requestId })}</strong>
          </p>
          <p>{t('mutedHow')}</p>
          <p>
            <a href="/settings/mail">{t('settings')}</a>
          </p>
        </div>
      ) : (
        <>
          <p class="link-request-title">{requestId ? t('muteAbout', { id: requestId }) : t('muteAboutUnknown')}</p>
          <p>{t('muteExplain')}</p>
          {problem &&
            (refusal ? (
              <div class="problem" role="alert" data-status={problem.status}>
                <p>{t(refusal)}</p>
              </div>
            ) : (
              <ProblemBox problem={problem} />
            ))}
          {problem && refusal ? (
            <p>
              <a href="/">{t('myRequests')}</a>
            </p>
          ) : (
            <div class="actions">
              <button type="button" class="primary" disabled={working} onClick={() => void mute()}>
                {working ? t('muting') : t('mute')}
              </button>
            </div>
          )}
        </>
      )}
    </LinkCard>
  );
};
