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
import { formatMoney, isCurrencyCode } from '../domain/orders/money-format.js';

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
  labels: { type: string; title: string; status: string; file: string; size: string; fileType: string; participant: string; email: string; assignee: string; note: string; offer: string };
  date: (iso: string) => string;
  /**
   * A calendar day (`2026-12-09`) as words, or the Prague day an instant falls on (with its time
   * unless it is the day's last minute: "valid until 25 December 2026"); undefined for anything else.
   */
  day: (value: string | undefined) => string | undefined;
  /** Minor units (a decimal string) in CZK or EUR as the language writes money; undefined for anything else. */
  money: (minor: string | undefined, currency: string | undefined) => string | undefined;
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
    offer_posted: string;
    offer_reminder: string;
    order_issued: string;
    payment_reminder: string;
    payment_flagged: string;
    payment_resolved: string;
    review_reminder: string;
    attachment_blocked: string;
  };
  /** A sentence after the status change of these lifecycle steps: what it means and what comes next. */
  actionNotes: Partial<Record<Action, string>>;
  /**
   * The same for those who do not decide for the client (the agency, invited participants), where
   * the client's sentence would ask them what only the client does or promise what they don't get.
   */
  othersNotes: Partial<Record<Action, string>>;
  /** What introduces the client's reason for declining an offer. */
  declineReason: string;
  amountReceived: string;
  offer: {
    /** `Offer 2`. */
    name: (number: string) => string;
    /** The headline of a revision: `Offer 2 (replaces offer 1)`. */
    replaces: (number: string, previous: string) => string;
    totalInclVat: string;
    exclVat: (amount: string) => string;
    inclVat: (amount: string) => string;
    validUntil: string;
    delivery: string;
    howToDecide: string;
    /** To a member whose organisation lets only its admins accept offers: they may decline. */
    membersMayDecline: string;
    /** To the agency and invited participants: who decides. */
    clientDecides: string;
    review: string;
    /** The button for those who do not decide on it. */
    view: string;
    reminder: (number: string | undefined, until: string) => string;
  };
  order: {
    attached: (orderNumber: string) => string;
    amountToPay: string;
    dueDate: string;
    variableSymbol: string;
    iban: string;
    orderNumber: string;
    payByTransfer: string;
    qrInAttachment: string;
    queuedOnPayment: string;
    reminder: (orderNumber: string, due: string) => string;
    alreadyPaid: string;
    /** To the agency: who pays, and how. */
    clientPays: string;
    qrForClient: string;
    /** To the agency, when a payment is due: what it may do. */
    recordIfPaid: string;
  };
  /** A delivery's review and an answer's window to reopen it. */
  review: {
    round: string;
    reviewBy: string;
    /** The same day, to someone who does not review: when the client's review period ends. */
    reviewEnds: string;
    link: string;
    rating: string;
    /** `4 of 5` (the stars go before it). */
    outOfFive: (rating: number) => string;
    reopenUntil: string;
    /** After a handover: review by the deadline, or it counts as accepted. `round` may be unknown. */
    handedOver: (round: string | undefined, deadline: string) => string;
    /** The same to the agency and invited participants: the client reviews it. */
    clientReviews: (round: string | undefined, deadline: string) => string;
    howToDecide: string;
    button: string;
    /** The workflow's reminder before the deadline. */
    reminder: (round: string | undefined, deadline: string) => string;
    /** The same to someone who does not review it, and its headline. */
    clientReminded: (round: string | undefined, deadline: string) => string;
    clientRemindedSummary: string;
    /** The deadline passed without an answer. */
    deemed: (deadline: string) => string;
    /** After a request for changes: the agency hands over again, as round `next`. */
    changesRequested: (next: string) => string;
    changesAskedFor: string;
    acceptanceComment: string;
    /** After an answer: reopen it with a comment until `until`, or it closes. */
    explained: (until: string) => string;
    /** The same to the agency and invited participants: the client may reopen it. */
    clientMayReopen: (until: string) => string;
    /** The workflow closed an answered request nobody reopened by `until`. */
    closedUnopened: (until: string) => string;
  };
  flagged: {
    internal: string;
    /** `A payment of <received> (the order: <expected>) was not taken as paid: <reason>.` */
    why: (received: string, expected: string, reason: string) => string;
    reasons: Record<'amount' | 'currency' | 'not_awaiting', string>;
    payment: string;
    source: string;
    sources: Record<'webhook' | 'agent', string>;
    whatNow: string;
    /** `<who> resolved payment <id> (<amount>), which was not taken as paid: <reason>.` The note follows. */
    resolved: (by: string, payment: string, amount: string, reason: string) => string;
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
  /** A file the malware scan did not pass: what happened, and what to do about it. */
  blocked: {
    /** The headlines, by verdict (`summaries.attachment_blocked` when the verdict is unknown). */
    infectedSummary: string;
    failedSummary: string;
    infected: (fileName: string) => string;
    failed: (fileName: string) => string;
    threat: string;
    sentBy: string;
    /** To the client's people, who may have sent it: what to do. */
    infectedWhatNow: string;
    failedWhatNow: string;
    /** To the agency: what was done, and what is left to do. */
    infectedAgency: string;
    failedAgency: string;
  };
  account: {
    /**
     * The account mails greet the person by the name given at invitation (an invitation is the
     * first mail they get: their name says it is meant for them); the plain greeting without one.
     */
    greeting: (name: string) => string;
    invitationSubject: (brandName: string) => string;
    invitationHeading: string;
    invitedTo: (brandName: string) => string;
    invitedToRequest: (brandName: string, requestId: string, title: string) => string;
    invitedToOrganisation: (brandName: string, organisation: string) => string;
    validFor: (days: number) => string;
    username: string;
    signInEmail: string;
    accountId: string;
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

/** Their first three letters are the short names: Jan, Feb, … Sep. */
const englishMonthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Czech months in the genitive, as a date says them: "25. prosince". */
const czechMonthNames = ['ledna', 'února', 'března', 'dubna', 'května', 'června', 'července', 'srpna', 'září', 'října', 'listopadu', 'prosince'];

const calendarDay = /^(\d{4})-(\d{2})-(\d{2})$/;
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether `YYYY-MM-DD` names a day of the calendar: not 30 February, not month 13. */
const dayExists = (date: string): boolean => new Date(`${date}T12:00:00Z`).getUTCDate() === Number(date.slice(8, 10));

/** A calendar day as it is, an instant as its Prague day and time; the time is left out at the day's last minute. */
const dayParts = (value: string | undefined): { day: number; month: number; year: string; time?: string } | undefined => {
  if (value === undefined) return undefined;
  const match = calendarDay.exec(value);
  if (match) {
    const [year, month, day] = [match[1]!, Number(match[2]), Number(match[3])];
    return dayExists(value) ? { day, month, year } : undefined;
  }
  // Date.parse rolls 30 February over into March: the day written must exist.
  if (!isoInstant.test(value) || Number.isNaN(Date.parse(value)) || !dayExists(value.slice(0, 10))) return undefined;
  const { day, month, year, time } = pragueParts(value);
  return { day, month, year, time: time === '23:59' ? undefined : time };
};

const money = (language: LanguageCode) => (minor: string | undefined, currency: string | undefined) =>
  minor !== undefined && /^\d{1,13}$/.test(minor) && isCurrencyCode(currency) ? formatMoney(Number(minor), currency, language) : undefined;

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
    accept_offer: 'Nabídka přijata: objednávka je závazná',
    accept_free_offer: 'Bezplatná nabídka přijata',
    mark_paid: 'Platba přijata',
    start_work: 'Práce začala',
    fix: 'Oprava začala',
    explain: 'Odpověď agentury',
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
    offer: 'Nabídka',
  },
  date: (iso) => {
    const { day, month, year, time } = pragueParts(iso);
    // No-break spaces keep a date on one line, as Czech typography wants.
    return `${day}.\u00a0${month}.\u00a0${year} v\u00a0${time}`;
  },
  day: (value) => {
    const parts = dayParts(value);
    if (!parts) return undefined;
    const date = `${parts.day}.\u00a0${czechMonthNames[parts.month - 1] ?? ''}\u00a0${parts.year}`;
    return parts.time ? `${date} v\u00a0${parts.time}` : date;
  },
  money: money('cs'),
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
    offer_posted: 'Nová nabídka',
    offer_reminder: 'Nabídka brzy vyprší',
    order_issued: 'Objednávka a platební údaje',
    payment_reminder: 'Připomínka platby',
    payment_flagged: 'Platbu je třeba zkontrolovat',
    payment_resolved: 'Označená platba je vyřešená',
    review_reminder: 'Připomínka: zkontrolujte předanou práci',
    attachment_blocked: 'Soubor nelze stáhnout',
  },
  actionNotes: {
    accept_offer: 'Objednávka s platebními údaji přijde v samostatném e-mailu.',
    accept_free_offer: 'Nic se neplatí: práce se zařazuje do fronty.',
    expire_offer: 'Nabídka nebyla včas přijata ani odmítnuta. Agentura může poslat novou.',
    // Without the day in the details; with it, the sentences of `review` say it.
    hand_over: 'Předanou práci prosím zkontrolujte. Pokud ve lhůtě ke kontrole nikdo neodpoví, bude považována za převzatou.',
    accept_delivery: 'Požadavek je tím dokončen.',
    request_changes: 'Agentura úpravy zapracuje a předá práci znovu ke kontrole.',
    deem_accepted: 'Ve lhůtě ke kontrole nikdo práci nepřevzal ani nepožádal o úpravy. Proto se považuje za převzatou.',
    explain: 'Pokud vám odpověď nestačí, můžete požadavek znovu otevřít s komentářem. Jinak se za několik dní sám uzavře.',
    reopen: 'Agentura se k požadavku vrátí a odpoví.',
  },
  othersNotes: {
    accept_offer: 'Jakmile bude objednávka zaplacena, práce se zařadí do fronty.',
    hand_over: 'Předanou práci teď kontroluje klient: buď ji převezme, nebo požádá o úpravy. Pokud ve lhůtě ke kontrole nikdo neodpoví, bude považována za převzatou.',
    explain: 'Pokud odpověď klientovi nestačí, může požadavek znovu otevřít s komentářem. Jinak se za několik dní sám uzavře.',
  },
  declineReason: 'Důvod odmítnutí:',
  amountReceived: 'Přijatá částka',
  offer: {
    name: (number) => `Nabídka ${number}`,
    replaces: (number, previous) => `Nabídka ${number} (nahrazuje nabídku ${previous})`,
    totalInclVat: 'Celkem vč. DPH',
    exclVat: (amount) => `${amount} bez DPH`,
    inclVat: (amount) => `${amount} vč. DPH`,
    validUntil: 'Platí do',
    delivery: 'Dodání',
    howToDecide: 'Nabídku lze na portálu přijmout, nebo odmítnout. Přijetím vzniká závazná objednávka.',
    membersMayDecline: 'Nabídku mohou na portálu přijmout správci vaší organizace; přijetím vzniká závazná objednávka. Odmítnout ji můžete i vy, s uvedením důvodu.',
    clientDecides: 'Nabídku na portálu přijímá, nebo odmítá klient. Přijetím vzniká závazná objednávka.',
    review: 'Zobrazit nabídku',
    view: 'Zobrazit nabídku',
    reminder: (number, until) => `${number ? `Nabídka ${number}` : 'Nabídka'} platí do ${until} a zatím nebyla přijata ani odmítnuta. Poté vyprší.`,
  },
  order: {
    attached: (orderNumber) => `Závaznou objednávku ${orderNumber} najdete v příloze tohoto e-mailu jako PDF.`,
    amountToPay: 'Částka k úhradě',
    dueDate: 'Splatnost',
    variableSymbol: 'Variabilní symbol',
    iban: 'Účet (IBAN)',
    orderNumber: 'Objednávka',
    payByTransfer: 'Zaplaťte prosím bankovním převodem s uvedeným variabilním symbolem.',
    qrInAttachment: 'Přiložené PDF obsahuje kód QR Platba, který načte vaše bankovní aplikace.',
    queuedOnPayment: 'Jakmile platba dorazí, práce se zařadí do fronty.',
    reminder: (orderNumber, due) => `Platba za objednávku ${orderNumber} je splatná ${due} a zatím nedorazila.`,
    alreadyPaid: 'Pokud jste už zaplatili, nic nedělejte: převod může trvat den či dva.',
    clientPays: 'Klient platí bankovním převodem s uvedeným variabilním symbolem.',
    qrForClient: 'Přiložené PDF obsahuje kód QR Platba pro bankovní aplikaci klienta.',
    recordIfPaid: 'Pokud platba na výpisu z účtu už je, ale tady zaznamenaná není, zaznamenejte ji u požadavku.',
  },
  review: {
    round: 'Kolo',
    reviewBy: 'Zkontrolovat do',
    reviewEnds: 'Lhůta ke kontrole do',
    link: 'Odkaz',
    rating: 'Hodnocení',
    outOfFive: (rating) => `${rating} z 5`,
    reopenUntil: 'Lze znovu otevřít do',
    handedOver: (round, deadline) =>
      `Předanou práci${round ? ` (kolo ${round})` : ''} prosím zkontrolujte do ${deadline}. Pokud do té doby nikdo neodpoví, bude považována za převzatou.`,
    clientReviews: (round, deadline) =>
      `Klient předanou práci${round ? ` (kolo ${round})` : ''} zkontroluje do ${deadline}: buď ji převezme, nebo požádá o úpravy. Pokud do té doby nikdo neodpoví, bude považována za převzatou.`,
    howToDecide: 'Na portálu práci buď převezměte (a můžete ji ohodnotit 1 až 5 hvězdičkami), nebo požádejte o úpravy a napište, co je třeba změnit.',
    button: 'Zkontrolovat práci',
    reminder: (round, deadline) =>
      `Předaná práce${round ? ` (kolo ${round})` : ''} čeká na vaši kontrolu do ${deadline}. Pokud do té doby neodpovíte, bude považována za převzatou.`,
    clientReminded: (round, deadline) =>
      `Předaná práce${round ? ` (kolo ${round})` : ''} čeká na kontrolu klientem do ${deadline}. Pokud do té doby nikdo neodpoví, bude považována za převzatou.`,
    clientRemindedSummary: 'Připomínka: předaná práce čeká na kontrolu klientem',
    deemed: (deadline) => `Do ${deadline}, kdy skončila lhůta ke kontrole, nikdo práci nepřevzal ani nepožádal o úpravy. Proto se považuje za převzatou.`,
    changesRequested: (next) => `Agentura úpravy zapracuje a předá práci znovu ke kontrole (kolo ${next}).`,
    changesAskedFor: 'Požadované úpravy:',
    acceptanceComment: 'Komentář k převzetí:',
    explained: (until) => `Pokud vám odpověď nestačí, můžete požadavek do ${until} znovu otevřít s komentářem. Jinak se potom sám uzavře.`,
    clientMayReopen: (until) => `Pokud odpověď klientovi nestačí, může požadavek do ${until} znovu otevřít s komentářem. Jinak se potom sám uzavře.`,
    closedUnopened: (until) => `Do ${until} požadavek nikdo znovu neotevřel, proto se sám uzavřel.`,
  },
  flagged: {
    internal: 'Interní – klient to nevidí',
    why: (received, expected, reason) => `Platba ${received} (objednávka: ${expected}) nebyla započtena: ${reason}.`,
    reasons: { amount: 'částka nesouhlasí', currency: 'měna nesouhlasí', not_awaiting: 'požadavek na platbu nečeká' },
    payment: 'Platba',
    source: 'Zdroj',
    sources: { webhook: 'oznámení banky', agent: 'zadáno agenturou' },
    whatNow: 'Ověřte platbu v bance a vyřešte ji s klientem. Požadavek zůstává nezaplacený, dokud ho někdo neoznačí jako zaplacený.',
    resolved: (by, payment, amount, reason) => `${by} vyřešil(a) platbu ${payment} (${amount}), která nebyla započtena: ${reason}.`,
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
  blocked: {
    infectedSummary: 'V souboru byl nalezen škodlivý kód',
    failedSummary: 'Soubor se nepodařilo zkontrolovat',
    infected: (fileName) => `V souboru ${fileName} byl nalezen škodlivý kód (virus nebo jiný malware). Soubor jsme zablokovali, takže ho nikdo nemůže stáhnout ani přeposlat.`,
    failed: (fileName) =>
      `Soubor ${fileName} se nepodařilo zkontrolovat na škodlivý kód, nejčastěji proto, že jde o archiv zašifrovaný heslem. Dokud není zkontrolovaný, nelze ho stáhnout ani přeposlat.`,
    threat: 'Nález',
    sentBy: 'Odesílatel',
    infectedWhatNow: 'Prověřte prosím počítač, ze kterého soubor pochází, antivirovým programem a pošlete nám čistou kopii souboru.',
    failedWhatNow: 'Pošlete nám prosím soubor znovu nezašifrovaný, bez hesla.',
    infectedAgency: 'Odesílatel dostal stejnou zprávu s žádostí o čistou kopii. Soubor zůstává zablokovaný, nic dalšího není třeba.',
    failedAgency: 'Odesílatel dostal stejnou zprávu s žádostí o nezašifrovanou kopii. Do té doby soubor nelze otevřít.',
  },
  account: {
    // The name as it was typed (nominative): a vocative made by rule ("Petře Svobodo") goes wrong on
    // too many names, foreign ones above all; the other mails keep the plain "Dobrý den,".
    greeting: (name) => (name.trim() ? `Dobrý den, ${name.trim()},` : 'Dobrý den,'),
    invitationSubject: (brandName) => `Pozvánka do portálu ${brandName}`,
    invitationHeading: 'Máte pozvánku',
    invitedTo: (brandName) => `Máte pozvánku do portálu ${brandName}, kde s námi můžete řešit své požadavky.`,
    invitedToRequest: (brandName, requestId, title) => `Máte pozvánku k požadavku #${requestId} „${title}“ na portálu ${brandName}.`,
    invitedToOrganisation: (brandName, organisation) => `Máte pozvánku do portálu ${brandName} za organizaci ${organisation}, kde s námi můžete řešit své požadavky.`,
    validFor: (days) => `Dočasné heslo platí ${days} dní. Pokud vyprší, požádejte toho, kdo vás pozval, o novou pozvánku.`,
    username: 'Přihlašovací jméno',
    signInEmail: 'Přihlašovací e-mail',
    accountId: 'Číslo vašeho účtu (pro případné dotazy)',
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
    reject_offer: 'Offer declined',
    expire_offer: 'Offer expired',
    accept_offer: 'Offer accepted: the order is binding',
    accept_free_offer: 'Free offer accepted',
    mark_paid: 'Payment received',
    start_work: 'Work started',
    fix: 'Fix started',
    explain: 'The agency’s answer',
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
    offer: 'Offer',
  },
  date: (iso) => {
    const { day, month, year, time } = pragueParts(iso);
    return `${day}\u00a0${englishMonthNames[month - 1]?.slice(0, 3) ?? ''}\u00a0${year}, ${time}`;
  },
  day: (value) => {
    const parts = dayParts(value);
    if (!parts) return undefined;
    const date = `${parts.day}\u00a0${englishMonthNames[parts.month - 1] ?? ''}\u00a0${parts.year}`;
    return parts.time ? `${date}, ${parts.time}` : date;
  },
  money: money('en'),
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
    offer_posted: 'New offer',
    offer_reminder: 'Offer expires soon',
    order_issued: 'Order and payment details',
    payment_reminder: 'Payment reminder',
    payment_flagged: 'Payment needs checking',
    payment_resolved: 'Flagged payment resolved',
    review_reminder: 'Reminder: review the delivery',
    attachment_blocked: 'File cannot be downloaded',
  },
  actionNotes: {
    accept_offer: 'The order with the payment details follows in a separate e-mail.',
    accept_free_offer: 'There is nothing to pay: the work joins the queue.',
    expire_offer: 'Nobody accepted or declined the offer in time. The agency may post a new one.',
    // Without the day in the details; with it, the sentences of `review` say it.
    hand_over: 'Please review the delivery. If nobody answers within the review period, it is accepted as delivered.',
    accept_delivery: 'With that, the request is finished.',
    request_changes: 'The agency works the changes in and hands the work over again for review.',
    deem_accepted: 'Nobody accepted the delivery or requested changes within the review period, so it is accepted as delivered (deemed acceptance).',
    explain: 'If the answer does not settle it, you can reopen the request with a comment. Otherwise it closes by itself in a few days.',
    reopen: 'The agency looks into it again and answers.',
  },
  othersNotes: {
    accept_offer: 'Once the order is paid, the work joins the queue.',
    hand_over: 'The client now reviews the delivery: accepts it or requests changes. If nobody answers within the review period, it is accepted as delivered.',
    explain: 'If the answer does not settle it, the client can reopen the request with a comment. Otherwise it closes by itself in a few days.',
  },
  declineReason: 'The reason given:',
  amountReceived: 'Amount received',
  offer: {
    name: (number) => `Offer ${number}`,
    replaces: (number, previous) => `Offer ${number} (replaces offer ${previous})`,
    totalInclVat: 'Total incl. VAT',
    exclVat: (amount) => `${amount} excl. VAT`,
    inclVat: (amount) => `${amount} incl. VAT`,
    validUntil: 'Valid until',
    delivery: 'Delivery',
    howToDecide: 'The offer can be accepted or declined in the portal. Accepting it makes a binding order.',
    membersMayDecline: 'Your organisation’s admins can accept the offer in the portal; accepting it makes a binding order. You can decline it there, saying why.',
    clientDecides: 'The client accepts or declines the offer in the portal. Accepting it makes a binding order.',
    review: 'Review the offer',
    view: 'View the offer',
    reminder: (number, until) => `${number ? `Offer ${number}` : 'The offer'} is valid until ${until} and has been neither accepted nor declined yet. After that, it expires.`,
  },
  order: {
    attached: (orderNumber) => `The binding order ${orderNumber} is attached to this e-mail as a PDF.`,
    amountToPay: 'Amount to pay',
    dueDate: 'Due date',
    variableSymbol: 'Variable symbol',
    iban: 'Account (IBAN)',
    orderNumber: 'Order',
    payByTransfer: 'Please pay by bank transfer with the variable symbol above.',
    qrInAttachment: 'The attached PDF has a QR Platba code that your banking app can scan.',
    queuedOnPayment: 'Once the payment arrives, the work joins the queue.',
    reminder: (orderNumber, due) => `The payment for order ${orderNumber} is due on ${due} and has not arrived yet.`,
    alreadyPaid: 'If you have already paid, do nothing: a transfer can take a day or two.',
    clientPays: 'The client pays by bank transfer with the variable symbol above.',
    qrForClient: 'The attached PDF has a QR Platba code for the client’s banking app.',
    recordIfPaid: 'If the payment is on the bank statement but not recorded here, record it on the request.',
  },
  review: {
    round: 'Round',
    reviewBy: 'Review by',
    reviewEnds: 'Review period ends',
    link: 'Link',
    rating: 'Rating',
    outOfFive: (rating) => `${rating} of 5`,
    reopenUntil: 'Can be reopened until',
    handedOver: (round, deadline) =>
      `Please review the delivery${round ? ` (round ${round})` : ''} by ${deadline}. If nobody answers by then, it is accepted as delivered.`,
    clientReviews: (round, deadline) =>
      `The client reviews the delivery${round ? ` (round ${round})` : ''} by ${deadline}: accepts it or requests changes. If nobody answers by then, it is accepted as delivered.`,
    howToDecide: 'In the portal, either accept the delivery (and rate it from 1 to 5 stars, if you like) or request changes and say what needs changing.',
    button: 'Review the delivery',
    reminder: (round, deadline) =>
      `The delivery${round ? ` (round ${round})` : ''} awaits your review until ${deadline}. Without an answer by then, it is accepted as delivered.`,
    clientReminded: (round, deadline) =>
      `The delivery${round ? ` (round ${round})` : ''} awaits the client’s review until ${deadline}. Without an answer by then, it is accepted as delivered.`,
    clientRemindedSummary: 'Reminder: the delivery awaits the client’s review',
    deemed: (deadline) => `Nobody accepted the delivery or requested changes by ${deadline}, when the review period ended, so it is accepted as delivered (deemed acceptance).`,
    changesRequested: (next) => `The agency works the changes in and hands the work over again for review (round ${next}).`,
    changesAskedFor: 'The changes asked for:',
    acceptanceComment: 'The comment given:',
    explained: (until) => `If the answer does not settle it, you can reopen the request with a comment until ${until}. Otherwise it closes by itself after that day.`,
    clientMayReopen: (until) => `If the answer does not settle it, the client can reopen the request with a comment until ${until}. Otherwise it closes by itself after that day.`,
    closedUnopened: (until) => `Nobody reopened the request by ${until}, so it closed by itself.`,
  },
  flagged: {
    internal: 'Internal – not visible to the client',
    why: (received, expected, reason) => `A payment of ${received} (the order: ${expected}) was not taken as paid: ${reason}.`,
    reasons: { amount: 'the amount differs', currency: 'the currency differs', not_awaiting: 'the request is not awaiting payment' },
    payment: 'Payment',
    source: 'Source',
    sources: { webhook: 'bank notification', agent: 'entered by the agency' },
    whatNow: 'Check the payment with the bank and settle it with the client. The request stays unpaid until someone marks it as paid.',
    resolved: (by, payment, amount, reason) => `${by} resolved payment ${payment} (${amount}), which was not taken as paid: ${reason}.`,
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
  blocked: {
    infectedSummary: 'Malware found in a file',
    failedSummary: 'A file could not be checked',
    infected: (fileName) => `The file ${fileName} contains malicious code (a virus or other malware). We blocked it, so nobody can download it or send it on.`,
    failed: (fileName) =>
      `The file ${fileName} could not be checked for malicious code, most often because it is a password-protected (encrypted) archive. Until it is checked, it cannot be downloaded or sent on.`,
    threat: 'Found',
    sentBy: 'Sent by',
    infectedWhatNow: 'Please check the computer the file came from with an antivirus program, then send us a clean copy of the file.',
    failedWhatNow: 'Please send the file again, unencrypted and without a password.',
    infectedAgency: 'The sender got the same news, asking for a clean copy. The file stays blocked; nothing else needs doing.',
    failedAgency: 'The sender got the same news, asking for an unencrypted copy. Until then, the file cannot be opened.',
  },
  account: {
    greeting: (name) => (name.trim() ? `Hello ${name.trim()},` : 'Hello,'),
    invitationSubject: (brandName) => `Your invitation to ${brandName}`,
    invitationHeading: 'You are invited',
    invitedTo: (brandName) => `You are invited to ${brandName}, where you can work on your requests with us.`,
    invitedToRequest: (brandName, requestId, title) => `You are invited to request #${requestId} “${title}” on ${brandName}.`,
    invitedToOrganisation: (brandName, organisation) => `You are invited to ${brandName} for ${organisation}, where you can work on your requests with us.`,
    validFor: (days) => `The temporary password works for ${days} days. If it expires, ask whoever invited you for a new invitation.`,
    username: 'Username',
    signInEmail: 'Sign in with',
    accountId: 'Your account ID (should you need to ask us)',
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
