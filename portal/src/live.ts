import { useEffect, useRef } from 'preact/hooks';

/** How often a page that shows shared, changing things (a request, the work queue) reads them again while it is in view. */
export const liveRefreshMs = 10_000;

/**
 * Keeps a page current without a reload by hand: it reads again when the person comes back to the
 * tab or window (focus, or the tab becoming visible), and every `liveRefreshMs` while it is in view.
 * A hidden tab polls nothing. What the person is typing is untouched: drafts live apart from what
 * is read (drafts.ts).
 */
export const useLiveRefresh = (refresh: () => unknown, everyMs = liveRefreshMs) => {
  // The latest callback, so the timers set once always call what the page renders now.
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    let last = Date.now();
    const run = () => {
      last = Date.now();
      void latest.current();
    };
    // Coming back within a second of the last read reads nothing more (focus and visibility often fire together).
    const onReturn = () => {
      if (document.visibilityState === 'visible' && Date.now() - last > 1000) run();
    };
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') run();
    }, everyMs);
    addEventListener('focus', onReturn);
    document.addEventListener('visibilitychange', onReturn);
    return () => {
      clearInterval(timer);
      removeEventListener('focus', onReturn);
      document.removeEventListener('visibilitychange', onReturn);
    };
  }, [everyMs]);
};
