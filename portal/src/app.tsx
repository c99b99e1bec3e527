import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Platform } from '../../lib/domain/platform.js';
import { apiClient, must, refusalOf, type ApiProblem } from './api/client.js';
import { AppContext, type App as AppValue } from './app-context.js';
import type { CognitoApi } from './auth/cognito.js';
import type { Session } from './auth/session.js';
import type { PortalConfig } from './config.js';
import { initialLanguage, languageChosen, rememberLanguage, type Language } from './i18n.js';
import { lazyPage } from './lazy-page.js';
import { NotFound } from './pages/not-found.js';
import { SignIn } from './pages/sign-in.js';
import { Requests } from './pages/requests.js';
import { isAgency } from './roles.js';
import { match, navigate, onLinkClick, useRoute } from './router.js';
import { ProblemBox } from './ui/problem-box.js';

const NewRequest = lazyPage(() => import('./pages/new-request.js').then((m) => m.NewRequest));
const RequestPage = lazyPage(() => import('./pages/request-page.js').then((m) => m.RequestPage));
const ForgotPassword = lazyPage(() => import('./pages/forgot-password.js').then((m) => m.ForgotPassword));
const Priorities = lazyPage(() => import('./pages/priorities.js').then((m) => m.Priorities));
const MailSettings = lazyPage(() => import('./pages/mail-settings.js').then((m) => m.MailSettings));
const OpenLink = lazyPage(() => import('./pages/mail-links.js').then((m) => m.OpenLink));
const MuteLink = lazyPage(() => import('./pages/mail-links.js').then((m) => m.MuteLink));
const ClientOrganisation = lazyPage(() => import('./pages/organisation.js').then((m) => m.ClientOrganisation));
// The agency's workspace: its own chunks, loaded only once an agency person is signed in.
const AgencyPages = lazyPage(() => import('./agency/agency-pages.js').then((m) => m.AgencyPages));

/** Pages anyone may open; every other page needs a session and sends to sign-in without one. */
const publicPaths = ['/sign-in', '/login', '/forgot-password'];

export const App = ({ config, brand, cognito, session }: { config: PortalConfig; brand: Platform; cognito: CognitoApi; session: Session }) => {
  const route = useRoute();
  const [signedIn, setSignedIn] = useState(session.signedIn());
  const [language, setLanguageState] = useState<Language>(() => initialLanguage(localStorage, navigator.languages));
  const [me, setMe] = useState<AppValue['me']>();
  const [meProblem, setMeProblem] = useState<ApiProblem>();
  const api = useMemo(() => apiClient(config.apiUrl, session, () => setSignedIn(false)), [config, session]);

  useEffect(() => session.subscribe(() => setSignedIn(session.signedIn())), [session]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  useEffect(() => {
    if (!signedIn) return setMe(undefined);
    // Who is signed in decides which pages they get (a client's or the agency's), so pages wait for it.
    must(api.GET('/me'))
      .then((read) => (setMe(read), setMeProblem(undefined)))
      .catch((error: unknown) => setMeProblem(refusalOf(error)));
    // The person's own language (their mail preference) unless they chose one on this device.
    if (!languageChosen(localStorage)) void api.GET('/me/preferences').then(({ data }) => data && setLanguageState(data.language));
  }, [signedIn, api]);

  // Without a session every page but sign-in sends there, and comes back to where it was after.
  // A mail's links work without a session: the request's landing (`?link=`) and the mute page.
  const mailLink = route.query.get('link') ?? undefined;
  const isPublic = publicPaths.includes(route.path) || (mailLink !== undefined && (route.path === '/mute' || !!match('/requests/:requestId', route.path)));
  useEffect(() => {
    if (!signedIn && !isPublic) navigate(`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
  }, [signedIn, isPublic]);

  const value: AppValue = {
    config,
    brand,
    api,
    cognito,
    session,
    language,
    setLanguage: (next) => (rememberLanguage(localStorage, next), setLanguageState(next)),
    me,
  };

  const page = () => {
    // `/login` is where Cognito's own mails (an invitation, a reset) send people.
    if (route.path === '/sign-in' || route.path === '/login') return <SignIn />;
    if (route.path === '/forgot-password') return <ForgotPassword />;
    if (route.path === '/mute' && mailLink !== undefined) return <MuteLink token={mailLink} />;
    if (mailLink !== undefined && match('/requests/:requestId', route.path)) return <OpenLink token={mailLink} />;
    if (!signedIn) return null;
    if (!me)
      return meProblem ? (
        <main id="main">
          <ProblemBox problem={meProblem} />
        </main>
      ) : (
        <p class="loading" aria-busy="true" />
      );
    if (route.path === '/settings/mail') return <MailSettings />;
    if (isAgency(me)) return <AgencyPages route={route} />;
    if (route.path === '/' || route.path === '/requests') return <Requests />;
    if (route.path === '/requests/new') return <NewRequest />;
    if (route.path === '/priorities') return <Priorities />;
    if (route.path === '/organisation' && me.role === 'client_admin') return <ClientOrganisation />;
    const request = match('/requests/:requestId', route.path);
    if (request) return <RequestPage requestId={request.requestId!} />;
    return <NotFound />;
  };

  return (
    <AppContext.Provider value={value}>
      <div class="app" onClick={(event) => onLinkClick(event)}>
        {page()}
      </div>
    </AppContext.Provider>
  );
};
