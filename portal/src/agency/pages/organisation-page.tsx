import { useContext, useState } from 'preact/hooks';
import { brands } from '../../../../lib/mail/brands.js';
import type { Schemas } from '../../api/client.js';
import { AppContext } from '../../app-context.js';
import { useWords, type Words } from '../../i18n.js';
import { OrganisationAccess } from '../../organisation/organisation-access.js';
import { OrganisationEdit } from '../../organisation/organisation-edit.js';
import { OrganisationSections, organisationSectionIds, useOrganisationSectionTitles } from '../../organisation/organisation-sections.js';
import { PageSection, SectionLinks } from '../../organisation/page-section.js';
import { useOrganisation } from '../../organisation/use-organisation.js';
import { formatDate } from '../../organisation/when.js';
import { useRoute } from '../../router.js';
import { ProblemBox } from '../../ui/problem-box.js';
import { Shell } from '../../ui/shell.js';

const words: Words<'back' | 'loading' | 'title' | 'details' | 'access' | 'sections' | 'created' | 'meta' | 'deactivated' | 'readOnly'> = {
  en: {
    back: 'Clients',
    loading: 'Loading the organisation…',
    title: 'Client organisation',
    details: 'The organisation',
    access: 'Access',
    sections: 'On this page',
    created: '{name} is created. Invite its first administrator under People: until then nobody of it can sign in.',
    meta: '{platform} · client since {date}',
    deactivated: 'Deactivated',
    readOnly: 'You see this organisation as an agent: its administrators and the agency’s change it.',
  },
  cs: {
    back: 'Klienti',
    loading: 'Načítám organizaci…',
    title: 'Klientská organizace',
    details: 'Organizace',
    access: 'Přístup',
    sections: 'Na této stránce',
    created: 'Organizace {name} je založená. V části Lidé pozvěte jejího prvního správce: do té doby se za ni nikdo nepřihlásí.',
    meta: '{platform} · klientem od {date}',
    deactivated: 'Deaktivovaná',
    readOnly: 'Organizaci vidíte jako agent: mění ji její správci a správci agentury.',
  },
};

/**
 * A client organisation as the agency sees it: its name, platform and language, whether its
 * people may sign in, and (shared with the client admin's own page) its people, settings, billing
 * details and log. Agency admins change all of it; agents read it (and not the log, which the API
 * keeps for admins).
 */
export const OrganisationPage = ({ orgId }: { orgId: string }) => {
  const { me, language } = useContext(AppContext);
  const t = useWords(words);
  const titles = useOrganisationSectionTitles();
  const { query } = useRoute();
  const { organisation, setOrganisation, problem, load } = useOrganisation(orgId);
  const [changes, setChanges] = useState(0);
  const admin = me?.role === 'admin';
  const changed = (next: Schemas['Organisation']) => {
    setOrganisation(next);
    setChanges((count) => count + 1);
  };

  const links = [
    { id: 'details', title: t('details') },
    ...organisationSectionIds.filter((id) => admin || id !== 'log').map((id) => ({ id, title: titles[id] })),
  ];

  return (
    <Shell current="orgs">
      <p class="back">
        <a href="/orgs">← {t('back')}</a>
      </p>
      <h1>{organisation?.name ?? t('title')}</h1>
      <ProblemBox problem={problem} />
      {!organisation && !problem && (
        <p class="loading-line" aria-busy="true">
          {t('loading')}
        </p>
      )}
      {organisation && (
        <>
          <p class="meta">
            <span>{t('meta', { platform: brands[organisation.platform].name, date: formatDate(organisation.createdAt, language) })}</span>
            {organisation.deactivatedAt && <span class="state state-deactivated">{t('deactivated')}</span>}
          </p>
          {query.get('created') === '1' && <p class="confirmation">{t('created', { name: organisation.name })}</p>}
          {!admin && <p class="notice">{t('readOnly')}</p>}
          <SectionLinks label={t('sections')} links={links} />
          <PageSection id="details" title={t('details')}>
            <OrganisationEdit organisation={organisation} manages={admin} onSaved={changed} onReload={load} />
            <h3 class="subheading">{t('access')}</h3>
            <OrganisationAccess organisation={organisation} manages={admin} onChanged={changed} />
          </PageSection>
          <OrganisationSections
            organisation={organisation}
            powers={{ manages: admin, privacy: admin, readsLog: admin }}
            onChanged={(next) => next && setOrganisation(next)}
            onReload={load}
            changes={changes}
          />
        </>
      )}
    </Shell>
  );
};
