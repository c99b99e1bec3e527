import { useContext, useState } from 'preact/hooks';
import { must, refusalOf, type ApiProblem, type Schemas } from '../api/client.js';
import { AppContext } from '../app-context.js';
import { useDraft } from '../drafts.js';
import { useWords, type Words } from '../i18n.js';
import { fieldProblems } from '../problems.js';
import { ProblemBox } from '../ui/problem-box.js';
import { FormActions } from './form-actions.js';
import { OrganisationFields, type OrganisationDraft } from './organisation-fields.js';
import { BillingFields, billingBody, emptyBilling, type BillingDraft } from './billing-fields.js';

const words: Words<
  | 'heading'
  | 'intro'
  | 'platformHint'
  | 'withBilling'
  | 'withBillingHint'
  | 'create'
  | 'creating'
> = {
  en: {
    heading: 'New client organisation',
    intro: 'Its first administrator is invited next, on its page.',
    platformHint: 'The platform the client comes from: its people’s invitations and mail come in its brand, and they sign in on its portal.',
    withBilling: 'Set its billing details now',
    withBillingHint: 'Optional: its administrators can set them later. A priced offer can’t be accepted without them.',
    create: 'Create the organisation',
    creating: 'Creating…',
  },
  cs: {
    heading: 'Nová klientská organizace',
    intro: 'Jejího prvního správce pak pozvete na její stránce.',
    platformHint: 'Platforma, ze které klient přichází: pozvánky a e-maily jejích lidí chodí v její značce a přihlašují se na jejím portálu.',
    withBilling: 'Vyplnit rovnou fakturační údaje',
    withBillingHint: 'Nepovinné: její správci je mohou vyplnit později. Bez nich nelze přijmout placenou nabídku.',
    create: 'Založit organizaci',
    creating: 'Zakládám…',
  },
};

interface Draft extends OrganisationDraft {
  withBilling: boolean;
  billing: BillingDraft;
}

/**
 * Creating a client organisation (the agency's admins): name, platform, language and, if known,
 * its billing details. What is typed stays in a draft until the API took it; `onCreated` then
 * goes on to the new organisation's page.
 */
export const NewOrganisationForm = ({ onCreated, onCancel }: { onCreated: (organisation: Schemas['Organisation']) => void; onCancel: () => void }) => {
  const { api, brand } = useContext(AppContext);
  const t = useWords(words);
  const [draft, setDraft, clearDraft] = useDraft<Draft>('new-organisation', { name: '', platform: brand, language: 'cs', withBilling: false, billing: emptyBilling });
  const [problem, setProblem] = useState<ApiProblem>();
  const [working, setWorking] = useState(false);
  const fields = fieldProblems(problem);
  const change = (next: Partial<Draft>) => setDraft({ ...draft, ...next });

  const create = async (event: Event) => {
    event.preventDefault();
    setWorking(true);
    setProblem(undefined);
    try {
      const created = await must(
        api.POST('/orgs', { body: { name: draft.name.trim(), platform: draft.platform, language: draft.language, ...(draft.withBilling ? { billing: billingBody(draft.billing) } : {}) } }),
      );
      clearDraft();
      onCreated(created);
    } catch (error) {
      setProblem(refusalOf(error));
    } finally {
      setWorking(false);
    }
  };

  return (
    <form class="new-organisation stack" onSubmit={create} noValidate aria-labelledby="new-organisation-heading">
      <h2 id="new-organisation-heading">{t('heading')}</h2>
      <p class="hint">{t('intro')}</p>
      <ProblemBox problem={problem} />
      <OrganisationFields draft={draft} onChange={change} problems={fields} group="new-organisation-platform" platformHint={t('platformHint')} autocomplete="off" />
      <label class="choice">
        <input type="checkbox" checked={draft.withBilling} onChange={(e) => change({ withBilling: e.currentTarget.checked })} />
        <span>
          <strong>{t('withBilling')}</strong>
          <span class="hint">{t('withBillingHint')}</span>
        </span>
      </label>
      {draft.withBilling && <BillingFields draft={draft.billing} onChange={(billing) => change({ billing })} problems={fields} prefix="billing." />}
      <FormActions
        working={working}
        submit={t('create')}
        busy={t('creating')}
        onCancel={() => {
          clearDraft();
          onCancel();
        }}
      />
    </form>
  );
};
