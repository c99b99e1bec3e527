import type { FunctionComponent } from 'preact';
import type { Schemas } from '../../api/client.js';
import type { Language } from '../../i18n.js';
import { CommunicationTab } from './communication-tab.js';

/** A tab of a request's page: its id (the `?tab=` of its address), its name, when it shows, what it shows. */
export interface RequestTab {
  id: string;
  label: Record<Language, string>;
  shows: (request: Schemas['Request']) => boolean;
  Tab: FunctionComponent;
}

/** The tabs of a request's page, in order; Communication is always there. */
export const requestTabs: RequestTab[] = [{ id: 'communication', label: { en: 'Communication', cs: 'Komunikace' }, shows: () => true, Tab: CommunicationTab }];
