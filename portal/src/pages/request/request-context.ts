import { createContext } from 'preact';
import type { Schemas } from '../../api/client.js';
import type { Words } from '../../i18n.js';
import type { RequestStatus } from '../../request-words.js';

/** The request a page shows, and a way for a tab to read it again after it changed something. */
export interface RequestState {
  request: Schemas['Request'];
  reload: () => Promise<void>;
  /** Counts the reads of the request (each live refresh too): a tab showing what others add (messages) reads again when it changes. */
  refreshed: number;
  /** The statuses in the words of the page's side (the client's or the agency's), for the tabs that name one (the timeline). */
  statusWords: Words<RequestStatus>;
}

export const RequestContext = createContext<RequestState>(undefined as unknown as RequestState);
