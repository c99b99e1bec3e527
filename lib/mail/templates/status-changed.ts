import type { Action } from '../../domain/lifecycle.js';
import type { RequestStatus } from '../../domain/request.js';
import { preview } from '../plain-text.js';
import { gistOf, messageBody, parts, statusChange } from './parts.js';
import type { Template } from './template.js';

/** A lifecycle step: its name is the headline, the statuses show where it led, a note follows. */
export const statusChanged: Template = ({ context, t, primary }) => {
  const { entry, request } = context;
  const details = entry.details ?? {};
  const status = (value: string | undefined) => (value ? (t.statuses[value as RequestStatus] ?? value) : undefined);
  const summary = (details.action && t.actions[details.action as Action]) || t.summaries.status_changed;
  const from = status(details.from);
  const to = status(details.to) ?? t.statuses[request.status];
  const change = statusChange(from, to, primary);
  const note = messageBody(entry, primary, primary);
  return { summary, ...parts(change, note), preheader: preview(note ? `${change.text}: ${gistOf(entry)}` : change.text) };
};
