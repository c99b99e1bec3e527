import { useState } from 'preact/hooks';
import type { Schemas } from '../api/client.js';
import { useWords, type Words } from '../i18n.js';
import { AuditLog } from './audit-log.js';
import { BillingSection } from './billing-section.js';
import { PageSection } from './page-section.js';
import { PeopleSection } from './people-section.js';
import { SettingsSection } from './settings-section.js';

type Organisation = Schemas['Organisation'];

const words: Words<'people' | 'peopleIntro' | 'settings' | 'settingsIntro' | 'billing' | 'billingIntro' | 'log' | 'logIntro'> = {
  en: {
    people: 'People',
    peopleIntro: 'Who of the organisation signs in to the Helpdesk, and in what role. Access taken away ends at once.',
    settings: 'Settings',
    settingsIntro: 'What the organisation’s members may do besides filing and discussing requests.',
    billing: 'Billing details',
    billingIntro: 'The customer every order of the organisation states.',
    log: 'Log of changes',
    logIntro: 'Who changed what in the organisation and to whom, newest first.',
  },
  cs: {
    people: 'Lidé',
    peopleIntro: 'Kdo z organizace se do Helpdesku přihlašuje a v jaké roli. Zrušený přístup končí okamžitě.',
    settings: 'Nastavení',
    settingsIntro: 'Co smějí členové organizace kromě podávání požadavků a diskuse o nich.',
    billing: 'Fakturační údaje',
    billingIntro: 'Odběratel, kterého uvádí každá objednávka organizace.',
    log: 'Historie změn',
    logIntro: 'Kdo co v organizaci změnil a komu, nejnovější nahoře.',
  },
};

/** What the reader may do here: the API decides the same (its 403 has the last word). */
export interface OrganisationPowers {
  /** Invite and manage its people, change its settings and billing details: its client admins and the agency's admins. */
  manages: boolean;
  /** Export and erase a person's data: the agency's admins. */
  privacy: boolean;
  /** Read its log: its client admins and the agency's admins (not agents). */
  readsLog: boolean;
}

/** The ids of the sections, for links to them. */
export const organisationSectionIds = ['people', 'settings', 'billing', 'log'] as const;

export const useOrganisationSectionTitles = () => {
  const t = useWords(words);
  return { people: t('people'), settings: t('settings'), billing: t('billing'), log: t('log') };
};

/**
 * An organisation's people, settings, billing details and log: one implementation for the agency's
 * page of a client and the client admin's page of their own organisation, showing what `powers`
 * allow. Every change refreshes the log.
 */
export const OrganisationSections = ({
  organisation,
  powers,
  onChanged,
  onReload,
  changes = 0,
}: {
  organisation: Organisation;
  powers: OrganisationPowers;
  onChanged: (next?: Organisation) => void;
  onReload: () => Promise<void>;
  /** Counts the changes the page made elsewhere (its name, its access): each shows in the log. */
  changes?: number;
}) => {
  const t = useWords(words);
  const [logKey, setLogKey] = useState(0);
  const changed = (next?: Organisation) => {
    onChanged(next);
    setLogKey((key) => key + 1);
  };
  return (
    <>
      <PageSection id="people" title={t('people')} intro={t('peopleIntro')}>
        <PeopleSection
          scope={{ kind: 'organisation', orgId: organisation.orgId, language: organisation.language, deactivated: organisation.deactivatedAt !== undefined }}
          manages={powers.manages}
          privacy={powers.privacy}
          onChanged={() => changed()}
        />
      </PageSection>
      <PageSection id="settings" title={t('settings')} intro={t('settingsIntro')}>
        <SettingsSection organisation={organisation} manages={powers.manages} onSaved={changed} onReload={onReload} />
      </PageSection>
      <PageSection id="billing" title={t('billing')} intro={t('billingIntro')}>
        <BillingSection organisation={organisation} manages={powers.manages} onSaved={changed} />
      </PageSection>
      {powers.readsLog && (
        <PageSection id="log" title={t('log')} intro={t('logIntro')}>
          <AuditLog source={{ kind: 'organisation', orgId: organisation.orgId }} refreshKey={logKey + changes} />
        </PageSection>
      )}
    </>
  );
};
