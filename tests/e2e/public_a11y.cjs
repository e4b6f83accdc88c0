// End-to-end: the public catalogue in headless Chromium (Debian's chromium, driven by
// playwright-core). With script switched off a resident searches, opens a service and computes a fee
// with the GET form; then axe-core (npm, injected from node_modules) checks the home page, a service
// page, search results, the fee calculator, the contact form and the partner institutions' form with
// their error summaries, the institutions' list and an institution's page in Polish and Ukrainian against the WCAG 2.0/2.1 A and AA rules: zero violations. Input from the environment:
// PUBLIC_URL, SERVER_SPKI (base64 SHA-256 of the server key's SPKI), optional SCREENSHOT_DIR.
'use strict';
const { launchChromium } = require('./chromium.cjs');

const failures = [];
function fail(message) {
  failures.push(message);
  console.error('e2e: ' + message);
}

(async () => {
  const url = process.env.PUBLIC_URL;
  const shots = process.env.SCREENSHOT_DIR || '';
  const browser = await launchChromium();
  try {
    // 1. No script at all: the pages and the fee calculator work as plain HTML forms.
    const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const p = await plain.newPage();
    p.setDefaultTimeout(20000);
    await p.goto(url + '/public/pl/');
    await p.getByLabel('Czego szukasz?').fill('wozek');
    await p.getByRole('search').getByRole('button', { name: 'Szukaj' }).click();
    await p.waitForURL(/\/public\/pl\/search\?q=wozek/);
    const found = p.getByRole('link', { name: /Wypożyczalnia/ });
    if ((await found.count()) < 1) fail('searching "wozek" did not find the lending service');
    await p.goto(url + '/public/pl/fee');
    await p.getByLabel('Mieszkam z rodziną').check();
    await p.getByLabel(/Miesięczny dochód netto/).fill('1234,50');
    await p.getByRole('button', { name: 'Oblicz' }).click();
    await p.waitForURL(/income=1234%2C50/);
    const answer = await p.locator('.answer').textContent();
    // 1234,50 zł per person is exactly 150 % of 823,00 zł: the family column's 10 %.
    if (!answer.includes('Miesięczna odpłatność: 10% kosztów')) fail('fee without script: ' + answer);
    if (shots) await p.screenshot({ path: shots + '/public-fee.png', fullPage: true });
    // The skip link is the first stop of the keyboard and leads to the main content.
    await p.goto(url + '/public/uk/');
    await p.keyboard.press('Tab');
    const focused = await p.evaluate(() => document.activeElement && document.activeElement.className).catch(() => null);
    if (focused !== null && focused !== 'skip') fail('the first Tab stop is not the skip link: ' + focused);
    await plain.close();

    // 2. axe-core on each page; the CSP forbids every script, so this context bypasses it for axe only.
    const audit = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await audit.newPage();
    page.setDefaultTimeout(20000);
    const axePath = require.resolve('axe-core/axe.min.js');
    const pages = [];
    for (const lang of ['pl', 'uk']) {
      pages.push('/public/' + lang + '/');
      pages.push('/public/' + lang + '/service/lapy-mieszkanie-chronione');
      pages.push('/public/' + lang + '/service/lapy-wypozyczalnia');
      pages.push('/public/' + lang + '/search?q=w%C3%B3zek');
      pages.push('/public/' + lang + '/area/06-niepelnosprawnosc');
      // an area the catalogue added (decision 0012) and a service naming it
      pages.push('/public/' + lang + '/area/15-opieka-w-domu');
      pages.push('/public/' + lang + '/service/lapy-uslugi-opiekuncze');
      pages.push('/public/' + lang + '/fee?service=lapy-mieszkanie-chronione&household=single&income=1515%2C01');
      pages.push('/public/' + lang + '/fee?service=lapy-mieszkanie-chronione&household=single&income=abc');
      pages.push('/public/' + lang + '/contact');
      pages.push('/public/' + lang + '/schedule');
      // partner institutions (docs/partners.md): the form, a service's texts loaded for a change, the list
      // and an institution's page
      pages.push('/public/' + lang + '/partner');
      pages.push('/public/' + lang + '/partner?service=lapy-cas');
      pages.push('/public/' + lang + '/institutions');
      pages.push('/public/' + lang + '/institution/biblioteka-lapy');
    }
    let checked = 0;
    for (const path of pages) {
      await page.goto(url + path);
      await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(() => axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      }));
      for (const v of result.violations)
        fail(path + ': ' + v.id + ' (' + v.impact + '): ' + v.help + ' at ' +
          v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '));
      checked += 1;
    }
    // The contact form after a refusal: its error summary and the marked fields.
    for (const lang of ['pl', 'uk']) {
      await page.goto(url + '/public/' + lang + '/contact');
      // The browser's own checks pass (required fields filled); the server refuses the name's digit
      // and the missing phone or e-mail.
      await page.locator('#name').fill('An1a');
      await page.locator('#topic').fill('Pytanie o wypożyczalnię');
      await page.locator('#consent').check();
      await page.locator('form.contact button[type=submit]').click();
      await page.waitForLoadState();
      if ((await page.locator('.errors').count()) < 1) fail(lang + ': no error summary after a refused form');
      await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(() => axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      }));
      for (const v of result.violations)
        fail('contact form with errors (' + lang + '): ' + v.id + ': ' + v.help + ' at ' +
          v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '));
      if (shots) await page.screenshot({ path: shots + '/public-contact-' + lang + '.png', fullPage: true });
      checked += 1;
    }
    // The partner form after a refusal: the name's digit and a wrong answer to the question.
    for (const lang of ['pl', 'uk']) {
      await page.goto(url + '/public/' + lang + '/partner');
      await page.locator('#inst_name').fill('Fundacja Testowa');
      await page.locator('#address').fill('ul. Polna 1, Łapy');
      await page.locator('#profile').fill('Prowadzimy zajęcia dla seniorów.');
      await page.locator('#contact_name').fill('An1a');
      await page.locator('#answer').fill('0');
      await page.locator('form.contact button[type=submit]').click();
      await page.waitForLoadState();
      if ((await page.locator('.errors').count()) < 1) fail(lang + ': no error summary after a refused partner form');
      await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(() => axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      }));
      for (const v of result.violations)
        fail('partner form with errors (' + lang + '): ' + v.id + ': ' + v.help + ' at ' +
          v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '));
      if (shots) await page.screenshot({ path: shots + '/public-partner-' + lang + '.png', fullPage: true });
      checked += 1;
    }
    if (shots) {
      await page.goto(url + '/public/uk/service/lapy-mieszkanie-chronione');
      await page.screenshot({ path: shots + '/public-service-uk.png', fullPage: true });
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: shots + '/public-service-uk-print.png', fullPage: true });
      await page.emulateMedia({ media: 'screen' });
      for (const lang of ['pl', 'uk']) {
        await page.goto(url + '/public/' + lang + '/schedule');
        await page.screenshot({ path: shots + '/public-schedule-' + lang + '.png', fullPage: true });
      }
    }
    console.log('e2e: axe-core checked ' + checked + ' public pages; violations: ' + failures.length);
  } finally {
    await browser.close();
  }
  if (failures.length > 0) process.exitCode = 1;
})().catch((e) => {
  console.error('e2e: ' + (e && e.stack ? e.stack : e));
  process.exitCode = 1;
});
