import { useContext, useState } from 'preact/hooks';
import { must, refusalOf, type ApiProblem, type Schemas } from '../api/client.js';
import { AppContext } from '../app-context.js';
import { useDraft } from '../drafts.js';
import { useWords, type Words } from '../i18n.js';
import { ProblemBox } from '../ui/problem-box.js';
import { FormActions } from './form-actions.js';
import { SaveNotice, type Notice } from './save-notice.js';

type Organisation = Schemas['Organisation'];
type Settings = Organisation['settings'];
type Setting = keyof Settings;

const words: Words<Setting | `${Setting}Hint` | 'legend' | 'save' | 'saving' | 'saved' | 'unchanged' | 'changedMeanwhile' | 'yes' | 'no'> = {
  en: {
    legend: 'What members may do',
    membersMayRank: 'Members may set the priorities',
    membersMayRankHint: 'Otherwise only administrators reorder the organisation’s queue; members see the order.',
    membersMayAcceptOffers: 'Members may accept offers',
    membersMayAcceptOffersHint: 'An accepted offer is a binding order. Otherwise only administrators accept offers; members see them.',
    save: 'Save the settings',
    saving: 'Saving…',
    saved: 'The settings are saved.',
    unchanged: 'Nothing to save: these are the settings already.',
    changedMeanwhile: 'Someone changed the settings in the meantime, so nothing was saved. They show as they are now: choose again.',
    yes: 'Yes',
    no: 'No',
  },
  cs: {
    legend: 'Co smějí členové',
    membersMayRank: 'Členové smějí měnit priority',
    membersMayRankHint: 'Jinak pořadí požadavků organizace mění jen správci; členové ho vidí.',
    membersMayAcceptOffers: 'Členové smějí přijímat nabídky',
    membersMayAcceptOffersHint: 'Přijatá nabídka je závazná objednávka. Jinak nabídky přijímají jen správci; členové je vidí.',
    save: 'Uložit nastavení',
    saving: 'Ukládám…',
    saved: 'Nastavení je uloženo.',
    unchanged: 'Není co ukládat: tohle už je nastavení organizace.',
    changedMeanwhile: 'Nastavení mezitím změnil někdo jiný, takže se nic neuložilo. Níže je, jak je teď: zvolte znovu.',
    yes: 'Ano',
    no: 'Ne',
  },
};

const settings: Setting[] = ['membersMayRank', 'membersMayAcceptOffers'];

/**
 * An organisation's settings: whether members may set priorities and accept offers. Its admins and
 * the agency's change them; agents see them. `onSaved` gets the organisation as the API answered.
 */
export const SettingsSection = ({ organisation, manages, onSaved, onReload }: { organisation: Organisation; manages: boolean; onSaved: (next: Organisation) => void; onReload: () => Promise<void> }) => {
  const { api } = useContext(AppContext);
  const t = useWords(words);
  const [draft, setDraft, clearDraft] = useDraft<Settings | null>(`organisation-settings-${organisation.orgId}`, null);
  const [problem, setProblem] = useState<ApiProblem>();
  const [notice, setNotice] = useState<Notice>();
  const [working, setWorking] = useState(false);
  const choice = draft ?? organisation.settings;

  if (!manages)
    return (
      <dl class="facts">
        {settings.map((setting) => (
          <div>
            <dt>{t(setting)}</dt>
            <dd>{organisation.settings[setting] ? t('yes') : t('no')}</dd>
          </div>
        ))}
      </dl>
    );

  const save = async (event: Event) => {
    event.preventDefault();
    setProblem(undefined);
    setNotice(undefined);
    const change = Object.fromEntries(settings.filter((setting) => choice[setting] !== organisation.settings[setting]).map((setting) => [setting, choice[setting]]));
    if (Object.keys(change).length === 0) {
      clearDraft();
      return setNotice({ kind: 'done', text: t('unchanged') });
    }
    setWorking(true);
    try {
      const next = await must(api.PATCH('/orgs/{orgId}/settings', { params: { path: { orgId: organisation.orgId } }, body: change }));
      clearDraft();
      onSaved(next);
      setNotice({ kind: 'done', text: t('saved') });
    } catch (error) {
      const refused = refusalOf(error);
      if (refused.status === 409) {
        clearDraft();
        await onReload();
        setNotice({ kind: 'conflict', text: t('changedMeanwhile') });
      } else setProblem(refused);
    } finally {
      setWorking(false);
    }
  };

  return (
    <form class="stack" onSubmit={save}>
      <fieldset>
        <legend>{t('legend')}</legend>
        {settings.map((setting) => (
          <label class="choice">
            <input type="checkbox" name={setting} checked={choice[setting]} onChange={(event) => setDraft({ ...choice, [setting]: event.currentTarget.checked })} />
            <span>
              <strong>{t(setting)}</strong>
              <span class="hint">{t(`${setting}Hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <SaveNotice notice={notice} />
      <ProblemBox problem={problem} />
      <FormActions working={working} submit={t('save')} busy={t('saving')} />
    </form>
  );
};
