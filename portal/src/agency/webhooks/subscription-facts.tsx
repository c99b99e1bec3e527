import { useContext } from 'preact/hooks';
import type { Schemas } from '../../api/client.js';
import { AppContext } from '../../app-context.js';
import { useWords, type Words } from '../../i18n.js';
import { formatWhen } from '../../organisation/when.js';
import { eventNames, eventTypes } from './event-types.js';
import { LastSuccess, StateNote, StateTag } from './subscription-state.js';

const words: Words<
  'facts' | 'url' | 'events' | 'organisation' | 'allOrganisations' | 'description' | 'state' | 'lastSuccess' | 'created' | 'secret' | 'secretMade' | 'secretRotated' | 'previousSigns'
> = {
  en: {
    facts: 'The subscription',
    url: 'URL',
    events: 'Events',
    organisation: 'Organisation',
    allOrganisations: 'All organisations',
    description: 'Description',
    state: 'State',
    lastSuccess: 'Last success',
    created: 'Added',
    secret: 'Signing secret',
    secretMade: 'The one made with it',
    secretRotated: 'Rotated {when}',
    previousSigns: 'the one before still signs too, until {when}',
  },
  cs: {
    facts: 'Odběr',
    url: 'URL',
    events: 'Události',
    organisation: 'Organizace',
    allOrganisations: 'Všechny organizace',
    description: 'Popis',
    state: 'Stav',
    lastSuccess: 'Poslední úspěch',
    created: 'Přidáno',
    secret: 'Podpisový klíč',
    secretMade: 'Ten, který vznikl s odběrem',
    secretRotated: 'Vyměněn {when}',
    previousSigns: 'ten předchozí podepisuje také, až do {when}',
  },
};

/** A subscription as it stands: where, what, whose, its state, its last success, and its secret's age (never the secret). */
export const SubscriptionFacts = ({ subscription, names }: { subscription: Schemas['WebhookSubscription']; names: ReadonlyMap<string, string> }) => {
  const { language } = useContext(AppContext);
  const t = useWords(words);
  const wanted = new Set(subscription.eventTypes);
  const when = (iso: string) => formatWhen(iso, language);
  return (
    <dl class="facts hook-facts" aria-label={t('facts')}>
      <div>
        <dt>{t('url')}</dt>
        <dd class="mono hook-url-fact">{subscription.url}</dd>
      </div>
      <div>
        <dt>{t('events')}</dt>
        <dd>
          <ul class="hook-event-list">
            {eventTypes
              .filter((type) => wanted.has(type))
              .map((type) => (
                <li key={type}>{eventNames[language][type]}</li>
              ))}
          </ul>
        </dd>
      </div>
      <div>
        <dt>{t('organisation')}</dt>
        <dd>{subscription.orgId === undefined ? t('allOrganisations') : (names.get(subscription.orgId) ?? subscription.orgId)}</dd>
      </div>
      {subscription.description && (
        <div>
          <dt>{t('description')}</dt>
          <dd>{subscription.description}</dd>
        </div>
      )}
      <div>
        <dt>{t('state')}</dt>
        <dd class="hook-state-cell">
          <StateTag subscription={subscription} />
          <StateNote subscription={subscription} />
        </dd>
      </div>
      <div>
        <dt>{t('lastSuccess')}</dt>
        <dd>
          <LastSuccess subscription={subscription} />
        </dd>
      </div>
      <div>
        <dt>{t('created')}</dt>
        <dd>{when(subscription.createdAt)}</dd>
      </div>
      <div>
        <dt>{t('secret')}</dt>
        <dd>
          {subscription.secretRotatedAt ? t('secretRotated', { when: when(subscription.secretRotatedAt) }) : t('secretMade')}
          {subscription.previousSecretValidUntil && `; ${t('previousSigns', { when: when(subscription.previousSecretValidUntil) })}`}
        </dd>
      </div>
    </dl>
  );
};
