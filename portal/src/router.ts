import { useEffect, useState } from 'preact/hooks';

export { match } from './route-match.js';

/** The page's address as the app reads it: the path, the query and the path's parameters. */
export interface Route {
  path: string;
  query: URLSearchParams;
}

const current = (): Route => ({ path: location.pathname, query: new URLSearchParams(location.search) });
const listeners = new Set<() => void>();

/**
 * The in-app address (path and query) the page was reached from: a page's "back" link follows it.
 * None after a fresh load or a mail's link. Kept in the history entry's state, so the browser's back
 * and forward (and a reload) keep it too.
 */
export const cameFrom = (): string | undefined => {
  const state: unknown = history.state;
  return typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string' ? state.from : undefined;
};

/**
 * Goes to `to` inside the app (history, no reload); `replace` keeps the back button where it was.
 * The new entry remembers the address it came from; within the same page (a tab, a filter) and on
 * a replace it keeps the one it had, so a request's tabs never become where it came from.
 */
export const navigate = (to: string, options: { replace?: boolean } = {}) => {
  const samePage = new URL(to, location.href).pathname === location.pathname;
  const from = options.replace || samePage ? cameFrom() : location.pathname + location.search;
  const state = from === undefined ? null : { from };
  if (options.replace) history.replaceState(state, '', to);
  else history.pushState(state, '', to);
  window.scrollTo(0, 0);
  listeners.forEach((listener) => listener());
};

addEventListener('popstate', () => listeners.forEach((listener) => listener()));

export const useRoute = (): Route => {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    listeners.add(update);
    return () => void listeners.delete(update);
  }, []);
  return route;
};

/** A click on an in-app link navigates without reloading; modified clicks (new tab) stay the browser's. */
export const onLinkClick = (event: MouseEvent) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = (event.target as Element | null)?.closest?.('a');
  if (!anchor || anchor.target || anchor.origin !== location.origin || anchor.hasAttribute('download')) return;
  event.preventDefault();
  navigate(anchor.pathname + anchor.search + anchor.hash);
};
