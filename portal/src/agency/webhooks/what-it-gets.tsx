import { useContext } from 'preact/hooks';
import type { Schemas } from '../../api/client.js';
import { AppContext } from '../../app-context.js';
import { useWords, type Words } from '../../i18n.js';
import { eventNames, eventTypes } from './event-types.js';

const words: Words<'every' | 'allOrganisations' | 'of'> = {
  en: { every: 'Every event', allOrganisations: 'All organisations', of: 'Only {organisation}' },
  cs: { every: 'Všechny události', allOrganisations: 'Všechny organizace', of: 'Jen {organisation}' },
};

/**
 * What a subscription gets, in words: its events by name (or every event) and whose requests:
 * all organisations', or one's by its name (the id until the name is read).
 */
export const WhatItGets = ({ subscription, names }: { subscription: Schemas['WebhookSubscription']; names: ReadonlyMap<string, string> }) => {
  const { language } = useContext(AppContext);
  const t = useWords(words);
  const wanted = new Set(subscription.eventTypes);
  const every = eventTypes.every((type) => wanted.has(type));
  const organisation = subscription.orgId === undefined ? t('allOrganisations') : t('of', { organisation: names.get(subscription.orgId) ?? subscription.orgId });
  return (
    <span class="hook-gets">
      <span class="hook-gets-events">{every ? t('every') : eventTypes.filter((type) => wanted.has(type)).map((type) => eventNames[language][type]).join(', ')}</span>
      <span class="hook-gets-org">{organisation}</span>
    </span>
  );
};
