import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { sendMailThroughSes } = require('../../../local/cognito-mail-sender.cjs') as {
  sendMailThroughSes: (sender: unknown, options: { sesUrl: string; from: string; retryDelaysMs?: number[] }) => void;
};

type Message = { __code?: string; emailSubject?: string; emailMessage?: string };
interface Sender {
  sendEmail(ctx: unknown, user: unknown, destination: string, message: Message): Promise<void>;
}

/** A stand-in for cognito-local's ConsoleMessageSender, noting what it printed. */
const consoleSender = () => {
  const printed: string[] = [];
  class ConsoleSender {
    sendEmail(_ctx: unknown, _user: unknown, destination: string) {
      printed.push(destination);
      return Promise.resolve();
    }
  }
  return { Sender: ConsoleSender as new () => Sender, printed };
};

const ctx = { logger: { info: () => undefined } };
const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A fake SES that answers each send with the next status (200 once they run out) and keeps the bodies. */
const fakeSes = async (statuses: number[]) => {
  const bodies: unknown[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const status = statuses.shift() ?? 200;
      if (status === 200) bodies.push({ path: req.url, authorization: req.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status === 200 ? { MessageId: `m-${bodies.length}` } : { message: 'no' }));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bodies };
};

describe("cognito-local's e-mails, sent through the local SES server", () => {
  it('sends what the trigger wrote as SES v2 SendEmail, after printing it, through throttling and an outage', async () => {
    const ses = await fakeSes([429, 503]);
    const { Sender, printed } = consoleSender();
    sendMailThroughSes(Sender, { sesUrl: ses.url, from: 'helpdesk@orderdesk.local', retryDelaysMs: [1, 1, 1] });
    await new Sender().sendEmail(ctx, {}, 'petr@acme.example', { __code: '123456', emailSubject: 'Reset', emailMessage: '<p>123456</p>' });
    expect(printed).toEqual(['petr@acme.example']);
    expect(ses.bodies).toEqual([
      {
        path: '/v2/email/outbound-emails',
        authorization: expect.stringMatching(/^AWS/),
        body: {
          FromEmailAddress: 'helpdesk@orderdesk.local',
          Destination: { ToAddresses: ['petr@acme.example'] },
          Content: { Simple: { Subject: { Data: 'Reset', Charset: 'UTF-8' }, Body: { Html: { Data: '<p>123456</p>', Charset: 'UTF-8' } } } },
        },
      },
    ]);
  });

  it('waits for a server that is not listening yet', async () => {
    const ses = await fakeSes([]);
    const { Sender } = consoleSender();
    const { port } = new URL(ses.url);
    await new Promise((resolve) => servers.pop()!.close(resolve));
    sendMailThroughSes(Sender, { sesUrl: ses.url, from: 'helpdesk@orderdesk.local', retryDelaysMs: [20, 20, 200] });
    const sent = new Sender().sendEmail(ctx, {}, 'petr@acme.example', { __code: '654321' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const late = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => (res.writeHead(200), res.end(JSON.stringify({ MessageId: 'late' }))));
    });
    servers.push(late);
    await new Promise<void>((resolve) => late.listen(Number(port), '127.0.0.1', resolve));
    await expect(sent).resolves.toBeUndefined();
  });

  it('fails the Cognito call when SES refuses the mail, rather than losing it', async () => {
    const ses = await fakeSes([400]);
    const { Sender } = consoleSender();
    sendMailThroughSes(Sender, { sesUrl: ses.url, from: 'helpdesk@orderdesk.local', retryDelaysMs: [1, 1] });
    await expect(new Sender().sendEmail(ctx, {}, 'petr@acme.example', { __code: '1' })).rejects.toThrow(/did not take the mail to petr@acme.example: 400/);
    expect(ses.bodies).toEqual([]);
  });
});
