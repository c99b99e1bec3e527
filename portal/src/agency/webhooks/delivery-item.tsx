import { useContext, useState } from 'preact/hooks';
import { ApiRefusal, must, type ApiProblem, type Schemas } from '../../api/client.js';
import { AppContext } from '../../app-context.js';
import { useWords, type Words } from '../../i18n.js';
import { formatWhen } from '../../organisation/when.js';
import { ProblemBox } from '../../ui/problem-box.js';
import { RequestLink } from '../pages/request-link.js';
import { attemptOutcome, succeeded } from './attempt-words.js';
import { eventNames } from './event-types.js';
import { readablePayload, requestTitleOf } from './payload.js';
import { retryHours } from './webhook-limits.js';

type Delivery = Schemas['WebhookDelivery'];

type Key =
  | 'delivered'
  | 'pending'
  | 'parked'
  | 'deliveredAt'
  | 'sending'
  | 'retrying'
  | 'retriesExhausted'
  | 'subscriptionDisabled'
  | 'subscriptionRemoved'
  | 'request'
  | 'event'
  | 'tries'
  | 'noTries'
  | 'took'
  | 'payload'
  | 'messageId'
  | 'sendAgain'
  | 'sendingAgain'
  | 'sendFor'
  | 'enableFirst';

const words: Words<Key> = {
  en: {
    delivered: 'Delivered',
    pending: 'Being tried',
    parked: 'Parked',
    deliveredAt: 'Received {when}.',
    sending: 'Being sent now.',
    retrying: 'Being retried: next try {when}.',
    retriesExhausted: `Every try for ${retryHours} hours failed, so it is parked. Send it again once the receiver works.`,
    subscriptionDisabled: 'Its subscription was disabled before it went, so it is parked.',
    subscriptionRemoved: 'Its subscription was deleted before it went.',
    request: 'Request',
    event: 'Event',
    tries: 'Tries',
    noTries: 'None yet.',
    took: '{ms} ms',
    payload: 'What was sent (JSON)',
    messageId: 'webhook-id: {id} (the same on every try)',
    sendAgain: 'Send again',
    sendingAgain: 'Sending…',
    sendFor: '{event} about #{id}',
    enableFirst: 'Enable the subscription to send it again.',
  },
  cs: {
    delivered: 'Doručeno',
    pending: 'Zkouší se',
    parked: 'Odloženo',
    deliveredAt: 'Přijato {when}.',
    sending: 'Právě se odesílá.',
    retrying: 'Zkouší se znovu: další pokus {when}.',
    retriesExhausted: `Všechny pokusy za ${retryHours} hodin selhaly, proto je odložené. Až bude příjemce fungovat, odešlete ho znovu.`,
    subscriptionDisabled: 'Odběr byl vypnutý dřív, než se odeslalo, proto je odložené.',
    subscriptionRemoved: 'Odběr byl smazaný dřív, než se odeslalo.',
    request: 'Požadavek',
    event: 'Událost',
    tries: 'Pokusy',
    noTries: 'Zatím žádný.',
    took: '{ms} ms',
    payload: 'Co se poslalo (JSON)',
    messageId: 'webhook-id: {id} (stejné při každém pokusu)',
    sendAgain: 'Odeslat znovu',
    sendingAgain: 'Odesílám…',
    sendFor: '{event} k #{id}',
    enableFirst: 'Chcete-li ho odeslat znovu, odběr nejdřív zapněte.',
  },
};

/** Where a delivery stands, in a sentence: when it was received, when it is tried next, or why it is parked. */
const stateSentence = (delivery: Delivery, t: (key: Key, values?: Record<string, string | number>) => string, when: (iso: string) => string) => {
  if (delivery.state === 'delivered') {
    const received = [...delivery.attempts].reverse().find(succeeded);
    return received ? t('deliveredAt', { when: when(received.at) }) : '';
  }
  if (delivery.state === 'pending') return delivery.nextAttemptAt && delivery.attempts.length > 0 ? t('retrying', { when: when(delivery.nextAttemptAt) }) : t('sending');
  if (delivery.parkedReason === 'subscription_disabled') return t('subscriptionDisabled');
  if (delivery.parkedReason === 'subscription_removed') return t('subscriptionRemoved');
  return t('retriesExhausted');
};

/**
 * One delivery: its event in words, the request it is about, where it stands, every try (when,
 * how long, the receiver's status or the error in words), the body as sent, and "Send again" for
 * a parked or delivered one while the subscription takes deliveries (the API's rule).
 */
export const DeliveryItem = ({
  delivery,
  canResend,
  onResent,
  onRefused,
}: {
  delivery: Delivery;
  /** Whether the subscription is active: a disabled one gets nothing, not even a delivery sent again. */
  canResend: boolean;
  onResent: (next: Delivery) => void;
  onRefused: () => void;
}) => {
  const { api, language } = useContext(AppContext);
  const t = useWords(words);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const when = (iso: string) => formatWhen(iso, language);
  const event = eventNames[language][delivery.eventType];
  const finished = delivery.state === 'parked' || delivery.state === 'delivered';

  const sendAgain = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      onResent(await must(api.POST('/webhooks/{subscriptionId}/deliveries/{deliveryId}/resend', { params: { path: { subscriptionId: delivery.subscriptionId, deliveryId: delivery.deliveryId } } })));
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      setProblem(error.problem);
      // Being tried already, or the subscription was disabled meanwhile: the list as it is now says so.
      onRefused();
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class={`ops-item hook-delivery hook-delivery-${delivery.state}`} data-delivery={delivery.deliveryId} data-event={delivery.eventType} aria-busy={busy ? 'true' : undefined}>
      <div class="ops-item-head">
        <strong class="hook-delivery-event">{event}</strong>
        <span class={`hook-state hook-delivery-state-${delivery.state}`}>{t(delivery.state)}</span>
        <time class="muted" dateTime={delivery.createdAt}>
          {when(delivery.createdAt)}
        </time>
      </div>
      <dl class="facts compact">
        <div>
          <dt>{t('request')}</dt>
          <dd>
            <RequestLink requestId={delivery.requestId} title={requestTitleOf(delivery.payload)} />
          </dd>
        </div>
      </dl>
      <p class="hook-delivery-where">{stateSentence(delivery, t, when)}</p>
      <div class="hook-tries">
        <p class="hook-tries-title">{t('tries')}</p>
        {delivery.attempts.length === 0 ? (
          <p class="muted">{t('noTries')}</p>
        ) : (
          <ol class="hook-attempts">
            {delivery.attempts.map((attempt) => (
              <li key={attempt.at} class={succeeded(attempt) ? 'hook-attempt hook-attempt-ok' : 'hook-attempt hook-attempt-failed'}>
                <time dateTime={attempt.at}>{when(attempt.at)}</time>
                <span class="hook-attempt-outcome">{attemptOutcome(attempt, language)}</span>
                <span class="muted">{t('took', { ms: attempt.ms })}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
      <details class="ops-details hook-payload">
        <summary>{t('payload')}</summary>
        <p class="muted mono">{t('messageId', { id: delivery.messageId })}</p>
        <pre class="mono">{readablePayload(delivery.payload)}</pre>
      </details>
      <ProblemBox problem={problem} />
      {finished && canResend && (
        <div class="actions">
          <button type="button" class="secondary" disabled={busy} onClick={() => void sendAgain()}>
            {busy ? t('sendingAgain') : t('sendAgain')}
            <span class="visually-hidden"> – {t('sendFor', { event, id: delivery.requestId })}</span>
          </button>
        </div>
      )}
      {delivery.state === 'parked' && !canResend && <p class="hint">{t('enableFirst')}</p>}
    </li>
  );
};
