import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Platform } from '../../../lib/domain/platform.js';
import { brands } from '../../../lib/mail/brands.js';
import { useWords, type Words } from '../i18n.js';
import { applyBrandColours } from './brand-colours.js';
import { MarkdownView } from './markdown-view.js';

const words: Words<'write' | 'preview' | 'hint' | 'empty' | 'inBrand'> = {
  en: { write: 'Write', preview: 'Preview', hint: 'Markdown: **bold**, _italic_, `code`, - lists, > quotes, [links](https://…)', empty: 'Nothing to preview yet.', inBrand: 'As the client sees it, in {brand}’s colours' },
  cs: { write: 'Psát', preview: 'Náhled', hint: 'Markdown: **tučně**, _kurzívou_, `kód`, - seznamy, > citace, [odkazy](https://…)', empty: 'Zatím není co zobrazit.', inBrand: 'Jak to uvidí klient, v barvách {brand}' },
};

/**
 * A Markdown text area with a preview rendered as the mails and the timeline render it. Given the
 * `brand` of the request it is written for, the preview wears that brand's colours and says so: an
 * agent signed in on one platform's portal writes for clients of both.
 */
export const MarkdownEditor = (props: { id: string; value: string; onInput: (value: string) => void; rows?: number; required?: boolean; describedBy?: string; invalid?: boolean; maxLength?: number; brand?: Platform }) => {
  const t = useWords(words);
  const [previewing, setPreviewing] = useState(false);
  const preview = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (previewing && props.brand && preview.current) applyBrandColours(preview.current.style, props.brand);
  }, [previewing, props.brand]);
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
        <div class="preview" aria-live="polite" ref={preview} data-brand={props.brand}>
          {props.brand && <p class="preview-brand">{t('inBrand', { brand: brands[props.brand].name })}</p>}
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
