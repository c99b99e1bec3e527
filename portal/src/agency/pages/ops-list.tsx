import type { ComponentChildren } from 'preact';
import type { ApiProblem } from '../../api/client.js';
import { useWords, type Words } from '../../i18n.js';
import { ProblemBox } from '../../ui/problem-box.js';

const words: Words<'loadingMore'> = {
  en: { loadingMore: 'Loading…' },
  cs: { loadingMore: 'Načítám…' },
};

/** What the list shows of `usePagedList` (paged-list.ts). */
interface Shown<T> {
  items: T[] | undefined;
  problem: ApiProblem | undefined;
  nextCursor: string | undefined;
  loadingMore: boolean;
  more: () => Promise<void>;
}

/**
 * One of the agency's operations lists (parked mail, suppressed addresses, flagged payments) in
 * its states: its refusal, loading, empty (the list's own sentence), its items, and a button for
 * the next page while there is one. `label` names the list; `item` renders one, with its key.
 */
export const OpsList = <T,>({
  list,
  label,
  loading,
  empty,
  more,
  item,
}: {
  list: Shown<T>;
  label: string;
  loading: string;
  empty: ComponentChildren;
  more: string;
  item: (value: T) => ComponentChildren;
}) => {
  const t = useWords(words);
  return (
    <>
      <ProblemBox problem={list.problem} />
      {!list.items && !list.problem && <p aria-busy="true">{loading}</p>}
      {list.items?.length === 0 && <p class="empty">{empty}</p>}
      {list.items && list.items.length > 0 && (
        <ul class="ops-list" aria-label={label}>
          {list.items.map(item)}
        </ul>
      )}
      {list.nextCursor && (
        <button type="button" class="secondary" disabled={list.loadingMore} onClick={() => void list.more()}>
          {list.loadingMore ? t('loadingMore') : more}
        </button>
      )}
    </>
  );
};
