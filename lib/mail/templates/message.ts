import { preview } from '../plain-text.js';
import { callout, gistOf, internalAccent, messageBody, paragraph, parts } from './parts.js';
import type { Template } from './template.js';

/** A message, or an internal note: the same entry, but a note says loudly that clients never see it. */
const messageLike =
  (internal: boolean): Template =>
  ({ context, t, primary }) => {
    const { entry } = context;
    const body = messageBody(entry, internal ? internalAccent : primary, primary);
    const count = entry.attachmentIds?.length ?? 0;
    return {
      summary: internal ? t.summaries.internal_note : t.summaries.message,
      ...parts(internal && callout(t.internalNote, 'internal'), body, count > 0 && paragraph(t.attachments(count))),
      preheader: preview(body ? gistOf(entry) : count > 0 ? t.attachments(count) : ''),
    };
  };

export const message: Template = messageLike(false);
export const internalNote: Template = messageLike(true);
