import { useWords, type Words } from '../i18n.js';

const words: Words<'cancel'> = {
  en: { cancel: 'Cancel' },
  cs: { cancel: 'Zpět' },
};

/**
 * A form's submit button (busy, with its own word for it, while the API works) and, where the
 * form can be left, Cancel; both wait while the API works.
 */
export const FormActions = ({ working, submit, busy, onCancel }: { working: boolean; submit: string; busy: string; onCancel?: () => void }) => {
  const t = useWords(words);
  return (
    <div class="actions">
      <button type="submit" class="primary" disabled={working} aria-busy={working ? 'true' : undefined}>
        {working ? busy : submit}
      </button>
      {onCancel && (
        <button type="button" class="secondary" disabled={working} onClick={onCancel}>
          {t('cancel')}
        </button>
      )}
    </div>
  );
};
