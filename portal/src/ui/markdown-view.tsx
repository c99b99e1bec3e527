import { renderBody } from '../../../lib/mail/markdown.js';

/**
 * A message as the mails show it: the same renderer (lib/mail/markdown.ts), without its inline
 * styles (the portal's style sheet styles `.markdown`). Its output is escaped markup made by the
 * `html` tag only, so it is safe to insert.
 */
export const MarkdownView = ({ source, format = 'markdown' }: { source: string; format?: 'markdown' | 'text' }) => (
  <div class="markdown" dangerouslySetInnerHTML={{ __html: renderBody(source, format, { inlineStyles: false }).toString() }} />
);
