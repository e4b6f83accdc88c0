// End-to-end: a coordinator works the callback queue in headless Chromium (Debian's chromium,
// driven by playwright-core). The server's certificate comes from a CA made at test time; Chromium
// trusts exactly that key through --ignore-certificate-errors-spki-list (no blanket
// --ignore-certificate-errors). Input from the environment: PANEL_URL, PANEL_USER, PANEL_PASSWORD,
// SERVER_SPKI (base64 SHA-256 of the server key's SPKI), CALLBACK_CODE, optional UNIT (an inventory
// number in "cleaning" that the coordinator then marks cleaned on the units page), optional IDEA
// (the text of an idea a kiosk sent, which the coordinator reads and marks answered on the idea
// box's page), optional SCREENSHOT_DIR.
'use strict';
const { launchChromium } = require('./chromium.cjs');

function fail(message) {
  console.error('e2e: ' + message);
  process.exitCode = 1;
}

(async () => {
  const url = process.env.PANEL_URL;
  const code = process.env.CALLBACK_CODE;
  const shots = process.env.SCREENSHOT_DIR || '';
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'pl-PL' });
    page.setDefaultTimeout(20000);

    // Without a session the queue sends the browser to the login page.
    await page.goto(url + '/panel/callbacks');
    if (!page.url().endsWith('/panel/login')) return fail('expected the login page, got ' + page.url());
    if (shots) await page.screenshot({ path: shots + '/login.png', fullPage: true });

    // Log in with the keyboard only: labelled fields, Tab and Enter.
    await page.getByLabel('Login').fill(process.env.PANEL_USER);
    await page.keyboard.press('Tab');
    await page.keyboard.type(process.env.PANEL_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/panel\/callbacks$/);
    const heading = await page.getByRole('heading', { level: 1 }).textContent();
    if (heading !== 'Prośby o telefon') return fail('unexpected heading ' + heading);

    const row = page.getByRole('row').filter({ hasText: code });
    if ((await row.count()) !== 1) return fail('the callback ' + code + ' is not in the queue');
    if (shots) await page.screenshot({ path: shots + '/queue.png', fullPage: true });

    await row.getByLabel('Wynik próby').selectOption('done');
    await row.getByRole('button', { name: 'Zapisz próbę dla ' + code }).click();
    await page.waitForURL(/msg=done/);
    const status = await page.getByRole('status').first().textContent();
    if (!status.includes('Prośba załatwiona')) return fail('no confirmation, got: ' + status);
    if ((await page.getByRole('row').filter({ hasText: code }).count()) !== 0)
      return fail('the done request is still in the queue');
    if (shots) await page.screenshot({ path: shots + '/done.png', fullPage: true });
    console.log('e2e: callback ' + code + ' marked done through the panel');

    const unit = process.env.UNIT || '';
    if (unit) {
      // The equipment page is one link away in the navigation.
      await page.getByRole('navigation').getByRole('link', { name: 'Sprzęt' }).click();
      await page.waitForURL(/\/panel\/units$/);
      const unitRow = page.getByRole('row').filter({ hasText: unit });
      if ((await unitRow.count()) !== 1) return fail('the unit ' + unit + ' is not listed');
      await unitRow.getByRole('button', { name: 'Czyszczenie zakończone: ' + unit }).click();
      await page.waitForURL(/msg=cleaning-done/);
      const saved = await page.getByRole('status').first().textContent();
      if (!saved.includes('Zapisano')) return fail('no confirmation for the unit, got: ' + saved);
      const state = await page.getByRole('row').filter({ hasText: unit }).getByRole('cell').nth(1).textContent();
      if (!state.startsWith('dostępna')) return fail('the unit is not shown as available: ' + state);
      if (shots) await page.screenshot({ path: shots + '/units.png', fullPage: true });
      console.log('e2e: unit ' + unit + ' marked cleaned through the panel');
    }

    const idea = process.env.IDEA || '';
    if (idea) {
      // What residents wrote in the idea box is one link away; the new idea is there, unanswered.
      await page.getByRole('navigation').getByRole('link', { name: 'Pomysły i oceny' }).click();
      await page.waitForURL(/\/panel\/ideas$/);
      const ideaRow = page.getByRole('row').filter({ hasText: idea });
      if ((await ideaRow.count()) !== 1) return fail('the idea is not listed');
      const before = await ideaRow.getByRole('cell').nth(3).textContent();
      if (!before.startsWith('nowy')) return fail('a new idea is shown as: ' + before);
      await ideaRow.getByLabel('Nowy stan pomysłu').selectOption('answered');
      await ideaRow.getByRole('button', { name: 'Zapisz stan' }).click();
      await page.waitForURL(/msg=status/);
      const after = await page.getByRole('row').filter({ hasText: idea }).getByRole('cell').nth(3).textContent();
      if (!after.startsWith('z odpowiedzią (Anna Koordynator')) return fail('the idea is shown as: ' + after);
      // Filtered to the new ones, the answered idea is gone.
      await page.getByLabel('Stan', { exact: true }).selectOption('new');
      await page.getByRole('button', { name: 'Pokaż' }).click();
      await page.waitForURL(/status=new/);
      if ((await page.getByRole('row').filter({ hasText: idea }).count()) !== 0)
        return fail('the answered idea is still among the new ones');
      if (shots) await page.screenshot({ path: shots + '/ideas.png', fullPage: true });
      console.log('e2e: idea read and marked answered through the panel');
    }
  } finally {
    await browser.close();
  }
})().catch((e) => fail(e && e.stack ? e.stack : String(e)));
