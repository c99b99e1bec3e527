import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../lib/http/routes.js';
import { asDemoUser, ok, people } from '../../support/api-client.js';
import { eventually, lookAt, openPortal, signIn, useBrowser, type PortalTab } from '../../support/browser.js';
import { freshOrganisation } from '../../support/fresh-organisation.js';
import { mailsTo, type SentMail } from '../../support/mailbox.js';

const browser = useBrowser();

/** The values an invitation mail sets apart to copy: Cognito's username, then the temporary password. */
const tokensOf = (mail: SentMail) => [...(mail.body.html ?? '').matchAll(/font-family:Consolas[^"]*">([^<]*)<\/span>/g)].map((match) => match[1]!);

/** A person's card on a people list, by their name. */
const card = (page: Page, name: string) => page.locator('.person-card', { has: page.getByRole('heading', { name, exact: false }) });

const signInAsTomas = async (path: string) => {
  const tab = await openPortal(browser(), 'azami', 'en');
  tab.page.setDefaultTimeout(15_000);
  await tab.page.goto(tab.url(path));
  await tab.page.waitForURL(/\/sign-in\?next=/);
  await signIn(tab, people.admin, 'Demo-Admin-1');
  return tab;
};

describe('the portal: the agency administers its clients and staff', () => {
  it('creates a client organisation, sets its billing details and settings, invites its admin, who signs in on the client side to an empty Helpdesk; the log shows it all', async () => {
    const suffix = randomUUID().slice(0, 8);
    const name = `Pekárna Kvásek ${suffix}`;
    const adminEmail = `petra.${suffix}@kvasek.example`;
    const tab = await signInAsTomas('/orgs');
    const { page } = tab;
    await page.getByRole('heading', { name: 'Clients', level: 1 }).waitFor();
    await lookAt(tab, 'agency-clients-en');

    // A new organisation: a missing name is marked on the field, and what was typed stays.
    await page.getByRole('button', { name: 'New client organisation…' }).click();
    const form = page.locator('.new-organisation');
    await form.getByRole('radio', { name: 'Digimadi' }).check();
    await form.getByLabel('Language').selectOption('en');
    await form.getByRole('button', { name: 'Create the organisation' }).click();
    await eventually(() => form.locator('.field.invalid label').allTextContents()).toEqual(['Name']);
    expect(await form.locator('.field-problem').textContent()).toBe('Fill in the name: one line, at most 200 characters.');
    expect(await form.getByRole('radio', { name: 'Digimadi' }).isChecked()).toBe(true);
    await lookAt(tab, 'agency-client-new-invalid-en');
    await form.getByLabel('Name').fill(name);
    await form.getByRole('button', { name: 'Create the organisation' }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/orgs\/org-[^/?]+\?created=1$/);
    const orgId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
    await eventually(() => page.locator('.confirmation').first().textContent()).toContain('Invite its first administrator');
    await eventually(() => page.locator('#people .empty').textContent()).toContain('Invite the organisation’s first administrator');
    await lookAt(tab, 'agency-client-created-en');

    // Billing details: the API's 400 marks the IČO whose check digit is wrong; corrected, they are the organisation's.
    await page.getByRole('button', { name: 'Set the billing details' }).click();
    const billing = page.locator('.billing-form');
    await billing.getByLabel('Company name').fill(`Pekárna Kvásek ${suffix} s.r.o.`);
    await billing.getByLabel('IČO').fill('27082441');
    await billing.getByLabel('Street and number').fill('Dlouhá 12');
    await billing.getByLabel('Postal code').fill('110 00');
    await billing.getByLabel('City').fill('Praha');
    await billing.getByRole('button', { name: 'Save the billing details' }).click();
    await eventually(() => billing.locator('.field.invalid label').allTextContents()).toEqual(['IČO']);
    expect(await billing.locator('.field.invalid .field-problem').textContent()).toContain('check digit');
    await lookAt(tab, 'agency-client-billing-invalid-en');
    await billing.getByLabel('IČO').fill('27082440');
    await billing.getByRole('button', { name: 'Save the billing details' }).click();
    await eventually(() => page.locator('#billing .billing-address').textContent()).toContain('IČO: 27082440');

    // Settings: members may set the priorities.
    await page.getByRole('checkbox', { name: /Members may set the priorities/ }).check();
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await eventually(() => page.locator('#settings .confirmation').textContent()).toBe('The settings are saved.');
    const tomas = await asDemoUser(people.admin);
    const stored = ok(await tomas.send(routes.getOrganisation, { path: { orgId } }));
    expect(stored).toMatchObject({ platform: 'digimadi', language: 'en', settings: { membersMayRank: true, membersMayAcceptOffers: false }, billing: { ico: '27082440' } });

    // Its first admin: the role an organisation without one needs is the one offered.
    const invite = page.locator('.invite-form');
    expect(await invite.getByRole('radio', { name: /Administrator/ }).isChecked()).toBe(true);
    await invite.getByLabel('E-mail', { exact: true }).fill(adminEmail);
    await invite.getByLabel('Name').fill('Petra Pekařová');
    await invite.getByRole('button', { name: 'Send the invitation' }).click();
    await eventually(() => invite.getByRole('status').textContent()).toBe(`The invitation for Petra Pekařová is on its way to ${adminEmail}.`);
    await eventually(() => card(page, 'Petra Pekařová').locator('.state').textContent()).toBe('Invited');
    expect(await card(page, 'Petra Pekařová').textContent()).toMatch(/the invitation works until \d/);
    expect(await invite.getByLabel('E-mail', { exact: true }).inputValue()).toBe('');
    await lookAt(tab, 'agency-client-invited-en');

    // One address, one account: the agent's address is refused as a sentence with the API's next step.
    await invite.getByLabel('E-mail', { exact: true }).fill(people.agent);
    await invite.getByLabel('Name').fill('Eva Agentová');
    await invite.getByRole('button', { name: 'Send the invitation' }).click();
    const refusal = invite.getByRole('alert');
    await eventually(() => refusal.textContent()).toContain(`${people.agent} already has an account in the Helpdesk, elsewhere`);
    expect(await refusal.locator('[lang=en]').textContent()).toContain('A person belongs to one organisation');
    expect(await invite.getByLabel('E-mail', { exact: true }).inputValue()).toBe(people.agent);
    await lookAt(tab, 'agency-client-invite-refused-en');

    // The only admin stays one: demoting her is the 409's sentence, with its next step.
    await card(page, 'Petra Pekařová').getByRole('button', { name: /Make member/ }).click();
    const lastAdmin = card(page, 'Petra Pekařová').getByRole('alert');
    await eventually(() => lastAdmin.textContent()).toContain('Petra Pekařová is the organisation’s only administrator');
    expect(await lastAdmin.locator('[lang=en]').textContent()).toContain('Make another person client_admin first');
    expect(await card(page, 'Petra Pekařová').locator('.person-role strong').textContent()).toBe('Administrator');
    await lookAt(tab, 'agency-client-last-admin-en');

    // The log: newest first, who did what to whom.
    const log = page.locator('#log .log-what');
    await eventually(() => log.allTextContents()).toEqual(['Invited: Petra Pekařová', 'Organisation changed: ' + name, 'Organisation changed: ' + name, 'Organisation created: ' + name]);
    expect(await page.locator('#log .log-entry').first().textContent()).toContain('by Tomáš Správce');
    expect(await page.locator('#log .log-entry').last().locator('.log-details').textContent()).toContain('Platform: Digimadi');

    // She signs in on the client side with the mailed temporary password and chooses her own.
    await eventually(() => mailsTo(adminEmail).then((found) => found.length)).toBe(1);
    const [invitation] = await mailsTo(adminEmail);
    // It greets her by the name the agency typed (Cognito hands it to the mail as her `name`).
    expect(invitation!.body.html).toContain('>Hello Petra Pekařová,</p>');
    const [, temporaryPassword] = tokensOf(invitation!);
    expect(temporaryPassword).toBeTruthy();
    const hers: PortalTab = await openPortal(browser(), 'digimadi', 'en');
    hers.page.setDefaultTimeout(15_000);
    await hers.page.goto(hers.url('/sign-in'));
    await hers.page.locator('input[type=email]').fill(adminEmail);
    await hers.page.locator('input[type=password]').fill(temporaryPassword!);
    await hers.page.locator('form button[type=submit]').click();
    await hers.page.getByRole('heading', { name: 'Choose your password' }).waitFor();
    await hers.page.getByLabel('New password').fill(`Kvasek-heslo-${suffix}-1A`);
    await hers.page.getByRole('button', { name: 'Save and sign in' }).click();
    await hers.page.getByRole('heading', { name: 'My requests' }).waitFor();
    await eventually(() => hers.page.locator('.empty').textContent()).toContain('No requests yet');
    expect(await hers.page.getByRole('link', { name: 'Organisation' }).count()).toBe(1);
    await lookAt(hers, 'agency-client-admin-first-sign-in-en');

    // The agency sees her active now.
    await page.reload();
    await eventually(() => card(page, 'Petra Pekařová').locator('.state').textContent()).toBe('Active');
  }, 180_000);

  it('invites an agent to the staff, takes their access away after a confirmation and gives it back; staff are not removed, and nobody acts on themselves', async () => {
    const suffix = randomUUID().slice(0, 8);
    const agentName = `Adam Agent ${suffix}`;
    const tab = await signInAsTomas('/staff');
    const { page } = tab;
    await page.getByRole('heading', { name: 'Staff', level: 1 }).waitFor();
    await eventually(() => card(page, 'Tomáš Správce').locator('.self-note').textContent()).toContain('This is you');
    expect(await card(page, 'Tomáš Správce').getByRole('button').count()).toBe(0);

    const invite = page.locator('.invite-form');
    expect(await invite.getByRole('radio', { name: /Agent/ }).isChecked()).toBe(true);
    await invite.getByLabel('E-mail', { exact: true }).fill(`adam.${suffix}@agency.example`);
    await invite.getByLabel('Name').fill(agentName);
    await invite.getByRole('button', { name: 'Send the invitation' }).click();
    const adam = card(page, agentName);
    await eventually(() => adam.locator('.state').textContent()).toBe('Invited');
    expect(await adam.locator('.staff-not-removed').textContent()).toContain('Staff are deactivated, never removed');
    expect(await adam.getByRole('button', { name: /Remove/ }).count()).toBe(0);
    await lookAt(tab, 'agency-staff-invited-en');

    await adam.getByRole('button', { name: /Deactivate…/ }).click();
    await eventually(() => adam.locator('.confirm-panel').textContent()).toContain('Their access ends at once');
    await lookAt(tab, 'agency-staff-deactivate-confirm-en');
    await adam.getByRole('button', { name: `Deactivate ${agentName}` }).click();
    await eventually(() => adam.locator('.state').textContent()).toBe('Deactivated');
    await eventually(() => adam.getByRole('status').textContent()).toContain('has no access any more');
    await lookAt(tab, 'agency-staff-deactivated-en');
    await adam.getByRole('button', { name: /Reactivate/ }).click();
    await eventually(() => adam.locator('.state').textContent()).toBe('Invited');

    await eventually(() => page.locator('#log .log-what').allTextContents()).toEqual(expect.arrayContaining([`Access given back: ${agentName}`, `Access taken away: ${agentName}`, `Invited: ${agentName}`]));
    await lookAt(tab, 'agency-staff-log-en');

    // Staff are never removed, and an active one gets every mail meant for the whole agency, which
    // other tests on this stack count: Adam leaves deactivated, as the staff test of the API does.
    const tomas = await asDemoUser(people.admin);
    const adamId = ok(await tomas.send(routes.listStaff)).find((person) => person.name === agentName)?.userId;
    expect(adamId).toBeDefined();
    ok(await tomas.send(routes.deactivatePerson, { path: { userId: adamId! } }));
  }, 120_000);

  it('exports a client person’s data as a download link, and erases them only after their address is typed', async () => {
    const org = await freshOrganisation('Privacy');
    const tab = await signInAsTomas(`/orgs/${org.orgId}`);
    const { page } = tab;
    const milan = card(page, 'Milan Member');
    await milan.getByRole('button', { name: /Export personal data/ }).click();
    const link = milan.getByRole('link', { name: /^download orderdesk-export/ });
    await eventually(() => link.count()).toBe(1);
    const download = await fetch((await link.getAttribute('href'))!);
    expect(download.status).toBe(200);
    expect(JSON.stringify(await download.json())).toContain(org.emails.member);
    await lookAt(tab, 'agency-client-export-en');

    await milan.getByRole('button', { name: /Erase personal data…/ }).click();
    const confirm = milan.locator('.confirm-panel');
    await eventually(() => confirm.textContent()).toContain('This can’t be undone');
    const erase = confirm.getByRole('button', { name: 'Erase for good' });
    expect(await erase.isDisabled()).toBe(true);
    await confirm.getByLabel(/To confirm, type their e-mail address/).fill('someone@else.example');
    expect(await erase.isDisabled()).toBe(true);
    await confirm.getByLabel(/To confirm, type their e-mail address/).fill(org.emails.member);
    await lookAt(tab, 'agency-client-erase-confirm-en');
    await erase.click();
    const erased = page.locator('#people .confirmation-box');
    await eventually(() => erased.textContent()).toMatch(/The personal data of Milan Member are erased: \d+ items deleted, \d+ anonymised\./);
    await eventually(() => card(page, 'Milan Member').count()).toBe(0);
    await lookAt(tab, 'agency-client-erased-en');
    // The log keeps what was done, with the person's name anonymised like everything else that named them.
    // (The erasure's two lines share their moment, so their order between them is not given.)
    await eventually(async () => (await page.locator('#log .log-what').allTextContents()).sort()).toEqual([
      'Access taken away: former user',
      'Personal data erased: former user',
      'Personal data exported: former user',
    ]);
    expect(await page.locator('#log .log-entry.log-person_deactivated .log-details').textContent()).toBe('before their personal data was erased');
  }, 120_000);

  it('renames a client, and deactivates it after a confirmation saying that access ends at once and nothing is deleted; reactivated, its people are back', async () => {
    const org = await freshOrganisation('Pause');
    const renamed = `${org.orgId.replace('org-pause-', 'Pauza ')} s.r.o.`;
    const tab = await signInAsTomas(`/orgs/${org.orgId}`);
    const { page } = tab;
    await page.getByRole('button', { name: 'Change name, platform or language' }).click();
    await page.locator('#details').getByLabel('Name').fill(renamed);
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await page.getByRole('heading', { name: renamed, level: 1 }).waitFor();
    await page.locator('#details .confirmation', { hasText: 'The changes are saved.' }).waitFor();

    await page.getByRole('button', { name: 'Deactivate the organisation…' }).click();
    const confirm = page.locator('#details .confirm-panel');
    await eventually(() => confirm.textContent()).toContain(`Everyone of ${renamed} loses their access at once`);
    expect(await confirm.textContent()).toContain('Nothing is deleted: its requests, offers, orders and history stay');
    await lookAt(tab, 'agency-client-deactivate-confirm-en');
    await confirm.getByRole('button', { name: `Deactivate ${renamed}` }).click();
    await eventually(() => page.locator('#details .org-deactivated').textContent()).toMatch(/^Deactivated since /);
    await eventually(() => page.locator('#people .notice').first().textContent()).toContain('The organisation is deactivated: nobody of it can sign in');
    expect(await page.locator('.invite-form').count()).toBe(0);
    await eventually(() => card(page, 'Milan Member').textContent()).toContain('Their organisation is deactivated');
    // Its people's very next call is refused.
    expect((await org.member.send(routes.getMe)).status).toBe(403);
    await lookAt(tab, 'agency-client-deactivated-en');

    await page.getByRole('button', { name: 'Reactivate the organisation' }).click();
    await eventually(() => page.locator('#details .org-active').textContent()).toContain('Active');
    await eventually(() => page.locator('.invite-form').count()).toBe(1);
    expect((await org.member.send(routes.getMe)).status).toBe(200);
    await eventually(() => page.locator('#log .log-what').allTextContents()).toEqual([
      `Organisation reactivated: ${renamed}`,
      `Organisation deactivated: ${renamed}`,
      `Organisation changed: ${renamed}`,
    ]);
    expect(await page.locator('#log .log-details').last().textContent()).toBe(`Name: Pause ${org.orgId.replace('org-pause-', '')} → ${renamed}`);
  }, 120_000);

  it('shows an agent a client’s page and the staff to read, without a button to change them and without the log', async () => {
    const tomas = await asDemoUser(people.admin);
    const suffix = randomUUID().slice(0, 8);
    const organisation = ok(await tomas.send(routes.createOrganisation, { body: { name: `Čtená ${suffix}`, platform: 'azami' } }));
    ok(await tomas.send(routes.invitePerson, { path: { orgId: organisation.orgId }, body: { email: `olga.${suffix}@ctena.example`, name: 'Olga Čtená', role: 'client_admin' } }));

    const tab = await openPortal(browser(), 'azami', 'cs');
    const { page } = tab;
    page.setDefaultTimeout(15_000);
    await page.goto(tab.url('/orgs'));
    await page.waitForURL(/\/sign-in\?next=/);
    await signIn(tab, people.agent, 'Demo-Agent-1');
    await page.getByRole('heading', { name: 'Klienti', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: /Nová klientská organizace/ }).count()).toBe(0);
    await page.getByLabel('Hledat podle názvu nebo IČO').fill(`čtená ${suffix}`);
    await page.getByRole('button', { name: 'Hledat' }).click();
    await eventually(() => page.locator('.organisation-list a').allTextContents()).toEqual([`Čtená ${suffix}`]);
    await lookAt(tab, 'agency-clients-search-agent-cs');
    await page.getByRole('link', { name: `Čtená ${suffix}` }).click();
    await page.getByRole('heading', { name: `Čtená ${suffix}`, level: 1 }).waitFor();
    await eventually(() => card(page, 'Olga Čtená').locator('.state').textContent()).toBe('Pozvánka odeslána');
    expect(await page.locator('main').getByRole('button').count()).toBe(0);
    expect(await page.locator('#log').count()).toBe(0);
    expect(await page.locator('.invite-form').count()).toBe(0);
    await lookAt(tab, 'agency-client-agent-cs');

    await page.getByRole('link', { name: 'Tým' }).click();
    await page.getByRole('heading', { name: 'Tým', level: 1 }).waitFor();
    await eventually(() => card(page, 'Tomáš Správce').locator('.state').textContent()).toBe('Aktivní');
    expect(await page.locator('main').getByRole('button').count()).toBe(0);
    expect(await page.locator('#log').count()).toBe(0);
    await lookAt(tab, 'agency-staff-agent-cs');
  }, 120_000);
});
