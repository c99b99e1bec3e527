import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useWords, type Words } from '../i18n.js';
import { Field } from '../ui/field.js';
import './organisation.css';

const words: Words<'cancel' | 'working'> = {
  en: { cancel: 'Cancel', working: 'Working…' },
  cs: { cancel: 'Zpět', working: 'Provádím…' },
};

interface ConfirmProps {
  title: string;
  /** What happens, in full, before the button that does it. */
  children: ComponentChildren;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** A strong confirmation: the button works once this exact text is typed (e.g. the person's address). */
  typeToConfirm?: { label: string; text: string };
}

/**
 * A destructive step asked again in place, saying what it does: shown where its button was,
 * focused when it opens (a screen reader reads the title), with the step's button and a way back.
 */
export const ConfirmPanel = (props: ConfirmProps) => {
  const t = useWords(words);
  const id = useId();
  const title = useRef<HTMLParagraphElement>(null);
  const [typed, setTyped] = useState('');
  useEffect(() => title.current?.focus(), []);
  const matches = !props.typeToConfirm || typed.trim().toLowerCase() === props.typeToConfirm.text.toLowerCase();
  return (
    <div class="confirm-panel" role="group" aria-labelledby={`${id}-title`}>
      <p class="confirm-title" id={`${id}-title`} tabIndex={-1} ref={title}>
        {props.title}
      </p>
      <div class="confirm-text">{props.children}</div>
      {props.typeToConfirm && (
        <Field label={props.typeToConfirm.label}>
          {(field) => <input {...field} type="text" autocomplete="off" spellcheck={false} value={typed} onInput={(event) => setTyped(event.currentTarget.value)} />}
        </Field>
      )}
      <div class="actions">
        <button type="button" class="danger" disabled={props.busy || !matches} aria-busy={props.busy ? 'true' : undefined} onClick={props.onConfirm}>
          {props.busy ? t('working') : props.confirmLabel}
        </button>
        <button type="button" class="secondary" disabled={props.busy} onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
};
