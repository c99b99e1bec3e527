import { preview } from '../plain-text.js';
import { facts, paragraph } from './parts.js';
import type { Template } from './template.js';

/** A new assignee (details: from, to user ids, toName), or nobody any more. */
export const assigneeChanged: Template = ({ context, t }) => {
  const { to, toName } = context.entry.details ?? {};
  const part = to ? facts([[t.labels.assignee, toName ?? to]]) : paragraph(t.unassigned);
  return { summary: t.summaries.assignee_changed, ...part, preheader: preview(to ? `${t.labels.assignee}: ${toName ?? to}` : t.unassigned) };
};
