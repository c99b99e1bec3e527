import type { Words } from '../words.js';
import type { Person, PersonRole } from './people-rules.js';

/** A role as a person reads it on the people pages. */
export const roleWords: Words<PersonRole> = {
  en: { client_admin: 'Administrator', client_member: 'Member', agent: 'Agent', admin: 'Administrator', participant: 'Invited to single requests' },
  cs: { client_admin: 'Správce', client_member: 'Člen', agent: 'Agent', admin: 'Správce', participant: 'Pozvaný k jednotlivým požadavkům' },
};

/** A person's state, as a short label, and the sentence under it (`{date}`: when it ends or ended). */
export const stateWords: Words<Person['state'] | `${Person['state']}Detail` | 'organisationDeactivated'> = {
  en: {
    invited: 'Invited',
    invitedDetail: 'Has not signed in yet; the invitation works until {date}.',
    invitation_expired: 'Invitation expired',
    invitation_expiredDetail: 'The invitation expired on {date} without a first sign-in: send it again.',
    active: 'Active',
    activeDetail: 'Signs in and works in the Helpdesk.',
    deactivated: 'Deactivated',
    deactivatedDetail: 'No access since {date}: cannot sign in, is not mailed.',
    organisationDeactivated: 'Their organisation is deactivated, so they cannot sign in either way.',
  },
  cs: {
    invited: 'Pozvánka odeslána',
    invitedDetail: 'Čeká na první přihlášení; pozvánka platí do {date}.',
    invitation_expired: 'Pozvánka vypršela',
    invitation_expiredDetail: 'Pozvánka vypršela {date} bez přihlášení: pošlete ji znovu.',
    active: 'Aktivní',
    activeDetail: 'Přihlašuje se a pracuje v Helpdesku.',
    deactivated: 'Přístup zrušen',
    deactivatedDetail: 'Bez přístupu od {date}: nepřihlásí se a e-maily mu nechodí.',
    organisationDeactivated: 'Celá organizace je deaktivovaná, takže se nepřihlásí tak jako tak.',
  },
};
