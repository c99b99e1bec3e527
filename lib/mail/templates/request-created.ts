import type { RequestType } from '../../domain/request.js';
import { preview } from '../plain-text.js';
import { facts } from './parts.js';
import type { Template } from './template.js';

/** A new request: what kind it is and what it is called. */
export const requestCreated: Template = ({ context, t }) => {
  const details = context.entry.details ?? {};
  const type = details.type ? (t.requestTypes[details.type as RequestType] ?? details.type) : undefined;
  const title = details.title ?? context.request.title;
  const part = facts([
    [t.labels.type, type],
    [t.labels.title, title],
  ]);
  return { summary: t.summaries.request_created, ...part, preheader: preview(`${type ? `${type}: ` : ''}${title}`) };
};
