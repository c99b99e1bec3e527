import { createContext } from 'preact';
import type { Schemas } from '../../api/client.js';

/** The request a page shows, and a way for a tab to read it again after it changed something. */
export interface RequestState {
  request: Schemas['Request'];
  reload: () => Promise<void>;
}

export const RequestContext = createContext<RequestState>(undefined as unknown as RequestState);
