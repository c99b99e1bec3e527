import { useContext, useState } from 'preact/hooks';
import { must, refusalOf, type ApiProblem, type Schemas } from '../api/client.js';
import { AppContext } from '../app-context.js';
import { useDraft } from '../drafts.js';
import { useWords, type Words } from '../i18n.js';
import { fieldProblems } from '../problems.js';
import { ProblemBox } from '../ui/problem-box.js';
import { FormActions } from './form-actions.js';
import { BillingAddress, BillingFields, billingBody, billingDraftOf, type BillingDraft } from './billing-fields.js';

type Organisation = Schemas['Organisation'];

const words: Words<'none' | 'noneReadOnly' | 'edit' | 'set' | 'save' | 'saving' | 'saved'> = {
  en: {
    none: 'No billing details yet. Every order states them, so a priced offer can’t be accepted until they are set.',
    noneReadOnly: 'No billing details yet: a priced offer can’t be accepted until the organisation’s administrators set them.',
    edit: 'Change the billing details',
    set: 'Set the billing details',
    save: 'Save the billing details',
    saving: 'Saving…',
    saved: 'The billing details are saved: the next orders state them.',
  },
  cs: {
    none: 'Fakturační údaje zatím chybí. Každá objednávka je uvádí, takže dokud nejsou vyplněné, placenou nabídku nelze přijmout.',
    noneReadOnly: 'Fakturační údaje zatím chybí: placenou nabídku nelze přijmout, dokud je správci organizace nevyplní.',
    edit: 'Změnit fakturační údaje',
    set: 'Vyplnit fakturační údaje',
    save: 'Uložit fakturační údaje',
    saving: 'Ukládám…',
    saved: 'Fakturační údaje jsou uložené: uvedou je další objednávky.',
  },
};

/**
 * The billing details an organisation's orders state: shown as an address, set by its admins and
 * the agency's (`PUT /orgs/{orgId}/billing`). A 400 marks the field it names; what was typed stays.
 */
export const BillingSection = ({ organisation, manages, onSaved }: { organisation: Organisation; manages: boolean; onSaved: (next: Organisation) => void }) => {
  const { api } = useContext(AppContext);
  const t = useWords(words);
  const [draft, setDraft, clearDraft] = useDraft<BillingDraft | null>(`organisation-billing-${organisation.orgId}`, null);
  const [problem, setProblem] = useState<ApiProblem>();
  const [saved, setSaved] = useState<string>();
  const [working, setWorking] = useState(false);
  const editing = draft !== null;

  const save = async (event: Event) => {
    event.preventDefault();
    if (!draft) return;
    setWorking(true);
    setProblem(undefined);
    try {
      const next = await must(api.PUT('/orgs/{orgId}/billing', { params: { path: { orgId: organisation.orgId } }, body: billingBody(draft) }));
      clearDraft();
      onSaved(next);
      setSaved(t('saved'));
    } catch (error) {
      setProblem(refusalOf(error));
    } finally {
      setWorking(false);
    }
  };

  return (
    <div class="stack">
      <p class="confirmation" role="status">
        {saved}
      </p>
      {organisation.billing ? <BillingAddress billing={organisation.billing} /> : <p class="notice">{manages ? t('none') : t('noneReadOnly')}</p>}
      {manages && !editing && (
        <div class="actions">
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setSaved(undefined);
              setDraft(billingDraftOf(organisation.billing));
            }}
          >
            {organisation.billing ? t('edit') : t('set')}
          </button>
        </div>
      )}
      {manages && draft && (
        <form class="stack billing-form" onSubmit={save} noValidate>
          <ProblemBox problem={problem} />
          <BillingFields draft={draft} onChange={setDraft} problems={fieldProblems(problem)} />
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
