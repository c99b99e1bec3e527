import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiRefusal, type ApiProblem } from '../../api/client.js';
import { useLiveRefresh } from '../../live.js';

/** A page of one of the operations lists, as the API answers it. */
export interface Page<T> {
  items: T[];
  nextCursor?: string | undefined;
}

/** Reads a page: `limit` items from `cursor` (none: the first page). */
export type ReadPage<T> = (limit: number, cursor?: string) => Promise<Page<T>>;

/** A page as the person asks for more; the lists take 1–100 a page. */
const pageSize = 25;
const maxLimit = 100;

/**
 * One of the agency's shared operations lists (parked mail, suppressed addresses, flagged
 * payments), read a page at a time and kept current: other people act on the same list, so it is
 * read again on focus and every 10 s, as many items as the person had in view (up to 100), and a
 * read that an older or a newer one overtook is dropped. `read` changes with the list's filter
 * (`key`): the list starts again.
 */
export const usePagedList = <T>(read: ReadPage<T>, idOf: (item: T) => string, key = '') => {
  const [items, setItems] = useState<T[]>();
  const [nextCursor, setNextCursor] = useState<string>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [loadingMore, setLoadingMore] = useState(false);
  // Every read takes a number; only the latest one's answer is shown.
  const generation = useRef(0);
  const shown = useRef<T[] | undefined>(undefined);
  shown.current = items;

  const settle = async (limit: number, cursor: string | undefined, append: boolean) => {
    const mine = ++generation.current;
    try {
      const page = await read(limit, cursor);
      if (mine !== generation.current) return;
      const before = append ? (shown.current ?? []) : [];
      const known = new Set(before.map(idOf));
      setItems([...before, ...page.items.filter((item) => !known.has(idOf(item)))]);
      setNextCursor(page.nextCursor);
      setProblem(undefined);
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      if (mine === generation.current) setProblem(error.problem);
    }
  };

  /** Reads the list again from its start, as far as it was shown. */
  const refresh = () => settle(Math.min(maxLimit, Math.max(pageSize, shown.current?.length ?? 0)), undefined, false);

  useEffect(() => {
    setItems(undefined);
    setNextCursor(undefined);
    void settle(pageSize, undefined, false);
  }, [key]);
  useLiveRefresh(refresh);

  const more = async () => {
    if (!nextCursor) return;
    setLoadingMore(true);
    try {
      await settle(pageSize, nextCursor, true);
    } finally {
      setLoadingMore(false);
    }
  };

  // A change the person just made outdates any read still on its way (it may have left before the
  // change): its answer is dropped rather than showing the item again until the next read.
  /** Takes an item off the list at once (it was dealt with); the next read agrees. */
  const remove = (id: string) => {
    generation.current++;
    setItems((before) => before?.filter((item) => idOf(item) !== id));
  };
  /** Puts an item's new state in its place. */
  const replace = (next: T) => {
    generation.current++;
    setItems((before) => before?.map((item) => (idOf(item) === idOf(next) ? next : item)));
  };

  return { items, nextCursor, problem, loadingMore, more, refresh, remove, replace };
};
