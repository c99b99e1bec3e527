import type { ComponentChildren } from 'preact';
import { useContext, useId } from 'preact/hooks';
import { AppContext } from '../app-context.js';
import { fieldReason } from '../field-reasons.js';

interface FieldProps {
  label: string;
  /** Why the API refused what is in it (a 400's reason for this field). */
  problem?: string | undefined;
  hint?: string;
  children: (props: { id: string; 'aria-invalid'?: 'true'; 'aria-describedby'?: string }) => ComponentChildren;
}

/** A labelled control with its hint and, after a 400, the reason marked on it. */
export const Field = (props: FieldProps) => {
  const id = useId();
  const { language } = useContext(AppContext);
  const described = [props.hint ? `${id}-hint` : '', props.problem ? `${id}-problem` : ''].filter(Boolean).join(' ');
  return (
    <div class={props.problem ? 'field invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.children({ id, ...(props.problem ? { 'aria-invalid': 'true' as const } : {}), ...(described ? { 'aria-describedby': described } : {}) })}
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.problem && (
        <p class="field-problem" id={`${id}-problem`}>
          {fieldReason(props.problem, language)}
        </p>
      )}
    </div>
  );
};
