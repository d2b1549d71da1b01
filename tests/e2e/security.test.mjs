// Nothing let in (issue 15): the page's Content-Security-Policy (scripts/csp.mjs writes it into
// the build) holds through a full journey with no violation; every request of that journey
// stays on the app's origin; a report whose text is markup shows it as text.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startApp, pageErrors, screenshot } from './lib/app.mjs';
import { loadFixture, FIXTURE } from './fixtures/report.mjs';
import { forgetEverything, openTab, pickFile, headerTitle, bareReport, exportJson, nfc, assertNoErrors } from './shell-helpers.mjs';

const TABS = ['identity', 'appendix', 'scoring', 'summary', 'words', 'print', 'compare', 'reports', 'rollup', 'guide'];

/** Records every CSP violation of the page, from its first script on. */
async function watchCsp(page) {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} «${e.sample}»`),
    );
  });
}

const violations = (page) => page.evaluate(() => window.__csp);

/** Every screen, a figure typed, the JSON export, the office worker's .xlsx, the print view. */
async function fullJourney(page) {
  await loadFixture(page);
  await openTab(page, 'appendix');
  const cell = page.locator('input[data-cell="hs_ho_tich.c5"]');
  await cell.fill('1.795');
  await cell.press('Tab');
  for (const tab of TABS) {
    await openTab(page, tab);
    await page.locator('#main > *').first().waitFor();
  }
  await openTab(page, 'summary');
  assert.ok((await page.locator('.area-bars svg.bar rect.bar-fill').count()) > 0, 'the bars are drawn');
  const out = await exportJson(page);
  assert.equal(out.json.report.values['hs_ho_tich.c5'], '1.795');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="xlsx"]')]);
  assert.equal((await readFile(await xlsx.path())).subarray(0, 2).toString(), 'PK');
  await openTab(page, 'print');
  await page.emulateMedia({ media: 'print' });
  await page.emulateMedia({ media: 'screen' });
}

describe('bảo mật trang', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  it('chính sách CSP chặt (không unsafe-inline, unsafe-eval) và không vi phạm nào trong cả hành trình', async () => {
    const page = await app.context.newPage();
    await watchCsp(page);
    try {
      await page.goto(app.url);
      await page.waitForSelector('[data-app-ready]', { state: 'attached' });
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert.ok(csp, 'the page carries a policy');
      assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
      assert.match(csp, /style-src 'self'(;|$)/);
      assert.match(csp, /worker-src 'self'/);
      assert.equal(
        await page.evaluate(() => document.head.firstElementChild.nextElementSibling.getAttribute('http-equiv')),
        'Content-Security-Policy',
        'right after <meta charset>, before anything it governs',
      );
      await forgetEverything(page);
      await fullJourney(page);
      assert.deepEqual(await violations(page), [], 'no CSP violation');
      assertNoErrors(pageErrors(page));

      // The policy is in force: inline code and a style attribute added now are refused.
      await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__inlineRan = true';
        document.body.appendChild(s);
        document.body.setAttribute('style', 'outline: 3px solid red');
      });
      await page.waitForFunction(() => window.__csp.length >= 2);
      assert.equal(await page.evaluate(() => window.__inlineRan), undefined);
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).outlineStyle), 'none');
    } finally {
      await page.close();
    }
  });

  it('mọi yêu cầu của cả hành trình đều về chính máy chủ của ứng dụng', async () => {
    const page = await app.context.newPage();
    const requests = [];
    const record = (r) => requests.push(r.url());
    app.context.on('request', record);
    try {
      await page.goto(app.url);
      await page.waitForSelector('[data-app-ready]', { state: 'attached' });
      await forgetEverything(page);
      await fullJourney(page);
      const origin = new URL(app.url).origin;
      const outside = requests.filter((u) => !u.startsWith(origin + '/') && !/^(blob|data):/.test(u));
      assert.deepEqual(outside, [], 'no request leaves the app');
      assert.ok(requests.some((u) => /office_bg\.wasm$/.test(u)), 'the journey reached the office worker');
      assert.deepEqual(app.externalRequests, []);
      assertNoErrors(pageErrors(page));
    } finally {
      app.context.off('request', record);
      await page.close();
    }
  });

  it('tên đơn vị và tài liệu kiểm chứng chứa mã HTML hiện ra đúng là chữ', (t) =>
    app.run(t, async (page) => {
      const dialogs = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        d.dismiss().catch(() => {});
      });
      const SCRIPT = '<script>alert(1)</script>';
      const IMG = '<img src=x onerror=alert(1)>';
      const assessments = structuredClone(FIXTURE.report.assessments);
      assessments['1.1.1'].evidence[0].title = IMG;
      assessments['1.1.1'].explanation = `${SCRIPT} ${IMG}`;
      const hostile = bareReport({ id: 'e2e-hostile', identity: { commune: SCRIPT, place: IMG }, values: { 'hs_ho_tich.c5': '12' }, assessments });
      await forgetEverything(page);
      await pickFile(page, 'hostile.json', JSON.stringify(hostile));
      const preview = page.locator('#import-preview');
      await preview.waitFor();
      assert.match(nfc(await preview.textContent()), /UBND xã <script>alert\(1\)<\/script>/);
      await page.click('#import-preview [data-action="confirm"]');
      assert.equal(await headerTitle(page), `UBND xã ${SCRIPT} — 6 tháng 2026`);
      await openTab(page, 'print');
      const text = nfc(await page.locator('#main').innerText());
      assert.ok(text.includes(IMG), 'the evidence title shows as typed');
      assert.ok(text.includes(SCRIPT), 'the commune shows as typed');
      await page.getByText(IMG).first().scrollIntoViewIfNeeded();
      await screenshot(page, 'hostile-as-text', { fullPage: false });
      assert.equal(await page.locator('img[src="x"]').count(), 0, 'no element made from the text');
      assert.equal(await page.locator('#main script').count(), 0);
      await page.waitForTimeout(300);
      assert.deepEqual(dialogs, [], 'no script ran');
      assertNoErrors(pageErrors(page));
    }));
});
