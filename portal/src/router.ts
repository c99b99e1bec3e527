import { useEffect, useState } from 'preact/hooks';

export { match } from './route-match.js';

/** The page's address as the app reads it: the path, the query and the path's parameters. */
export interface Route {
  path: string;
  query: URLSearchParams;
}

const current = (): Route => ({ path: location.pathname, query: new URLSearchParams(location.search) });
const listeners = new Set<() => void>();

/** Goes to `to` inside the app (history, no reload); `replace` keeps the back button where it was. */
export const navigate = (to: string, options: { replace?: boolean } = {}) => {
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
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
