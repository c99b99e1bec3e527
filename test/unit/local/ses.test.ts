import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { freePorts } from '../../../local/ports.js';
import { sentMailFile, startSes } from '../../../local/ses.js';

const dirs: string[] = [];
const stops: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const dataDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orderdesk-ses-'));
  dirs.push(dir);
  return dir;
};

const start = async (dir: string, log: (line: string) => void = () => undefined) => {
  const [port] = await freePorts(1);
  const ses = await startSes('127.0.0.1', port!, dir, log);
  stops.push(ses.stop);
  return ses;
};

/** One SES v2 SendEmail, as the SDK posts it (the local server wants some AWS authorization). */
const send = async (endpoint: string, to: string, subject: string) => {
  const response = await fetch(`${endpoint}/v2/email/outbound-emails`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/eu-central-1/ses/aws4_request' },
    body: JSON.stringify({
      FromEmailAddress: 'helpdesk@orderdesk.local',
      Destination: { ToAddresses: [to] },
      Content: { Simple: { Subject: { Data: subject }, Body: { Text: { Data: `Hello ${to}` } }, Headers: [{ Name: 'List-Unsubscribe', Value: '<http://x/unsubscribe/t>' }] } },
    }),
  });
  expect(response.status).toBe(200);
};

const Store = z.object({ emails: z.array(z.looseObject({ messageId: z.string(), subject: z.string() })) });
const inbox = async (endpoint: string) => Store.parse(await (await fetch(`${endpoint}/store`)).json()).emails;

describe('the local SES server', () => {
  it('keeps every mail it accepted under the data dir and shows them again after a restart, headers included', async () => {
    const dir = dataDir();
    const first = await start(dir);
    await send(first.endpoint, 'a@example.com', 'one');
    await send(first.endpoint, 'b@example.com', 'two');
    const before = await inbox(first.endpoint);
    expect(before.map((mail) => mail.subject)).toEqual(['one', 'two']);
    await stops.pop()!();

    const second = await start(dir);
    expect(await inbox(second.endpoint)).toEqual(before);
    expect(before[0]).toMatchObject({ headers: [{ name: 'List-Unsubscribe', value: '<http://x/unsubscribe/t>' }] });
    await send(second.endpoint, 'c@example.com', 'three');
    await stops.pop()!();

    const third = await start(dir);
    expect((await inbox(third.endpoint)).map((mail) => mail.subject)).toEqual(['one', 'two', 'three']);
  });

  it('keeps nothing of a stack with another data dir', async () => {
    const first = await start(dataDir());
    await send(first.endpoint, 'a@example.com', 'elsewhere');
    await stops.pop()!();
    const other = await start(dataDir());
    expect(await inbox(other.endpoint)).toEqual([]);
  });

  it('forgets what the inbox page clears', async () => {
    const dir = dataDir();
    const first = await start(dir);
    await send(first.endpoint, 'a@example.com', 'cleared');
    expect((await fetch(`${first.endpoint}/clear-store`, { method: 'POST' })).status).toBe(200);
    await send(first.endpoint, 'a@example.com', 'after the clear');
    await stops.pop()!();
    const second = await start(dir);
    expect((await inbox(second.endpoint)).map((mail) => mail.subject)).toEqual(['after the clear']);
  });

  it('leaves out a mail cut short by a kill, and keeps the next one on a line of its own', async () => {
    const dir = dataDir();
    const first = await start(dir);
    await send(first.endpoint, 'a@example.com', 'whole');
    await stops.pop()!();
    fs.appendFileSync(sentMailFile(dir), '{"messageId":"ses-cut","subj');
    const said: string[] = [];
    const second = await start(dir, (line) => said.push(line));
    expect(said).toEqual([`mail: left out 1 unreadable lines of ${sentMailFile(dir)}`]);
    await send(second.endpoint, 'a@example.com', 'next');
    await stops.pop()!();
    const third = await start(dir);
    expect((await inbox(third.endpoint)).map((mail) => mail.subject)).toEqual(['whole', 'next']);
  });

  it('answers only the mails about one request, or to one address, when asked', async () => {
    const server = await start(dataDir());
    await send(server.endpoint, 'a@example.com', '[#2026-0007] Nová zpráva');
    await send(server.endpoint, 'B@example.com', '[#2026-0008] Nová zpráva');
    await send(server.endpoint, 'b@example.com', '[#2026-0007] Změna stavu');
    const filtered = async (query: string) => (Store.parse(await (await fetch(`${server.endpoint}/store?${query}`)).json()).emails).map((mail) => mail.subject);
    expect(await filtered('about=2026-0007')).toEqual(['[#2026-0007] Nová zpráva', '[#2026-0007] Změna stavu']);
    expect(await filtered('to=b%40example.com')).toEqual(['[#2026-0008] Nová zpráva', '[#2026-0007] Změna stavu']);
    expect(await filtered('about=2026-0009')).toEqual([]);
    expect((await inbox(server.endpoint)).length).toBe(3);
  });
});
