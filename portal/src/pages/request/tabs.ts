import type { FunctionComponent } from 'preact';
import type { Schemas } from '../../api/client.js';
import type { Language } from '../../i18n.js';
import { CommunicationTab } from './communication-tab.js';
import { offerTab, orderTab, reviewTab } from './decision-tabs.js';
import { PeopleTab } from './people-tab.js';

/** A tab of a request's page: its id (the `?tab=` of its address), its name, when it shows, what it shows. */
export interface RequestTab {
  id: string;
  label: Record<Language, string>;
  /** Whether the request has this tab, from the request and its offers as the API gives them. */
  shows: (request: Schemas['Request'], offers: readonly Schemas['Offer'][]) => boolean;
  Tab: FunctionComponent;
}

/** The tabs of a request's page, in order; Communication is always there. */
export const requestTabs: RequestTab[] = [
  { id: 'communication', label: { en: 'Communication', cs: 'Komunikace' }, shows: () => true, Tab: CommunicationTab },
  // An offer to decide, the binding order and its payment, the handovers to review (decision-tabs.ts).
  offerTab,
  orderTab,
  reviewTab,
  // Who else sees this request: invited people (inviting and removing for the client's admins).
  { id: 'people', label: { en: 'People', cs: 'Lidé' }, shows: () => true, Tab: PeopleTab },
];
