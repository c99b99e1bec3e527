import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { InboundOutcome } from '../../lib/domain/mail/inbound-mail.js';
import { routes } from '../../lib/http/routes.js';
import { stringsFor } from '../../lib/mail/strings.js';
import { inboundFolder } from '../../local/inbound-folder.js';
import { receiveLocally, type DmarcVerdict } from '../../local/inbound-mail.js';
import { asDemoUser, ok, people, type Client } from '../support/api-client.js';
import { eml, type EmlOptions } from '../support/eml.js';
import { freshOrganisation } from '../support/fresh-organisation.js';
import { recipientOf, replyAddressOf, waitForMails, type SentMail } from '../support/mailbox.js';

const root = path.resolve(import.meta.dirname, '../..');
const stack = () => inject('stack');

/** A mail as the local SES server keeps it, with the reply address it was sent with. */

/** Receives a mail through the stack as SES would (the module `npm run inbound` uses); fails on a function error. */
const receive = async (mail: EmlOptions | Buffer, dmarc: DmarcVerdict = 'pass'): Promise<InboundOutcome> => {
  const run = await receiveLocally(stack(), Buffer.isBuffer(mail) ? mail : Buffer.from(eml(mail), 'utf8'), { dmarc });
  if ('error' in run) throw new Error(`inbound-mail failed: ${run.error.errorType}: ${run.error.errorMessage}`);
  return run.outcome;
};

const timelineOf = async (client: Client, requestId: string) => ok(await client.send(routes.listTimeline, { path: { requestId }, query: { limit: 100 } })).items;

const newText = 'Ano, stačí jen úvodní stránka.\n\nMilan';
/** A reply as Gmail writes it in Czech: the new text above the attribution and the quote. */
const czechReply = (from: string, to: string, more: Partial<EmlOptions> = {}): EmlOptions => ({
  from,
  to,
  text: `${newText}\n\nDne st 25. 11. 2026 v 10:00 odesílatel Eva Agentová <${people.agent}> napsal:\n> Dobrý den, upřesníte rozsah?\n`,
  ...more,
});

/** A request of a fresh organisation filed by its member, with an agent's message mailed to them (and so their reply address). */
const conversation = async () => {
  const org = await freshOrganisation('Inbound');
  const eva = await asDemoUser(people.agent);
  const { requestId } = ok(await org.member.send(routes.createRequest, { body: { type: 'inquiry', title: 'Odpovědi e-mailem', description: 'Zkouška.', platform: 'azami' } }));
  await waitForMails(requestId, (mails) => mails.length >= 3);
  ok(await eva.send(routes.postMessage, { path: { requestId }, body: { body: 'Dobrý den, upřesníte rozsah?' } }));
  await waitForMails(requestId, (mails) => mails.some((mail) => recipientOf(mail) === org.emails.member.toLowerCase()));
  return { ...org, eva, requestId, replyTo: await replyAddressOf(requestId, org.emails.member) };
};

describe('a reply by e-mail', () => {
  it('to a real notification’s Reply-To, through `npm run inbound`, posts the new text as the recipient’s message and mails the others', async () => {
    const { requestId, replyTo, member, emails } = await conversation();
    expect(replyTo).toMatch(/^reply\+[a-z2-7]{55}@reply\.orderdesk\.local$/);
    const before = await timelineOf(member, requestId);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'orderdesk-reply-')), 'reply.eml');
    fs.writeFileSync(file, eml(czechReply(`Milan Member <${emails.member}>`, `"Azami Helpdesk" <${replyTo}>`)));

    // The CLI against this test stack: it finds it by the data dir, as it finds `npm start`'s.
    const cli = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bin/inbound.ts'), file], { cwd: root, env: { ...process.env, ORDERDESK_DATA_DIR: stack().dataDir } });
    let output = '';
    cli.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    cli.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => cli.on('close', resolve));
    expect(code, output).toBe(0);
    const outcome = InboundOutcome.parse(JSON.parse(output));
    expect(outcome).toMatchObject({ outcome: 'posted', requestId, userId: member.userId, sender: emails.member.toLowerCase() });

    const after = await timelineOf(member, requestId);
    expect(after).toHaveLength(before.length + 1);
    const entry = after.find((item) => outcome.outcome === 'posted' && item.entryId === outcome.entryId);
    expect(entry).toMatchObject({ kind: 'message', body: newText, format: 'text', actorType: 'person', actorId: member.userId, visibility: 'all' });

    // The others are mailed as for any message of theirs; the one who wrote it is not.
    const summary = stringsFor('cs').summaries.message;
    const replied = (mail: SentMail) => mail.subject.includes(summary) && mail.body.text?.includes('Ano, stačí jen úvodní stránka.') === true;
    // Each recipient's mail goes out on its own: wait for the admin's, not just the first one.
    const mails = await waitForMails(requestId, (all) => all.some((mail) => replied(mail) && recipientOf(mail) === emails.admin.toLowerCase()));
    const theirs = mails.filter(replied);
    expect(theirs.map(recipientOf)).toContain(emails.admin.toLowerCase());
    expect(theirs.map(recipientOf)).not.toContain(emails.member.toLowerCase());
    for (const mail of theirs) expect(mail.body.text).not.toContain('upřesníte rozsah?');
  });

  it('dropped into the stack’s inbound folder is received the same way and moved to done/', async () => {
    const { requestId, replyTo, member, emails } = await conversation();
    const folder = inboundFolder(stack().dataDir);
    const name = `${randomUUID()}.eml`;
    // Written elsewhere and moved in, as a mail client or `cp` would leave it whole.
    const staged = path.join(folder, `.${name}.part`);
    fs.writeFileSync(staged, eml(czechReply(emails.member, replyTo)));
    fs.renameSync(staged, path.join(folder, name));
    const done = path.join(folder, 'done', name);
    const until = Date.now() + 15_000;
    while (!fs.existsSync(done) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fs.existsSync(done)).toBe(true);
    const outcome = InboundOutcome.parse(JSON.parse(fs.readFileSync(done.replace(/\.eml$/, '.json'), 'utf8')));
    expect(outcome).toMatchObject({ outcome: 'posted', requestId });
    expect((await timelineOf(member, requestId)).some((item) => item.kind === 'message' && item.body === newText)).toBe(true);
  });
});

describe('refused replies post nothing and say why', () => {
  it('a forged token, another sender with a valid token, a failed DMARC verdict, an auto-reply and a 30 MB mail', async () => {
    const { requestId, replyTo, member, emails } = await conversation();
    const before = await timelineOf(member, requestId);
    const forgedToken = `reply+${Array.from(randomBytes(55), (byte) => 'abcdefghijklmnopqrstuvwxyz234567'[byte % 32]).join('')}@reply.orderdesk.local`;
    const big = randomBytes(22 * 1024 * 1024);
    const cases: { what: string; mail: EmlOptions; dmarc?: DmarcVerdict; expected: Partial<InboundOutcome> }[] = [
      { what: 'a forged token', mail: czechReply(emails.member, forgedToken), expected: { outcome: 'refused', reason: 'forged-token' } },
      { what: 'another sender with a valid token', mail: czechReply(emails.admin, replyTo), expected: { outcome: 'refused', reason: 'wrong-sender', requestId } },
      { what: 'a failed DMARC verdict', mail: czechReply(emails.member, replyTo), dmarc: 'fail', expected: { outcome: 'refused', reason: 'dmarc', answered: false } },
      {
        what: 'an auto-reply',
        mail: czechReply(emails.member, replyTo, { text: 'Jsem mimo kancelář.', headers: [['Auto-Submitted', 'auto-replied']] }),
        expected: { outcome: 'dropped', reason: 'auto-submitted', answered: false },
      },
      {
        what: 'a 30 MB mail',
        mail: czechReply(emails.member, replyTo, { files: [{ fileName: 'velky.pdf', contentType: 'application/pdf', content: big }] }),
        expected: { outcome: 'refused', reason: 'too-large' },
      },
    ];
    for (const { what, mail, dmarc, expected } of cases) {
      const outcome = await receive(mail, dmarc);
      expect(outcome, what).toMatchObject(expected);
      expect(outcome.sender, what).toBe(mail.from.toLowerCase());
    }
    expect(await timelineOf(member, requestId)).toEqual(before);
  });

  it('a participant removed from the request', async () => {
    const { requestId, admin, member } = await conversation();
    const invitee = `inbound.${randomUUID().slice(0, 8)}@partner.example`;
    ok(await admin.send(routes.inviteParticipant, { path: { requestId }, body: { email: invitee, name: 'Pavla Partnerová' } }));
    await waitForMails(requestId, (mails) => mails.some((mail) => recipientOf(mail) === invitee));
    const replyTo = await replyAddressOf(requestId, invitee);
    const [participant] = ok(await admin.send(routes.listParticipants, { path: { requestId } }));
    expect((await admin.send(routes.removeParticipant, { path: { requestId, userId: participant!.userId } })).status).toBe(204);
    const before = await timelineOf(member, requestId);
    expect(await receive(czechReply(invitee, replyTo))).toMatchObject({ outcome: 'refused', reason: 'no-access', requestId, sender: invitee });
    expect(await timelineOf(member, requestId)).toEqual(before);
  });
});
