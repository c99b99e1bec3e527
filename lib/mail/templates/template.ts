import type { SafeHtml } from '../html.js';
import type { Strings } from '../strings.js';
import type { MailContext } from '../mail-context.js';

/** What a template gets: the context and the recipient's strings. */
export interface TemplateInput {
  context: MailContext;
  t: Strings;
  /** The brand's primary colour, checked: for links and highlights. */
  primary: string;
}

/** What a template makes: the words for the subject and the content in both formats. The frame
 * (header, who acted and when, button, footer) is the same for all and added by render-mail. */
export interface MailParts {
  /** Short: what happened, e.g. "New message". Goes into the subject and the headline. */
  summary: string;
  html: SafeHtml;
  text: string;
  /** The inbox preview, plain text. */
  preheader: string;
  /** The button's words when "Open the request" says too little (e.g. "Review the offer"); it still leads to the request. */
  button?: string;
}

export type Template = (input: TemplateInput) => MailParts;

/**
 * Whether the recipient decides for the client organisation (its admins and members): only they
 * are asked to decide on an offer, review a delivery, reopen an answer or pay; the agency and
 * invited participants are told what happened and that the client decides. The rule of
 * `decidesForClient` (lib/domain/access.ts), which the renderer does not import: it would bring zod.
 */
export const decidesForClient = ({ recipient }: Pick<MailContext, 'recipient'>): boolean => recipient.access === 'org_admin' || recipient.access === 'org_member';
