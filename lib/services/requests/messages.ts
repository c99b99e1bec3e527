import { accessLevel, seesInternal, type AccessLevel } from '../../domain/access.js';
import { ForbiddenError, ValidationError } from '../../domain/errors.js';
import { isAgencyRole } from '../../domain/roles.js';
import { alongside } from '../alongside.js';
import type { Caller, ServiceDeps, MessageDeps } from '../ports/deps.js';
import { idempotent } from '../idempotent.js';
import { openCallerRequest, opened } from './open-request.js';
import { knownCaller } from '../people/caller.js';
import type { Page } from '../ports/common.js';
import { newEntry } from './timeline.js';
import { toTimelineEntryView } from '../../domain/timeline-entry.js';
import { TimelineEntryView } from '../views.js';
import { citableFiles, citedFiles, internalPositions } from './cited-files.js';

export const maxMessageLength = 20_000;

export interface NewMessage {
  body: string;
  format: 'text' | 'markdown';
  /** An internal note: agency staff only, never shown to clients or participants. */
  internal: boolean;
  attachmentIds: string[];
}

/**
 * A message (or an internal note) is itself the timeline entry, stored as written. It cites only
 * clean files (`citableFiles`), but for `unscanned`: inbound mail's own files, posted with the
 * mail that brought them while their scan runs.
 */
export const postMessage = async (
  deps: MessageDeps,
  caller: Caller,
  requestId: string,
  input: NewMessage,
  idempotencyKey?: string,
  unscanned: ReadonlySet<string> = new Set(),
): Promise<TimelineEntryView> => {
  const { user, level, actor } = await openCallerRequest(deps, caller, requestId);
  if (input.internal && !seesInternal(level)) throw new ForbiddenError('Only agency staff write internal notes');
  const now = deps.now();
  return idempotent({
    store: deps.idempotency,
    key: idempotencyKey,
    callerId: user.userId,
    operation: `post-message:${requestId}`,
    input,
    now,
    parse: (stored) => TimelineEntryView.parse(stored),
    run: async (idempotency) => {
      const entry = newEntry(deps, actor, requestId, now.toISOString(), {
        kind: input.internal ? 'internal_note' : 'message',
        visibility: input.internal ? 'agency' : 'all',
        body: input.body,
        format: input.format,
        attachmentIds: input.attachmentIds.length ? input.attachmentIds : undefined,
      });
      // Attachments must be uploaded ones of this request. Clients can't cite internal ones (403),
      // and staff can't send one with a message to the client, who could not open it (400); and
      // only clean ones (409).
      const cited = await citedFiles(deps, requestId, input.attachmentIds);
      if (!seesInternal(level)) assertVisibleAttachments(input.attachmentIds, cited);
      else if (!input.internal) assertNoInternalInMessage(cited);
      const files = citableFiles(deps, requestId, input.attachmentIds, cited, unscanned);
      await deps.unitOfWork.commit([
        deps.requests.mustExist(requestId),
        deps.timeline.append(entry),
        ...files,
        ...(idempotency ? [deps.idempotency.record(idempotency, entry, now)] : []),
      ]);
      deps.metrics.count('MessagesPosted');
      return entry;
    },
  });
};

/** A client may not cite an internal (agency-only) file. */
const assertVisibleAttachments = (attachmentIds: string[], cited: Awaited<ReturnType<typeof citedFiles>>) => {
  const [first] = internalPositions(cited);
  if (first !== undefined) throw new ForbiddenError(`Attachment ${attachmentIds[first]} is internal`);
};

const assertNoInternalInMessage = (cited: Awaited<ReturnType<typeof citedFiles>>) => {
  const internal = internalPositions(cited);
  if (internal.length > 0)
    throw new ValidationError(internal.map((index) => ({ field: `body.attachmentIds.${index}`, reason: 'is an internal file; the client would not see it: cite it in an internal note instead' })));
};

export const listTimeline = async (
  deps: ServiceDeps,
  caller: Caller,
  requestId: string,
  limit: number,
  cursor?: string,
): Promise<Page<TimelineEntryView>> => {
  // Whether internal notes are shown depends on the caller, read alongside: the caller's last
  // known role says which page to ask for, and the page is asked again if the role changed.
  const recent = deps.callers.recent(caller.userId);
  const guess = recent !== undefined && isAgencyRole(recent.role);
  let level: AccessLevel;
  let page: Page<TimelineEntryView>;
  if (cursor === undefined) {
    // The first page comes with the request itself, so a caller known to this process costs one Query.
    const [context, first] = await alongside(deps.callers.read(caller.userId, {}), deps.timeline.open(requestId, guess, limit));
    const user = knownCaller(context.user);
    const isParticipant = first.request !== undefined && accessLevel(user, first.request, false) === 'none' && (await deps.participants.isParticipant(requestId, user.userId));
    ({ level } = opened(user, first.request, isParticipant, requestId));
    page = { items: first.items, nextCursor: first.nextCursor };
  } else {
    [{ level }, page] = await alongside(openCallerRequest(deps, caller, requestId), deps.timeline.page(requestId, guess, limit, cursor));
  }
  const shown = seesInternal(level) === guess ? page : await deps.timeline.page(requestId, seesInternal(level), limit, cursor);
  // What of each entry the caller sees (an invited participant: no rating or comment of an acceptance).
  return { ...shown, items: shown.items.map((entry) => toTimelineEntryView(entry, level)) };
};
