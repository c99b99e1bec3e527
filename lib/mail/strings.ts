import type { Action } from '../domain/lifecycle.js';
import type { RequestStatus, RequestType } from '../domain/request.js';
import type { Role } from '../domain/roles.js';

/**
 * Every word the mails say, in Czech and English. One typed object per language, so a string
 * missing in one language fails to compile. Czech sentences avoid gendered past tense and
 * declined names ("Jana napsala", "pro Janu"): a name is never known to be a man's or a woman's,
 * and a name in the wrong case reads worse than a neutral sentence.
 *
 * No zod here: the renderer needs only these strings, and zod would triple its bundle
 * (the schema and the resolver are in i18n.ts).
 */

import { defaultLanguage, languages, type LanguageCode } from '../domain/mail/languages.js';

export { defaultLanguage, languages, type LanguageCode };

export interface Strings {
  statuses: Record<RequestStatus, string>;
  requestTypes: Record<RequestType, string>;
  /** What a lifecycle step did, as a short headline. */
  actions: Record<Action, string>;
  roles: Record<Role | 'system', string>;
  request: (requestId: string) => string;
  greeting: (name: string) => string;
  openRequest: string;
  why: (brandName: string) => string;
  mute: string;
  preferences: string;
  /** Labels of the request's facts. */
  labels: { type: string; title: string; status: string; file: string; size: string; fileType: string; participant: string; email: string; assignee: string; note: string };
  date: (iso: string) => string;
  number: (value: number, fractionDigits: number) => string;
  summaries: {
    request_created: string;
    status_changed: string;
    message: string;
    internal_note: string;
    attachment_added: string;
    participant_invited: string;
    participant_removed: string;
    rank_changed: string;
    assignee_changed: string;
    mail_undeliverable: string;
  };
  internalNote: string;
  internalAttachment: string;
  attachments: (count: number) => string;
  participantInvited: string;
  participantRemoved: string;
  participantRemovedUnnamed: string;
  queueReordered: (orgName: string | undefined, moved: number | undefined) => string;
  currentOrder: string;
  thisRequest: string;
  more: (count: number) => string;
  movedFromTo: (from: string, to: string) => string;
  movedSomewhere: string;
  unassigned: string;
  undeliverable: (reason: string, email: string, name: string) => string;
  account: {
    invitationSubject: (brandName: string) => string;
    invitationHeading: string;
    invitedTo: (brandName: string) => string;
    invitedToRequest: (brandName: string, requestId: string, title: string) => string;
    username: string;
    temporaryPassword: string;
    signInAndChoose: string;
    signIn: string;
    invitationWhy: (brandName: string) => string;
    resetSubject: (brandName: string) => string;
    resetHeading: string;
    resetCode: string;
    resetHowTo: string;
    resetWhy: (brandName: string) => string;
  };
}

/** Czech plural: 1, 2–4, and the rest (0, 5+). */
const czechPlural = (n: number, one: string, few: string, many: string): string => (n === 1 ? one : n >= 2 && n <= 4 ? few : many);

/** Date and time in Prague, where the agency works, built from parts so it never depends on the
 * ICU version's spacing (Czech dates use no-break spaces in some versions and not in others). */
const pragueParts = (iso: string) => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Prague',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: Number(part('day')), month: Number(part('month')), year: part('year'), time: `${part('hour')}:${part('minute')}` };
};

const englishMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const fixed = (value: number, fractionDigits: number, decimalMark: string) => value.toFixed(fractionDigits).replace('.', decimalMark);

const cs: Strings = {
  statuses: {
    submitted: 'Podáno',
    clarifying: 'Upřesňuje se',
    quoted: 'Nabídka odeslána',
    offer_expired: 'Nabídka vypršela',
    awaiting_payment: 'Čeká na platbu',
    queued: 'Ve frontě',
    in_progress: 'V řešení',
    in_review: 'Ke kontrole',
    changes_requested: 'Požadovány úpravy',
    accepted: 'Převzato',
    answered: 'Zodpovězeno',
    closed: 'Uzavřeno',
    cancelled: 'Zrušeno',
  },
  requestTypes: { inquiry: 'Dotaz', defect: 'Závada', authorized: 'Předem schválená práce' },
  actions: {
    clarify: 'Žádost o upřesnění',
    post_offer: 'Nová nabídka',
    reject_offer: 'Nabídka odmítnuta',
    expire_offer: 'Platnost nabídky vypršela',
    accept_offer: 'Nabídka přijata',
    accept_free_offer: 'Bezplatná nabídka přijata',
    mark_paid: 'Platba přijata',
    start_work: 'Práce začala',
    fix: 'Oprava začala',
    explain: 'Odpověď na dotaz',
    reopen: 'Znovu otevřeno',
    close: 'Uzavřeno',
    hand_over: 'Předáno ke kontrole',
    accept_delivery: 'Práce převzata',
    request_changes: 'Požadovány úpravy',
    deem_accepted: 'Převzato po uplynutí lhůty',
    cancel: 'Zrušeno',
  },
  roles: {
    client_admin: 'klient (správce)',
    client_member: 'klient',
    participant: 'přizvaný účastník',
    agent: 'agentura',
    admin: 'agentura (správce)',
    system: 'systém',
  },
  request: (requestId) => `Požadavek #${requestId}`,
  greeting: () => 'Dobrý den,',
  openRequest: 'Otevřít požadavek',
  why: (brandName) => `Tento e-mail vám posíláme, protože máte přístup k tomuto požadavku na portálu ${brandName}.`,
  mute: 'Ztlumit tento požadavek',
  preferences: 'Nastavení e-mailů',
  labels: {
    type: 'Typ',
    title: 'Název',
    status: 'Stav',
    file: 'Soubor',
    size: 'Velikost',
    fileType: 'Typ souboru',
    participant: 'Účastník',
    email: 'E-mail',
    assignee: 'Řešitel',
    note: 'Poznámka',
  },
  date: (iso) => {
    const { day, month, year, time } = pragueParts(iso);
    // No-break spaces keep a date on one line, as Czech typography wants.
    return `${day}.\u00a0${month}.\u00a0${year} v\u00a0${time}`;
  },
  number: (value, fractionDigits) => fixed(value, fractionDigits, ','),
  summaries: {
    request_created: 'Nový požadavek',
    status_changed: 'Změna stavu',
    message: 'Nová zpráva',
    internal_note: 'Interní poznámka',
    attachment_added: 'Nová příloha',
    participant_invited: 'Nový účastník',
    participant_removed: 'Odebrání účastníka',
    rank_changed: 'Nové pořadí ve frontě',
    assignee_changed: 'Změna řešitele',
    mail_undeliverable: 'E-mail se nedaří doručit',
  },
  internalNote: 'Interní poznámka – klient ji nevidí',
  internalAttachment: 'Interní příloha – klient ji nevidí',
  attachments: (count) => `Přílohy: ${count} – najdete je v požadavku.`,
  participantInvited: 'Účastník vidí tento požadavek a může do něj psát zprávy.',
  participantRemoved: 'Tento požadavek už nevidí.',
  participantRemovedUnnamed: 'Jeden z účastníků už tento požadavek nevidí.',
  queueReordered: (orgName, moved) => {
    const who = orgName ? `Organizace ${orgName} změnila` : 'Klient změnil';
    const count = moved === undefined ? '' : `: ${czechPlural(moved, 'přesunut', 'přesunuty', 'přesunuto')} ${moved} ${czechPlural(moved, 'požadavek', 'požadavky', 'požadavků')}`;
    return `${who} pořadí své fronty${count}.`;
  },
  currentOrder: 'Aktuální pořadí',
  thisRequest: 'tento požadavek',
  more: (count) => `… a ${count} ${czechPlural(count, 'další', 'další', 'dalších')}`,
  movedFromTo: (from, to) => `Tento požadavek se posunul z ${from}. na ${to}. místo.`,
  movedSomewhere: 'Tento požadavek má ve frontě nové místo.',
  unassigned: 'Požadavek teď nemá přiděleného řešitele.',
  undeliverable: (reason, email, name) =>
    reason === 'complaint'
      ? `E-maily na adresu ${email} (${name}) byly označeny jako nevyžádané, proto je tam už neposíláme. Zvolte jiný způsob kontaktu.`
      : `Na adresu ${email} (${name}) se nedaří doručit e-maily: adresa je odmítána. Opravte ji, nebo zvolte jiný způsob kontaktu.`,
  account: {
    invitationSubject: (brandName) => `Pozvánka do portálu ${brandName}`,
    invitationHeading: 'Máte pozvánku',
    invitedTo: (brandName) => `Máte pozvánku do portálu ${brandName}, kde s námi můžete řešit své požadavky.`,
    invitedToRequest: (brandName, requestId, title) => `Máte pozvánku k požadavku #${requestId} „${title}“ na portálu ${brandName}.`,
    username: 'Přihlašovací jméno',
    temporaryPassword: 'Dočasné heslo',
    signInAndChoose: 'Přihlaste se a nastavte si vlastní heslo.',
    signIn: 'Přihlásit se',
    invitationWhy: (brandName) => `Tento e-mail vám posíláme, protože vás někdo pozval do portálu ${brandName}. Pokud pozvánku nečekáte, můžete ji ignorovat.`,
    resetSubject: (brandName) => `Obnovení hesla – ${brandName}`,
    resetHeading: 'Obnovení hesla',
    resetCode: 'Kód pro obnovení hesla',
    resetHowTo: 'Zadejte ho na stránce obnovení hesla. Kód platí jen omezenou dobu.',
    resetWhy: (brandName) => `Tento e-mail vám posíláme, protože někdo požádal o obnovení hesla k vašemu účtu na portálu ${brandName}. Pokud jste o ně nežádali, e-mail ignorujte: heslo zůstává beze změny.`,
  },
};

const en: Strings = {
  statuses: {
    submitted: 'Submitted',
    clarifying: 'Clarifying',
    quoted: 'Quoted',
    offer_expired: 'Offer expired',
    awaiting_payment: 'Awaiting payment',
    queued: 'Queued',
    in_progress: 'In progress',
    in_review: 'In review',
    changes_requested: 'Changes requested',
    accepted: 'Accepted',
    answered: 'Answered',
    closed: 'Closed',
    cancelled: 'Cancelled',
  },
  requestTypes: { inquiry: 'Inquiry', defect: 'Defect', authorized: 'Pre-authorised work' },
  actions: {
    clarify: 'Clarification requested',
    post_offer: 'New offer',
    reject_offer: 'Offer rejected',
    expire_offer: 'Offer expired',
    accept_offer: 'Offer accepted',
    accept_free_offer: 'Free offer accepted',
    mark_paid: 'Payment received',
    start_work: 'Work started',
    fix: 'Fix started',
    explain: 'Question answered',
    reopen: 'Reopened',
    close: 'Closed',
    hand_over: 'Handed over for review',
    accept_delivery: 'Delivery accepted',
    request_changes: 'Changes requested',
    deem_accepted: 'Accepted after the review period',
    cancel: 'Cancelled',
  },
  roles: {
    client_admin: 'client admin',
    client_member: 'client',
    participant: 'invited participant',
    agent: 'agency',
    admin: 'agency admin',
    system: 'system',
  },
  request: (requestId) => `Request #${requestId}`,
  greeting: (name) => (name.trim() ? `Hello ${name.trim()},` : 'Hello,'),
  openRequest: 'Open the request',
  why: (brandName) => `You get this e-mail because you have access to this request on ${brandName}.`,
  mute: 'Mute this request',
  preferences: 'Mail preferences',
  labels: {
    type: 'Type',
    title: 'Title',
    status: 'Status',
    file: 'File',
    size: 'Size',
    fileType: 'File type',
    participant: 'Participant',
    email: 'E-mail',
    assignee: 'Assignee',
    note: 'Note',
  },
  date: (iso) => {
    const { day, month, year, time } = pragueParts(iso);
    return `${day}\u00a0${englishMonths[month - 1] ?? ''}\u00a0${year}, ${time}`;
  },
  number: (value, fractionDigits) => fixed(value, fractionDigits, '.'),
  summaries: {
    request_created: 'New request',
    status_changed: 'Status changed',
    message: 'New message',
    internal_note: 'Internal note',
    attachment_added: 'New attachment',
    participant_invited: 'New participant',
    participant_removed: 'Participant removed',
    rank_changed: 'Queue reordered',
    assignee_changed: 'Assignee changed',
    mail_undeliverable: 'Mail not delivered',
  },
  internalNote: 'Internal note – not visible to the client',
  internalAttachment: 'Internal attachment – not visible to the client',
  attachments: (count) => `${count} ${count === 1 ? 'attachment' : 'attachments'} – see the request.`,
  participantInvited: 'A participant sees this request and can post messages on it.',
  participantRemoved: 'They no longer see this request.',
  participantRemovedUnnamed: 'One of the participants no longer sees this request.',
  queueReordered: (orgName, moved) => {
    const count = moved === undefined ? '' : `: ${moved} ${moved === 1 ? 'request' : 'requests'} moved`;
    return `${orgName ?? 'The client'} reordered its queue${count}.`;
  },
  currentOrder: 'Current order',
  thisRequest: 'this request',
  more: (count) => `… and ${count} more`,
  movedFromTo: (from, to) => `This request moved from position ${from} to ${to}.`,
  movedSomewhere: 'This request has a new place in the queue.',
  unassigned: 'Nobody is assigned to this request now.',
  undeliverable: (reason, email, name) =>
    reason === 'complaint'
      ? `${name} (${email}) marked our mail as spam, so we no longer send mail there. Reach them another way.`
      : `Mail to ${name} (${email}) is not delivered: their address bounces. Update it or reach them another way.`,
  account: {
    invitationSubject: (brandName) => `Your invitation to ${brandName}`,
    invitationHeading: 'You are invited',
    invitedTo: (brandName) => `You are invited to ${brandName}, where you can work on your requests with us.`,
    invitedToRequest: (brandName, requestId, title) => `You are invited to request #${requestId} “${title}” on ${brandName}.`,
    username: 'Username',
    temporaryPassword: 'Temporary password',
    signInAndChoose: 'Sign in and choose your own password.',
    signIn: 'Sign in',
    invitationWhy: (brandName) => `You get this e-mail because someone invited you to ${brandName}. If you did not expect it, you can ignore it.`,
    resetSubject: (brandName) => `Reset your ${brandName} password`,
    resetHeading: 'Password reset',
    resetCode: 'Your password reset code',
    resetHowTo: 'Enter it on the password reset page. The code is valid for a limited time only.',
    resetWhy: (brandName) => `You get this e-mail because someone asked to reset the password of your ${brandName} account. If it was not you, ignore it: your password stays as it is.`,
  },
};

const strings: Record<LanguageCode, Strings> = { cs, en };

/** A language as given, or Czech for anything else (a missing preference, a stray value). */
export const pickLanguage = (language: unknown): LanguageCode => (languages as readonly unknown[]).includes(language) ? (language as LanguageCode) : defaultLanguage;

/** The recipient's strings; Czech for anything unknown, so a stray value never breaks a mail. */
export const stringsFor = (language: LanguageCode): Strings => strings[pickLanguage(language)];
