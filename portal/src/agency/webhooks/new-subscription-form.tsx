import { useContext, useState } from 'preact/hooks';
import { must, refusalOf, type ApiProblem, type Schemas } from '../../api/client.js';
import { AppContext } from '../../app-context.js';
import { useWords, type Words } from '../../i18n.js';
import { FormActions } from '../../organisation/form-actions.js';
import { fieldProblems } from '../../problems.js';
import { ProblemBox } from '../../ui/problem-box.js';
import type { Clients } from '../directory.js';
import { newSubscriptionBody, type SubscriptionDraft } from './subscription-body.js';
import { SubscriptionFields } from './subscription-fields.js';

const words: Words<'heading' | 'intro' | 'create' | 'creating'> = {
  en: {
    heading: 'Add a subscription',
    intro: 'Its signing secret is shown once, right after it is created: have somewhere to store it ready.',
    create: 'Add the subscription',
    creating: 'Adding…',
  },
  cs: {
    heading: 'Přidat odběr',
    intro: 'Jeho podpisový klíč se zobrazí jen jednou, hned po vytvoření: připravte si, kam ho uložíte.',
    create: 'Přidat odběr',
    creating: 'Přidávám…',
  },
};

/**
 * A new subscription (`POST /webhooks`). The page keeps what is typed as a draft (nothing is lost
 * to a refusal, a reload or an expired session) and clears it once the API took it.
 */
export const NewSubscriptionForm = ({
  draft,
  onChange,
  clients,
  onCreated,
  onCancel,
}: {
  draft: SubscriptionDraft;
  onChange: (next: SubscriptionDraft) => void;
  clients: Clients;
  onCreated: (created: Schemas['CreatedWebhookSubscription']) => void;
  onCancel: () => void;
}) => {
  const { api } = useContext(AppContext);
  const t = useWords(words);
  const [problem, setProblem] = useState<ApiProblem>();
  const [working, setWorking] = useState(false);

  const create = async (event: Event) => {
    event.preventDefault();
    setWorking(true);
    setProblem(undefined);
    try {
      onCreated(await must(api.POST('/webhooks', { body: newSubscriptionBody(draft) })));
    } catch (error) {
      setProblem(refusalOf(error));
    } finally {
      setWorking(false);
    }
  };

  return (
    <form class="hook-form stack" onSubmit={create} noValidate aria-labelledby="new-hook-heading" aria-busy={working ? 'true' : undefined}>
      <h2 id="new-hook-heading">{t('heading')}</h2>
      <p class="hint">{t('intro')}</p>
      <ProblemBox problem={problem} />
      <SubscriptionFields draft={draft} onChange={(next) => onChange({ ...draft, ...next })} problems={fieldProblems(problem)} clients={clients} />
      <FormActions working={working} submit={t('create')} busy={t('creating')} onCancel={onCancel} />
    </form>
  );
};
