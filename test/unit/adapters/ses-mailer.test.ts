import { describe, expect, it } from 'vitest';
import { AwsApiError } from '../../../lib/adapters/aws/signed-json.js';
import { sesMailer, sesMessageIdHeader, type SesTarget } from '../../../lib/adapters/ses/ses-mailer.js';
import { MailRejectedError, type OutgoingMail } from '../../../lib/services/ports/mail.js';

const mail: OutgoingMail = {
  from: '"Digimadi Helpdesk" <helpdesk@digimadi.example>',
  to: 'petr@example.cz',
  subject: '[#2026-0042] New message: Web',
  html: '<p>Dobrý den</p>',
  text: 'Dobrý den\n',
  headers: { 'List-Unsubscribe': '<https://api.example/unsubscribe/abc.def>', 'Auto-Submitted': 'auto-generated' },
  tags: { request: '2026-0042', recipient: 'user/petr+1 š:x@y.z' },
};

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** SES as fetch sees it: answers `status`, `body` and headers, and keeps each request it got. */
const ses = (status: number, body: unknown, headers: Record<string, string> = {}, configurationSet?: string) => {
  const sent: Sent[] = [];
  const fetch = (async (url: URL, init: RequestInit) => {
    sent.push({ url: String(url), method: String(init.method), headers: init.headers as Record<string, string>, body: JSON.parse(String(init.body)) as Record<string, unknown> });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
  }) as typeof globalThis.fetch;
  const target: SesTarget = {
    region: 'eu-central-1',
    endpoint: 'https://email.eu-central-1.amazonaws.com',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test', sessionToken: 'session' },
    configurationSet,
    fetch,
  };
  return { mailer: sesMailer(() => target), sent };
};

describe('sesMailer', () => {
  it('posts SendEmail as a Simple mail with UTF-8 HTML and text, our headers and the configuration set, signed for SES', async () => {
    const { mailer, sent } = ses(200, { MessageId: 'ses-1' }, {}, 'orderdesk-dev');
    await expect(mailer.send(mail)).resolves.toEqual({ messageId: 'ses-1', messageIdHeader: '<ses-1@eu-central-1.amazonses.com>' });
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request).toMatchObject({ url: 'https://email.eu-central-1.amazonaws.com/v2/email/outbound-emails', method: 'POST' });
    expect(request!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/eu-central-1\/ses\/aws4_request, SignedHeaders=[^,]*host[^,]*, Signature=[0-9a-f]{64}$/);
    expect(request!.headers['x-amz-security-token']).toBe('session');
    expect(request!.body.FromEmailAddress).toBe(mail.from);
    expect(request!.body.Destination).toEqual({ ToAddresses: ['petr@example.cz'] });
    expect(request!.body.ConfigurationSetName).toBe('orderdesk-dev');
    expect(request!.body).not.toHaveProperty('ReplyToAddresses');
    expect((request!.body.Content as { Simple: unknown }).Simple).toEqual({
      Subject: { Data: mail.subject, Charset: 'UTF-8' },
      Body: { Html: { Data: mail.html, Charset: 'UTF-8' }, Text: { Data: mail.text, Charset: 'UTF-8' } },
      Headers: [
        { Name: 'List-Unsubscribe', Value: '<https://api.example/unsubscribe/abc.def>' },
        { Name: 'Auto-Submitted', Value: 'auto-generated' },
      ],
    });
  });

  it('has SES write the Reply-To from ReplyToAddresses, and the threading headers as they are', async () => {
    const { mailer, sent } = ses(200, { MessageId: 'ses-r' });
    const threading = { 'In-Reply-To': '<a@eu-central-1.amazonses.com>', References: '<f@eu-central-1.amazonses.com> <a@eu-central-1.amazonses.com>' };
    await mailer.send({ ...mail, replyTo: 'reply+abc@reply.digimadi.example', headers: threading });
    expect(sent[0]!.body.ReplyToAddresses).toEqual(['reply+abc@reply.digimadi.example']);
    expect((sent[0]!.body.Content as { Simple: { Headers: unknown } }).Simple.Headers).toEqual([
      { Name: 'In-Reply-To', Value: threading['In-Reply-To'] },
      { Name: 'References', Value: threading.References },
    ]);
  });

  it('knows the Message-ID SES gives a mail: the region’s amazonses.com, email.amazonses.com in us-east-1', () => {
    expect(sesMessageIdHeader('0107018c1a2b3c4d-5e6f7a8b-9c0d-1e2f-3a4b-5c6d7e8f9a0b-000000', 'eu-central-1')).toBe(
      '<0107018c1a2b3c4d-5e6f7a8b-9c0d-1e2f-3a4b-5c6d7e8f9a0b-000000@eu-central-1.amazonses.com>',
    );
    expect(sesMessageIdHeader('0100018c-x', 'us-east-1')).toBe('<0100018c-x@email.amazonses.com>');
    expect(sesMessageIdHeader('a b>\r\nBcc: x', 'eu-central-1')).toBeUndefined();
  });

  it('sends no Attachments when the mail has none', async () => {
    const { mailer, sent } = ses(200, { MessageId: 'ses-a' });
    await mailer.send({ ...mail, attachments: [] });
    expect((sent[0]!.body.Content as { Simple: Record<string, unknown> }).Simple).not.toHaveProperty('Attachments');
  });

  it('attaches files as Simple attachments: the bytes base64 in the JSON and in the MIME part, as attachments', async () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0xff, 0xfe, 0x80]);
    // A view into a larger buffer: only its own bytes go.
    const backing = new Uint8Array(pdf.byteLength + 8).fill(0x41);
    backing.set(pdf, 4);
    const view = backing.subarray(4, 4 + pdf.byteLength);
    const { mailer, sent } = ses(200, { MessageId: 'ses-pdf' });
    await mailer.send({ ...mail, attachments: [{ fileName: 'OBJ-2026-0042.pdf', contentType: 'application/pdf', content: view }] });
    const simple = (sent[0]!.body.Content as { Simple: { Attachments: Record<string, string>[]; Body: unknown } }).Simple;
    expect(simple.Attachments).toEqual([
      { FileName: 'OBJ-2026-0042.pdf', ContentType: 'application/pdf', ContentDisposition: 'ATTACHMENT', ContentTransferEncoding: 'BASE64', RawContent: Buffer.from(pdf).toString('base64') },
    ]);
    expect(new Uint8Array(Buffer.from(simple.Attachments[0]!.RawContent!, 'base64'))).toEqual(pdf);
    expect(simple.Body).toEqual({ Html: { Data: mail.html, Charset: 'UTF-8' }, Text: { Data: mail.text, Charset: 'UTF-8' } });
  });

  it('names no configuration set when none is given', async () => {
    const { mailer, sent } = ses(200, { MessageId: 'ses-2' });
    await mailer.send(mail);
    expect(sent[0]!.body).not.toHaveProperty('ConfigurationSetName');
  });

  it('keeps only the characters SES allows in tag values', async () => {
    const { mailer, sent } = ses(200, { MessageId: 'ses-3' });
    await mailer.send(mail);
    expect(sent[0]!.body.EmailTags).toEqual([
      { Name: 'request', Value: '2026-0042' },
      { Name: 'recipient', Value: 'user_petr_1___x@y.z' },
    ]);
  });

  it('tags a mail with the correlation id of its entry’s action as SES allows it (an API call’s `=` and the workflow’s `:` as `_`)', async () => {
    const { mailer, sent } = ses(200, { MessageId: 'ses-4' });
    await mailer.send({ ...mail, tags: { 'correlation-id': 'JKJaXmPLvHcESHA=' } });
    await mailer.send({ ...mail, tags: { 'correlation-id': 'workflow:2026-0042-m1abc-1a2b3c4d' } });
    expect(sent.map((request) => request.body.EmailTags)).toEqual([
      [{ Name: 'correlation-id', Value: 'JKJaXmPLvHcESHA_' }],
      [{ Name: 'correlation-id', Value: 'workflow_2026-0042-m1abc-1a2b3c4d' }],
    ]);
  });

  it('turns SES’s MessageRejected into a final MailRejectedError, keeping the cause', async () => {
    const { mailer } = ses(400, { message: 'Email address is not verified.' }, { 'x-amzn-errortype': 'MessageRejected:http://internal.amazon.com/coral/com.amazonaws.sesv2/' });
    const error = await mailer.send(mail).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailRejectedError);
    expect((error as Error).cause).toBeInstanceOf(AwsApiError);
    expect((error as Error).message).toContain('MessageRejected');
  });

  it('rethrows throttling and outages as they are, to be retried', async () => {
    for (const [status, type] of [
      [429, 'TooManyRequestsException'],
      [503, 'ServiceUnavailable'],
    ] as const) {
      const { mailer } = ses(status, { message: 'slow down' }, { 'x-amzn-errortype': type });
      const error = await mailer.send(mail).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AwsApiError);
      expect(error).toMatchObject({ errorType: type, status });
      expect(error).not.toBeInstanceOf(MailRejectedError);
    }
  });

  it('fails when SES answers without a message id', async () => {
    const { mailer } = ses(200, {});
    const error = await mailer.send(mail).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(MailRejectedError);
    expect(String(error)).toMatch(/message id/);
  });
});
