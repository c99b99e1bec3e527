import { useContext } from 'preact/hooks';
import type { Schemas } from '../../api/client.js';
import { AppContext } from '../../app-context.js';
import { useWords, type Words } from '../../i18n.js';
import { formatWhen } from '../../organisation/when.js';
import { disableAfterDays } from './webhook-limits.js';

type Subscription = Schemas['WebhookSubscription'];

const words: Words<'active' | 'failing' | 'byAdmin' | 'byOrderdesk' | 'failingSince' | 'failingNote' | 'disabledFailing' | 'never'> = {
  en: {
    active: 'Active',
    failing: 'Active, failing',
    byAdmin: 'Disabled by an admin',
    byOrderdesk: 'Disabled by orderdesk',
    failingSince: 'Every delivery has failed since {when}.',
    failingNote: `orderdesk disables it after ${disableAfterDays} days of failures and mails the agency’s admins.`,
    disabledFailing: `Its receiver kept failing (since {when}), so orderdesk disabled it after ${disableAfterDays} days.`,
    never: 'Nothing delivered yet',
  },
  cs: {
    active: 'Aktivní',
    failing: 'Aktivní, selhává',
    byAdmin: 'Vypnuto správcem',
    byOrderdesk: 'Vypnuto systémem orderdesk',
    failingSince: 'Od {when} selhalo každé doručení.',
    failingNote: `Po ${disableAfterDays} dnech selhávání ho orderdesk vypne a napíše správcům agentury.`,
    disabledFailing: `Příjemce opakovaně selhával (od {when}), proto ho orderdesk po ${disableAfterDays} dnech vypnul.`,
    never: 'Zatím nic nedoručeno',
  },
};

type Kind = 'active' | 'failing' | 'byAdmin' | 'byOrderdesk';

const kindOf = (subscription: Subscription): Kind => {
  if (subscription.state === 'disabled') return subscription.disabledReason === 'failing' ? 'byOrderdesk' : 'byAdmin';
  return subscription.failingSince ? 'failing' : 'active';
};

/** A subscription's state as a tag: on, on but failing, off by an admin, off by orderdesk. */
export const StateTag = ({ subscription }: { subscription: Subscription }) => {
  const t = useWords(words);
  const kind = kindOf(subscription);
  return <span class={`hook-state hook-state-${kind}`}>{t(kind)}</span>;
};

/** What the state means, when it needs saying: since when it fails, and what orderdesk does about it. */
export const StateNote = ({ subscription }: { subscription: Subscription }) => {
  const { language } = useContext(AppContext);
  const t = useWords(words);
  const kind = kindOf(subscription);
  const since = subscription.failingSince ? formatWhen(subscription.failingSince, language) : undefined;
  if (kind === 'failing' && since) return <span class="hook-state-note">{`${t('failingSince', { when: since })} ${t('failingNote')}`}</span>;
  if (kind === 'byOrderdesk') return <span class="hook-state-note">{t('disabledFailing', { when: since ?? '–' })}</span>;
  return null;
};

/** When a delivery last succeeded, or that none has. */
export const LastSuccess = ({ subscription }: { subscription: Subscription }) => {
  const { language } = useContext(AppContext);
  const t = useWords(words);
  return <>{subscription.lastSuccessAt ? formatWhen(subscription.lastSuccessAt, language) : t('never')}</>;
};
