import { useContext, useEffect, useState } from 'preact/hooks';
import { ApiRefusal, must, type ApiProblem, type Schemas } from '../../api/client.js';
import { AppContext } from '../../app-context.js';
import { useDraft } from '../../drafts.js';
import { useWords, type Words } from '../../i18n.js';
import { useLiveRefresh } from '../../live.js';
import { useRoute } from '../../router.js';
import { ProblemBox } from '../../ui/problem-box.js';
import { Shell } from '../../ui/shell.js';
import { useClients } from '../directory.js';
import { AdminsOnly } from './admins-only.js';
import { NewSubscriptionForm } from './new-subscription-form.js';
import { SecretPanel } from './secret-panel.js';
import { emptyDraft, type SubscriptionDraft } from './subscription-body.js';
import { SubscriptionTable } from './subscription-table.js';
import { disableAfterDays, retryHours } from './webhook-limits.js';
import '../../organisation/organisation.css';
import './webhooks.css';

type Subscription = Schemas['WebhookSubscription'];

const words: Words<'title' | 'intro' | 'add' | 'loading' | 'empty' | 'deleted' | 'open'> = {
  en: {
    title: 'Webhooks',
    intro: `orderdesk tells the platforms’ systems what happens on requests: it POSTs each event a subscription asks for to its URL, signed by the Standard Webhooks specification. A delivery that fails is tried again for ${retryHours} hours, then parked; a subscription whose deliveries keep failing for ${disableAfterDays} days is disabled, and the agency’s admins are mailed.`,
    add: 'Add a subscription…',
    loading: 'Loading the subscriptions…',
    empty: 'No subscription: nothing is sent anywhere. Add one to send a platform the requests’ events.',
    deleted: 'The subscription is deleted: nothing more is sent to it.',
    open: 'Open the subscription and its deliveries',
  },
  cs: {
    title: 'Webhooky',
    intro: `orderdesk dává systémům platforem vědět, co se děje s požadavky: každou událost, o kterou odběr stojí, pošle (POST) na jeho URL, podepsanou podle specifikace Standard Webhooks. Doručení, které selže, se zkouší znovu ${retryHours} hodin a pak se odloží; odběr, jehož doručení selhávají ${disableAfterDays} dní, se vypne a správcům agentury přijde e-mail.`,
    add: 'Přidat odběr…',
    loading: 'Načítám odběry…',
    empty: 'Žádný odběr: nikam se nic neposílá. Přidejte ho a platforma bude dostávat události požadavků.',
    deleted: 'Odběr je smazaný: nic dalšího se mu neposílá.',
    open: 'Otevřít odběr a jeho doručení',
  },
};

/**
 * The agency admins' webhook subscriptions (`GET /webhooks`): what each receiver gets and how it
 * fares, kept current like the operations lists (orderdesk itself disables a failing one); and a
 * new one added here, its secret shown once. Agents are told whose page this is.
 */
export const Webhooks = () => {
  const { me } = useContext(AppContext);
  const t = useWords(words);
  return (
    <Shell current="webhooks">
      {me?.role === 'admin' ? (
        <AdminWebhooks />
      ) : (
        <>
          <h1>{t('title')}</h1>
          <AdminsOnly />
        </>
      )}
    </Shell>
  );
};

const AdminWebhooks = () => {
  const { api } = useContext(AppContext);
  const t = useWords(words);
  const { query } = useRoute();
  const [items, setItems] = useState<Subscription[]>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [draft, setDraft, clearDraft] = useDraft<SubscriptionDraft | null>('webhook-new', null);
  const [created, setCreated] = useState<Schemas['CreatedWebhookSubscription']>();
  const clients = useClients((items ?? []).flatMap((subscription) => (subscription.orgId ? [subscription.orgId] : [])));

  const load = async () => {
    try {
      setItems((await must(api.GET('/webhooks'))).items);
      setProblem(undefined);
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      setProblem(error.problem);
    }
  };
  useEffect(() => void load(), [api]);
  useLiveRefresh(load);

  const onCreated = (answer: Schemas['CreatedWebhookSubscription']) => {
    clearDraft();
    setCreated(answer);
    setItems((before) => [...(before ?? []).filter((one) => one.subscriptionId !== answer.subscription.subscriptionId), answer.subscription]);
  };

  return (
    <>
      <div class="page-head">
        <h1>{t('title')}</h1>
        {!draft && !created && (
          <button type="button" class="primary" onClick={() => setDraft(emptyDraft)}>
            {t('add')}
          </button>
        )}
      </div>
      <p>{t('intro')}</p>
      {query.get('deleted') === '1' && (
        <p class="confirmation" role="status">
          {t('deleted')}
        </p>
      )}
      {draft && <NewSubscriptionForm draft={draft} onChange={setDraft} clients={clients} onCreated={onCreated} onCancel={clearDraft} />}
      {created && (
        <div class="hook-created">
          <SecretPanel shown={{ secret: created.secret }} onDone={() => setCreated(undefined)} />
          <p>
            <a href={`/webhooks/${encodeURIComponent(created.subscription.subscriptionId)}`}>{t('open')}</a>
          </p>
        </div>
      )}
      <ProblemBox problem={problem} />
      {!items && !problem && (
        <p class="loading-line" aria-busy="true">
          {t('loading')}
        </p>
      )}
      {items?.length === 0 && <p class="empty">{t('empty')}</p>}
      {items && items.length > 0 && <SubscriptionTable items={items} names={clients.names} />}
    </>
  );
};
