import { useContext, useEffect, useState } from 'preact/hooks';
import { refusalOf, must, type ApiProblem, type Schemas } from '../../api/client.js';
import { AppContext } from '../../app-context.js';
import { useDraft } from '../../drafts.js';
import { useWords, type Words } from '../../i18n.js';
import { fieldProblems } from '../../problems.js';
import { Field } from '../../ui/field.js';
import { ProblemBox } from '../../ui/problem-box.js';
import { RequestContext } from './request-context.js';

const words: Words<
  | 'heading'
  | 'intro'
  | 'loading'
  | 'none'
  | 'invitedOn'
  | 'remove'
  | 'removed'
  | 'inviteHeading'
  | 'inviteHint'
  | 'email'
  | 'name'
  | 'nameHint'
  | 'invite'
  | 'inviting'
  | 'invited'
  | 'already'
> = {
  en: {
    heading: 'Invited people',
    intro: 'People invited to this request see it, its discussion, files and offers, and may write here. They see none of your other requests.',
    loading: 'Loading the people…',
    none: 'Nobody is invited to this request yet.',
    invitedOn: 'invited {date}',
    remove: 'Remove',
    removed: '{name} was removed: they no longer see this request.',
    inviteHeading: 'Invite someone',
    inviteHint: 'They get an e-mail with how to sign in, and see this request only.',
    email: 'E-mail',
    name: 'Name',
    nameHint: 'Optional: how they are greeted and shown here.',
    invite: 'Invite',
    inviting: 'Inviting…',
    invited: '{name} is invited: they get an e-mail with how to sign in.',
    already: 'This person sees the request already: they belong to your organisation or the agency, or were invited before.',
  },
  cs: {
    heading: 'Pozvaní lidé',
    intro: 'Lidé pozvaní k tomuto požadavku vidí jeho komunikaci, soubory a nabídky a mohou sem psát. Žádné jiné vaše požadavky nevidí.',
    loading: 'Načítám lidi…',
    none: 'K tomuto požadavku zatím nikdo pozván není.',
    invitedOn: 'pozván(a) {date}',
    remove: 'Odebrat',
    removed: '{name} byl(a) odebrán(a): tento požadavek už nevidí.',
    inviteHeading: 'Pozvat někoho',
    inviteHint: 'Přijde mu e-mail s postupem přihlášení a uvidí jen tento požadavek.',
    email: 'E-mail',
    name: 'Jméno',
    nameHint: 'Nepovinné: jak ho oslovíme a jak se tu zobrazí.',
    invite: 'Pozvat',
    inviting: 'Zvu…',
    invited: '{name} je pozván(a): přijde mu e-mail s postupem přihlášení.',
    already: 'Tento člověk už požadavek vidí: patří k vaší organizaci nebo k agentuře, nebo už byl pozván dříve.',
  },
};

/**
 * The people invited to a request: the list, and for the client's admins (no `allowedActions`
 * entry says who invites: the API's 403 has the last word) inviting by e-mail and removing.
 */
export const PeopleTab = () => {
  const { api, me, language } = useContext(AppContext);
  const { request } = useContext(RequestContext);
  const t = useWords(words);
  const requestId = request.requestId;
  const [people, setPeople] = useState<Schemas['Participant'][]>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [inviteProblem, setInviteProblem] = useState<ApiProblem>();
  const [confirmation, setConfirmation] = useState<string>();
  const [draft, setDraft, clearDraft] = useDraft(`invite-${requestId}`, { email: '', name: '' });
  const [working, setWorking] = useState(false);
  const manages = me?.role === 'client_admin';
  const fields = fieldProblems(inviteProblem);

  const load = async () => {
    try {
      setPeople(await must(api.GET('/requests/{requestId}/participants', { params: { path: { requestId } } })));
    } catch (error) {
      setProblem(refusalOf(error));
    }
  };
  useEffect(() => void load(), [requestId]);

  const invite = async (event: Event) => {
    event.preventDefault();
    setWorking(true);
    setInviteProblem(undefined);
    setConfirmation(undefined);
    try {
      const name = draft.name.trim();
      const invited = await must(api.POST('/requests/{requestId}/participants', { params: { path: { requestId } }, body: { email: draft.email.trim(), ...(name ? { name } : {}) } }));
      clearDraft();
      setConfirmation(t('invited', { name: invited.name || invited.email }));
      await load();
    } catch (error) {
      setInviteProblem(refusalOf(error));
    } finally {
      setWorking(false);
    }
  };

  const remove = async (person: Schemas['Participant']) => {
    setProblem(undefined);
    setConfirmation(undefined);
    try {
      await must(api.DELETE('/requests/{requestId}/participants/{userId}', { params: { path: { requestId, userId: person.userId } } }));
      setConfirmation(t('removed', { name: person.name || person.email }));
      await load();
    } catch (error) {
      setProblem(refusalOf(error));
    }
  };

  const date = (iso: string) => new Date(iso).toLocaleDateString(language === 'cs' ? 'cs-CZ' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

  return (
    <section class="people stack" aria-labelledby="people-heading">
      <h2 id="people-heading">{t('heading')}</h2>
      <p class="hint">{t('intro')}</p>
      <p class="confirmation" role="status">
        {confirmation}
      </p>
      <ProblemBox problem={problem} />
      {!people && !problem && <p aria-busy="true">{t('loading')}</p>}
      {people?.length === 0 && <p class="empty">{t('none')}</p>}
      {people && people.length > 0 && (
        <ul class="request-list people-list">
          {people.map((person) => (
            <li key={person.userId} class="person">
              <span>
                <strong>{person.name || person.email}</strong> <span class="muted">{person.email}</span>
              </span>
              <span class="meta">{t('invitedOn', { date: date(person.invitedAt) })}</span>
              {manages && (
                <button type="button" class="danger" onClick={() => void remove(person)}>
                  {t('remove')}
                  <span class="visually-hidden"> {person.name || person.email}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {manages && (
        <form class="stack invite" onSubmit={invite} noValidate>
          <h3>{t('inviteHeading')}</h3>
          <p class="hint">{t('inviteHint')}</p>
          {inviteProblem?.status === 409 ? (
            <div class="problem" role="alert" data-status={409}>
              <p>{t('already')}</p>
            </div>
          ) : (
            <ProblemBox problem={inviteProblem} />
          )}
          <Field label={t('email')} problem={fields.get('email')}>
            {(props) => <input {...props} type="email" autocomplete="off" required maxLength={254} value={draft.email} onInput={(e) => setDraft({ ...draft, email: e.currentTarget.value })} />}
          </Field>
          <Field label={t('name')} hint={t('nameHint')} problem={fields.get('name')}>
            {(props) => <input {...props} maxLength={200} value={draft.name} onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })} />}
          </Field>
          <div class="actions">
            <button type="submit" class="primary" disabled={working}>
              {working ? t('inviting') : t('invite')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
};
