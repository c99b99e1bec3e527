import { preview } from '../plain-text.js';
import { callout } from './parts.js';
import type { Template } from './template.js';

/** Mail to a person of the request bounces or was marked as spam (details: email, name, reason). */
export const mailUndeliverable: Template = ({ context, t }) => {
  const { email = '', name, reason = 'bounce' } = context.entry.details ?? {};
  const sentence = t.undeliverable(reason, email, name ?? email);
  return { summary: t.summaries.mail_undeliverable, ...callout(sentence, 'warning'), preheader: preview(sentence) };
};
