import { useContext, useState } from 'preact/hooks';
import { must, refusalOf, type ApiProblem, type Schemas } from '../../api/client.js';
import { AppContext } from '../../app-context.js';
import type { useDraft } from '../../drafts.js';
import { useWords, type Words } from '../../i18n.js';
import { FormActions } from '../../organisation/form-actions.js';
import { fieldProblems } from '../../problems.js';
import { ProblemBox } from '../../ui/problem-box.js';
import type { Clients } from '../directory.js';
import { subscriptionChange, type SubscriptionDraft } from './subscription-body.js';
import { SubscriptionFields } from './subscription-fields.js';

type Subscription = Schemas['WebhookSubscription'];

/** The change being typed, with the subscription's `version` it was started from (a change made meanwhile is then a 409). */
export interface EditDraft extends SubscriptionDraft {
  version: number;
}

const words: Words<'heading' | 'save' | 'saving' | 'saved' | 'unchanged' | 'changedMeanwhile'> = {
  en: {
    heading: 'Change the subscription',
    save: 'Save the changes',
    saving: 'Saving…',
    saved: 'The changes are saved: the next events go by them.',
    unchanged: 'Nothing to save: the subscription is like this already.',
    changedMeanwhile: 'Someone changed the subscription in the meantime, so nothing was saved. It shows as it is now above, and your changes are still in the form: save again if they still apply.',
  },
  cs: {
    heading: 'Změnit odběr',
    save: 'Uložit změny',
    saving: 'Ukládám…',
    saved: 'Změny jsou uložené: další události se jimi už řídí.',
    unchanged: 'Není co ukládat: odběr už takhle vypadá.',
    changedMeanwhile: 'Odběr mezitím změnil někdo jiný, takže se nic neuložilo. Výše je zobrazený, jak je teď, a vaše změny zůstaly ve formuláři: pokud stále platí, uložte je znovu.',
  },
};

/**
 * Changing a subscription's URL, events, organisation or description (`PATCH /webhooks/{id}` with
 * only what differs, and the version the change started from). The draft is the page's
 * (`useDraft`): it survives a refusal, a reload or an expired session.
 */
export const SubscriptionEdit = ({
  subscription,
  draft: [draft, setDraft, clearDraft],
  clients,
  onSaved,
  onReload,
}: {
  subscription: Subscription;
  draft: ReturnType<typeof useDraft<EditDraft | null>>;
  clients: Clients;
  onSaved: (next: Subscription, notice: string) => void;
  onReload: () => Promise<Subscription | undefined>;
}) => {
  const { api } = useContext(AppContext);
  const t = useWords(words);
  const [problem, setProblem] = useState<ApiProblem>();
  const [conflict, setConflict] = useState(false);
  const [working, setWorking] = useState(false);
  if (!draft) return null;

  const save = async (event: Event) => {
    event.preventDefault();
    setProblem(undefined);
    setConflict(false);
    const change = subscriptionChange(subscription, draft);
    if (Object.keys(change).length === 0) {
      clearDraft();
      return onSaved(subscription, t('unchanged'));
    }
    setWorking(true);
    try {
      const next = await must(api.PATCH('/webhooks/{subscriptionId}', { params: { path: { subscriptionId: subscription.subscriptionId } }, body: { ...change, version: draft.version } }));
      clearDraft();
      onSaved(next, t('saved'));
    } catch (error) {
      const refused = refusalOf(error);
      if (refused.status === 409) {
        // Shown as it is now; the changes typed stay, to be saved on top of it if they still apply.
        const now = await onReload();
        if (now) setDraft({ ...draft, version: now.version });
        setConflict(true);
      } else setProblem(refused);
    } finally {
      setWorking(false);
    }
  };

  return (
    <form class="hook-form stack" onSubmit={save} noValidate aria-labelledby="edit-hook-heading" aria-busy={working ? 'true' : undefined}>
      <h3 id="edit-hook-heading">{t('heading')}</h3>
      {conflict && (
        <p class="problem" role="alert">
          {t('changedMeanwhile')}
        </p>
      )}
      <ProblemBox problem={problem} />
      <SubscriptionFields draft={draft} onChange={(next) => setDraft({ ...draft, ...next })} problems={fieldProblems(problem)} clients={clients} />
      <FormActions working={working} submit={t('save')} busy={t('saving')} onCancel={clearDraft} />
    </form>
  );
};
