import { describe, expect, it } from 'vitest';
import { renderAccountMail, cognitoMessageLimit, type AccountMailContext } from '../../../lib/mail/account-mail.js';
import { brandOf } from '../../../lib/mail/brands.js';

const invitation: AccountMailContext = {
  kind: 'invitation',
  brand: brandOf('digimadi', 'https://portal.digimadi.test'),
  language: 'cs',
  name: 'Petr Svoboda',
  usernamePlaceholder: '{username}',
  codePlaceholder: '{####}',
  requestId: '2026-0042',
  requestTitle: 'Oprava přihlášení',
  validityDays: 7,
  loginUrl: 'https://portal.digimadi.test/requests/2026-0042',
};
const reset: AccountMailContext = { ...invitation, kind: 'password_reset', requestId: undefined, requestTitle: undefined, loginUrl: 'https://portal.digimadi.test/login' };

describe('renderAccountMail', () => {
  it('keeps Cognito’s placeholders verbatim in an invitation', () => {
    const mail = renderAccountMail(invitation);
    expect(mail.html).toContain('>{username}<');
    expect(mail.html).toContain('>{####}<');
    expect(mail.subject).toBe('Pozvánka do portálu Digimadi');
    expect(mail.html).toContain('Máte pozvánku k požadavku #2026-0042 „Oprava přihlášení“ na portálu Digimadi.');
    expect(mail.html).toContain('href="https://portal.digimadi.test/requests/2026-0042"');
  });

  it('greets the invited person by the name given at invitation, in either language, and plainly without one', () => {
    const greeting = (context: AccountMailContext) => /<p style="margin:0 0 16px;">((?:Dobrý den|Hello)[^<]*)<\/p>/.exec(renderAccountMail(context).html)?.[1];
    expect(greeting(invitation)).toBe('Dobrý den, Petr Svoboda,');
    expect(greeting({ ...invitation, language: 'en' })).toBe('Hello Petr Svoboda,');
    expect(greeting({ ...invitation, name: undefined })).toBe('Dobrý den,');
    expect(greeting({ ...invitation, name: '  ' })).toBe('Dobrý den,');
    expect(greeting({ ...invitation, language: 'en', name: undefined })).toBe('Hello,');
    // On one line, however it was typed; the reset greets the same way.
    expect(greeting({ ...invitation, name: ' Petr\n Svoboda ' })).toBe('Dobrý den, Petr Svoboda,');
    expect(greeting(reset)).toBe('Dobrý den, Petr Svoboda,');
  });

  it('invites into an organisation by its name, and says how long the temporary password works', () => {
    const mail = renderAccountMail({ ...invitation, requestId: undefined, requestTitle: undefined, organisationName: 'Železářství Novák s.r.o.', language: 'en' });
    expect(mail.html).toContain('You are invited to Digimadi for Železářství Novák s.r.o.');
    expect(mail.html).toContain('The temporary password works for 7 days.');
    expect(renderAccountMail(invitation).html).toContain('Dočasné heslo platí 7 dní.');
  });

  it('shows the address to sign in with, and Cognito’s username only in small print as the account’s id', () => {
    const mail = renderAccountMail({ ...invitation, email: 'petr.svoboda@acme.example' });
    const shown = [...mail.html.matchAll(/font-family:Consolas[^"]*">([^<]*)<\/span>/g)].map((m) => m[1]);
    expect(shown).toEqual(['petr.svoboda@acme.example', '{####}']);
    expect(mail.html).toContain('Číslo vašeho účtu (pro případné dotazy): <span>{username}</span>');
  });

  it('keeps the code placeholder in a password reset and leaves the username out', () => {
    const mail = renderAccountMail({ ...reset, language: 'en' });
    expect(mail.html).toContain('>{####}<');
    expect(mail.html).not.toContain('{username}');
    expect(mail.subject).toBe('Reset your Digimadi password');
    expect(mail.html).toContain('<html lang="en">');
  });

  it('keeps the code out of the preview line', () => {
    const preview = /<div style="display:none[^>]*>([^<]*)/.exec(renderAccountMail(reset).html)?.[1] ?? '';
    expect(preview).not.toContain('{####}');
    expect(preview.length).toBeGreaterThan(10);
  });

  it('invites to the portal when no request is named', () => {
    const mail = renderAccountMail({ ...invitation, language: 'en', requestId: undefined, requestTitle: undefined });
    expect(mail.html).toContain('You are invited to Digimadi');
  });

  it.each([invitation, reset, { ...invitation, language: 'en' as const }, { ...reset, language: 'en' as const }])(
    'stays well under Cognito’s 20,000-byte limit ($kind, $language)',
    (context) => {
      const long = { ...context, name: 'Ž'.repeat(200), requestTitle: context.requestTitle && 'Č'.repeat(500) };
      expect(Buffer.byteLength(renderAccountMail(long).html, 'utf8')).toBeLessThan(cognitoMessageLimit / 2);
    },
  );

  it('escapes a hostile name and title and keeps the subject on one line', () => {
    const mail = renderAccountMail({ ...invitation, language: 'en', name: '<script>alert(1)</script>', requestTitle: '"><img src=x onerror=alert(1)>\r\nBcc: x' });
    expect(mail.html).not.toMatch(/<script|<img/i);
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('is Czech when the language is unknown', () => {
    expect(renderAccountMail({ ...invitation, language: 'xx' as 'cs' }).subject).toBe('Pozvánka do portálu Digimadi');
  });
});
