import { describe, expect, it } from 'vitest';
import type { CognitoMessageEvent } from '../../../lib/domain/mail/cognito-message.js';
import type { Platform } from '../../../lib/domain/platform.js';
import { writeAccountMail } from '../../../lib/services/mail/account-mail.js';
import type { AccountMailDeps } from '../../../lib/services/ports/deps.js';

const deps: AccountMailDeps = {
  portalUrl: (platform: Platform) => (platform === 'digimadi' ? 'https://portal.d.example' : 'https://portal.a.example'),
  platformOfClient: (clientId) => (clientId === 'client-azami' ? 'azami' : clientId === 'client-digimadi' ? 'digimadi' : undefined),
};

const invitation: CognitoMessageEvent = {
  triggerSource: 'CustomMessage_AdminCreateUser',
  userPoolId: 'eu-central-1_pool',
  userName: 'petr',
  callerContext: { clientId: 'client-azami' },
  request: {
    userAttributes: { name: 'Petr Svoboda', email: 'petr@example.cz' },
    codeParameter: '{####}',
    usernameParameter: '{username}',
    clientMetadata: { platform: 'digimadi', requestId: '2026-0042', requestTitle: 'Web', language: 'en' },
  },
  response: { emailSubject: null, emailMessage: null },
};

const reset: CognitoMessageEvent = {
  triggerSource: 'CustomMessage_ForgotPassword',
  userPoolId: 'eu-central-1_pool',
  userName: 'petr',
  callerContext: { clientId: 'client-azami' },
  request: { userAttributes: { name: 'Petr Svoboda' }, codeParameter: '{####}', usernameParameter: null },
  response: {},
};

const responseOf = (event: CognitoMessageEvent) => event.response as { emailSubject: string; emailMessage: string };

describe('writeAccountMail', () => {
  it('writes an invitation in the brand and language of the request’s metadata, keeping Cognito’s placeholders', () => {
    const { emailSubject, emailMessage } = responseOf(writeAccountMail(deps, invitation));
    expect(emailSubject).toContain('Digimadi');
    expect(emailSubject).not.toContain('Azami');
    expect(emailMessage).toContain('{####}');
    expect(emailMessage).toContain('{username}');
    expect(emailMessage).toContain('Digimadi');
    expect(emailMessage).toContain('href="https://portal.d.example/requests/2026-0042"');
    expect(emailMessage).toContain('<html lang="en">');
    expect(emailMessage).toContain('Web');
  });

  it('greets by the name Cognito holds for the person (set at invitation), in Czech too, and plainly without one', () => {
    const czech = { ...invitation, request: { ...invitation.request, clientMetadata: { ...invitation.request.clientMetadata, language: 'cs' } } };
    expect(responseOf(writeAccountMail(deps, czech)).emailMessage).toContain('>Dobrý den, Petr Svoboda,</p>');
    expect(responseOf(writeAccountMail(deps, invitation)).emailMessage).toContain('>Hello Petr Svoboda,</p>');
    const nameless = { ...czech, request: { ...czech.request, userAttributes: { email: 'petr@example.cz' } } };
    expect(responseOf(writeAccountMail(deps, nameless)).emailMessage).toContain('>Dobrý den,</p>');
  });

  it('keeps the rest of the event as Cognito sent it', () => {
    const written = writeAccountMail(deps, invitation);
    expect(written.triggerSource).toBe(invitation.triggerSource);
    expect(written.request).toEqual(invitation.request);
    expect(written.userName).toBe('petr');
  });

  it('writes a password reset without metadata in Czech, branded by the app client', () => {
    const { emailSubject, emailMessage } = responseOf(writeAccountMail(deps, reset));
    expect(emailMessage).toContain('<html lang="cs">');
    expect(emailSubject).toContain('Azami');
    expect(emailMessage).toContain('Azami');
    expect(emailMessage).not.toContain('Digimadi');
    expect(emailMessage).toContain('{####}');
  });

  it('brands a password reset from the Digimadi client as Digimadi', () => {
    const { emailSubject } = responseOf(writeAccountMail(deps, { ...reset, callerContext: { clientId: 'client-digimadi' } }));
    expect(emailSubject).toContain('Digimadi');
  });

  it.each(['CustomMessage_SignUp', 'CustomMessage_ResendCode', 'CustomMessage_UpdateUserAttribute'])('leaves a %s message as Cognito writes it', (triggerSource) => {
    const event = { ...invitation, triggerSource };
    const snapshot = structuredClone(event);
    const written = writeAccountMail(deps, event);
    expect(written).toBe(event);
    expect(written).toEqual(snapshot);
  });

  it.each([
    ['invitation', invitation],
    ['password reset', reset],
  ] as const)('keeps the %s under Cognito’s 20 000 bytes', (_, event) => {
    const long = { ...event, request: { ...event.request, userAttributes: { name: 'Ř'.repeat(200) } } };
    expect(Buffer.byteLength(responseOf(writeAccountMail(deps, long)).emailMessage, 'utf8')).toBeLessThan(20_000);
  });
});
