import { describe, expect, it } from 'vitest';
import type { CognitoMessageEvent } from '../../../lib/domain/mail/cognito-message.js';
import type { Request } from '../../../lib/domain/request.js';
import { TimelineEntryKind, type TimelineEntry } from '../../../lib/domain/timeline-entry.js';
import { replyRefusedMail } from '../../../lib/mail/reply-refused.js';
import { writeAccountMail } from '../../../lib/services/mail/account-mail.js';
import { composeMail } from '../../../lib/services/mail/mail-composer.js';
import { portalMutePage } from '../../../lib/config/portal-urls.js';
import type { MailSite } from '../../../lib/services/ports/mail.js';
import { pagePaths } from '../../../portal/src/page-paths.js';
import { match } from '../../../portal/src/route-match.js';
import { entries } from '../mail/fixtures.js';

const portal = 'https://portal.azami.example';
const site: MailSite = { portalUrl: () => portal, apiUrl: 'https://api.example', mailFrom: 'helpdesk@azami.example', inboundDomain: 'reply.azami.example' };
const request: Request = {
  requestId: '2026-0042',
  orgId: 'org-1',
  platform: 'azami',
  type: 'inquiry',
  title: 'Web',
  description: 'x',
  status: 'submitted',
  createdBy: '5b0e7c2a-1f3d-4a6b-9c8e-7d6f5e4a3b2c',
  createdAt: '2026-11-24T09:00:00.000Z',
  updatedAt: '2026-11-24T09:00:00.000Z',
  version: 1,
};
const person = { userId: '5b0e7c2a-1f3d-4a6b-9c8e-7d6f5e4a3b2c', email: 'jana@example.cz', name: 'Jana', role: 'client_admin', orgId: 'org-1', language: 'cs' } as const;

/** The paths of the portal a mail links to (its HTML's links that start at the portal). */
const portalPaths = (html: string) =>
  [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&')).filter((href) => href.startsWith(portal)).map((href) => new URL(href).pathname);

const isPage = (path: string) => pagePaths.some((pattern) => match(pattern, path) !== undefined);

describe("every mail's links to the portal", () => {
  it.each(TimelineEntryKind.options)('opens a page the portal has, from a %s mail', (kind) => {
    const entry = { entryId: 'e1', requestId: request.requestId, createdAt: request.createdAt, actorId: 'agent-1', actorName: 'Eva', actorRole: 'agent', actorType: 'person', visibility: 'all', ...entries[kind], kind } as TimelineEntry;
    const mail = composeMail(site, Buffer.alloc(32, 3), new Date('2026-11-24T09:05:00.000Z'), { entry, request, person });
    const paths = portalPaths(mail.html);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((path) => !isPage(path))).toEqual([]);
  });

  it("opens a page the portal has from Cognito's invitation and reset mails, the refused reply's answer and the mute redirect", () => {
    const event = (triggerSource: string, clientMetadata?: Record<string, string>): CognitoMessageEvent => ({
      triggerSource,
      userPoolId: 'pool',
      userName: 'u',
      callerContext: { clientId: 'c' },
      request: { userAttributes: { name: 'Jana', email: 'jana@example.cz' }, codeParameter: '{####}', usernameParameter: '{username}', ...(clientMetadata ? { clientMetadata } : {}) },
      response: {},
    });
    const deps = { portalUrl: () => portal, platformOfClient: () => undefined };
    const account = [event('CustomMessage_AdminCreateUser', { requestId: '2026-0042', platform: 'azami' }), event('CustomMessage_AdminCreateUser'), event('CustomMessage_ForgotPassword')].map(
      (e) => (writeAccountMail(deps, e).response as { emailMessage: string }).emailMessage,
    );
    const paths = [...account, replyRefusedMail([portal]).html].flatMap(portalPaths);
    paths.push(new URL(portalMutePage(portal, 'token')).pathname);
    expect(paths.length).toBeGreaterThanOrEqual(5);
    expect(paths.filter((path) => !isPage(path))).toEqual([]);
    // A path no page has is caught.
    expect(isPage('/nowhere')).toBe(false);
  });
});
