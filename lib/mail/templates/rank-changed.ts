import { html } from '../html.js';
import { muted } from '../layout.js';
import { plainText, preview } from '../plain-text.js';
import { paragraph, parts, type Part } from './parts.js';
import type { Template } from './template.js';

/** How much of the queue a mail shows; the portal has the rest. */
export const queueShown = 10;

/**
 * A reorder of the client's queue, sent as a digest: who reordered, how many requests moved and
 * the order as it is now, this request marked. The entry itself carries only this request's
 * move (from/to positions, or where a single move put it).
 */
export const rankChanged: Template = ({ context, t, primary }) => {
  const { entry, request, queue = [], moved, orgName } = context;
  const details = entry.details ?? {};
  const headline = t.queueReordered(orgName, moved);
  const move = details.from && details.to ? t.movedFromTo(details.from, details.to) : t.movedSomewhere;
  return {
    summary: t.summaries.rank_changed,
    ...parts(paragraph(headline), paragraph(move), queue.length > 0 && currentOrder(queue, request.requestId, t, primary)),
    preheader: preview(`${headline} ${move}`),
  };
};

type Queue = NonNullable<Parameters<Template>[0]['context']['queue']>;

const currentOrder = (queue: Queue, requestId: string, t: Parameters<Template>[0]['t'], primary: string): Part => {
  const shown = queue.slice(0, queueShown);
  const rest = queue.length - shown.length;
  // This request stays visible even when it sits below the cut.
  const self = shown.some((item) => item.requestId === requestId) ? undefined : queue.find((item) => item.requestId === requestId);
  const rows = [...shown, ...(self ? [self] : [])];
  const row = (item: Queue[number]) => {
    const mine = item.requestId === requestId;
    const line = html`<td style="padding:5px 10px 5px 0;width:28px;font-size:14px;color:${muted};vertical-align:top;text-align:right;">${item.position}.</td><td style="padding:5px 0;font-size:15px;vertical-align:top;word-break:break-word;${mine ? `font-weight:700;color:${primary};` : ''}"><span style="color:${muted};font-weight:400;">#${item.requestId}</span> ${item.title}${mine ? html` <span style="font-weight:400;font-size:13px;">← ${t.thisRequest}</span>` : ''}</td>`;
    return html`<tr>${line}</tr>`;
  };
  const gap = rest > 0 ? html`<tr><td></td><td style="padding:5px 0;font-size:14px;color:${muted};">${t.more(rest)}</td></tr>` : '';
  const text = [
    `${t.currentOrder}:`,
    ...shown.map((item) => textRow(item, requestId, t)),
    ...(rest > 0 ? [`   ${t.more(rest)}`] : []),
    ...(self ? [textRow(self, requestId, t)] : []),
  ].join('\n');
  return {
    html: html`<p style="margin:0 0 6px;font-size:14px;font-weight:700;color:${muted};">${t.currentOrder}</p><table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="margin:0 0 16px;border-collapse:collapse;">${self ? [...rows.slice(0, -1).map(row), gap, row(self)] : [...rows.map(row), gap]}</table>`,
    text,
  };
};

const textRow = (item: Queue[number], requestId: string, t: Parameters<Template>[0]['t']) =>
  `${String(item.position).padStart(3)}. #${plainText(item.requestId)} ${plainText(item.title)}${item.requestId === requestId ? `  ← ${t.thisRequest}` : ''}`;
