import { preview } from '../plain-text.js';
import { facts, paragraph, parts } from './parts.js';
import type { Template } from './template.js';

/** Someone was invited to the request (details: userId, email, name). */
export const participantInvited: Template = ({ context, t }) => {
  const { name, email } = context.entry.details ?? {};
  return {
    summary: t.summaries.participant_invited,
    ...parts(
      facts([
        [t.labels.participant, name],
        [t.labels.email, email],
      ]),
      paragraph(t.participantInvited),
    ),
    preheader: preview(`${name ?? email ?? ''} – ${t.participantInvited}`),
  };
};

/** Someone was removed. participants.ts records only the userId, which says nothing to a reader:
 * a name is shown when the entry has one. */
export const participantRemoved: Template = ({ context, t }) => {
  const { name } = context.entry.details ?? {};
  const part = name ? parts(facts([[t.labels.participant, name]]), paragraph(t.participantRemoved)) : paragraph(t.participantRemovedUnnamed);
  return { summary: t.summaries.participant_removed, ...part, preheader: preview(name ? `${name} – ${t.participantRemoved}` : t.participantRemovedUnnamed) };
};
