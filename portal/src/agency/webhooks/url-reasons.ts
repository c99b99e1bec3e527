import type { Language, Words } from '../../words.js';

/**
 * Why the API refused a subscription's URL, in the person's language. The API words each rule
 * (lib/services/webhooks/subscriptions.ts, `urlReasons`); its sentences are recognised here by
 * their start and said anew. A reason not known here goes to the field as the API gave it
 * (field-reasons.ts then words zod's own messages, or introduces the API's words in Czech).
 */
type UrlReason = 'notUrl' | 'scheme' | 'schemeLocal' | 'credentials' | 'port' | 'privateAddress' | 'unresolved' | 'resolvesPrivate';

const patterns: [RegExp, UrlReason][] = [
  [/^is not a URL/, 'notUrl'],
  [/^only https URLs \(and, on this local stack/, 'schemeLocal'],
  [/^only https URLs/, 'scheme'],
  [/^must hold no user name or password/, 'credentials'],
  [/^only the default port/, 'port'],
  [/^this address is in a private network/, 'privateAddress'],
  [/^this host name does not resolve/, 'unresolved'],
  [/^this host name resolves to an address in a private network/, 'resolvesPrivate'],
];

const words: Words<UrlReason> = {
  en: {
    notUrl: 'This is not a web address. Write it whole, like https://hooks.example.com/orderdesk.',
    scheme: 'The address must start with https://: deliveries go over encrypted connections only.',
    schemeLocal: 'The address must start with https:// (on this local stack, http://127.0.0.1:<port> works too).',
    credentials: 'Leave the user name and password out of the address: the receiver knows deliveries by their signature.',
    port: 'Use the default port (443) or one above 1023.',
    privateAddress: 'This address is in a private network, on this machine or link-local: webhooks go to public addresses only.',
    unresolved: 'This host name does not exist (it does not resolve). Check it for a typo.',
    resolvesPrivate: 'This host name points to a private network, this machine or a link-local address: webhooks go to public addresses only.',
  },
  cs: {
    notUrl: 'Tohle není webová adresa. Napište ji celou, např. https://hooks.example.com/orderdesk.',
    scheme: 'Adresa musí začínat https://: doručuje se jen šifrovaným spojením.',
    schemeLocal: 'Adresa musí začínat https:// (na tomto lokálním stacku funguje i http://127.0.0.1:<port>).',
    credentials: 'Uživatelské jméno a heslo do adresy nepatří: příjemce pozná doručení podle podpisu.',
    port: 'Použijte výchozí port (443), nebo port vyšší než 1023.',
    privateAddress: 'Tahle adresa je v privátní síti, na tomto stroji nebo link-local: webhooky se posílají jen na veřejné adresy.',
    unresolved: 'Tento název serveru neexistuje (nedá se přeložit). Zkontrolujte, jestli v něm není překlep.',
    resolvesPrivate: 'Tento název serveru vede do privátní sítě, na tento stroj nebo na link-local adresu: webhooky se posílají jen na veřejné adresy.',
  },
};

/** The reason for `body.url` as a sentence in `language`, or the API's own when it is none of the known rules. */
export const urlReason = (reason: string, language: Language): string => {
  const known = patterns.find(([pattern]) => pattern.test(reason));
  return known ? words[language][known[1]] : reason;
};

const otherWords: Words<'noEvents' | 'noOrganisation'> = {
  en: {
    noEvents: 'Choose at least one event.',
    noOrganisation: 'This organisation is not there any more. Choose another, or all organisations.',
  },
  cs: {
    noEvents: 'Vyberte alespoň jednu událost.',
    noOrganisation: 'Tahle organizace už neexistuje. Vyberte jinou, nebo všechny organizace.',
  },
};

/** The reason for `body.eventTypes` or `body.orgId` in the page's words where it knows the rule. */
export const choiceReason = (field: 'eventTypes' | 'orgId', reason: string, language: Language): string => {
  if (field === 'eventTypes' && /expected array to have >=1 items/.test(reason)) return otherWords[language].noEvents;
  if (field === 'orgId' && /no organisation has this id/.test(reason)) return otherWords[language].noOrganisation;
  return reason;
};
