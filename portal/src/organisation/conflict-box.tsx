import { useWords, type Words } from '../i18n.js';

const words: Words<'next'> = {
  en: { next: 'What the Helpdesk suggests:' },
  cs: { next: 'Co Helpdesk radí (anglicky):' },
};

/**
 * A refusal whose rule the page knows (the last admin, an address that has an account): its own
 * sentence in the reader's language, and under it the API's `next`, the step it names, verbatim.
 */
export const ConflictBox = ({ sentence, next, status = 409 }: { sentence: string; next?: string | undefined; status?: number }) => {
  const t = useWords(words);
  return (
    <div class="problem" role="alert" data-status={status}>
      <p>{sentence}</p>
      {next && (
        <p class="conflict-next">
          {t('next')} <span lang="en">{next}</span>
        </p>
      )}
    </div>
  );
};
