import { useEffect, useState } from 'preact/hooks';

/**
 * What a person types, kept in the tab's storage under a key of the form it belongs to: an error,
 * a reload or a session that expired mid-sentence (sign-in, then back) loses nothing. A draft is
 * dropped once what it held was sent.
 */
const prefix = 'orderdesk.draft.';

export const useDraft = <T>(key: string, initial: T): [T, (value: T) => void, () => void] => {
  const storageKey = prefix + key;
  const [value, setValue] = useState<T>(() => {
    try {
      const kept = sessionStorage.getItem(storageKey);
      return kept === null ? initial : (JSON.parse(kept) as T);
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    sessionStorage.setItem(storageKey, JSON.stringify(value));
  }, [storageKey, value]);
  const clear = () => {
    sessionStorage.removeItem(storageKey);
    setValue(initial);
  };
  return [value, setValue, clear];
};
