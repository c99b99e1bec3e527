import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../lib/http/routes.js';
import { asDemoUser, ok, people } from '../../support/api-client.js';
import { eventually, lookAt, openPortal, signIn, useBrowser } from '../../support/browser.js';
import { freshOrganisation } from '../../support/fresh-organisation.js';
import { mailsTo } from '../../support/mailbox.js';

const browser = useBrowser();

/** A person's card on the people list, by their name. */
const card = (page: Page, name: string) => page.locator('.person-card', { has: page.getByRole('heading', { name, exact: false }) });

describe('the portal: a client admin’s own organisation', () => {
  it('lets a client admin in Czech invite a member, send the invitation again, make them admin, take their access away and remove them after confirmations, and read it all in the log; their own role is another admin’s to change', async () => {
    const org = await freshOrganisation('Sprava');
    const suffix = randomUUID().slice(0, 8);
    const karel = `karel.${suffix}@sprava.example`;
    const tab = await openPortal(browser(), 'azami', 'cs');
    const { page } = tab;
    page.setDefaultTimeout(15_000);
    await page.goto(tab.url('/organisation'));
    await page.waitForURL(/\/sign-in\?next=/);
    await signIn(tab, org.emails.admin, org.passwords.admin);
    await page.getByRole('heading', { name: /^Sprava /, level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Organizace', exact: true }).getAttribute('aria-current')).toBe('page');

    // Her own card: no buttons, and why: she is the only admin, and nobody changes their own role.
    const alena = card(page, 'Alena Admin');
    await eventually(() => alena.locator('.self-note').textContent()).toContain('To jste vy, jediný správce');
    expect(await alena.getByRole('button').count()).toBe(0);
    expect(await card(page, 'Milan Member').getByRole('button', { name: /Udělat správcem/ }).count()).toBe(1);
    // A client admin has no privacy tools (the agency's admins export and erase).
    expect(await page.getByRole('button', { name: /osobní údaje/ }).count()).toBe(0);
    await lookAt(tab, 'client-organisation-cs');

    // Invite a member: the role a member gets is the one offered when the organisation has an admin.
    const invite = page.locator('.invite-form');
    expect(await invite.getByRole('radio', { name: /Člen/ }).isChecked()).toBe(true);
    await invite.getByLabel('E-mail', { exact: true }).fill(karel);
    await invite.getByLabel('Jméno').fill('Karel Kolega');
    await invite.getByRole('button', { name: 'Odeslat pozvánku' }).click();
    await eventually(() => invite.getByRole('status').textContent()).toBe(`Pozvánka pro Karel Kolega je na cestě na ${karel}.`);
    const kolega = card(page, 'Karel Kolega');
    await eventually(() => kolega.locator('.state').textContent()).toBe('Pozvánka odeslána');
    expect(await kolega.textContent()).toMatch(/pozvánka platí do \d/);
    await lookAt(tab, 'client-organisation-invited-cs');

    // Send the invitation again: a second mail, with a new temporary password.
    await kolega.getByRole('button', { name: /Poslat pozvánku znovu/ }).click();
    await eventually(() => kolega.getByRole('status').textContent()).toBe(`Pozvánka odešla znovu na ${karel}, s novým dočasným heslem platným 7 dní.`);
    await eventually(() => mailsTo(karel).then((mails) => mails.length)).toBe(2);

    // Make him admin.
    await kolega.getByRole('button', { name: /Udělat správcem/ }).click();
    await eventually(() => kolega.getByRole('status').textContent()).toBe('Osoba Karel Kolega má nyní roli: Správce.');
    expect(await kolega.locator('.person-role strong').textContent()).toBe('Správce');
    // With a second admin (an invited one counts) she is no longer the only one.
    await eventually(() => alena.locator('.self-note').textContent()).toContain('To jste vy: vlastní roli ani přístup si nikdo nemění sám');

    // Take his access away: asked again, saying what happens, then done.
    await kolega.getByRole('button', { name: /Zrušit přístup…/ }).click();
    const confirm = kolega.locator('.confirm-panel');
    await eventually(() => confirm.textContent()).toContain('Přístup skončí okamžitě');
    expect(await confirm.textContent()).toContain('Nic se nemaže');
    await lookAt(tab, 'client-organisation-deactivate-confirm-cs');
    await confirm.getByRole('button', { name: 'Zrušit přístup: Karel Kolega' }).click();
    await eventually(() => kolega.locator('.state').textContent()).toBe('Přístup zrušen');
    expect(await kolega.getByRole('status').textContent()).toBe('Osoba Karel Kolega od této chvíle nemá přístup.');
    expect(await kolega.getByRole('button', { name: /Obnovit přístup/ }).count()).toBe(1);
    const listed = ok(await org.admin.send(routes.listPeople, { path: { orgId: org.orgId } }));
    expect(listed.find((person) => person.email === karel)?.state).toBe('deactivated');
    // A deactivated admin does not count: she is the only one again.
    await eventually(() => alena.locator('.self-note').textContent()).toContain('To jste vy, jediný správce');
    await lookAt(tab, 'client-organisation-deactivated-cs');

    // The log, newest first, in Czech: who did what to whom.
    const log = page.locator('#log .log-entry');
    await eventually(() => page.locator('#log .log-what').allTextContents()).toEqual(['Zrušení přístupu: Karel Kolega', 'Změna role: Karel Kolega', 'Nové odeslání pozvánky: Karel Kolega', 'Pozvání: Karel Kolega']);
    expect(await log.nth(1).locator('.log-details').textContent()).toBe('Role: člen → správce');
    expect(await log.first().locator('.log-who').textContent()).toContain('Alena Admin');
    await lookAt(tab, 'client-organisation-log-cs');

    // Remove him: asked again, then his login is gone and the address could be invited anew.
    await kolega.getByRole('button', { name: /Odebrat…/ }).click();
    await eventually(() => kolega.locator('.confirm-panel').textContent()).toContain('Přihlašovací účet se hned smaže');
    await kolega.getByRole('button', { name: 'Odebrat: Karel Kolega' }).click();
    await eventually(() => page.locator('#people .person-notice').first().textContent()).toBe('Osoba Karel Kolega je odebrána: její přihlašovací účet je smazán.');
    await eventually(() => card(page, 'Karel Kolega').count()).toBe(0);
    await eventually(() => page.locator('#log .log-what').first().textContent()).toBe('Odebrání: Karel Kolega');
    await lookAt(tab, 'client-organisation-removed-cs');
  }, 120_000);

  it('says so when someone else changed a person meanwhile, and keeps the settings and billing details of the organisation', async () => {
    const org = await freshOrganisation('Soubeh');
    const tab = await openPortal(browser(), 'azami', 'cs');
    const { page } = tab;
    page.setDefaultTimeout(15_000);
    await page.goto(tab.url('/organisation'));
    await page.waitForURL(/\/sign-in\?next=/);
    await signIn(tab, org.emails.admin, org.passwords.admin);
    const milan = card(page, 'Milan Member');
    await milan.getByRole('button', { name: /Udělat správcem/ }).waitFor();

    // The agency makes Milan admin while her page still shows him a member: her click is refused, said, and the card shows him as he is.
    const tomas = await asDemoUser(people.admin);
    ok(await tomas.send(routes.changeRole, { path: { userId: org.member.userId! }, body: { role: 'client_admin' } }));
    await milan.getByRole('button', { name: /Udělat správcem/ }).click();
    await eventually(() => milan.getByRole('alert').textContent()).toContain('Osobu Milan Member mezitím změnil někdo jiný, takže se nic neprovedlo');
    await eventually(() => milan.locator('.person-role strong').textContent()).toBe('Správce');
    expect(await milan.getByRole('button', { name: /Udělat členem/ }).count()).toBe(1);
    await lookAt(tab, 'client-organisation-changed-meanwhile-cs');

    // Settings: members may accept offers.
    await page.getByRole('checkbox', { name: /Členové smějí přijímat nabídky/ }).check();
    await page.getByRole('button', { name: 'Uložit nastavení' }).click();
    await eventually(() => page.locator('#settings .confirmation').textContent()).toBe('Nastavení je uloženo.');

    // Billing details: a wrong DIČ is marked on its field; what was typed stays; corrected, saved.
    await page.getByRole('button', { name: 'Vyplnit fakturační údaje' }).click();
    const billing = page.locator('.billing-form');
    await billing.getByLabel('Název firmy').fill('Souběh s.r.o.');
    await billing.getByLabel('DIČ').fill('123');
    await billing.getByLabel('Ulice a číslo').fill('Krátká 3');
    await billing.getByLabel('PSČ').fill('602 00');
    await billing.getByLabel('Obec').fill('Brno');
    await billing.getByRole('button', { name: 'Uložit fakturační údaje' }).click();
    await eventually(() => billing.locator('.field.invalid label').allTextContents()).toEqual(['DIČ']);
    expect(await billing.locator('.field.invalid .field-problem').textContent()).toBe('DIČ je kód země a 2 až 12 číslic nebo písmen, např. CZ12345678.');
    expect(await billing.getByLabel('Obec').inputValue()).toBe('Brno');
    await lookAt(tab, 'client-organisation-billing-invalid-cs');
    await billing.getByLabel('DIČ').fill('CZ27082440');
    await billing.getByRole('button', { name: 'Uložit fakturační údaje' }).click();
    await eventually(() => page.locator('#billing .billing-address').textContent()).toContain('DIČ: CZ27082440');
    const stored = ok(await org.admin.send(routes.getOrganisation, { path: { orgId: org.orgId } }));
    expect(stored.settings.membersMayAcceptOffers).toBe(true);
    expect(stored.billing).toEqual({ name: 'Souběh s.r.o.', dic: 'CZ27082440', address: { street: 'Krátká 3', city: 'Brno', postalCode: '602 00', country: 'CZ' } });
    await eventually(() => page.locator('#log .log-what').allTextContents()).toEqual([
      `Změna organizace: ${stored.name}`,
      `Změna organizace: ${stored.name}`,
      'Změna role: Milan Member',
    ]);
    await lookAt(tab, 'client-organisation-settings-billing-cs');
  }, 120_000);

  it('gives a client member no organisation page: the navigation does not offer it, and its address is the not-found page', async () => {
    const org = await freshOrganisation('Clen');
    const tab = await openPortal(browser(), 'azami', 'cs');
    const { page } = tab;
    page.setDefaultTimeout(15_000);
    await page.goto(tab.url('/organisation'));
    await page.waitForURL(/\/sign-in\?next=/);
    await signIn(tab, org.emails.member, org.passwords.member);
    await page.getByRole('heading', { name: 'Taková stránka není', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Organizace', exact: true }).count()).toBe(0);
    expect(await page.locator('.person-card').count()).toBe(0);
    await lookAt(tab, 'client-organisation-member-cs');
  }, 60_000);
});
