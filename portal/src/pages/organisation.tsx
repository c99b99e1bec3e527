import { useContext } from 'preact/hooks';
import { brands } from '../../../lib/mail/brands.js';
import { AppContext } from '../app-context.js';
import { useWords, type Words } from '../i18n.js';
import { OrganisationSections, organisationSectionIds, useOrganisationSectionTitles } from '../organisation/organisation-sections.js';
import { SectionLinks } from '../organisation/page-section.js';
import { useOrganisation } from '../organisation/use-organisation.js';
import { ProblemBox } from '../ui/problem-box.js';
import { Shell } from '../ui/shell.js';

const words: Words<'title' | 'loading' | 'intro' | 'sections' | 'meta'> = {
  en: {
    title: 'Organisation',
    loading: 'Loading your organisation…',
    intro: 'Your organisation’s people, settings and billing details. Its name, platform and language are the agency’s to change.',
    sections: 'On this page',
    meta: '{platform} · invitations in {language}',
  },
  cs: {
    title: 'Organizace',
    loading: 'Načítám vaši organizaci…',
    intro: 'Lidé, nastavení a fakturační údaje vaší organizace. Název, platformu a jazyk mění agentura.',
    sections: 'Na této stránce',
    meta: '{platform} · pozvánky v jazyce: {language}',
  },
};

const languageNames = { cs: { cs: 'čeština', en: 'angličtina' }, en: { cs: 'Czech', en: 'English' } } as const;

/** The client admin's page of their own organisation (app.tsx shows it to client admins only). */
export const ClientOrganisation = () => {
  const { me, language } = useContext(AppContext);
  const t = useWords(words);
  const titles = useOrganisationSectionTitles();
  const { organisation, setOrganisation, problem, load } = useOrganisation(me?.orgId);

  return (
    <Shell current="organisation">
      <h1>{organisation?.name ?? t('title')}</h1>
      <ProblemBox problem={problem} />
      {!organisation && !problem && (
        <p class="loading-line" aria-busy="true">
          {t('loading')}
        </p>
      )}
      {organisation && (
        <>
          <p class="meta">{t('meta', { platform: brands[organisation.platform].name, language: languageNames[language][organisation.language] })}</p>
          <p>{t('intro')}</p>
          <SectionLinks label={t('sections')} links={organisationSectionIds.map((id) => ({ id, title: titles[id] }))} />
          <OrganisationSections
            organisation={organisation}
            powers={{ manages: me?.role === 'client_admin', privacy: false, readsLog: me?.role === 'client_admin' }}
            onChanged={(next) => next && setOrganisation(next)}
            onReload={load}
          />
        </>
      )}
    </Shell>
  );
};
