import { seesInternal } from '../domain/access.js';
import { ForbiddenError } from '../domain/errors.js';
import { resolveCaller } from './caller.js';
import type { Caller, ServiceDeps } from './deps.js';
import { idempotent } from './idempotent.js';
import { openRequest } from './open-request.js';
import type { Page } from './ports.js';
import { newEntry } from './timeline.js';
import { TimelineEntryView } from './views.js';

export const maxMessageLength = 20_000;

export interface NewMessage {
  body: string;
  format: 'text' | 'markdown';
  /** An internal note: agency staff only, never shown to clients or participants. */
  internal: boolean;
  attachmentIds: string[];
}

/** A message (or an internal note) is itself the timeline entry, stored as written. */
export const postMessage = async (
  deps: ServiceDeps,
  caller: Caller,
  requestId: string,
  input: NewMessage,
  idempotencyKey?: string,
): Promise<TimelineEntryView> => {
  const user = await resolveCaller(deps.users, caller.userId);
  const { level } = await openRequest(deps.requests, user, requestId);
  if (input.internal && !seesInternal(level)) throw new ForbiddenError('Only agency staff write internal notes');
  const now = deps.now();
  return idempotent({
    store: deps.requests,
    key: idempotencyKey,
    callerId: user.userId,
    operation: `post-message:${requestId}`,
    input,
    now,
    parse: (stored) => TimelineEntryView.parse(stored),
    run: async (idempotency) => {
      const entry = newEntry(deps, user, level, requestId, now.toISOString(), {
        kind: input.internal ? 'internal_note' : 'message',
        visibility: input.internal ? 'agency' : 'all',
        body: input.body,
        format: input.format,
        attachmentIds: input.attachmentIds.length ? input.attachmentIds : undefined,
      });
      // Attachments must be uploaded ones of this request, and clients can't cite internal ones:
      if (!seesInternal(level)) await assertVisibleAttachments(deps, requestId, input.attachmentIds);
      await deps.requests.addEntry(entry, idempotency && { ...idempotency, answer: entry });
      return entry;
    },
  });
};

const assertVisibleAttachments = async (deps: ServiceDeps, requestId: string, attachmentIds: string[]) => {
  for (const attachmentId of attachmentIds) {
    const attachment = await deps.requests.getAttachment(requestId, attachmentId);
    if (attachment?.visibility === 'agency') throw new ForbiddenError(`Attachment ${attachmentId} is internal`);
  }
};

export const listTimeline = async (
  deps: ServiceDeps,
  caller: Caller,
  requestId: string,
  limit: number,
  cursor?: string,
): Promise<Page<TimelineEntryView>> => {
  const user = await resolveCaller(deps.users, caller.userId);
  const { level } = await openRequest(deps.requests, user, requestId);
  return deps.requests.listTimeline(requestId, seesInternal(level), limit, cursor);
};
