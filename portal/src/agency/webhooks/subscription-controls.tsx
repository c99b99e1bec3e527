import { useContext, useState } from 'preact/hooks';
import { must, type Schemas } from '../../api/client.js';
import { AppContext } from '../../app-context.js';
import { useWords, type Words } from '../../i18n.js';
import { ConfirmPanel } from '../../organisation/confirm-panel.js';
import { useStep } from '../../pages/request/decision-kit.js';
import { navigate } from '../../router.js';
import { ProblemBox } from '../../ui/problem-box.js';
import type { ShownSecret } from './secret-panel.js';
import { disableAfterDays, previousSecretHours } from './webhook-limits.js';

type Subscription = Schemas['WebhookSubscription'];

const words: Words<
  | 'change'
  | 'disable'
  | 'enable'
  | 'disabling'
  | 'enabling'
  | 'disableHint'
  | 'enableFailingHint'
  | 'disabled'
  | 'enabled'
  | 'enabledAfresh'
  | 'rotate'
  | 'rotateTitle'
  | 'rotateText'
  | 'rotateAgain'
  | 'rotateConfirm'
  | 'delete'
  | 'deleteTitle'
  | 'deleteText'
  | 'deleteConfirm'
> = {
  en: {
    change: 'Change…',
    disable: 'Disable',
    enable: 'Enable',
    disabling: 'Disabling…',
    enabling: 'Enabling…',
    disableHint: 'Disabling stops deliveries: events that happen while it is off are not sent, not even later, and deliveries still being tried are parked (send them again once it is on).',
    enableFailingHint: `orderdesk disabled it because its receiver kept failing. Enabling it starts its failure streak over: orderdesk disables it again only after another ${disableAfterDays} days in which every delivery fails.`,
    disabled: 'Disabled: nothing is sent to it until it is enabled again.',
    enabled: 'Enabled: events are sent to it again.',
    enabledAfresh: 'Enabled: events are sent to it again, and its failure streak starts over.',
    rotate: 'Rotate the secret…',
    rotateTitle: 'Rotate the signing secret?',
    rotateText: `A new secret is made and shown once. The current one keeps signing every delivery beside it for ${previousSecretHours} hours, so the receiver keeps verifying while it is switched to the new one.`,
    rotateAgain: 'The secret was rotated less than a day ago: rotating again stops the oldest one signing at once.',
    rotateConfirm: 'Rotate the secret',
    delete: 'Delete…',
    deleteTitle: 'Delete this subscription?',
    deleteText: 'Nothing more is sent to {url}, and none of its deliveries can be sent again. This can’t be undone: to send there again, add a new subscription (it gets a new secret). To stop it for a while, disable it instead.',
    deleteConfirm: 'Delete the subscription',
  },
  cs: {
    change: 'Změnit…',
    disable: 'Vypnout',
    enable: 'Zapnout',
    disabling: 'Vypínám…',
    enabling: 'Zapínám…',
    disableHint: 'Vypnutí zastaví doručování: události, které nastanou, dokud je vypnutý, se nepošlou ani později, a doručení, která se ještě zkoušejí, se odloží (po zapnutí je můžete odeslat znovu).',
    enableFailingHint: `orderdesk ho vypnul, protože příjemce opakovaně selhával. Zapnutím se počítání selhání vynuluje: orderdesk ho znovu vypne, až když ${disableAfterDays} dalších dní selže každé doručení.`,
    disabled: 'Vypnuto: nic se mu neposílá, dokud ho zase nezapnete.',
    enabled: 'Zapnuto: události se mu zase posílají.',
    enabledAfresh: 'Zapnuto: události se mu zase posílají a počítání selhání začíná znovu.',
    rotate: 'Vyměnit klíč…',
    rotateTitle: 'Vyměnit podpisový klíč?',
    rotateText: `Vznikne nový klíč a zobrazí se jen jednou. Ten současný bude ${previousSecretHours} hodin podepisovat každé doručení spolu s ním, takže příjemce doručení dál ověří, než ho přepnete na nový.`,
    rotateAgain: 'Klíč byl vyměněn před méně než dnem: další výměna zastaví podepisování tím nejstarším okamžitě.',
    rotateConfirm: 'Vyměnit klíč',
    delete: 'Smazat…',
    deleteTitle: 'Smazat tento odběr?',
    deleteText: 'Na {url} se už nic nepošle a žádné z jeho doručení nepůjde odeslat znovu. Nelze to vrátit: chcete-li tam zase posílat, přidejte nový odběr (dostane nový klíč). Pokud ho chcete jen na čas zastavit, raději ho vypněte.',
    deleteConfirm: 'Smazat odběr',
  },
};

type Asking = 'rotate' | 'delete' | undefined;

/**
 * What an admin does to a subscription besides changing its fields: disable or enable it (saying
 * that enabling one orderdesk disabled starts its failure streak over), rotate its secret and
 * delete it, each of the last two asked again first. The rotation's secret goes to the page, to be
 * shown once. The page leaves them out while a change is being typed.
 */
export const SubscriptionControls = ({
  subscription,
  onEdit,
  onChanged,
  onRotated,
  onReload,
}: {
  subscription: Subscription;
  onEdit: () => void;
  onChanged: (next: Subscription, notice: string) => void;
  onRotated: (shown: ShownSecret) => Promise<void>;
  /** Reads the subscription again: after a refusal, it shows as it is now (changed meanwhile, say). */
  onReload: () => Promise<unknown>;
}) => {
  const { api } = useContext(AppContext);
  const t = useWords(words);
  const step = useStep();
  const [asking, setAsking] = useState<Asking>();
  const path = { params: { path: { subscriptionId: subscription.subscriptionId } } };
  const active = subscription.state === 'active';
  const failing = subscription.state === 'disabled' && subscription.disabledReason === 'failing';

  const toggle = async () => {
    const done = await step.run(
      () => must(api.PATCH('/webhooks/{subscriptionId}', { ...path, body: { enabled: !active, version: subscription.version } })),
      (next) => onChanged(next, active ? t('disabled') : failing ? t('enabledAfresh') : t('enabled')),
    );
    if (!done) await onReload();
  };
  const rotate = () =>
    step.run(
      () => must(api.POST('/webhooks/{subscriptionId}/secret', path)),
      async (answer) => {
        setAsking(undefined);
        await onRotated({ secret: answer.secret, previousValidUntil: answer.previousValidUntil });
      },
    );
  const remove = () =>
    step.run(
      () => must(api.DELETE('/webhooks/{subscriptionId}', path)),
      () => navigate('/webhooks?deleted=1', { replace: true }),
    );

  return (
    <div class="hook-controls stack" aria-busy={step.busy ? 'true' : undefined}>
      <ProblemBox problem={step.problem} />
      {!asking && (
        <div class="actions">
          <button type="button" class="secondary" onClick={onEdit}>
            {t('change')}
          </button>
          <button type="button" class="secondary" disabled={step.busy} onClick={() => void toggle()}>
            {step.busy ? (active ? t('disabling') : t('enabling')) : active ? t('disable') : t('enable')}
          </button>
          <button type="button" class="secondary" disabled={step.busy} onClick={() => setAsking('rotate')}>
            {t('rotate')}
          </button>
          <button type="button" class="danger" disabled={step.busy} onClick={() => setAsking('delete')}>
            {t('delete')}
          </button>
        </div>
      )}
      {!asking && <p class="hint">{active ? t('disableHint') : failing ? t('enableFailingHint') : ''}</p>}
      {asking === 'rotate' && (
        <ConfirmPanel title={t('rotateTitle')} confirmLabel={t('rotateConfirm')} busy={step.busy} onConfirm={() => void rotate()} onCancel={() => setAsking(undefined)}>
          <p>{t('rotateText')}</p>
          {subscription.previousSecretValidUntil && <p>{t('rotateAgain')}</p>}
        </ConfirmPanel>
      )}
      {asking === 'delete' && (
        <ConfirmPanel title={t('deleteTitle')} confirmLabel={t('deleteConfirm')} busy={step.busy} onConfirm={() => void remove()} onCancel={() => setAsking(undefined)}>
          <p>{t('deleteText', { url: subscription.url })}</p>
        </ConfirmPanel>
      )}
    </div>
  );
};
