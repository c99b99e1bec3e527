import { describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError } from '../../../lib/domain/errors.js';
import {
  exportablePerson,
  fateOf,
  formerUserId,
  formerUserName,
  keptReasons,
  mustMayErase,
  namesPerson,
  personExport,
  taxKeepUntil,
  type Fate,
  type PersonRef,
  type StoredItem,
} from '../../../lib/domain/privacy.js';
import type { User } from '../../../lib/domain/user.js';

const erasedAt = new Date('2026-11-25T10:00:00.000Z');
const id = '0b6f8a52-erased';
const email = 'xenie.vymazova@acme.example';
const name = 'Xenie Výmazová';
const person: PersonRef = { userId: id, email, name };
const other = 'c2d1-someone-else';

const item = (pk: string, sk: string, attributes: Record<string, unknown>, indexKeys: Record<string, string> = {}): StoredItem => ({ key: { pk, sk }, indexKeys, attributes });
const fate = (stored: StoredItem, who: PersonRef = person): Fate => fateOf(stored, who, erasedAt);
const rewritten = (stored: StoredItem) => {
  const result = fate(stored);
  if (result.action !== 'rewrite') throw new Error(`expected a rewrite, got ${JSON.stringify(result)}`);
  return result;
};
const text = (value: unknown) => JSON.stringify(value);
/** The attributes a rewrite for `who` writes. */
const rewrittenFor = (stored: StoredItem, who: PersonRef) => {
  const result = fateOf(stored, who, erasedAt);
  if (result.action !== 'rewrite') throw new Error(`expected a rewrite, got ${text(result)}`);
  return result.next;
};

describe('what an erasure deletes: every item whose key names the person', () => {
  it.each([
    ['profile', item(`USER#${id}`, 'PROFILE', { entity: 'user', userId: id, email, name, role: 'client_admin', orgId: 'acme' }, { gsi1pk: 'ORG#acme#MEMBERS', gsi1sk: email })],
    ['email_lookup', item(`EMAIL#${email}`, 'EMAIL', { entity: 'email', userId: id })],
    ['mute', item(`USER#${id}`, 'MUTE#2026-0042', { entity: 'mute', requestId: '2026-0042', mutedAt: '2026-11-20T10:00:00.000Z' })],
    ['mail_suppression', item(`EMAIL#${email}`, 'SUPPRESSED', { entity: 'suppression', email, reason: 'bounce' })],
    ['refused_reply_answer', item(`EMAIL#${email}`, 'ANSWERED', { entity: 'inbound-answer', email, at: '2026-11-20T10:00:00.000Z', expiresAt: 1 })],
    ['invitation', item('REQ#2026-0042', `PART#${id}`, { entity: 'participant', requestId: '2026-0042', userId: id, email, name, invitedBy: other }, { gsi1pk: `USER#${id}#INVITED` })],
    ['mail_thread', item('REQ#2026-0042', `MAILTHREAD#${id}`, { entity: 'thread', firstId: '<a@x>', messageIds: ['<a@x>'] })],
    ['mail_record', item('MAIL#entry#2026-0042#e1', `TO#${id}`, { entity: 'delivery', recipientId: id, email, state: 'sent' })],
    ['mail_record', item(`MAIL#reorder#acme#${id}#2026-11-20T10:00:00.000Z`, `TO#${other}`, { entity: 'delivery', recipientId: other, email: 'someone@acme.example' })],
    ['idempotency_record', item(`IDEM#${id}#createRequest#k1`, 'IDEM', { entity: 'idempotency', fingerprint: 'f', answer: '{}' })],
    ['rating_summary', item('FEEDBACK', `AGENT#${id}`, { entity: 'feedback', scope: 'agent', id, name, count: 1 })],
  ])('deletes a %s', (kind, stored) => {
    expect(fate(stored)).toEqual({ action: 'delete', kind });
  });
});

describe('what an erasure keeps: what the law makes the agency keep, and the records that are not the person’s', () => {
  const tenYears = '2036-12-31T22:59:59.000Z';

  it('keeps a binding order and its PDF, 10 years from the end of the year (zákon o DPH §35)', () => {
    const order = item('REQ#2026-0042', 'ORDER', {
      entity: 'order',
      requestId: '2026-0042',
      orderNumber: 'OBJ-2026-0042',
      acceptedBy: { userId: id, name, email },
      document: { key: 'orders/2026-0042/OBJ-2026-0042.pdf', sha256: 'x', size: 1, fileName: 'OBJ-2026-0042.pdf' },
    });
    expect(fate(order)).toEqual({
      action: 'keep',
      kind: 'order',
      kept: [
        { kind: 'order', store: 'table', key: 'REQ#2026-0042 ORDER', requestId: '2026-0042', reason: keptReasons.order, keepUntil: tenYears },
        { kind: 'order_document', store: 'files', key: 'orders/2026-0042/OBJ-2026-0042.pdf', requestId: '2026-0042', reason: keptReasons.orderDocument, keepUntil: tenYears },
      ],
    });
  });

  it('keeps an order someone else accepted whose text names the person: an order is never rewritten', () => {
    const order = item('REQ#2026-0043', 'ORDER', { entity: 'order', requestId: '2026-0043', requestTitle: `Web pro ${name}`, acceptedBy: { userId: other, name: 'Someone', email: 'someone@acme.example' } });
    expect(fate(order)).toMatchObject({ action: 'keep', kept: [{ kind: 'order', reason: keptReasons.order }] });
  });

  it('keeps the acceptance of a priced offer (the order’s evidence), not that of a free one, which makes no order', () => {
    const decision = { decision: 'accepted', userId: id, name, at: '2026-11-20T10:00:00.000Z', ip: '192.0.2.7', userAgent: 'Firefox' };
    const priced = item('REQ#2026-0042', 'OFFER#0001', { entity: 'offer', requestId: '2026-0042', totals: { gross: 2_380_638 }, status: 'accepted', decision });
    expect(fate(priced)).toEqual({ action: 'keep', kind: 'offer', kept: [{ kind: 'offer', store: 'table', key: 'REQ#2026-0042 OFFER#0001', requestId: '2026-0042', reason: keptReasons.acceptance, keepUntil: tenYears }] });

    const free = item('REQ#2026-0044', 'OFFER#0001', { entity: 'offer', requestId: '2026-0044', totals: { gross: 0 }, status: 'accepted', decision });
    expect(rewritten(free).next.decision).toEqual({ decision: 'accepted', userId: formerUserId, name: formerUserName, at: decision.at, ip: '', userAgent: '' });
  });

  it('keeps the client organisation’s record (a sole trader’s bears their name) and the erasure’s own record', () => {
    expect(fate(item('ORG#xv', 'PROFILE', { entity: 'org', orgId: 'xv', name }))).toMatchObject({ action: 'keep', kept: [{ kind: 'organisation', reason: keptReasons.organisation }] });
    expect(fate(item(`ERASED#${id}`, 'ERASURE', { entity: 'erasure', userId: id }), { userId: id })).toMatchObject({ action: 'keep', kept: [{ kind: 'erasure_record', key: `ERASED#${id} ERASURE` }] });
  });

  it('counts the years from the end of the erasure’s year in Prague', () => {
    expect(taxKeepUntil(new Date('2026-01-01T00:30:00.000Z'))).toBe(tenYears);
    // 31 December 23:30 UTC is already 2027 in Prague.
    expect(taxKeepUntil(new Date('2026-12-31T23:30:00.000Z'))).toBe('2037-12-31T22:59:59.000Z');
  });
});

describe('what an erasure anonymises: the person taken out of what others keep', () => {
  it('rewrites their messages: author, and their name and address in the text; the message stays', () => {
    const entry = item('REQ#2026-0042', 'TL#2026-11-20T10:00:00.000Z#e1', {
      entity: 'timeline',
      requestId: '2026-0042',
      kind: 'message',
      actorType: 'person',
      actorId: id,
      // As it was then: a name changed since is found by the id beside it.
      actorName: 'Xenie Nováková',
      actorRole: 'client_admin',
      body: `Dobrý den, pište na ${email.toUpperCase()}.\n\nS pozdravem\nxenie výmazová`,
    });
    const { next, kind, kept } = rewritten(entry);
    expect(kind).toBe('timeline_entry');
    expect(kept).toEqual([]);
    expect(next).toMatchObject({ actorId: formerUserId, actorName: formerUserName, body: `Dobrý den, pište na ${formerUserName}.\n\nS pozdravem\n${formerUserName}` });
    expect(namesPerson(person)({ ...entry, attributes: next })).toBe(false);
  });

  it('rewrites an entry about them: their id, their name beside it, and removes their address', () => {
    const entry = item('REQ#2026-0042', 'TL#2026-11-20T10:00:00.000Z#e2', {
      entity: 'timeline',
      kind: 'participant_invited',
      actorId: other,
      actorName: 'Alena Admin',
      details: { userId: id, email, name },
    });
    expect(rewritten(entry).next).toMatchObject({ actorId: other, actorName: 'Alena Admin', details: { userId: formerUserId, name: formerUserName } });
    expect(rewritten(entry).next.details).not.toHaveProperty('email');
  });

  it('leaves someone else of the same name alone: a name beside another id is theirs', () => {
    const entry = item('REQ#2026-0042', 'TL#2026-11-20T10:00:00.000Z#e3', { entity: 'timeline', kind: 'message', actorId: other, actorName: name, body: 'Hotovo.' });
    expect(fate(entry)).toEqual({ action: 'none' });
  });

  it('finds an id and an address only as whole tokens, not inside longer ones; a full stop after an address is no part of it', () => {
    const short: PersonRef = { userId: 'u-7', email: 'eva@agency.example' };
    const names = namesPerson(short);
    const entry = (body: string, actorId = other) => item('REQ#1', 'TL#1', { entity: 'timeline', actorId, body });
    expect(names(entry('assigned u-70 and u-71'))).toBe(false);
    expect(names(entry('from teva@agency.example, or eva@agency.example.eu'))).toBe(false);
    expect(names(entry('x', 'u-7'))).toBe(true);
    expect(names(item('MAIL#reorder#acme#u-7#2026-11-20T10:00:00.000Z', 'TO#u-8', {}))).toBe(true);
    expect(rewrittenFor(entry('Pište na EVA@agency.example.'), short).body).toBe(`Pište na ${formerUserName}.`);
  });

  it('finds a name only as a whole phrase: “Eva” is not in “Evaluation”', () => {
    const eva: PersonRef = { userId: 'eva-id', email: 'eva@agency.example', name: 'Eva' };
    expect(fate(item('REQ#1', 'TL#1', { entity: 'timeline', actorId: other, actorName: 'Bob', body: 'Evaluation done' }), eva)).toEqual({ action: 'none' });
    expect(rewrittenFor(item('REQ#1', 'TL#2', { entity: 'timeline', actorId: other, actorName: 'Bob', body: 'Asked Eva, she agrees' }), eva).body).toBe(`Asked ${formerUserName}, she agrees`);
  });

  it('rewrites what they did for the agency: requests filed, offers posted, handovers, payments recorded; the evidence of their decisions is emptied', () => {
    expect(rewritten(item('REQ#2026-0042', 'REQ', { entity: 'request', requestId: '2026-0042', createdBy: id, assigneeId: id, version: 3 })).next).toEqual({
      entity: 'request',
      requestId: '2026-0042',
      createdBy: formerUserId,
      assigneeId: formerUserId,
      // Requests are written field by field: their version stays.
      version: 3,
    });
    expect(rewritten(item('REQ#2026-0042', 'OFFER#0002', { entity: 'offer', createdBy: id, createdByName: name, totals: { gross: 100 }, status: 'open' })).next).toMatchObject({
      createdBy: formerUserId,
      createdByName: formerUserName,
    });
    const handover = rewritten(
      item('REQ#2026-0042', 'HANDOVER#0001', {
        entity: 'handover',
        handedOverBy: other,
        handedOverByName: 'Eva Agentová',
        outcome: { decision: 'changes_requested', userId: id, name, at: '2026-11-21T10:00:00.000Z', ip: '192.0.2.7', userAgent: 'Firefox', comments: 'Chybí logo.', attachmentIds: [] },
      }),
    ).next;
    expect(handover).toMatchObject({ handedOverBy: other, handedOverByName: 'Eva Agentová', outcome: { userId: formerUserId, name: formerUserName, ip: '', userAgent: '', comments: 'Chybí logo.' } });
    expect(rewritten(item('REQ#2026-0042', 'PAY#p1', { entity: 'payment', recordedBy: id, amount: 100 })).next).toMatchObject({ recordedBy: formerUserId, amount: 100 });
  });

  it('rewrites the log of changes: their id and name as actor or target, their address in the details', () => {
    const line = item('AUDIT#acme', '2026-11-20T10:00:00.000Z#l1', { entity: 'audit', actorId: other, actorName: 'Alena Admin', targetId: id, targetName: name, action: 'person_invited', details: { email, role: 'client_member' } });
    expect(rewritten(line).next).toEqual({ entity: 'audit', actorId: other, actorName: 'Alena Admin', targetId: formerUserId, targetName: formerUserName, action: 'person_invited', details: { role: 'client_member' } });
  });

  it('bumps the version of an item its store replaces whole (another person they invited), so an older read can’t bring them back', () => {
    const colleague = item(`USER#${other}`, 'PROFILE', { entity: 'user', userId: other, email: 'someone@acme.example', name: 'Someone', invitedBy: id, version: 4 });
    expect(rewritten(colleague).next).toMatchObject({ invitedBy: formerUserId, version: 5 });
  });

  it('keeps a stored file’s key as it is, and lists the item as kept when the key still names them', () => {
    const attachment = item('REQ#2026-0042', 'ATT#a1', {
      entity: 'attachment',
      requestId: '2026-0042',
      fileName: `${name} CV.pdf`,
      key: `orgs/acme/requests/2026-0042/attachments/a1/${name} CV.pdf`,
      uploadedBy: id,
    });
    const result = rewritten(attachment);
    expect(result.next).toMatchObject({ fileName: `${formerUserName} CV.pdf`, key: attachment.attributes.key, uploadedBy: formerUserId });
    expect(result.kept).toEqual([{ kind: 'attachment', store: 'table', key: 'REQ#2026-0042 ATT#a1', requestId: '2026-0042', reason: keptReasons.partly }]);
    expect(rewritten(item('REQ#2026-0042', 'ATT#a2', { entity: 'attachment', fileName: 'Nabídka.pdf', key: 'orgs/acme/requests/2026-0042/attachments/a2/Nabídka.pdf', uploadedBy: id })).kept).toEqual([]);
  });

  it('lists as kept what still names them in an index key, which is never rewritten', () => {
    const odd = item('THING#1', 'X', { entity: 'thing', by: id }, { gsi1pk: `BY#${id}` });
    expect(rewritten(odd)).toMatchObject({ kind: 'thing', next: { by: formerUserId }, kept: [{ kind: 'thing', reason: keptReasons.partly }] });
  });

  it('rewrites JSON kept in a string, and the id where only the id is known (an erasure repeated)', () => {
    const outcome = item('INBOUND#mail/abc', 'OUTCOME', { entity: 'inbound-outcome', outcome: JSON.stringify({ outcome: 'posted', objectKey: 'mail/abc', sender: email, userId: id }) });
    expect(JSON.parse(String(rewritten(outcome).next.outcome))).toEqual({ outcome: 'posted', objectKey: 'mail/abc', sender: formerUserName, userId: formerUserId });
    const entry = item('REQ#2026-0042', 'TL#x', { entity: 'timeline', actorId: id, actorName: name, body: `From ${name}` });
    const byIdOnly = fateOf(entry, { userId: id }, erasedAt);
    expect(byIdOnly).toMatchObject({ action: 'rewrite', next: { actorId: formerUserId, actorName: formerUserName, body: `From ${name}` } });
  });

  it('discards the raw mail they sent, which its outcome names; not someone else’s mail to their reply address, and nothing outside mail/', () => {
    const outcome = (sender: string, objectKey: string, more: Record<string, unknown> = {}) =>
      item(`INBOUND#${objectKey}`, 'OUTCOME', { entity: 'inbound-outcome', outcome: JSON.stringify({ outcome: 'refused', objectKey, sender, ...more }) });
    expect(rewritten(outcome(email, 'mail/m1')).discard).toEqual(['mail/m1']);
    expect(rewritten(outcome(email.toUpperCase(), 'mail/m2')).discard).toEqual(['mail/m2']);
    expect(fateOf(outcome('other@example.com', 'mail/m3', { userId: id }), { userId: id }, erasedAt)).toMatchObject({ action: 'rewrite', discard: ['mail/m3'] });
    expect(rewritten(outcome('other@example.com', 'mail/m4', { detail: `the reply address is ${id}'s` })).discard).toEqual([]);
    expect(rewritten(outcome(email, 'orgs/acme/x')).discard).toEqual([]);
    expect(rewritten(item('REQ#1', 'TL#1', { entity: 'timeline', actorId: id, actorName: name })).discard).toEqual([]);
  });

  it('leaves items that don’t name them alone', () => {
    expect(fate(item('REQ#2026-0042', 'REQ', { entity: 'request', createdBy: other, title: 'Košík' }))).toEqual({ action: 'none' });
  });
});

const user = (userId: string, role: User['role'], orgId?: string): User => ({ userId, email: `${userId}@example.com`, name: userId, role, ...(orgId ? { orgId } : {}), createdAt: '2026-01-01T00:00:00.000Z' });

describe('who exports and who erases', () => {
  const alena = user('alena', 'client_admin', 'acme');
  const milan = user('milan', 'client_member', 'acme');
  const guest = user('guest', 'participant');

  it('lets the agency’s admins export anyone, and every person themselves', () => {
    expect(exportablePerson(user('tomas', 'admin'), milan, 'milan')).toBe(milan);
    expect(exportablePerson(milan, milan, 'milan')).toBe(milan);
    expect(exportablePerson(guest, guest, 'guest')).toBe(guest);
  });

  it('refuses those who see a person (403) and hides them from those who don’t (404)', () => {
    expect(() => exportablePerson(alena, milan, 'milan')).toThrow(ForbiddenError);
    expect(() => exportablePerson(user('eva', 'agent'), milan, 'milan')).toThrow(ForbiddenError);
    expect(() => exportablePerson(user('olga', 'client_admin', 'beta'), milan, 'milan')).toThrow(NotFoundError);
    expect(() => exportablePerson(alena, guest, 'guest')).toThrow(NotFoundError);
    expect(() => exportablePerson(alena, undefined, 'nobody')).toThrow(NotFoundError);
  });

  it('lets only the agency’s admins erase, never themselves', () => {
    expect(() => mustMayErase(user('tomas', 'admin'), 'milan')).not.toThrow();
    expect(() => mustMayErase(user('tomas', 'admin'), 'tomas')).toThrow(/yourself/);
    expect(() => mustMayErase(alena, 'milan')).toThrow(ForbiddenError);
    expect(() => mustMayErase(user('eva', 'agent'), 'milan')).toThrow(ForbiddenError);
  });
});

describe('the export', () => {
  it('sorts what names the person into the sections they would look for', () => {
    const xenie: User = { ...user(id, 'client_admin', 'acme'), email, name, language: 'en', mailScope: 'own' };
    const items = [
      item(`USER#${id}`, 'PROFILE', { entity: 'user', userId: id }),
      item(`USER#${id}`, 'MUTE#2026-0042', { entity: 'mute', requestId: '2026-0042', mutedAt: '2026-11-20T10:00:00.000Z' }),
      item('REQ#2026-0042', 'REQ', { entity: 'request', requestId: '2026-0042', createdBy: id }),
      item('REQ#2026-0042', 'TL#1', { entity: 'timeline', kind: 'message', actorId: id, body: 'Ahoj' }),
      item('REQ#2026-0042', 'TL#2', { entity: 'timeline', kind: 'status_changed', actorId: id }),
      item('REQ#2026-0042', 'TL#3', { entity: 'timeline', kind: 'participant_invited', actorId: other, details: { userId: id } }),
      item('REQ#2026-0050', `PART#${id}`, { entity: 'participant', userId: id }),
      item('REQ#2026-0042', 'ATT#a', { entity: 'attachment', uploadedBy: id }),
      item('REQ#2026-0042', 'OFFER#0001', { entity: 'offer', decision: { userId: id } }),
      item('REQ#2026-0042', 'ORDER', { entity: 'order', acceptedBy: { userId: id } }),
      item(`EMAIL#${email}`, 'SUPPRESSED', { entity: 'suppression', email }),
      item('AUDIT#acme', '1', { entity: 'audit', targetId: id }),
      item(`IDEM#${id}#x`, 'IDEM', { entity: 'idempotency' }),
    ];
    const document = personExport(xenie, items, { orgId: 'acme', name: 'Acme' }, erasedAt);
    expect(document).toMatchObject({
      format: 'orderdesk-person-export/1',
      exportedAt: erasedAt.toISOString(),
      person: { userId: id, email, name },
      preferences: { language: 'en', mailScope: 'own', mutedRequests: [{ requestId: '2026-0042', mutedAt: '2026-11-20T10:00:00.000Z' }] },
      memberships: [{ organisation: { orgId: 'acme', name: 'Acme' }, role: 'client_admin' }],
    });
    const kinds = (section: Record<string, unknown>[]) => section.map((shown) => shown.record);
    expect(kinds(document.requests)).toEqual(['request']);
    expect(kinds(document.messages)).toEqual(['timeline_entry']);
    expect(kinds(document.activity)).toEqual(['timeline_entry']);
    expect(kinds(document.mentions)).toEqual(['timeline_entry']);
    expect(kinds(document.invitations)).toEqual(['invitation']);
    expect(kinds(document.files)).toEqual(['attachment']);
    expect(kinds(document.decisions).sort()).toEqual(['offer', 'order']);
    expect(kinds(document.mail)).toEqual(['mail_suppression']);
    expect(kinds(document.log)).toEqual(['log_entry']);
    expect(kinds(document.other)).toEqual(['idempotency_record']);
    expect(text(document)).not.toContain('"entity"');
  });
});
