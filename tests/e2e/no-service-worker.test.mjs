// Without service workers (issue 15): a browser setting, a private window, or the app served
// over plain http from a LAN address. The page runs with no uncaught error, keeps what is typed,
// and says once, quietly, that it will not open offline in this browser.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, launchBrowser, pageErrors, waitForAppReady, screenshot } from './lib/app.mjs';
import { waitSaved, openTab, nfc, assertNoErrors } from './shell-helpers.mjs';

const NOTE = '[data-offline-unavailable]';

/** The note shows, the officer types, it is saved, no error; hidden, it stays hidden. */
async function worksWithoutServiceWorker(page, shot) {
  const note = page.locator(NOTE);
  await note.waitFor();
  assert.match(nfc(await note.textContent()), /Trình duyệt này không cho ứng dụng chạy khi mất mạng/);
  assert.equal(await note.getAttribute('role'), 'status', 'quiet: a status, not an alert');
  assert.equal(await page.locator('.notices .banner').count(), 0, 'no alarm banner');
  await screenshot(page, shot);
  await openTab(page, 'appendix');
  await page.fill('input[data-cell="hs_ho_tich.c5"]', '1.794');
  await waitSaved(page);
  await page.click(`${NOTE} button`);
  await note.waitFor({ state: 'detached' });
  await page.reload();
  await waitForAppReady(page);
  await openTab(page, 'appendix');
  assert.equal(await page.inputValue('input[data-cell="hs_ho_tich.c5"]'), '1.794');
  assert.equal(await page.locator(NOTE).count(), 0, 'said once');
  assertNoErrors(pageErrors(page));
}

describe('không có service worker', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  it('trình duyệt không có navigator.serviceWorker: không lỗi, báo nhẹ một lần', async () => {
    const page = await app.context.newPage();
    await page.addInitScript(() => {
      delete Navigator.prototype.serviceWorker;
    });
    try {
      await page.goto(app.url);
      await waitForAppReady(page);
      assert.equal(await page.evaluate(() => 'serviceWorker' in navigator), false);
      await worksWithoutServiceWorker(page, 'no-sw-absent');
    } finally {
      await page.close();
    }
  });

  it('navigator.serviceWorker có nhưng là undefined, hoặc đăng ký bị từ chối: không lỗi', async () => {
    for (const [name, script] of [
      ['undefined', () => Object.defineProperty(Navigator.prototype, 'serviceWorker', { get: () => undefined })],
      [
        'refused',
        () => {
          ServiceWorkerContainer.prototype.register = () =>
            Promise.reject(new DOMException('Service workers are disabled.', 'SecurityError'));
        },
      ],
      ['odd registration', () => (ServiceWorkerContainer.prototype.register = () => Promise.resolve(undefined))],
    ]) {
      const page = await app.context.newPage();
      await page.addInitScript(script);
      try {
        await page.goto(app.url);
        await waitForAppReady(page);
        await page.evaluate(() => localStorage.removeItem('phuluc-cchc/offline-note-seen'));
        await page.reload();
        await waitForAppReady(page);
        await page.locator(NOTE).waitFor();
        assert.deepEqual(pageErrors(page), [], `${name}: no console error or uncaught exception`);
      } finally {
        await page.close();
      }
    }
  });

  it('mở qua http từ một địa chỉ trong mạng nội bộ (không phải localhost): không lỗi, báo nhẹ', async () => {
    // A name the browser resolves to this machine, reached over plain http: not a secure
    // context, so the browser offers no service worker at all.
    const browser = await launchBrowser({
      args: ['--host-resolver-rules=MAP phuluc.lan 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
    });
    try {
      const page = await browser.context.newPage();
      const url = app.url.replace('127.0.0.1', 'phuluc.lan');
      await page.goto(url);
      await waitForAppReady(page);
      assert.equal(await page.evaluate(() => window.isSecureContext), false);
      await worksWithoutServiceWorker(page, 'no-sw-lan-http');
    } finally {
      await browser.close();
    }
  });
});
