import { exportPrefix } from '../../config/access.js';
import { auditScopeOf } from '../../domain/audit.js';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import { changed, isActiveAdmin, remainingAdmin } from '../../domain/people.js';
import {
  countBy,
  exportablePerson,
  exportFileName,
  exportLinkSeconds,
  fateOf,
  formerUserId,
  formerUserName,
  keptReasons,
  mustMayErase,
  namesPerson,
  personExport,
  personRefOf,
  type ErasureRecord,
  type Fate,
  type KeptRecord,
  type PersonRef,
  type StoredItem,
} from '../../domain/privacy.js';
import { addSeconds } from '../../domain/time.js';
import type { User } from '../../domain/user.js';
import type { Caller } from '../ports/deps.js';
import type { ErasureDeps, ExportDeps } from '../ports/privacy.js';
import { logged } from './audit.js';
import { resolveCaller } from './caller.js';

/**
 * The GDPR rights over what orderdesk stores about a person (docs/privacy.md): an export of
 * everything, and an erasure. Both find the person's items with one read of the whole table (a
 * Scan, see PersonDataStore): they are rare, and an index of "who is named where" would cost
 * every write of every other call.
 */

export interface ExportLink {
  url: string;
  expiresAt: string;
  fileName: string;
}

/**
 * One JSON document of everything stored about a person, stored under `exports/` and handed over
 * as a download link valid for 15 minutes (the file itself expires after a day). The agency's
 * admins export anyone; every person exports themselves.
 */
export const exportPerson = async (deps: ExportDeps, caller: Caller, userId: string): Promise<ExportLink> => {
  const [actor, found] = await Promise.all([resolveCaller(deps.users, caller.userId), deps.users.getUser(userId)]);
  const target = exportablePerson(actor, found, userId);
  const person = personRefOf(target);
  const [items, organisation] = await Promise.all([
    deps.personData.find(person, namesPerson(person)),
    target.orgId ? deps.organisations.getOrganisation(target.orgId) : undefined,
  ]);
  const now = deps.now();
  const document = personExport(target, items, organisation && { orgId: organisation.orgId, name: organisation.name }, now);
  // A key that names nobody; the link's Content-Disposition gives the file its name.
  const key = `${exportPrefix}${deps.newId()}.json`;
  const fileName = exportFileName(now);
  await deps.exports.put(key, new TextEncoder().encode(JSON.stringify(document, null, 2)), 'application/json');
  const url = await deps.exports.presignDownload(key, fileName, exportLinkSeconds);
  await deps.unitOfWork.commit([logged(deps, now.toISOString(), actor, auditScopeOf(target), 'person_exported', { id: target.userId, name: target.name })]);
  return { url, expiresAt: addSeconds(now, exportLinkSeconds).toISOString(), fileName };
};

/** How many items are written at once: DynamoDB takes far more, the function's memory and the table's other callers come first. */
const writesAtOnce = 16;

const inBatches = async <T, R>(items: readonly T[], size: number, each: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) results.push(...(await Promise.all(items.slice(start, start + size).map(each))));
  return results;
};

/**
 * Does to one item what the domain decides. A rewrite is conditional on what it changes still
 * being as read: an item that changed meanwhile is read again and decided again.
 */
const settle = async (deps: ErasureDeps, person: PersonRef, item: StoredItem, erasedAt: Date, attempts = 3): Promise<Fate> => {
  const fate = fateOf(item, person, erasedAt);
  try {
    if (fate.action === 'delete') await deps.unitOfWork.commit([deps.personData.delete(item)]);
    if (fate.action === 'rewrite') {
      // The files first: once the item is rewritten, nothing says whose they were.
      await Promise.all(fate.discard.map((key) => deps.files.discard(key)));
      await deps.unitOfWork.commit([deps.personData.rewrite(item, fate.next)]);
    }
  } catch (error) {
    if (!(error instanceof ConflictError) || attempts <= 1) throw error;
    const again = await deps.personData.get(item.key);
    return again ? settle(deps, person, again, erasedAt, attempts - 1) : { action: 'none' };
  }
  return fate;
};

/** Everything that names the person, except their profile and address (the erasure's last transaction deletes those). */
const settleAll = async (deps: ErasureDeps, person: PersonRef, erasedAt: Date) => {
  const theirAccount = (item: StoredItem) => (item.attributes.entity === 'user' || item.attributes.entity === 'email') && item.attributes.userId === person.userId;
  const items = (await deps.personData.find(person, namesPerson(person))).filter((item) => !theirAccount(item));
  return inBatches(items, writesAtOnce, (item) => settle(deps, person, item, erasedAt));
};

/**
 * The person can no longer call or be mailed from here on, while the rest is done: deactivated
 * (unless they are already), with the one-admin rule of any deactivation.
 */
const takeAccessAway = async (deps: ErasureDeps, actor: User, target: User, at: string): Promise<User> => {
  if (target.deactivatedAt) return target;
  const next = changed(target, { deactivatedAt: at });
  const peers = isActiveAdmin(target) ? await (target.orgId ? deps.people.listOrganisation(target.orgId) : deps.people.listStaff()) : [];
  const other = remainingAdmin(target, next, peers);
  await deps.unitOfWork.commit([
    deps.people.replace(target, next),
    ...(other ? [deps.people.unchanged(other)] : []),
    logged(deps, at, actor, auditScopeOf(target), 'person_deactivated', { id: target.userId, name: target.name }, { for: 'erasure' }),
  ]);
  return next;
};

const byKey = (a: KeptRecord, b: KeptRecord) => `${a.store} ${a.key}`.localeCompare(`${b.store} ${b.key}`);

/**
 * Erases a person (the agency's admins): their login, profile, preferences and mutes, invitations,
 * mail threads and records, suppression and everything else of theirs are deleted; their name and
 * address wherever others' records mention them become "former user"; what the law makes the
 * agency keep stays, and the answer lists it. In this order, so that a failure halfway is finished
 * by erasing again: access taken away, the items, the login, then the profile with the erasure's
 * record in one transaction. Erasing again answers the same record (and sweeps up anything that
 * named the id since); an id never known is a 404.
 */
export const erasePerson = async (deps: ErasureDeps, caller: Caller, userId: string): Promise<ErasureRecord> => {
  const actor = await resolveCaller(deps.users, caller.userId);
  mustMayErase(actor, userId);
  const [target, erased] = await Promise.all([deps.users.getUser(userId), deps.personData.erasure(userId)]);
  if (!target) {
    if (!erased) throw new NotFoundError(`Person ${userId}`);
    await settleAll(deps, { userId }, new Date(erased.erasedAt));
    return erased;
  }
  const now = deps.now();
  const at = now.toISOString();
  const read = await takeAccessAway(deps, actor, target, at);
  const person = personRefOf(target);
  const fates = await settleAll(deps, person, now);
  await deps.accounts.delete(target.email);

  const erasureKept: KeptRecord = { kind: 'erasure_record', store: 'table', key: deps.personData.erasureKeyText(userId), reason: keptReasons.erasure };
  const record: ErasureRecord = {
    userId,
    erasedAt: at,
    erasedBy: actor.userId,
    deleted: countBy([
      'profile',
      'email_lookup',
      ...fates.flatMap((fate) => (fate.action === 'delete' ? [fate.kind] : [])),
      ...fates.flatMap((fate) => (fate.action === 'rewrite' ? fate.discard.map(() => 'inbound_mail_file') : [])),
    ]),
    anonymised: countBy(fates.flatMap((fate) => (fate.action === 'rewrite' ? [fate.kind] : []))),
    kept: [...fates.flatMap((fate) => (fate.action === 'keep' || fate.action === 'rewrite' ? fate.kept : [])), erasureKept].sort(byKey),
  };
  await deps.unitOfWork.commit([
    ...deps.people.remove(read),
    deps.personData.recordErasure(record),
    logged(deps, at, actor, auditScopeOf(target), 'person_erased', { id: formerUserId, name: formerUserName }, { role: target.role }),
  ]);
  return record;
};
