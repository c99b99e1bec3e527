import { preview } from '../plain-text.js';
import { callout, facts, paragraph, parts } from './parts.js';
import type { Template } from './template.js';

/**
 * A file the malware scan did not pass (details from the scan's verdict: fileName, verdict,
 * threat, uploadedByName): what happened to it, and what to do. Its sender (the entry's subject,
 * a client's person or an invited participant, or agency staff) is asked for a clean or an
 * unencrypted copy; the rest of the agency is told that this was asked.
 */
export const attachmentBlocked: Template = ({ context, t }) => {
  const { fileName = '', verdict, threat, uploadedByName } = context.entry.details ?? {};
  const infected = verdict === 'infected';
  const sentence = infected ? t.blocked.infected(fileName) : t.blocked.failed(fileName);
  const agency = context.recipient.access === 'agency';
  const whatNow = infected ? (agency ? t.blocked.infectedAgency : t.blocked.infectedWhatNow) : agency ? t.blocked.failedAgency : t.blocked.failedWhatNow;
  return {
    summary: verdict === 'infected' ? t.blocked.infectedSummary : verdict === 'failed' ? t.blocked.failedSummary : t.summaries.attachment_blocked,
    ...parts(
      callout(sentence, 'warning'),
      facts([
        [t.labels.file, fileName],
        [t.blocked.threat, infected ? threat : undefined],
        [t.blocked.sentBy, uploadedByName],
      ]),
      paragraph(whatNow),
    ),
    preheader: preview(sentence),
  };
};
