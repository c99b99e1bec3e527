import { InboundMailEvent, InboundOutcome } from '../domain/mail/inbound-mail.js';
import { defineFunction } from './definition.js';

/**
 * The inbound-mail entry of the function table (lib/lambda/table.ts names it there). Its own
 * module so that its handler imports it alone: the table's other entries' schemas would cost its
 * bundle ~6 KB, which a MIME parser on the DynamoDB base can't spare under the 480 KB budget.
 */
export const inboundMailFunction = defineFunction({
  name: 'inbound-mail',
  summary: 'Post a reply by e-mail (stored by SES under mail/) as its sender’s message, after SES’s DMARC verdict, the reply token, the sender and their access are checked; otherwise refuse it, log why and answer at most once a day',
  trigger: { kind: 'inbound-mail' },
  actor: 'inbound-mail',
  schemas: { input: InboundMailEvent, output: InboundOutcome },
  access: { table: 'readWrite', bucket: { 'mail/': ['get'], 'orgs/': ['put'] }, mail: 'send', secrets: ['mail-links'] },
});
