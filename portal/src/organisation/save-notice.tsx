/** What a save said: done (or nothing to save), or a change made meanwhile that kept it from saving. */
export interface Notice {
  kind: 'done' | 'conflict';
  text: string;
}

/** A save's notice: a status when done, an alert when someone changed the thing meanwhile. */
export const SaveNotice = ({ notice }: { notice: Notice | undefined }) => (
  <>
    {notice?.kind === 'done' && (
      <p class="confirmation" role="status">
        {notice.text}
      </p>
    )}
    {notice?.kind === 'conflict' && (
      <p class="problem" role="alert">
        {notice.text}
      </p>
    )}
  </>
);
