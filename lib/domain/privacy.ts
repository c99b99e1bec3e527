import * as z from 'zod';
import { mailPrefix } from '../config/access.js';
import { ForbiddenError, NotFoundError } from './errors.js';
import { seesPeopleOf } from './people.js';
import { isAgencyRole } from './roles.js';
import { pragueDate, pragueTime } from './time.js';
import type { User } from './user.js';

/**
 * The GDPR rights of a person over what orderdesk stores about them (docs/privacy.md): an export
 * of everything, and an erasure that deletes what is theirs, anonymises what names them in what
 * others keep, and keeps what the law makes the agency keep. This module decides, item by item,
 * what becomes of it; the use cases (lib/services/people/privacy.ts) find the items and write.
 */

/** What an erased person's name and ids become wherever they stay mentioned. */
export const formerUserName = 'former user';
export const formerUserId = 'former-user';

/** How long an export's download link works. */
export const exportLinkSeconds = 15 * 60;

/** Who is looked for: the id always; the address and name while the person is still known (an erasure that is repeated knows only the id). */
export interface PersonRef {
  userId: string;
  email?: string;
  name?: string;
}

export const personRefOf = (user: Pick<User, 'userId' | 'email' | 'name'>): PersonRef => ({ userId: user.userId, email: user.email.toLowerCase(), name: user.name });

/**
 * One stored item, whatever its entity: its primary key (partition key first) and index keys
 * (never rewritten), and its other attributes, `entity` among them.
 */
export interface StoredItem {
  key: Readonly<Record<string, string>>;
  indexKeys: Readonly<Record<string, string>>;
  attributes: Readonly<Record<string, unknown>>;
}

/** An item's primary key as the answers name it: `REQ#2026-0042 ORDER`. */
export const keyText = (item: Pick<StoredItem, 'key'>): string => Object.values(item.key).join(' ');

// ---------------------------------------------------------------------------------------------
// Finding the person in a value

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How the person is named in text: their id, their address (any case), their full name as a whole phrase (any case). */
interface Matcher {
  userId: string;
  email?: string;
  patterns: readonly { find: RegExp; replacement: string }[];
}

const matcherOf = (person: PersonRef): Matcher => {
  const patterns: { find: RegExp; replacement: string }[] = [];
  // Each a whole token: `a@b.cz` is not in `xa@b.cz` or `a@b.cz.eu`, id `u-7` not in `u-70` (a sentence's full stop after an address is fine).
  if (person.email) patterns.push({ find: new RegExp(`(?<![\\w.+-])${escaped(person.email)}(?![\\w-]|\\.\\w)`, 'giu'), replacement: formerUserName });
  patterns.push({ find: new RegExp(`(?<![\\p{L}\\p{N}_-])${escaped(person.userId)}(?![\\p{L}\\p{N}_-])`, 'gu'), replacement: formerUserId });
  const words = person.name?.trim().split(/\s+/u).filter(Boolean) ?? [];
  // A name as a phrase of its own, not inside a longer word ("Eva" is not in "Evaluation").
  if (words.join(' ').length >= 2) patterns.push({ find: new RegExp(`(?<![\\p{L}\\p{N}])${words.map(escaped).join('\\s+')}(?![\\p{L}\\p{N}])`, 'giu'), replacement: formerUserName });
  return { userId: person.userId, email: person.email?.toLowerCase(), patterns };
};

const textNames = (text: string, m: Matcher): boolean =>
  m.patterns.some(({ find }) => {
    find.lastIndex = 0;
    return find.test(text);
  });

const replaceText = (text: string, m: Matcher): string => m.patterns.reduce((result, { find, replacement }) => result.replace(find, replacement), text);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/** The id fields a name field goes with: `actorName` with `actorId`, `createdByName` with `createdBy`, `name` with `userId`. */
const idFieldsOf = (field: string): string[] => (field === 'name' ? ['userId', 'id', 'recipientId'] : field.endsWith('Name') ? [field.slice(0, -4), `${field.slice(0, -4)}Id`] : []);

/** Whose a name field is, where an id stands beside it: `mine` for the person's, `other` for someone else's (who may bear the same name). */
const ownerOfName = (object: Record<string, unknown>, field: string, m: Matcher): 'mine' | 'other' | undefined => {
  for (const idField of idFieldsOf(field)) {
    const id = object[idField];
    if (typeof id === 'string') return id === m.userId ? 'mine' : 'other';
  }
  return undefined;
};

const names = (value: unknown, m: Matcher): boolean => {
  if (typeof value === 'string') return textNames(value, m);
  if (Array.isArray(value) || value instanceof Set) return [...value].some((each) => names(each, m));
  if (!isRecord(value)) return false;
  return Object.entries(value).some(([field, each]) => {
    if (typeof each === 'string' && ownerOfName(value, field, m) === 'other') return textNames(field, m);
    return textNames(field, m) || names(each, m);
  });
};

const itemNames = (item: StoredItem, m: Matcher): boolean =>
  [...Object.values(item.key), ...Object.values(item.indexKeys)].some((text) => textNames(text, m)) || names(item.attributes, m);

/**
 * Whether an item names the person anywhere: in its keys, its index keys or any value, however
 * deep (JSON kept in a string too). Made once per person: a Scan asks it of every item.
 */
export const namesPerson = (person: PersonRef): ((item: StoredItem) => boolean) => {
  const m = matcherOf(person);
  return (item) => itemNames(item, m);
};

/** Fields of a decision's evidence: where the person decided from. */
const evidenceFields: ReadonlySet<string> = new Set(['ip', 'userAgent']);

/** A field naming an object in the bucket (`key`, `documentKey`): rewriting it would lose the file, so it stays (and a name in it makes the item kept). */
const isStorageKey = (field: string) => field === 'key' || field.endsWith('Key');

/**
 * A value with the person taken out: their id becomes `former-user`, their name `former user`
 * (in a name field that goes with their id, whatever name it holds: names are stored as they were
 * then), a field holding just their address is removed, and the address, id or full name inside
 * any text is replaced. Where they decided, the evidence (IP address, browser) is emptied. Names
 * beside someone else's id stay, even when they read the same; so do the keys of stored files.
 */
const anonymise = (value: unknown, m: Matcher): unknown => {
  if (typeof value === 'string') return replaceText(value, m);
  if (Array.isArray(value)) return value.map((each) => anonymise(each, m));
  if (!isRecord(value)) return value;
  const theirs = value.userId === m.userId || value.actorId === m.userId;
  const result: Record<string, unknown> = {};
  for (const [field, each] of Object.entries(value)) {
    if (typeof each === 'string') {
      if (isStorageKey(field)) {
        result[field] = each;
        continue;
      }
      const owner = ownerOfName(value, field, m);
      if (owner === 'other') {
        result[field] = each;
        continue;
      }
      if (owner === 'mine') {
        result[field] = formerUserName;
        continue;
      }
      if (m.email && each.toLowerCase() === m.email) continue;
      if (theirs && evidenceFields.has(field)) {
        result[field] = '';
        continue;
      }
    }
    result[replaceText(field, m)] = anonymise(each, m);
  }
  return result;
};

// ---------------------------------------------------------------------------------------------
// What becomes of each item

/** The kinds of item an erasure answers counts of, by the `entity` each store writes. */
const kinds: Readonly<Record<string, string>> = {
  user: 'profile',
  email: 'email_lookup',
  mute: 'mute',
  suppression: 'mail_suppression',
  'inbound-answer': 'refused_reply_answer',
  'inbound-outcome': 'inbound_mail_outcome',
  participant: 'invitation',
  thread: 'mail_thread',
  delivery: 'mail_record',
  idempotency: 'idempotency_record',
  feedback: 'rating_summary',
  timeline: 'timeline_entry',
  request: 'request',
  offer: 'offer',
  order: 'order',
  attachment: 'attachment',
  handover: 'handover',
  payment: 'payment',
  'payment-id': 'payment_id',
  audit: 'log_entry',
  org: 'organisation',
  workflow: 'workflow',
  reminder: 'reminder',
  erasure: 'erasure_record',
};

const entityOf = (item: StoredItem): string | undefined => (typeof item.attributes.entity === 'string' ? item.attributes.entity : undefined);
export const kindOf = (item: StoredItem): string => {
  const entity = entityOf(item);
  return entity === undefined ? 'unknown' : (kinds[entity] ?? entity);
};

/** An item (or a file) the erasure keeps although it names the person, and why. */
export const KeptRecord = z
  .object({
    kind: z.string().describe('`order`, `order_document`, `offer`, `organisation`, `erasure_record`, or the kind of an item that could not be wholly anonymised'),
    store: z.enum(['table', 'files']).describe('`table`: an item of the DynamoDB table, `key` its pk and sk; `files`: an object of the bucket, `key` its key'),
    key: z.string(),
    requestId: z.string().optional(),
    reason: z.string(),
    keepUntil: z.iso.datetime().optional().describe('Until when the law makes the agency keep it, counted at the erasure (see docs/privacy.md)'),
  })
  .meta({ id: 'KeptRecord' });
export type KeptRecord = z.infer<typeof KeptRecord>;

/** What an erasure did, kept (without a name or an address) so that erasing again answers the same. */
export const ErasureRecord = z
  .object({
    userId: z.string(),
    erasedAt: z.iso.datetime(),
    erasedBy: z.string().describe('The agency admin who erased the person'),
    deleted: z.record(z.string(), z.number().int().nonnegative()).describe('Items deleted, by kind'),
    anonymised: z.record(z.string(), z.number().int().nonnegative()).describe('Items whose mentions of the person became “former user”, by kind'),
    kept: z.array(KeptRecord).describe('Exactly what still names the person afterwards, and why'),
  })
  .meta({ id: 'Erasure' });
export type ErasureRecord = z.infer<typeof ErasureRecord>;

/**
 * Czech VAT law (zákon č. 235/2004 Sb., o dani z přidané hodnoty, §35) makes a payer keep tax
 * documents for 10 years from the end of the year in which the taxable supply took place. Counted
 * here from the year of the erasure: no earlier than the supply of work delivered by then (an
 * order whose work is delivered later keeps its own, later date; see docs/privacy.md).
 */
export const taxKeepUntil = (erasedAt: Date): string => pragueTime(`${Number(pragueDate(erasedAt).slice(0, 4)) + 10}-12-31`, '23:59:59').toISOString();

const taxLaw = 'Czech VAT law requires keeping tax documents for 10 years from the end of the year of the taxable supply (zákon o DPH §35)';
export const keptReasons = {
  order: `A binding order and who accepted it are a tax document: ${taxLaw}`,
  orderDocument: `The binding order’s PDF as issued: ${taxLaw}`,
  acceptance: `The acceptance of a binding order (who, when, from which address and browser) is the order’s evidence, kept with it: ${taxLaw}`,
  organisation: 'The client organisation’s own record (its name and billing details are the customer on its orders), not the person’s',
  erasure: 'The record that this account was erased, without a name or an address: erasing again answers the same, and the account’s old mail links and reply addresses stay refused',
  partly: 'Anonymised, but a part that can’t be rewritten still names the person (a key, an index key, or a stored file’s name): listed so that nothing naming them stays unlisted',
};

export type Fate =
  /** The item does not name the person. */
  | { action: 'none' }
  | { action: 'delete'; kind: string }
  /**
   * `next`: the item's attributes with the person taken out; `kept`: what still names them, if
   * anything; `discard`: the person's files in the bucket the item points to (the raw mail they sent).
   */
  | { action: 'rewrite'; kind: string; next: Record<string, unknown>; kept: KeptRecord[]; discard: string[] }
  | { action: 'keep'; kind: string; kept: KeptRecord[] };

const stringAt = (value: unknown, ...path: string[]): string | undefined => {
  let at = value;
  for (const step of path) at = isRecord(at) ? at[step] : undefined;
  return typeof at === 'string' ? at : undefined;
};

/** An offer the person accepted that made a binding order (a priced one; a free one makes none). */
const acceptedOrderOffer = (attributes: Readonly<Record<string, unknown>>, userId: string): boolean => {
  const gross = isRecord(attributes.totals) ? attributes.totals.gross : undefined;
  return stringAt(attributes, 'decision', 'decision') === 'accepted' && stringAt(attributes, 'decision', 'userId') === userId && typeof gross === 'number' && gross > 0;
};

/** Items whose stores replace them whole, conditional on their version: a rewrite bumps it, so a change decided on the version before can't put the person back. */
const replacedWhole: ReadonlySet<string> = new Set(['user', 'org']);

/**
 * What an erasure does with one item:
 * - **keep** what the law makes the agency keep (a binding order with its PDF, and the offer
 *   acceptance behind it), the client organisation's own record, and the erasure's record;
 * - **delete** what is the person's own, which is every item whose key names them (profile,
 *   address, mutes, suppression, answers to refused replies, invitations, mail threads and mail
 *   records, idempotency records, an agent's rating summary);
 * - **rewrite** everything else that names them, taking them out (see `anonymise`); whatever a
 *   rewrite can't take out (a key, an index key) makes it kept as well, so the answer's `kept` is
 *   exactly what still names them.
 */
export const fateOf = (item: StoredItem, person: PersonRef, erasedAt: Date): Fate => {
  const m = matcherOf(person);
  if (!itemNames(item, m)) return { action: 'none' };
  const entity = entityOf(item);
  const kind = kindOf(item);
  const requestId = stringAt(item.attributes, 'requestId');
  const kept = (reason: string, keepUntil?: string, store: KeptRecord['store'] = 'table', key = keyText(item), what = kind): KeptRecord => ({
    kind: what,
    store,
    key,
    ...(requestId ? { requestId } : {}),
    reason,
    ...(keepUntil ? { keepUntil } : {}),
  });
  if (entity === 'erasure') return { action: 'keep', kind, kept: [kept(keptReasons.erasure)] };
  if (entity === 'order') {
    const until = taxKeepUntil(erasedAt);
    const document = stringAt(item.attributes, 'document', 'key');
    return { action: 'keep', kind, kept: [kept(keptReasons.order, until), ...(document ? [kept(keptReasons.orderDocument, until, 'files', document, 'order_document')] : [])] };
  }
  if (entity === 'offer' && acceptedOrderOffer(item.attributes, person.userId)) return { action: 'keep', kind, kept: [kept(keptReasons.acceptance, taxKeepUntil(erasedAt))] };
  if (entity === 'org') return { action: 'keep', kind, kept: [kept(keptReasons.organisation)] };
  if (Object.values(item.key).some((text) => textNames(text, m))) return { action: 'delete', kind };

  const next = anonymise(item.attributes, m) as Record<string, unknown>;
  const version = item.attributes.version;
  if (entity !== undefined && replacedWhole.has(entity) && typeof version === 'number') next.version = version + 1;
  const still = Object.values(item.indexKeys).some((text) => textNames(text, m)) || names(next, m);
  return { action: 'rewrite', kind, next, kept: still ? [kept(keptReasons.partly)] : [], discard: entity === 'inbound-outcome' ? theirInboundMail(item.attributes, person) : [] };
};

/**
 * The raw mail (MIME, as SES stored it under `mail/`) of an inbound mail the person sent, named by
 * its outcome: their address, their words. Found only while the outcome is kept (30 days): the
 * bucket is never listed (docs/privacy.md).
 */
const theirInboundMail = (attributes: Readonly<Record<string, unknown>>, person: PersonRef): string[] => {
  let outcome: unknown;
  try {
    outcome = typeof attributes.outcome === 'string' ? JSON.parse(attributes.outcome) : undefined;
  } catch {
    return [];
  }
  const objectKey = stringAt(outcome, 'objectKey');
  const sender = stringAt(outcome, 'sender')?.toLowerCase();
  const theirs = stringAt(outcome, 'userId') === person.userId || (person.email !== undefined && sender === person.email);
  return theirs && objectKey?.startsWith(mailPrefix) && !objectKey.includes('..') ? [objectKey] : [];
};

/** Counts by kind, for an erasure's answer. */
export const countBy = (kindsSeen: readonly string[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const kind of [...kindsSeen].sort()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
};

// ---------------------------------------------------------------------------------------------
// Who may

/**
 * Who exports a person's data: the agency's admins (the data controller's staff) anyone's, and
 * every person their own. Anyone else gets a 404 for a person they can't see, and a 403 for one
 * they can (a client admin their colleague, an agent anyone): seeing someone is not being entitled
 * to everything stored about them.
 */
export const exportablePerson = (actor: User, target: User | undefined, userId: string): User => {
  if (!target) throw new NotFoundError(`Person ${userId}`);
  if (target.userId === actor.userId || actor.role === 'admin') return target;
  const sees = target.orgId ? seesPeopleOf(actor, target.orgId) : isAgencyRole(actor.role);
  if (!sees) throw new NotFoundError(`Person ${userId}`);
  throw new ForbiddenError('Only the agency’s admins, and the person themselves, export a person’s data');
};

/** Only the agency's admins erase people, and nobody erases themselves (as nobody removes themselves). */
export const mustMayErase = (actor: User, userId: string): void => {
  if (actor.role !== 'admin') throw new ForbiddenError('Only the agency’s admins erase people');
  if (actor.userId === userId) throw new ForbiddenError('You can’t erase yourself; ask another admin');
};

// ---------------------------------------------------------------------------------------------
// The export

/** The export's file name: what the download saves as. */
export const exportFileName = (at: Date): string => `orderdesk-export-${pragueDate(at)}.json`;

export type ExportSection = 'invitations' | 'requests' | 'messages' | 'activity' | 'mentions' | 'files' | 'decisions' | 'mail' | 'log' | 'other';

/** Where an item goes in the export: by what it is, and by whether the person wrote it or is named in it. */
export const exportSectionOf = (item: StoredItem, userId: string): ExportSection => {
  const a = item.attributes;
  switch (entityOf(item)) {
    case 'participant':
      return a.userId === userId ? 'invitations' : 'other';
    case 'request':
      return a.createdBy === userId ? 'requests' : 'other';
    case 'timeline':
      if (a.actorId !== userId) return 'mentions';
      return a.kind === 'message' || a.kind === 'internal_note' ? 'messages' : 'activity';
    case 'attachment':
      return a.uploadedBy === userId ? 'files' : 'other';
    case 'offer':
      return stringAt(a, 'decision', 'userId') === userId ? 'decisions' : 'other';
    case 'handover':
      return stringAt(a, 'outcome', 'userId') === userId ? 'decisions' : 'other';
    case 'order':
      return stringAt(a, 'acceptedBy', 'userId') === userId ? 'decisions' : 'other';
    case 'suppression':
    case 'delivery':
    case 'thread':
    case 'inbound-answer':
      return 'mail';
    case 'audit':
      return 'log';
    default:
      return 'other';
  }
};

export interface PersonExport {
  format: 'orderdesk-person-export/1';
  exportedAt: string;
  /** The profile: who they are to orderdesk. */
  person: Record<string, unknown>;
  preferences: { language?: string; mailScope?: string; mutedRequests: Record<string, unknown>[] };
  /** The organisation they belong to (or the agency's staff), with their role. */
  memberships: { organisation?: { orgId: string; name?: string }; agency?: true; role: string }[];
  /** The sections below: each item as stored, `record` naming what it is, without the table's keys. */
  invitations: Record<string, unknown>[];
  requests: Record<string, unknown>[];
  messages: Record<string, unknown>[];
  activity: Record<string, unknown>[];
  mentions: Record<string, unknown>[];
  files: Record<string, unknown>[];
  decisions: Record<string, unknown>[];
  mail: Record<string, unknown>[];
  log: Record<string, unknown>[];
  other: Record<string, unknown>[];
}

const shown = (item: StoredItem): Record<string, unknown> => {
  const { entity: _entity, ...attributes } = item.attributes;
  return { record: kindOf(item), ...attributes };
};

/**
 * One JSON document of everything stored about a person: the profile, preferences (and mutes),
 * memberships, the requests they filed, invitations, their messages and other steps, entries
 * that mention them, their files, their decisions, mail to them and their suppression, the log
 * lines about them, and anything else that names them. `items`: every item that names them
 * (their profile among them).
 */
export const personExport = (user: User, items: readonly StoredItem[], organisation: { orgId: string; name: string } | undefined, at: Date): PersonExport => {
  const sorted = [...items].sort((a, b) => keyText(a).localeCompare(keyText(b)));
  const document: PersonExport = {
    format: 'orderdesk-person-export/1',
    exportedAt: at.toISOString(),
    person: { ...user },
    preferences: { language: user.language, mailScope: user.mailScope, mutedRequests: [] },
    memberships: user.orgId ? [{ organisation: { orgId: user.orgId, ...(organisation ? { name: organisation.name } : {}) }, role: user.role }] : isAgencyRole(user.role) ? [{ agency: true, role: user.role }] : [],
    invitations: [],
    requests: [],
    messages: [],
    activity: [],
    mentions: [],
    files: [],
    decisions: [],
    mail: [],
    log: [],
    other: [],
  };
  for (const item of sorted) {
    const entity = entityOf(item);
    if (entity === 'user' && item.attributes.userId === user.userId) continue;
    if (entity === 'email' && item.attributes.userId === user.userId) continue;
    if (entity === 'mute') {
      document.preferences.mutedRequests.push({ requestId: item.attributes.requestId, mutedAt: item.attributes.mutedAt });
      continue;
    }
    document[exportSectionOf(item, user.userId)].push(shown(item));
  }
  return document;
};
