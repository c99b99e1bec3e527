import type { ApiProblem } from './api/client.js';
import { fill, type Language, type Words } from './i18n.js';

type Sentence = 'network' | 'badInput' | 'signIn' | 'forbidden' | 'notFound' | 'conflict' | 'gone' | 'tooLarge' | 'busy' | 'unknown';

const words: Words<Sentence | 'details'> = {
  en: {
    network: 'The Helpdesk cannot be reached right now. Check your connection and try again; what you wrote is kept.',
    badInput: 'Some of what you entered needs a change: see the marked fields.',
    signIn: 'Your session has ended. Sign in again; what you wrote is kept.',
    forbidden: 'Your role does not allow this. Ask an administrator of your organisation.',
    notFound: 'This is not there, or it is not yours to see. Check the link, or go back to your requests.',
    conflict: 'Someone changed this in the meantime, so nothing was done. Reload the page to see where it stands, then try again.',
    gone: 'This link has expired. Open the request from your requests instead.',
    tooLarge: 'That is too large to send.',
    busy: 'The Helpdesk is busy. Try again in a moment; nothing was recorded.',
    unknown: 'Something went wrong on our side ({status}). Try again; what you wrote is kept.',
    details: 'What the Helpdesk said',
  },
  cs: {
    network: 'Helpdesk je teď nedostupný. Zkontrolujte připojení a zkuste to znovu; co jste napsali, zůstává.',
    badInput: 'Něco z vyplněného je potřeba upravit: podívejte se na označená pole.',
    signIn: 'Vaše přihlášení vypršelo. Přihlaste se znovu; co jste napsali, zůstává.',
    forbidden: 'Vaše role tohle neumožňuje. Obraťte se na správce své organizace.',
    notFound: 'Tohle tu není, nebo to nemáte vidět. Zkontrolujte odkaz, nebo se vraťte na své požadavky.',
    conflict: 'Mezitím to někdo změnil, takže se nic neprovedlo. Načtěte stránku znovu, ať vidíte aktuální stav, a zkuste to znovu.',
    gone: 'Platnost odkazu vypršela. Otevřete požadavek ze seznamu svých požadavků.',
    tooLarge: 'Tohle je na odeslání příliš velké.',
    busy: 'Helpdesk je vytížený. Zkuste to za chvíli znovu; nic se nezaznamenalo.',
    unknown: 'Na naší straně se něco pokazilo ({status}). Zkuste to znovu; co jste napsali, zůstává.',
    details: 'Co Helpdesk odpověděl',
  },
};

/**
 * A refusal as a sentence in the person's language: what happened and what to do. The API's
 * own words (English: its message and `next`) stay available as details for whoever wants them.
 */
export const sentenceOf = (problem: ApiProblem, language: Language): { sentence: string; details?: string; detailsLabel: string } => {
  const table = words[language];
  const key = sentenceByStatus[problem.status] ?? 'unknown';
  const said = [problem.message, problem.next].filter(Boolean).join(' — ');
  return { sentence: fill(table[key], { status: problem.status }), ...(said && problem.status !== 400 ? { details: said } : {}), detailsLabel: table.details };
};

/** Which sentence an answer's status gets (0: no answer at all); any other status is `unknown`. */
const sentenceByStatus: Partial<Record<number, Sentence>> = {
  0: 'network',
  400: 'badInput',
  401: 'signIn',
  403: 'forbidden',
  404: 'notFound',
  409: 'conflict',
  410: 'gone',
  413: 'tooLarge',
  429: 'busy',
  503: 'busy',
};

/** The reason a 400 gives for a field (`body.title`, `body.lines.0.unitPrice`), by the field's path. */
export const fieldProblems = (problem: ApiProblem | undefined): Map<string, string> =>
  new Map((problem?.status === 400 ? problem.details : []).map((detail) => [detail.field.replace(/^body\./, ''), detail.reason]));
