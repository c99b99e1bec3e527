import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A page loaded when first shown, so the first page's script carries only what it needs. */
export const lazyPage = <P extends object>(load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> => {
  let loaded: FunctionComponent<P> | undefined;
  return (props: P) => {
    const [Page, setPage] = useState(() => loaded);
    useEffect(() => {
      if (!Page) void load().then((component) => setPage(() => (loaded = component)));
    }, []);
    return Page ? <Page {...props} /> : <p class="loading" aria-busy="true" />;
  };
};
