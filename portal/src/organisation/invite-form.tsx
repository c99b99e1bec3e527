import { useContext, useState } from 'preact/hooks';
import { must, refusalOf, type ApiProblem } from '../api/client.js';
import { AppContext } from '../app-context.js';
import { useDraft } from '../drafts.js';
import { useWords, type Words } from '../i18n.js';
import { fieldProblems } from '../problems.js';
import { Field } from '../ui/field.js';
import { ProblemBox } from '../ui/problem-box.js';
import type { Language } from '../words.js';
import { ConflictBox } from './conflict-box.js';
import { useFieldReasons } from './field-reasons.js';
import { countsAsAdmin, inviteConflict, type InviteConflict, type PeopleScope, type Person } from './people-rules.js';
import { roleWords } from './people-words.js';

type InvitedRole = 'client_admin' | 'client_member' | 'agent' | 'admin';

const words: Words<
  | 'heading'
  | 'intro'
  | 'email'
  | 'name'
  | 'role'
  | 'language'
  | 'cs'
  | 'en'
  | 'send'
  | 'sending'
  | 'invited'
  | `conflict_${InviteConflict}`
  | 'addressTakenStaff'
  | `about_${InvitedRole}`
> = {
  en: {
    heading: 'Invite someone',
    intro: 'They get an e-mail with a temporary password, valid for 7 days; at their first sign-in they choose their own.',
    email: 'E-mail',
    name: 'Name',
    role: 'Role',
    language: 'Language of their invitation and mail',
    cs: 'Czech',
    en: 'English',
    send: 'Send the invitation',
    sending: 'Sending…',
    invited: 'The invitation for {name} is on its way to {email}.',
    conflict_alreadyHere: '{email} is one of the people here already. If their invitation expired, send it again from their card.',
    conflict_alreadyHereDeactivated: '{email} is one of the people here already, without access: reactivate them instead of inviting them.',
    conflict_organisationDeactivated: 'The organisation is deactivated, so nobody was invited. The agency’s administrators reactivate it first.',
    conflict_addressTaken:
      '{email} already has an account in the Helpdesk, elsewhere. A person belongs to one organisation only: invite them to a single request instead, or have them removed where they are first.',
    addressTakenStaff: '{email} already has an account in the Helpdesk. Use another address for the agency’s work.',
    about_client_admin: 'Manages the organisation’s people, settings and billing details; sets priorities and accepts offers.',
    about_client_member: 'Files and discusses requests; sets priorities and accepts offers only where the settings allow it.',
    about_agent: 'Works the clients’ requests: offers, handovers, the work queue.',
    about_admin: 'Everything an agent does, and manages the clients and the staff.',
  },
  cs: {
    heading: 'Pozvat člověka',
    intro: 'Pozvaný dostane e-mail s dočasným heslem platným 7 dní; při prvním přihlášení si zvolí vlastní.',
    email: 'E-mail',
    name: 'Jméno',
    role: 'Role',
    language: 'Jazyk pozvánky a e-mailů',
    cs: 'čeština',
    en: 'angličtina',
    send: 'Odeslat pozvánku',
    sending: 'Odesílám…',
    invited: 'Pozvánka pro {name} je na cestě na {email}.',
    conflict_alreadyHere: 'Adresa {email} už tu patří jednomu z lidí. Vypršela-li pozvánka, pošlete ji znovu z jeho karty.',
    conflict_alreadyHereDeactivated: 'Adresa {email} už tu patří jednomu z lidí, jen bez přístupu: místo pozvání mu přístup obnovte.',
    conflict_organisationDeactivated: 'Organizace je deaktivovaná, takže se nikdo nepozval. Nejdřív ji musí znovu aktivovat správci agentury.',
    conflict_addressTaken:
      'Adresa {email} už má v Helpdesku účet jinde. Každý patří jen do jedné organizace: pozvěte ho raději k jednotlivému požadavku, nebo ho nejdřív nechte odebrat tam, kde je.',
    addressTakenStaff: 'Adresa {email} už v Helpdesku účet má. Pro práci v agentuře použijte jinou adresu.',
    about_client_admin: 'Spravuje lidi organizace, nastavení a fakturační údaje; mění priority a přijímá nabídky.',
    about_client_member: 'Podává požadavky a diskutuje o nich; priority mění a nabídky přijímá, jen pokud to nastavení dovoluje.',
    about_agent: 'Vyřizuje požadavky klientů: nabídky, předání, frontu práce.',
    about_admin: 'Vše co agent, a navíc spravuje klienty a tým.',
  },
};

interface Draft {
  email: string;
  name: string;
  role: InvitedRole;
  language: Language;
}

/**
 * Inviting a person: address, name, role (with what it allows) and the language of their mail.
 * An organisation without an admin gets its first one suggested. What is typed stays in a draft
 * until the API took it; a 409 is said from what the list shows (one address, one account).
 */
export const InviteForm = ({ scope, people, onInvited }: { scope: PeopleScope; people: readonly Person[]; onInvited: () => Promise<void> }) => {
  const { api } = useContext(AppContext);
  const t = useWords(words);
  const role = useWords(roleWords);
  const roles: InvitedRole[] = scope.kind === 'staff' ? ['agent', 'admin'] : ['client_member', 'client_admin'];
  const firstAdmin = scope.kind === 'organisation' && !people.some(countsAsAdmin);
  const initial: Draft = {
    email: '',
    name: '',
    role: scope.kind === 'staff' ? 'agent' : firstAdmin ? 'client_admin' : 'client_member',
    language: scope.kind === 'staff' ? 'cs' : scope.language,
  };
  const [draft, setDraft, clearDraft] = useDraft<Draft>(`invite-person-${scope.kind === 'staff' ? 'staff' : scope.orgId}`, initial);
  const [problem, setProblem] = useState<ApiProblem>();
  const [conflict, setConflict] = useState<{ text: string; next?: string }>();
  const [sent, setSent] = useState<string>();
  const [working, setWorking] = useState(false);
  const fields = fieldProblems(problem);
  const reason = useFieldReasons();
  const change = (next: Partial<Draft>) => setDraft({ ...draft, ...next });

  const send = async (event: Event) => {
    event.preventDefault();
    setWorking(true);
    setProblem(undefined);
    setConflict(undefined);
    setSent(undefined);
    const email = draft.email.trim();
    const name = draft.name.trim();
    try {
      if (scope.kind === 'staff') {
        const staffRole = draft.role === 'admin' ? 'admin' : 'agent';
        await must(api.POST('/staff', { body: { email, name, role: staffRole, language: draft.language } }));
      } else {
        const clientRole = draft.role === 'client_admin' ? 'client_admin' : 'client_member';
        await must(api.POST('/orgs/{orgId}/people', { params: { path: { orgId: scope.orgId } }, body: { email, name, role: clientRole, language: draft.language } }));
      }
      clearDraft();
      setSent(t('invited', { name, email }));
      await onInvited();
    } catch (error) {
      const refused = refusalOf(error);
      if (refused.status === 409) {
        const kind = inviteConflict(email, people, scope.kind === 'organisation' && scope.deactivated);
        const text = kind === 'addressTaken' && scope.kind === 'staff' ? t('addressTakenStaff', { email }) : t(`conflict_${kind}`, { email });
        setConflict({ text, ...(refused.next ? { next: refused.next } : {}) });
      } else setProblem(refused);
    } finally {
      setWorking(false);
    }
  };

  return (
    <form class="invite-form stack" onSubmit={send} noValidate aria-labelledby="invite-heading">
      <h3 id="invite-heading">{t('heading')}</h3>
      <p class="hint">{t('intro')}</p>
      <p class="confirmation" role="status">
        {sent}
      </p>
      {conflict && <ConflictBox sentence={conflict.text} next={conflict.next} />}
      <ProblemBox problem={problem} />
      <div class="field-row">
        <Field label={t('email')} problem={reason(fields, 'email', 'email')}>
          {(props) => <input {...props} type="email" autocomplete="off" required maxLength={254} value={draft.email} onInput={(e) => change({ email: e.currentTarget.value })} />}
        </Field>
        <Field label={t('name')} problem={reason(fields, 'name', 'personName')}>
          {(props) => <input {...props} required maxLength={200} autocomplete="off" value={draft.name} onInput={(e) => change({ name: e.currentTarget.value })} />}
        </Field>
      </div>
      <fieldset class={fields.get('role') ? 'invalid' : undefined}>
        <legend>{t('role')}</legend>
        {roles.map((value) => (
          <label class="choice">
            <input type="radio" name={`invite-role-${scope.kind}`} value={value} checked={draft.role === value} onChange={() => change({ role: value })} />
            <span>
              <strong>{role(value)}</strong>
              <span class="hint">{t(`about_${value}`)}</span>
            </span>
          </label>
        ))}
        {fields.get('role') && <p class="field-problem">{fields.get('role')}</p>}
      </fieldset>
      <Field label={t('language')} problem={fields.get('language')}>
        {(props) => (
          <select {...props} value={draft.language} onChange={(e) => change({ language: e.currentTarget.value === 'en' ? 'en' : 'cs' })}>
            <option value="cs">{t('cs')}</option>
            <option value="en">{t('en')}</option>
          </select>
        )}
      </Field>
      <div class="actions">
        <button type="submit" class="primary" disabled={working} aria-busy={working ? 'true' : undefined}>
          {working ? t('sending') : t('send')}
        </button>
      </div>
    </form>
  );
};
