import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect, it } from 'vitest';
import { routes } from '../../../lib/http/routes.js';
import { asDemoUser, newInquiry, ok, people, type SignedIn } from '../../support/api-client.js';
import { eventually, lookAt, lookAtUnfocused, openPortal, signInAsDemo, useBrowser, type PortalTab } from '../../support/browser.js';
import { freshOrganisation } from '../../support/fresh-organisation.js';
import { startReceiver, type Receiver } from '../../support/webhook-receiver.js';

const browser = useBrowser();

/** The receivers this file starts: every subscription to them is deleted at the end, whatever failed. */
const receivers: Receiver[] = [];

afterAll(async () => {
  const admin = await asDemoUser(people.admin);
  const urls = new Set(receivers.map((receiver) => receiver.url));
  const { items } = ok(await admin.send(routes.listWebhookSubscriptions));
  for (const subscription of items.filter((one) => urls.has(one.url))) await admin.send(routes.deleteWebhookSubscription, { path: { subscriptionId: subscription.subscriptionId } });
  await Promise.all(receivers.map((receiver) => receiver.stop()));
});

/** The events the receiver got about a request, by type, in the order they came. */
const typesAbout = (receiver: Receiver, requestId: string) => receiver.about(requestId).map((one) => one.event.type);

/** The subscription to `url`, as the API lists it. */
const subscriptionTo = async (admin: SignedIn, url: string) => ok(await admin.send(routes.listWebhookSubscriptions)).items.find((one) => one.url === url);

/** Opens the Add form, with nothing chosen yet. */
const openAddForm = async (tab: PortalTab, add: string) => {
  await tab.page.getByRole('button', { name: add }).click();
  await tab.page.locator('form.hook-form').waitFor();
};

describe('the portal: the agency admin’s webhooks', () => {
  it('subscribes a receiver to one organisation’s filed requests and messages, shows the secret once, and the receiver gets both events signed; rotates, changes, sends again, disables and deletes it, in English', async () => {
    const org = await freshOrganisation('Hooks');
    const receiver = await startReceiver();
    receivers.push(receiver);
    const admin = await asDemoUser(people.admin);

    const tab = await openPortal(browser(), 'azami', 'en');
    const { page } = tab;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(tab.url('/')).origin });
    await page.goto(tab.url('/webhooks'));
    await signInAsDemo(tab, people.admin);
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).getAttribute('aria-current')).toBe('page');
    await page.locator('.hook-table, .empty').first().waitFor();
    await lookAt(tab, 'webhooks-list-en');

    // The form: a private address is refused on the field, in a sentence; what was typed stays.
    await openAddForm(tab, 'Add a subscription…');
    const url = page.getByLabel('Receiver’s URL');
    expect(await page.locator('.hook-form .hint').filter({ hasText: 'npm run webhooks:listen' }).count()).toBe(1);
    await url.fill('https://10.0.0.5/hook');
    await page.getByRole('button', { name: 'Choose all' }).click();
    for (const box of await page.getByRole('checkbox').all()) expect(await box.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Choose none' }).click();
    await page.getByRole('checkbox', { name: /^Request filed/ }).check();
    await page.getByRole('checkbox', { name: /^Message posted/ }).check();
    await page.getByLabel('Organisation').locator(`option[value="${org.orgId}"]`).waitFor({ state: 'attached' });
    await page.getByLabel('Organisation').selectOption(org.orgId);
    await page.getByLabel('Description (optional)').fill('Hooks receiver');
    await lookAtUnfocused(tab, 'webhooks-add-form-en');
    await page.getByRole('button', { name: 'Add the subscription' }).click();
    await eventually(() => page.locator('.field.invalid .field-problem').textContent()).toBe(
      'This address is in a private network, on this machine or link-local: webhooks go to public addresses only.',
    );
    expect(await url.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('checkbox', { name: /^Message posted/ }).isChecked()).toBe(true);
    await lookAtUnfocused(tab, 'webhooks-add-refused-en');

    // The receiver's address is taken; the secret is shown once, said so, and copied.
    await url.fill(receiver.url);
    await page.getByRole('button', { name: 'Add the subscription' }).click();
    await page.getByRole('heading', { name: 'Signing secret: shown this once' }).waitFor();
    expect(await page.locator('.secret-panel').textContent()).toContain('Copy it now: it won’t be shown again.');
    const secret = (await page.locator('.secret-value').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    await page.getByRole('button', { name: 'Copy the secret' }).click();
    await eventually(() => page.locator('.secret-copied').textContent()).toBe('Copied to the clipboard.');
    // The page's own clipboard, read as the person would paste it (the tests have no DOM types: an expression).
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(secret);
    expect(await page.locator('.secret-verify').textContent()).toContain('new Webhook(secret).verify(body, headers)');
    const row = page.locator('.hook-table tbody tr').filter({ hasText: 'Hooks receiver' });
    await row.waitFor();
    expect(await row.locator('.hook-gets-events').textContent()).toBe('Request filed, Message posted');
    expect(await row.locator('.hook-gets-org').textContent()).toMatch(/^Only Hooks [0-9a-f]{8}$/);
    expect(await row.locator('.hook-state').textContent()).toBe('Active');
    expect(await row.getByRole('cell').last().textContent()).toBe('Nothing delivered yet');
    await lookAt(tab, 'webhooks-secret-shown-en');
    const created = await subscriptionTo(admin, receiver.url);
    expect(created).toMatchObject({ eventTypes: ['request.created', 'message.posted'], orgId: org.orgId, description: 'Hooks receiver', state: 'active' });
    const subscriptionId = created!.subscriptionId;

    // The client files a request and writes: the receiver gets both, signed with the secret shown.
    const { requestId } = ok(await org.admin.send(routes.createRequest, { body: newInquiry('Webhooky v portálu') }));
    ok(await org.admin.send(routes.postMessage, { path: { requestId }, body: { body: 'Posíláme podklady.' } }));
    await eventually(async () => typesAbout(receiver, requestId)).toEqual(['request.created', 'message.posted']);
    for (const one of receiver.about(requestId)) expect(new Webhook(secret).verify(one.body, one.headers)).toEqual(one.event);

    // Its page: the deliveries, delivered, each with its try and the body that was sent.
    await page.getByRole('button', { name: 'I have stored it' }).click();
    expect(await page.locator('.secret-panel').count()).toBe(0);
    await row.getByRole('link', { name: 'Hooks receiver' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hooks receiver' }).waitFor();
    const deliveries = page.locator('li.hook-delivery');
    await eventually(() => deliveries.locator('.hook-delivery-event').allTextContents()).toEqual(['Message posted', 'Request filed']);
    await eventually(() => page.locator('li.hook-delivery-delivered').count()).toBe(2);
    const filed = page.locator('li.hook-delivery[data-event="request.created"]');
    expect(await filed.locator('.request-ref').textContent()).toBe(`#${requestId} Webhooky v portálu`);
    expect(await filed.locator('.request-ref').getAttribute('href')).toBe(`/requests/${requestId}`);
    expect(await filed.locator('.hook-attempt-outcome').allTextContents()).toEqual(['HTTP 204: received']);
    await filed.getByText('What was sent (JSON)').click();
    expect(await filed.locator('.hook-payload pre').textContent()).toContain('"type": "request.created"');
    await lookAt(tab, 'webhooks-deliveries-en');
    // The same page in Czech, as the switch in the header gives it.
    await page.getByLabel('Language').selectOption('cs');
    await page.getByRole('heading', { name: 'Poslední doručení' }).waitFor();
    expect(await filed.locator('.hook-attempt-outcome').allTextContents()).toEqual(['HTTP 204: přijato']);
    await lookAt(tab, 'webhooks-deliveries-cs');
    await page.getByLabel('Jazyk').selectOption('en');
    await page.getByRole('heading', { name: 'Recent deliveries' }).waitFor();

    // Send again: the same event, with the same webhook-id, a second time.
    await filed.getByRole('button', { name: /^Send again/ }).click();
    await eventually(() => page.locator('.ops-result').textContent()).toContain('is being sent again');
    await eventually(async () => typesAbout(receiver, requestId)).toEqual(['request.created', 'message.posted', 'request.created']);
    const [first, , again] = receiver.about(requestId);
    expect(again!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    await eventually(() => filed.locator('.hook-attempt-outcome').allTextContents()).toEqual(['HTTP 204: received', 'HTTP 204: received']);

    // Rotation, asked first: a new secret, the old one signing beside it until the time the API gave.
    await page.getByRole('button', { name: 'Rotate the secret…' }).click();
    expect(await page.locator('.confirm-panel').textContent()).toContain('keeps signing every delivery beside it for 24 hours');
    await lookAt(tab, 'webhooks-rotate-confirm-en');
    await page.getByRole('button', { name: 'Rotate the secret', exact: true }).click();
    await page.getByRole('heading', { name: 'Signing secret: shown this once' }).waitFor();
    const rotated = (await page.locator('.secret-value').textContent()) ?? '';
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    expect(await page.locator('.secret-panel').textContent()).toMatch(/Until .+ every delivery is signed with the old one too/);
    await eventually(() => page.locator('.hook-facts').textContent()).toContain('the one before still signs too, until');
    await lookAt(tab, 'webhooks-rotated-en');
    ok(await org.member.send(routes.postMessage, { path: { requestId }, body: { body: 'A ještě jedna věc.' } }));
    await eventually(async () => typesAbout(receiver, requestId).filter((type) => type === 'message.posted').length).toBe(2);
    const latest = receiver.about(requestId).at(-1)!;
    expect(latest.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(new Webhook(rotated).verify(latest.body, latest.headers)).toEqual(latest.event);
    expect(new Webhook(secret).verify(latest.body, latest.headers)).toEqual(latest.event);
    await page.getByRole('button', { name: 'I have stored it' }).click();

    // The receiver fails: the delivery is being retried, its try's status in words, and the subscription is failing.
    receiver.answer(500);
    ok(await org.admin.send(routes.postMessage, { path: { requestId }, body: { body: 'Tohle neprojde.' } }));
    await eventually(async () => typesAbout(receiver, requestId).filter((type) => type === 'message.posted').length).toBe(3);
    const retrying = page.locator('li.hook-delivery-pending');
    await eventually(() => retrying.locator('.hook-delivery-where').textContent()).toMatch(/^Being retried: next try .+\.$/);
    expect(await retrying.locator('.hook-attempt-outcome').first().textContent()).toBe('HTTP 500: the receiver refused it');
    expect(await retrying.getByRole('button', { name: /^Send again/ }).count()).toBe(0);
    await eventually(() => page.locator('.hook-facts .hook-state').textContent()).toBe('Active, failing');
    expect(await page.locator('.hook-facts .hook-state-note').textContent()).toMatch(/^Every delivery has failed since .+ orderdesk disables it after 5 days of failures/);
    await lookAt(tab, 'webhooks-retrying-en');
    receiver.answer(204);

    // A change: every organisation's requests now, and a new description.
    await page.getByRole('button', { name: 'Change…' }).click();
    await page.getByLabel('Organisation').selectOption('');
    await page.getByLabel('Description (optional)').fill('Hooks receiver, all clients');
    await lookAtUnfocused(tab, 'webhooks-change-en');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await eventually(() => page.locator('.hook-notice').textContent()).toBe('The changes are saved: the next events go by them.');
    await page.getByRole('heading', { level: 1, name: 'Hooks receiver, all clients' }).waitFor();
    expect(await page.locator('.hook-facts').textContent()).toContain('All organisations');
    expect(ok(await admin.send(routes.getWebhookSubscription, { path: { subscriptionId } }))).not.toHaveProperty('orgId');

    // Disabled: said so, and nothing offers to send again.
    await page.getByRole('button', { name: 'Disable' }).click();
    await eventually(() => page.locator('.hook-notice').textContent()).toBe('Disabled: nothing is sent to it until it is enabled again.');
    expect(await page.locator('.hook-facts .hook-state').textContent()).toBe('Disabled by an admin');
    expect(await page.getByRole('button', { name: /^Send again/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Enable' }).count()).toBe(1);
    expect(ok(await admin.send(routes.getWebhookSubscription, { path: { subscriptionId } }))).toMatchObject({ state: 'disabled', disabledReason: 'by_admin' });
    await lookAt(tab, 'webhooks-disabled-en');

    // Deleted, asked first: back on the list, which no longer has it.
    await page.getByRole('button', { name: 'Delete…' }).click();
    expect(await page.locator('.confirm-panel').textContent()).toContain(`Nothing more is sent to ${receiver.url}`);
    await lookAt(tab, 'webhooks-delete-confirm-en');
    await page.getByRole('button', { name: 'Delete the subscription' }).click();
    await page.waitForURL(/\/webhooks\?deleted=1$/);
    await eventually(() => page.locator('.confirmation').textContent()).toBe('The subscription is deleted: nothing more is sent to it.');
    await page.locator('.hook-table, .empty').first().waitFor();
    expect(await page.locator('.hook-table tbody tr').filter({ hasText: 'Hooks receiver' }).count()).toBe(0);
    expect((await admin.send(routes.getWebhookSubscription, { path: { subscriptionId } })).status).toBe(404);
    await lookAt(tab, 'webhooks-deleted-en');
  }, 240_000);

  it('refuses a private address on the field in Czech, and keeps what was typed across a reload', async () => {
    const tab = await openPortal(browser(), 'digimadi', 'cs');
    const { page } = tab;
    await page.goto(tab.url('/webhooks'));
    await signInAsDemo(tab, people.admin);
    await page.getByRole('heading', { level: 1, name: 'Webhooky' }).waitFor();
    await openAddForm(tab, 'Přidat odběr…');
    await page.getByLabel('URL příjemce').fill('https://10.0.0.5/hook');
    await page.getByRole('checkbox', { name: /^Nová zpráva/ }).check();
    await page.getByRole('button', { name: 'Přidat odběr', exact: true }).click();
    await eventually(() => page.locator('.field.invalid .field-problem').textContent()).toBe(
      'Tahle adresa je v privátní síti, na tomto stroji nebo link-local: webhooky se posílají jen na veřejné adresy.',
    );
    await lookAtUnfocused(tab, 'webhooks-add-refused-cs');
    // Nothing typed is lost: a reload opens the form again with it.
    await page.reload();
    await page.locator('form.hook-form').waitFor();
    expect(await page.getByLabel('URL příjemce').inputValue()).toBe('https://10.0.0.5/hook');
    expect(await page.getByRole('checkbox', { name: /^Nová zpráva/ }).isChecked()).toBe(true);
    // Nothing is left without an event: the API's refusal is the page's sentence on the group.
    await page.getByRole('button', { name: 'Zrušit výběr' }).click();
    await page.getByRole('button', { name: 'Přidat odběr', exact: true }).click();
    await eventually(() => page.locator('.hook-events .field-problem').textContent()).toBe('Vyberte alespoň jednu událost.');
    await page.getByRole('button', { name: 'Zpět' }).click();
    expect(await page.locator('form.hook-form').count()).toBe(0);
  }, 120_000);

  it('offers an agent no Webhooks, and tells them the page is the agency admins’', async () => {
    const tab = await openPortal(browser(), 'azami', 'cs');
    const { page } = tab;
    await page.goto(tab.url('/webhooks'));
    await signInAsDemo(tab, people.agent);
    await page.getByRole('heading', { level: 1, name: 'Webhooky' }).waitFor();
    expect(await page.locator('.hook-admins-only').textContent()).toContain('Webhooky spravují správci agentury');
    expect(await page.getByRole('navigation', { name: 'Hlavní' }).getByRole('link', { name: 'Webhooky' }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Hlavní' }).getByRole('link', { name: 'Tým' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Přidat odběr…' }).count()).toBe(0);
    await lookAt(tab, 'webhooks-agent-cs');
  }, 60_000);
});
