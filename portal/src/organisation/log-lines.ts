// A line of the log of who did what to whom, in the reader's language. Pure: unit tests run it in Node.
import { brands } from '../../../lib/mail/brands.js';
import type { Schemas } from '../api/client.js';
import type { Language, Words } from '../words.js';

export type AuditEntry = Schemas['AuditEntry'];
type Action = AuditEntry['action'];

/**
 * What was done, as a noun phrase ("Role changed"): Czech past tense would need the actor's
 * gender, which nobody stores, so both languages name the change and its author apart.
 */
const actionWords: Words<Action> = {
  en: {
    organisation_created: 'Organisation created',
    organisation_changed: 'Organisation changed',
    organisation_deactivated: 'Organisation deactivated',
    organisation_reactivated: 'Organisation reactivated',
    person_invited: 'Invited',
    invitation_resent: 'Invitation sent again',
    role_changed: 'Role changed',
    person_deactivated: 'Access taken away',
    person_reactivated: 'Access given back',
    person_removed: 'Removed',
    person_exported: 'Personal data exported',
    person_erased: 'Personal data erased',
    webhook_created: 'Webhook subscription created',
    webhook_changed: 'Webhook subscription changed',
    webhook_enabled: 'Webhook subscription enabled',
    webhook_disabled: 'Webhook subscription disabled',
    webhook_secret_rotated: 'Webhook signing secret rotated',
    webhook_deleted: 'Webhook subscription deleted',
  },
  cs: {
    organisation_created: 'Založení organizace',
    organisation_changed: 'Změna organizace',
    organisation_deactivated: 'Deaktivace organizace',
    organisation_reactivated: 'Obnovení organizace',
    person_invited: 'Pozvání',
    invitation_resent: 'Nové odeslání pozvánky',
    role_changed: 'Změna role',
    person_deactivated: 'Zrušení přístupu',
    person_reactivated: 'Obnovení přístupu',
    person_removed: 'Odebrání',
    person_exported: 'Export osobních údajů',
    person_erased: 'Výmaz osobních údajů',
    webhook_created: 'Založení odběru webhooků',
    webhook_changed: 'Změna odběru webhooků',
    webhook_enabled: 'Zapnutí odběru webhooků',
    webhook_disabled: 'Vypnutí odběru webhooků',
    webhook_secret_rotated: 'Výměna podpisového klíče webhooků',
    webhook_deleted: 'Smazání odběru webhooků',
  },
};

type Label =
  | 'name'
  | 'platform'
  | 'language'
  | 'membersMayRank'
  | 'membersMayAcceptOffers'
  | 'billing'
  | 'email'
  | 'role'
  | 'forErasure'
  | 'yes'
  | 'no'
  | 'ico'
  | 'dic'
  | 'cs'
  | 'en'
  | 'client_admin'
  | 'client_member'
  | 'agent'
  | 'admin'
  | 'participant'
  | 'formerUser';

const labels: Words<Label> = {
  en: {
    name: 'Name',
    platform: 'Platform',
    language: 'Language',
    membersMayRank: 'Members may set priorities',
    membersMayAcceptOffers: 'Members may accept offers',
    billing: 'Billing details',
    email: 'E-mail',
    role: 'Role',
    forErasure: 'before their personal data was erased',
    yes: 'yes',
    no: 'no',
    ico: 'IČO',
    dic: 'DIČ',
    cs: 'Czech',
    en: 'English',
    client_admin: 'administrator',
    client_member: 'member',
    agent: 'agent',
    admin: 'administrator',
    participant: 'invited to single requests',
    formerUser: 'former user',
  },
  cs: {
    name: 'Název',
    platform: 'Platforma',
    language: 'Jazyk',
    membersMayRank: 'Členové smějí měnit priority',
    membersMayAcceptOffers: 'Členové smějí přijímat nabídky',
    billing: 'Fakturační údaje',
    email: 'E-mail',
    role: 'Role',
    forErasure: 'před výmazem osobních údajů',
    yes: 'ano',
    no: 'ne',
    ico: 'IČO',
    dic: 'DIČ',
    cs: 'čeština',
    en: 'angličtina',
    client_admin: 'správce',
    client_member: 'člen',
    agent: 'agent',
    admin: 'správce',
    participant: 'pozvaný k jednotlivým požadavkům',
    formerUser: 'bývalý uživatel',
  },
};

export interface LogLine {
  /** What was done ("Role changed"). */
  action: string;
  /** To whom or what, by name as it was then. */
  target: string;
  /** Who did it, by name as they were then. */
  actor: string;
  /** What changed, one short line each ("Role: member → administrator"). */
  details: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isLabel = (key: string): key is Label => key in labels.en;

/** Fields whose values are codes the reader gets in words (a name stays as it was typed). */
const coded = new Set(['platform', 'language', 'role']);

/** A stored value of `key` as the reader reads it: yes/no, a platform's or a language's name, a role. */
const valueOf = (key: string, value: unknown, language: Language): string => {
  const words = labels[language];
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (coded.has(key) && (value === 'azami' || value === 'digimadi')) return brands[value].name;
  if (coded.has(key) && typeof value === 'string' && isLabel(value)) return words[value];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return value === undefined || value === null ? '—' : JSON.stringify(value);
};

/** Billing details in one line: the name, the ids, the address. */
const billingLine = (billing: unknown, language: Language): string => {
  if (!isRecord(billing)) return valueOf('billing', billing, language);
  const words = labels[language];
  const address = isRecord(billing.address) ? billing.address : {};
  const parts = [
    billing.name,
    typeof billing.ico === 'string' ? `${words.ico} ${billing.ico}` : undefined,
    typeof billing.dic === 'string' ? `${words.dic} ${billing.dic}` : undefined,
    address.street,
    [address.postalCode, address.city].filter((part) => typeof part === 'string').join(' '),
    address.country,
  ];
  return parts.filter((part): part is string => typeof part === 'string' && part !== '').join(', ');
};

const labelOf = (key: string, language: Language) => (isLabel(key) ? labels[language][key] : key);

/** The details of an entry, each a line: `{ field: { from, to } }` as "Field: from → to", anything else as "Field: value". */
const detailLines = (entry: AuditEntry, language: Language): string[] =>
  Object.entries(entry.details).map(([key, value]) => {
    if (key === 'billing') return `${labelOf(key, language)}: ${billingLine(value, language)}`;
    if (key === 'for' && value === 'erasure') return labels[language].forErasure;
    if (isRecord(value) && 'from' in value && 'to' in value) return `${labelOf(key, language)}: ${valueOf(key, value.from, language)} → ${valueOf(key, value.to, language)}`;
    return `${labelOf(key, language)}: ${valueOf(key, value, language)}`;
  });

/** The name an erasure leaves wherever an erased person was named (lib/domain/privacy.ts `formerUserName`; a unit test holds the two equal). */
export const storedFormerUserName = 'former user';

/** A name as stored, or an erased person's in the reader's language. */
const nameOf = (name: string, language: Language) => (name === storedFormerUserName ? labels[language].formerUser : name);

/** One entry of an organisation's or the staff's log as the reader reads it. */
export const logLine = (entry: AuditEntry, language: Language): LogLine => ({
  action: actionWords[language][entry.action],
  target: nameOf(entry.targetName, language),
  actor: nameOf(entry.actorName, language),
  details: detailLines(entry, language),
});
