// A browser that cannot run the app sees a Vietnamese message saying what to use instead
// (assets/boot.js), not a blank page: Chromium without WebAssembly, and a build whose .wasm
// does not compile (what a browser lacking a feature the build uses would meet).
//
// V8's jitless mode takes WebAssembly away (as Edge's enhanced security mode can); Chromium 148
// no longer honours --noexpose_wasm.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, startServer, screenshot, DIST_DIR, APP_READY_SELECTOR } from './lib/app.mjs';

const nfc = (s) => (s ?? '').normalize('NFC');

async function message(page) {
  await page.waitForSelector('#unsupported', { timeout: 15_000 });
  return nfc(await page.locator('#unsupported').innerText());
}

function assertSaysWhatToUse(text) {
  assert.match(text, /Trình duyệt này chưa chạy được Phụ lục CCHC/);
  assert.match(text, /Chrome, Microsoft Edge hoặc Cốc Cốc từ phiên bản 109/);
  assert.match(text, /Firefox từ phiên bản 115/);
}

describe('trình duyệt không chạy được ứng dụng', () => {
  let server;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server?.stop();
  });

  it('không có WebAssembly: thông báo bằng tiếng Việt nên dùng trình duyệt nào', async (t) => {
    const browser = await launchBrowser({ args: ['--js-flags=--jitless'], viewport: { width: 1024, height: 640 } });
    try {
      const page = await browser.context.newPage();
      await page.goto(server.url);
      assert.equal(await page.evaluate(() => typeof WebAssembly), 'undefined', 'the flag took WebAssembly away');
      assertSaysWhatToUse(await message(page));
      assert.equal(await page.getAttribute('#unsupported', 'data-reason'), 'no-webassembly');
      assert.equal(await page.getAttribute('#unsupported', 'role'), 'alert');
      assert.equal(await page.locator(APP_READY_SELECTOR).count(), 0);
      t.diagnostic(`screenshot ${await screenshot(page, 'khong-co-webassembly', { fullPage: false })}`);
    } finally {
      await browser.close();
    }
  });

  it('bản dựng không khởi động được (wasm hỏng): cũng thông báo, không để trang trắng', async (t) => {
    const broken = await mkdtemp(join(tmpdir(), 'phuluc-e2e-broken-'));
    let brokenServer;
    const browser = await launchBrowser();
    try {
      await cp(DIST_DIR, broken, { recursive: true });
      // No service worker here: it would serve the good build from its cache.
      await rm(join(broken, 'sw.js'));
      // The app's module (the office worker's is loaded only when used).
      const wasm = (await readdir(broken)).filter((f) => f.endsWith('_bg.wasm') && !f.startsWith('office'));
      assert.equal(wasm.length, 1, `the app's .wasm in dist/: ${wasm}`);
      await writeFile(join(broken, wasm[0]), Buffer.from('\0asm\x01\0\0\0 not a module'));
      brokenServer = await startServer({ root: broken });
      const page = await browser.context.newPage();
      await page.goto(brokenServer.url);
      assertSaysWhatToUse(await message(page));
      assert.equal(await page.getAttribute('#unsupported', 'data-reason'), 'start-failed');
      t.diagnostic(`screenshot ${await screenshot(page, 'khoi-dong-loi', { fullPage: false })}`);
    } finally {
      await browser.close();
      await brokenServer?.stop();
      await rm(broken, { recursive: true, force: true });
    }
  });

  it('trình duyệt chạy được: không có thông báo', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      await page.goto(server.url);
      await page.waitForSelector(APP_READY_SELECTOR, { state: 'attached' });
      assert.equal(await page.locator('#unsupported').count(), 0);
    } finally {
      await browser.close();
    }
  });
});
