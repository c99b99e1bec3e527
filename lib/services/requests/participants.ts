import { isAgencyRole } from '../../domain/roles.js';
import { mayManagePeople } from '../../domain/access.js';
import { ConflictError, ForbiddenError } from '../../domain/errors.js';
import type { Caller, InviteDeps, ServiceDeps } from '../ports/deps.js';
import { alongside } from '../alongside.js';
import { openCallerRequest } from './open-request.js';
import type { Participant } from '../../domain/participant.js';
import { newEntry } from './timeline.js';
import { defaultLanguage } from '../../domain/mail/preferences.js';
import { invitationExpiry } from '../../domain/people.js';
import type { User } from '../../domain/user.js';

export interface Invitation {
  email: string;
  name?: string;
}

/**
 * Invites a person to one request. An unknown e-mail gets a login (Cognito mails the invitation)
 * and becomes a participant; people who see the request anyway are not invited twice.
 */
export const inviteParticipant = async (deps: InviteDeps, caller: Caller, requestId: string, input: Invitation): Promise<Participant> => {
  const { user, request, level, actor } = await openCallerRequest(deps, caller, requestId);
  if (!mayManagePeople(level)) throw new ForbiddenError('Only the client admin and agency staff invite people');
  const email = input.email.toLowerCase();
  const now = deps.now();
  const known = await deps.users.findByEmail(email);
  if (known && (isAgencyRole(known.role) || known.orgId === request.orgId)) {
    throw new ConflictError(`${email} already sees this request`, 'Nothing to do');
  }
  // A new address gets a login (Cognito mails the invitation) and a user item, written with the invitation.
  const invitee: User = known ?? {
    userId: await deps.accounts.invite(email, input.name ?? email.split('@')[0]!, {
      platform: request.platform,
      language: user.language ?? defaultLanguage,
      requestId,
      requestTitle: request.title,
    }),
    email,
    name: input.name ?? email.split('@')[0]!,
    role: 'participant',
    createdAt: now.toISOString(),
    invitedAt: now.toISOString(),
    invitedBy: user.userId,
    invitationExpiresAt: invitationExpiry(now),
  };
  const participant: Participant = {
    requestId,
    userId: invitee.userId,
    email: invitee.email,
    name: invitee.name,
    invitedBy: user.userId,
    invitedAt: now.toISOString(),
  };
  const entry = newEntry(deps, actor, requestId, participant.invitedAt, {
    kind: 'participant_invited',
    details: { userId: invitee.userId, email: invitee.email, name: invitee.name },
  });
  await deps.unitOfWork.commit([...(known ? [] : deps.people.create(invitee)), deps.requests.mustExist(requestId), deps.participants.add(participant), deps.timeline.append(entry)]);
  return participant;
};

export const listParticipants = async (deps: ServiceDeps, caller: Caller, requestId: string): Promise<Participant[]> => {
  const [, participants] = await alongside(openCallerRequest(deps, caller, requestId), deps.participants.list(requestId));
  return participants;
};

/** Ends a participant's access at once (every call checks participation). People may also leave. */
export const removeParticipant = async (deps: ServiceDeps, caller: Caller, requestId: string, userId: string): Promise<void> => {
  // The participant is read beside the caller, so the entry (and its mail) can name who left.
  const [{ user, level, actor }, participant] = await alongside(openCallerRequest(deps, caller, requestId), deps.participants.get(requestId, userId));
  if (!mayManagePeople(level) && userId !== user.userId) throw new ForbiddenError('Only the client admin and agency staff remove people');
  const named: Record<string, string> = participant ? { name: participant.name, email: participant.email } : {};
  const entry = newEntry(deps, actor, requestId, deps.now().toISOString(), { kind: 'participant_removed', details: { userId, ...named } });
  await deps.unitOfWork.commit([deps.participants.remove(requestId, userId), deps.timeline.append(entry)]);
};
