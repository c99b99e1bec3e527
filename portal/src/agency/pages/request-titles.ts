import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { AppContext } from '../../app-context.js';

/**
 * The titles of requests a list names only by number (parked mail, flagged payments), read once
 * each: `undefined` while it is read, `null` when the request can't be read (gone).
 */
export const useRequestTitles = (requestIds: readonly string[]): Record<string, string | null | undefined> => {
  const { api } = useContext(AppContext);
  const [titles, setTitles] = useState<Record<string, string | null>>({});
  const asked = useRef(new Set<string>());
  useEffect(() => {
    for (const requestId of requestIds) {
      if (asked.current.has(requestId)) continue;
      asked.current.add(requestId);
      void api
        .GET('/requests/{requestId}', { params: { path: { requestId } } })
        .then(({ data }) => setTitles((known) => ({ ...known, [requestId]: data?.title ?? null })))
        .catch(() => setTitles((known) => ({ ...known, [requestId]: null })));
    }
  }, [requestIds.join(' ')]);
  return titles;
};
