import { createContext } from 'preact';
import type { Schemas } from '../../api/client.js';

/** The request a page shows, and a way for a tab to read it again after it changed something. */
export interface RequestState {
  request: Schemas['Request'];
  reload: () => Promise<void>;
  /** Counts the reads of the request (each live refresh too): a tab showing what others add (messages) reads again when it changes. */
  refreshed: number;
}

export const RequestContext = createContext<RequestState>(undefined as unknown as RequestState);
