import { describe, expect, it } from 'vitest';
import { routes } from '../../../lib/http/routes.js';
import { asDemoUser, ok, people } from '../../support/api-client.js';
import { eventually, lookAt, openPortal, signIn, useBrowser } from '../../support/browser.js';
import { freshOrganisation } from '../../support/fresh-organisation.js';

const browser = useBrowser();

describe('the portal: a defect the agency explained', () => {
  it('reopens one explanation with a reason and closes another, on Digimadi in Czech', async () => {
    const org = await freshOrganisation('Explained');
    const agent = await asDemoUser(people.agent);
    const file = async (title: string, explanation: string) => {
      const { requestId } = ok(await org.admin.send(routes.createRequest, { body: { type: 'defect', title, description: 'Nejde to.', platform: 'digimadi' } }));
      const answered = ok(await agent.send(routes.takeAction, { path: { requestId }, body: { action: 'explain', note: explanation } }));
      expect(answered).toMatchObject({ status: 'answered', reopenUntil: expect.any(String) });
      return requestId;
    };
    const reopened = await file('Platba kartou neprojde', 'Nejde o chybu: platba kartou je v testovacím režimu.');
    const closed = await file('Obrázky se nenačítají', 'Vyčistěte prosím mezipaměť prohlížeče.');

    const tab = await openPortal(browser(), 'digimadi', 'cs');
    const { page } = tab;
    await page.goto(tab.url(`/requests/${reopened}`));
    await page.waitForURL(/\/sign-in/);
    await signIn(tab, org.emails.member, org.passwords.member);
    await page.getByRole('heading', { name: 'Odpověď agentury' }).waitFor();
    await eventually(() => page.locator('.explanation .markdown').textContent()).toBe('Nejde o chybu: platba kartou je v testovacím režimu.');
    // Until when it may be reopened, and what happens after.
    expect(await page.locator('.explanation').textContent()).toMatch(/můžete požadavek znovu otevřít do .+ \(za 7 dní\); potom se uzavře sám\./);
    await lookAt(tab, 'explanation-digimadi-cs');

    // Reopen needs a reason: typed, kept, sent; the request is back to clarifying.
    await page.getByRole('button', { name: 'Znovu otevřít…' }).click();
    await page.getByLabel('Proč požadavek znovu otevíráte?').fill('V ostrém režimu platba také neprojde.');
    await lookAt(tab, 'explanation-reopen-digimadi-cs');
    await page.getByRole('button', { name: 'Znovu otevřít požadavek' }).click();
    await eventually(() => page.locator('.request-head .status').textContent()).toBe('Upřesňuje se');
    expect(await page.locator('.explanation').count()).toBe(0);
    await lookAt(tab, 'explanation-reopened-digimadi-cs');
    const timeline = ok(await org.admin.send(routes.listTimeline, { path: { requestId: reopened } })).items;
    expect(timeline.filter((entry) => entry.details?.action === 'reopen').map((entry) => entry.body)).toEqual(['V ostrém režimu platba také neprojde.']);

    // The other one the client closes: the answer solved it.
    await page.goto(tab.url(`/requests/${closed}`));
    await page.getByRole('heading', { name: 'Odpověď agentury' }).waitFor();
    await page.getByRole('button', { name: 'Uzavřít: odpověď to řeší' }).click();
    await eventually(() => page.locator('.request-head .status').textContent()).toBe('Uzavřeno');
    expect(await page.locator('.explanation').count()).toBe(0);
    await lookAt(tab, 'explanation-closed-digimadi-cs');
    expect(ok(await org.admin.send(routes.getRequest, { path: { requestId: closed } })).status).toBe('closed');
  }, 120_000);
});
