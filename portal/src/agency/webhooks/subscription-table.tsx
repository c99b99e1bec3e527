import type { Schemas } from '../../api/client.js';
import { useWords, type Words } from '../../i18n.js';
import { LastSuccess, StateNote, StateTag } from './subscription-state.js';
import { WhatItGets } from './what-it-gets.js';

const words: Words<'caption' | 'receiver' | 'gets' | 'state' | 'lastSuccess'> = {
  en: { caption: 'Webhook subscriptions, oldest first', receiver: 'Receiver', gets: 'What it gets', state: 'State', lastSuccess: 'Last success' },
  cs: { caption: 'Odběry webhooků, nejstarší první', receiver: 'Příjemce', gets: 'Co dostává', state: 'Stav', lastSuccess: 'Poslední úspěch' },
};

/**
 * The subscriptions as a table: the receiver (its description, linking to its page, and its URL),
 * what it gets, its state and its last success. On a phone each row stacks, every value beside
 * its column's name (webhooks.css).
 */
export const SubscriptionTable = ({ items, names }: { items: readonly Schemas['WebhookSubscription'][]; names: ReadonlyMap<string, string> }) => {
  const t = useWords(words);
  return (
    <table class="hook-table">
      <caption class="visually-hidden">{t('caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('receiver')}</th>
          <th scope="col">{t('gets')}</th>
          <th scope="col">{t('state')}</th>
          <th scope="col">{t('lastSuccess')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((subscription) => (
          <tr key={subscription.subscriptionId} data-subscription={subscription.subscriptionId} class={`hook-row hook-row-${subscription.state}`}>
            <th scope="row">
              <a class="hook-name" href={`/webhooks/${encodeURIComponent(subscription.subscriptionId)}`}>
                {subscription.description ?? subscription.url}
              </a>
              {subscription.description && <span class="hook-url mono">{subscription.url}</span>}
            </th>
            <td data-label={t('gets')}>
              <WhatItGets subscription={subscription} names={names} />
            </td>
            <td data-label={t('state')}>
              <span class="hook-state-cell">
                <StateTag subscription={subscription} />
                <StateNote subscription={subscription} />
              </span>
            </td>
            <td data-label={t('lastSuccess')}>
              <LastSuccess subscription={subscription} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
