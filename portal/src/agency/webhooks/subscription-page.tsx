import { useContext, useState } from 'preact/hooks';
import type { Schemas } from '../../api/client.js';
import { AppContext } from '../../app-context.js';
import { useDraft } from '../../drafts.js';
import { useWords, type Words } from '../../i18n.js';
import { PageSection } from '../../organisation/page-section.js';
import { ProblemBox } from '../../ui/problem-box.js';
import { Shell } from '../../ui/shell.js';
import { useClients } from '../directory.js';
import { AdminsOnly } from './admins-only.js';
import { DeliveriesSection } from './deliveries-section.js';
import { SecretPanel, type ShownSecret } from './secret-panel.js';
import { draftOf } from './subscription-body.js';
import { SubscriptionControls } from './subscription-controls.js';
import { SubscriptionEdit, type EditDraft } from './subscription-edit.js';
import { SubscriptionFacts } from './subscription-facts.js';
import { useSubscription } from './use-subscription.js';
import '../../organisation/organisation.css';
import './webhooks.css';

type Subscription = Schemas['WebhookSubscription'];

const words: Words<'back' | 'title' | 'loading' | 'details'> = {
  en: { back: 'Webhooks', title: 'Webhook subscription', loading: 'Loading the subscription…', details: 'The subscription' },
  cs: { back: 'Webhooky', title: 'Odběr webhooků', loading: 'Načítám odběr…', details: 'Odběr' },
};

/**
 * One webhook subscription (agency admins): what it is and how it fares, changed, disabled or
 * enabled, its secret rotated (the new one shown once), deleted; and its recent deliveries, kept
 * current, each with its tries and "Send again".
 */
export const WebhookSubscriptionPage = ({ subscriptionId }: { subscriptionId: string }) => {
  const { me } = useContext(AppContext);
  const t = useWords(words);
  return (
    <Shell current="webhooks">
      <p class="back">
        <a href="/webhooks">← {t('back')}</a>
      </p>
      {me?.role === 'admin' ? (
        <AdminView subscriptionId={subscriptionId} />
      ) : (
        <>
          <h1>{t('title')}</h1>
          <AdminsOnly />
        </>
      )}
    </Shell>
  );
};

const AdminView = ({ subscriptionId }: { subscriptionId: string }) => {
  const t = useWords(words);
  const { subscription, setSubscription, problem, load } = useSubscription(subscriptionId);
  const clients = useClients(subscription?.orgId ? [subscription.orgId] : []);
  const edit = useDraft<EditDraft | null>(`webhook-edit-${subscriptionId}`, null);
  const [notice, setNotice] = useState<string>();
  const [shown, setShown] = useState<ShownSecret>();

  const changed = (next: Subscription, text: string) => {
    setSubscription(next);
    setNotice(text);
  };

  return (
    <>
      <h1 class="hook-title">{subscription ? (subscription.description ?? subscription.url) : t('title')}</h1>
      <ProblemBox problem={problem} />
      {!subscription && !problem && (
        <p class="loading-line" aria-busy="true">
          {t('loading')}
        </p>
      )}
      {subscription && (
        <>
          {shown && <SecretPanel shown={shown} onDone={() => setShown(undefined)} />}
          <PageSection id="subscription" title={t('details')}>
            <SubscriptionFacts subscription={subscription} names={clients.names} />
            <p class="confirmation hook-notice" role="status">
              {notice}
            </p>
            <SubscriptionEdit subscription={subscription} draft={edit} clients={clients} onSaved={changed} onReload={load} />
            {edit[0] === null && (
              <SubscriptionControls
                subscription={subscription}
                onEdit={() => {
                  setNotice(undefined);
                  edit[1]({ ...draftOf(subscription), version: subscription.version });
                }}
                onChanged={changed}
                onRotated={async (secret) => {
                  setNotice(undefined);
                  setShown(secret);
                  await load();
                }}
                onReload={load}
              />
            )}
          </PageSection>
          <DeliveriesSection subscription={subscription} />
        </>
      )}
    </>
  );
};
