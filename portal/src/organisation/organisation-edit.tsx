import { useContext, useState } from 'preact/hooks';
import { brands } from '../../../lib/mail/brands.js';
import { must, refusalOf, type ApiProblem, type Schemas } from '../api/client.js';
import { AppContext } from '../app-context.js';
import { useDraft } from '../drafts.js';
import { useWords, type Words } from '../i18n.js';
import { fieldProblems } from '../problems.js';
import { ProblemBox } from '../ui/problem-box.js';
import { FormActions } from './form-actions.js';
import { OrganisationFields, type OrganisationDraft } from './organisation-fields.js';
import { SaveNotice, type Notice } from './save-notice.js';

type Organisation = Schemas['Organisation'];

const words: Words<
  | 'name'
  | 'platform'
  | 'platformHint'
  | 'language'
  | 'cs'
  | 'en'
  | 'edit'
  | 'save'
  | 'saving'
  | 'saved'
  | 'unchanged'
  | 'changedMeanwhile'
  | 'facts'
> = {
  en: {
    name: 'Name',
    platform: 'Platform',
    platformHint: 'Its people’s invitations and mail come in this platform’s brand, and they sign in on its portal.',
    language: 'Language',
    cs: 'Czech',
    en: 'English',
    edit: 'Change name, platform or language',
    save: 'Save the changes',
    saving: 'Saving…',
    saved: 'The changes are saved.',
    unchanged: 'Nothing to save: these are its details already.',
    changedMeanwhile: 'Someone changed the organisation in the meantime, so nothing was saved. Its details show as they are now, and your changes are still in the form: save again if they still apply.',
    facts: 'The organisation',
  },
  cs: {
    name: 'Název',
    platform: 'Platforma',
    platformHint: 'Pozvánky a e-maily jejích lidí chodí ve značce této platformy a přihlašují se na jejím portálu.',
    language: 'Jazyk',
    cs: 'čeština',
    en: 'angličtina',
    edit: 'Změnit název, platformu nebo jazyk',
    save: 'Uložit změny',
    saving: 'Ukládám…',
    saved: 'Změny jsou uložené.',
    unchanged: 'Není co ukládat: tohle už jsou její údaje.',
    changedMeanwhile: 'Organizaci mezitím změnil někdo jiný, takže se nic neuložilo. Její údaje jsou zobrazené, jak jsou teď, a vaše změny zůstaly ve formuláři: pokud stále platí, uložte je znovu.',
    facts: 'Organizace',
  },
};

type Draft = OrganisationDraft;

/**
 * An organisation's name, platform and language: shown to the agency, changed by its admins
 * (`PATCH /orgs/{orgId}` with the `version` read, so a change made meanwhile is a 409, not lost).
 */
export const OrganisationEdit = ({ organisation, manages, onSaved, onReload }: { organisation: Organisation; manages: boolean; onSaved: (next: Organisation) => void; onReload: () => Promise<void> }) => {
  const { api } = useContext(AppContext);
  const t = useWords(words);
  const [draft, setDraft, clearDraft] = useDraft<Draft | null>(`organisation-edit-${organisation.orgId}`, null);
  const [problem, setProblem] = useState<ApiProblem>();
  const [notice, setNotice] = useState<Notice>();
  const [working, setWorking] = useState(false);

  const save = async (event: Event) => {
    event.preventDefault();
    if (!draft) return;
    setProblem(undefined);
    setNotice(undefined);
    const name = draft.name.trim();
    const change = {
      ...(name !== organisation.name ? { name } : {}),
      ...(draft.platform !== organisation.platform ? { platform: draft.platform } : {}),
      ...(draft.language !== organisation.language ? { language: draft.language } : {}),
    };
    if (Object.keys(change).length === 0) {
      clearDraft();
      return setNotice({ kind: 'done', text: t('unchanged') });
    }
    setWorking(true);
    try {
      const next = await must(api.PATCH('/orgs/{orgId}', { params: { path: { orgId: organisation.orgId } }, body: { ...change, version: organisation.version ?? 0 } }));
      clearDraft();
      onSaved(next);
      setNotice({ kind: 'done', text: t('saved') });
    } catch (error) {
      const refused = refusalOf(error);
      if (refused.status === 409) {
        await onReload();
        setNotice({ kind: 'conflict', text: t('changedMeanwhile') });
      } else setProblem(refused);
    } finally {
      setWorking(false);
    }
  };

  const change = (next: Partial<Draft>) => draft && setDraft({ ...draft, ...next });

  return (
    <div class="stack">
      <dl class="facts" aria-label={t('facts')}>
        <div>
          <dt>{t('name')}</dt>
          <dd>{organisation.name}</dd>
        </div>
        <div>
          <dt>{t('platform')}</dt>
          <dd>{brands[organisation.platform].name}</dd>
        </div>
        <div>
          <dt>{t('language')}</dt>
          <dd>{t(organisation.language)}</dd>
        </div>
      </dl>
      <SaveNotice notice={notice} />
      {manages && !draft && (
        <div class="actions">
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setNotice(undefined);
              setDraft({ name: organisation.name, platform: organisation.platform, language: organisation.language });
            }}
          >
            {t('edit')}
          </button>
        </div>
      )}
      {manages && draft && (
        <form class="stack" onSubmit={save} noValidate>
          <ProblemBox problem={problem} />
          <OrganisationFields draft={draft} onChange={change} problems={fieldProblems(problem)} group="edit-platform" platformHint={t('platformHint')} />
          <FormActions
            working={working}
            submit={t('save')}
            busy={t('saving')}
            onCancel={() => {
              setProblem(undefined);
              clearDraft();
            }}
          />
        </form>
      )}
    </div>
  );
};
