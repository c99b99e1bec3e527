import { useContext, useState } from 'preact/hooks';
import { AppContext } from '../../app-context.js';
import { useWords, type Words } from '../../i18n.js';
import { AuditLog } from '../../organisation/audit-log.js';
import { PageSection } from '../../organisation/page-section.js';
import { PeopleSection } from '../../organisation/people-section.js';
import { Shell } from '../../ui/shell.js';

const words: Words<'title' | 'intro' | 'readOnly' | 'people' | 'peopleIntro' | 'log' | 'logIntro'> = {
  en: {
    title: 'Staff',
    intro: 'The agency’s people: agents work the clients’ requests; administrators also manage the clients and the staff.',
    readOnly: 'You see the staff as an agent: the agency’s administrators invite and manage them.',
    people: 'People',
    peopleIntro: 'Who of the agency signs in, and in what role. Access taken away ends at once.',
    log: 'Log of changes',
    logIntro: 'Who changed what in the staff and to whom, newest first.',
  },
  cs: {
    title: 'Tým',
    intro: 'Lidé agentury: agenti vyřizují požadavky klientů; správci navíc spravují klienty a tým.',
    readOnly: 'Tým vidíte jako agent: zvou a spravují ho správci agentury.',
    people: 'Lidé',
    peopleIntro: 'Kdo z agentury se přihlašuje a v jaké roli. Zrušený přístup končí okamžitě.',
    log: 'Historie změn',
    logIntro: 'Kdo co v týmu změnil a komu, nejnovější nahoře.',
  },
};

/**
 * The agency's staff (the same people list as an organisation's): agents read it; the agency's
 * admins invite agents and admins, change roles, take access away and give it back, send an
 * invitation again, and read the staff's log.
 */
export const Staff = () => {
  const { me } = useContext(AppContext);
  const t = useWords(words);
  const [logKey, setLogKey] = useState(0);
  const admin = me?.role === 'admin';
  return (
    <Shell current="staff">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      {!admin && <p class="notice">{t('readOnly')}</p>}
      <PageSection id="people" title={t('people')} intro={t('peopleIntro')}>
        <PeopleSection scope={{ kind: 'staff' }} manages={admin} privacy={false} onChanged={() => setLogKey((key) => key + 1)} />
      </PageSection>
      {admin && (
        <PageSection id="log" title={t('log')} intro={t('logIntro')}>
          <AuditLog source={{ kind: 'staff' }} refreshKey={logKey} />
        </PageSection>
      )}
    </Shell>
  );
};
