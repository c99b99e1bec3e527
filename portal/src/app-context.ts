import { createContext } from 'preact';
import type { Platform } from '../../lib/domain/platform.js';
import type { Api, Schemas } from './api/client.js';
import type { CognitoApi } from './auth/cognito.js';
import type { Session } from './auth/session.js';
import type { PortalConfig } from './config.js';
import type { Language } from './i18n.js';

/** What every page may use: where it runs, who is signed in, in which brand and language. */
export interface App {
  config: PortalConfig;
  brand: Platform;
  api: Api;
  cognito: CognitoApi;
  session: Session;
  language: Language;
  setLanguage: (language: Language) => void;
  /** The signed-in person as the API knows them (`GET /me`), once read. */
  me: Schemas['Me'] | undefined;
}

export const AppContext = createContext<App>(undefined as unknown as App);
