import { MessageRejected, SendEmailCommand, SESv2Client, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sesMailer } from '../../../lib/adapters/ses/ses-mailer.js';
import { MailRejectedError, type OutgoingMail } from '../../../lib/services/mail-ports.js';

const mail: OutgoingMail = {
  from: '"Digimadi Helpdesk" <helpdesk@digimadi.example>',
  to: 'petr@example.cz',
  subject: '[#2026-0042] New message: Web',
  html: '<p>Dobrý den</p>',
  text: 'Dobrý den\n',
  headers: { 'List-Unsubscribe': '<https://api.example/unsubscribe/abc.def>', 'Auto-Submitted': 'auto-generated' },
  tags: { request: '2026-0042', recipient: 'user/petr+1 š:x@y.z' },
};

const client = new SESv2Client({ region: 'eu-central-1', credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' }, maxAttempts: 1 });

/** Replaces the client's send; answers what `answer` gives, and keeps the commands it got. */
const sending = (answer: () => Promise<unknown>) => {
  const commands: SendEmailCommand[] = [];
  vi.spyOn(client, 'send').mockImplementation(async (command: unknown) => {
    commands.push(command as SendEmailCommand);
    return answer();
  });
  return commands;
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('sesMailer', () => {
  it('sends a Simple mail with UTF-8 HTML and text, our headers and the configuration set', async () => {
    const commands = sending(async () => ({ MessageId: 'ses-1', $metadata: {} }));
    await expect(sesMailer(client, 'orderdesk-dev').send(mail)).resolves.toEqual({ messageId: 'ses-1' });
    expect(commands).toHaveLength(1);
    const input = commands[0]?.input;
    expect(commands[0]).toBeInstanceOf(SendEmailCommand);
    expect(input?.FromEmailAddress).toBe(mail.from);
    expect(input?.Destination).toEqual({ ToAddresses: ['petr@example.cz'] });
    expect(input?.ConfigurationSetName).toBe('orderdesk-dev');
    expect(input?.Content?.Simple).toEqual({
      Subject: { Data: mail.subject, Charset: 'UTF-8' },
      Body: { Html: { Data: mail.html, Charset: 'UTF-8' }, Text: { Data: mail.text, Charset: 'UTF-8' } },
      Headers: [
        { Name: 'List-Unsubscribe', Value: '<https://api.example/unsubscribe/abc.def>' },
        { Name: 'Auto-Submitted', Value: 'auto-generated' },
      ],
    });
  });

  it('names no configuration set when none is given', async () => {
    const commands = sending(async () => ({ MessageId: 'ses-2', $metadata: {} }));
    await sesMailer(client).send(mail);
    expect(commands[0]?.input.ConfigurationSetName).toBeUndefined();
  });

  it('keeps only the characters SES allows in tag values', async () => {
    const commands = sending(async () => ({ MessageId: 'ses-3', $metadata: {} }));
    await sesMailer(client).send(mail);
    expect(commands[0]?.input.EmailTags).toEqual([
      { Name: 'request', Value: '2026-0042' },
      { Name: 'recipient', Value: 'user_petr_1___x@y.z' },
    ]);
  });

  it('turns SES’s MessageRejected into a final MailRejectedError, keeping the cause', async () => {
    const rejected = new MessageRejected({ message: 'Email address is not verified.', $metadata: {} });
    sending(async () => Promise.reject(rejected));
    const error = await sesMailer(client).send(mail).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailRejectedError);
    expect((error as Error).cause).toBe(rejected);
    expect((error as Error).message).toContain('MessageRejected');
  });

  it('rethrows throttling as it is, to be retried', async () => {
    const throttled = new TooManyRequestsException({ message: 'Too many requests', $metadata: {} });
    sending(async () => Promise.reject(throttled));
    const error = await sesMailer(client).send(mail).catch((e: unknown) => e);
    expect(error).toBe(throttled);
    expect(error).not.toBeInstanceOf(MailRejectedError);
  });

  it('rethrows an error that is not SES’s as it is, whatever its name', async () => {
    const down = Object.assign(new Error('socket hang up'), { name: 'MessageRejected' });
    sending(async () => Promise.reject(down));
    await expect(sesMailer(client).send(mail)).rejects.toBe(down);
  });

  it('fails when SES answers without a message id', async () => {
    sending(async () => ({ $metadata: {} }));
    const error = await sesMailer(client).send(mail).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(MailRejectedError);
    expect((error as Error).message).toMatch(/message id/);
  });
});
