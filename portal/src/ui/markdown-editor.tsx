import { useState } from 'preact/hooks';
import { useWords, type Words } from '../i18n.js';
import { MarkdownView } from './markdown-view.js';

const words: Words<'write' | 'preview' | 'hint' | 'empty'> = {
  en: { write: 'Write', preview: 'Preview', hint: 'Markdown: **bold**, _italic_, `code`, - lists, > quotes, [links](https://…)', empty: 'Nothing to preview yet.' },
  cs: { write: 'Psát', preview: 'Náhled', hint: 'Markdown: **tučně**, _kurzívou_, `kód`, - seznamy, > citace, [odkazy](https://…)', empty: 'Zatím není co zobrazit.' },
};

/** A Markdown text area with a preview rendered as the mails and the timeline render it. */
export const MarkdownEditor = (props: { id: string; value: string; onInput: (value: string) => void; rows?: number; required?: boolean; describedBy?: string; invalid?: boolean; maxLength?: number }) => {
  const t = useWords(words);
  const [previewing, setPreviewing] = useState(false);
  return (
    <div class="markdown-editor">
      <div class="editor-tabs" role="group">
        <button type="button" aria-pressed={!previewing} onClick={() => setPreviewing(false)}>
          {t('write')}
        </button>
        <button type="button" aria-pressed={previewing} onClick={() => setPreviewing(true)}>
          {t('preview')}
        </button>
      </div>
      {previewing ? (
        <div class="preview" aria-live="polite">
          {props.value.trim() ? <MarkdownView source={props.value} /> : <p class="muted">{t('empty')}</p>}
        </div>
      ) : (
        <textarea
          id={props.id}
          rows={props.rows ?? 8}
          required={props.required}
          maxLength={props.maxLength}
          aria-invalid={props.invalid ? 'true' : undefined}
          aria-describedby={[props.describedBy, `${props.id}-md`].filter(Boolean).join(' ')}
          value={props.value}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
      )}
      <p class="hint" id={`${props.id}-md`}>
        {t('hint')}
      </p>
    </div>
  );
};
