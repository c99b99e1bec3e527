import type { ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { brands } from '../../../lib/mail/brands.js';
import { AppContext } from '../app-context.js';
import { languages, useWords, type Words } from '../i18n.js';
import { navigate } from '../router.js';

const words: Words<'requests' | 'priorities' | 'mail' | 'signOut' | 'language' | 'skip' | 'helpdesk' | 'nav'> = {
  en: { requests: 'My requests', priorities: 'Priorities', mail: 'Mail settings', signOut: 'Sign out', language: 'Language', skip: 'Skip to content', helpdesk: 'Helpdesk', nav: 'Main' },
  cs: { requests: 'Moje požadavky', priorities: 'Priority', mail: 'Nastavení e-mailů', signOut: 'Odhlásit', language: 'Jazyk', skip: 'Přejít na obsah', helpdesk: 'Helpdesk', nav: 'Hlavní' },
};

/** The brand's mark: its initial on its colour (drawn, so no image request and no inline style). */
export const BrandMark = () => {
  const { brand } = useContext(AppContext);
  return (
    <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" class="brand-mark-tile" />
      <text x="16" y="22" text-anchor="middle" class="brand-mark-letter">
        {brands[brand].name.charAt(0)}
      </text>
    </svg>
  );
};

/** The language of the portal, switchable everywhere (kept on this device). */
export const LanguageSwitch = () => {
  const app = useContext(AppContext);
  const t = useWords(words);
  return (
    <label class="language">
      <span class="visually-hidden">{t('language')}</span>
      <select value={app.language} onChange={(event) => app.setLanguage(event.currentTarget.value as 'cs' | 'en')}>
        {languages.map((language) => (
          <option value={language} lang={language}>
            {language === 'cs' ? 'Čeština' : 'English'}
          </option>
        ))}
      </select>
    </label>
  );
};

/** The page around every signed-in screen: the brand, the sections, the language and sign-out. */
export const Shell = ({ children, current }: { children: ComponentChildren; current?: 'requests' | 'priorities' | 'mail' }) => {
  const app = useContext(AppContext);
  const t = useWords(words);
  const link = (href: string, key: 'requests' | 'priorities' | 'mail') => (
    <a href={href} aria-current={current === key ? 'page' : undefined}>
      {t(key)}
    </a>
  );
  return (
    <>
      <a class="skip" href="#main">
        {t('skip')}
      </a>
      <header class="top">
        <a class="brand" href="/">
          <BrandMark />
          <span>
            {brands[app.brand].name} <span class="muted">{t('helpdesk')}</span>
          </span>
        </a>
        <nav aria-label={t('nav')}>
          {link('/', 'requests')}
          {link('/priorities', 'priorities')}
          {link('/settings/mail', 'mail')}
        </nav>
        <div class="tools">
          <LanguageSwitch />
          {app.me && <span class="who">{app.me.name}</span>}
          <button
            type="button"
            class="link-button"
            onClick={async () => {
              await app.session.end();
              navigate('/sign-in');
            }}
          >
            {t('signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
};
