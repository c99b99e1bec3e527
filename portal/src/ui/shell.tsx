import type { ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { brands } from '../../../lib/mail/brands.js';
import { AppContext, type App } from '../app-context.js';
import { languages, useWords, type Words } from '../i18n.js';
import { isAgency } from '../roles.js';
import { navigate } from '../router.js';

/** The sections of the portal: a client's, and the agency's (its workspace). */
export type Section = 'requests' | 'priorities' | 'organisation' | 'mail' | 'queue' | 'allRequests' | 'payments' | 'mailOps' | 'feedback' | 'orgs' | 'staff' | 'webhooks';

const words: Words<Section | 'signOut' | 'language' | 'skip' | 'helpdesk' | 'agency' | 'nav' | 'mySettings'> = {
  en: {
    requests: 'My requests',
    priorities: 'Priorities',
    organisation: 'Organisation',
    mail: 'Mail settings',
    queue: 'Work queue',
    allRequests: 'Requests',
    payments: 'Payments',
    mailOps: 'Mail',
    feedback: 'Feedback',
    orgs: 'Clients',
    staff: 'Staff',
    webhooks: 'Webhooks',
    signOut: 'Sign out',
    language: 'Language',
    skip: 'Skip to content',
    helpdesk: 'Helpdesk',
    agency: 'Agency',
    nav: 'Main',
    mySettings: 'Mail settings of {name}',
  },
  cs: {
    requests: 'Moje požadavky',
    priorities: 'Priority',
    organisation: 'Organizace',
    mail: 'Nastavení e-mailů',
    queue: 'Fronta práce',
    allRequests: 'Požadavky',
    payments: 'Platby',
    mailOps: 'E-maily',
    feedback: 'Hodnocení',
    orgs: 'Klienti',
    staff: 'Tým',
    webhooks: 'Webhooky',
    signOut: 'Odhlásit',
    language: 'Jazyk',
    skip: 'Přejít na obsah',
    helpdesk: 'Helpdesk',
    agency: 'Agentura',
    nav: 'Hlavní',
    mySettings: 'Nastavení e-mailů: {name}',
  },
};

/** Where each section is. */
const sectionPaths: Record<Section, string> = {
  requests: '/',
  priorities: '/priorities',
  organisation: '/organisation',
  mail: '/settings/mail',
  queue: '/',
  allRequests: '/requests',
  payments: '/payments',
  mailOps: '/mail',
  feedback: '/feedback',
  orgs: '/orgs',
  staff: '/staff',
  webhooks: '/webhooks',
};

const agencySections: Section[] = ['queue', 'allRequests', 'payments', 'mailOps', 'feedback', 'orgs', 'staff'];

/** The sections a person's navigation offers: the agency's workspace to staff, a client's pages to everyone else. */
const sectionsOf = (me: App['me']): Section[] => {
  // Webhooks are the agency admins' alone (the API refuses agents): agents are not offered them.
  if (isAgency(me)) return me?.role === 'admin' ? [...agencySections, 'webhooks'] : agencySections;
  return me?.role === 'client_admin' ? ['requests', 'priorities', 'organisation', 'mail'] : ['requests', 'priorities', 'mail'];
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

/** The page around every signed-in screen: the brand, the person's sections (a client's or the agency's), the language and sign-out. */
export const Shell = ({ children, current }: { children: ComponentChildren; current?: Section }) => {
  const app = useContext(AppContext);
  const t = useWords(words);
  const agency = isAgency(app.me);
  return (
    <>
      <a class="skip" href="#main">
        {t('skip')}
      </a>
      <header class="top">
        <a class="brand" href="/">
          <BrandMark />
          <span>
            {brands[app.brand].name} <span class="muted">{agency ? t('agency') : t('helpdesk')}</span>
          </span>
        </a>
        <nav aria-label={t('nav')}>
          {sectionsOf(app.me).map((section) => (
            <a href={sectionPaths[section]} aria-current={current === section ? 'page' : undefined}>
              {t(section)}
            </a>
          ))}
        </nav>
        <div class="tools">
          <LanguageSwitch />
          {/* Staff reach their own mail settings through their name (their navigation is the agency's). */}
          {app.me && agency ? (
            <a class="who" href="/settings/mail" aria-label={t('mySettings', { name: app.me.name })} aria-current={current === 'mail' ? 'page' : undefined}>
              {app.me.name}
            </a>
          ) : (
            app.me && <span class="who">{app.me.name}</span>
          )}
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
