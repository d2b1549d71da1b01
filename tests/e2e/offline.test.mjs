// Offline: after one visit the service worker holds every file of the build, so the app opens,
// takes figures and keeps them with the server gone; a new deployment installs in the
// background and waits for the officer's "Tải lại", with nothing typed lost.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startApp, startServer, waitForAppReady, pageErrors, DIST_DIR, REPO_ROOT } from './lib/app.mjs';
import { FIXTURE, loadFixture, openTab } from './fixtures/report.mjs';

const run = promisify(execFile);

/** The precache list scripts/precache.mjs wrote into a build's sw.js. */
async function precacheOf(dir) {
  const source = await readFile(join(dir, 'sw.js'), 'utf8');
  const line = source.match(/^const PRECACHE = (.*);$/m);
  assert.ok(line, `${dir}/sw.js has no PRECACHE line`);
  return JSON.parse(line[1]);
}

/**
 * Waits until a service worker controls the page. The first worker claims the page that
 * installed it; a page loaded while the worker was activating stays uncontrolled until its
 * next load, which this then does.
 */
async function controlled(page) {
  const registered = await page.evaluate(
    (ms) =>
      Promise.race([
        navigator.serviceWorker.ready.then(() => true),
        new Promise((done) => setTimeout(() => done(false), ms)),
      ]),
    15_000,
  );
  assert.ok(registered, 'no service worker became active within 15 s: does the app call services::offline::register?');
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
    await page.reload();
    await waitForAppReady(page);
  }
  assert.ok(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'a service worker controls the page');
}

/** Types into an appendix cell as the officer does, and waits until autosave has stored it. */
async function typeCell(page, cell, text) {
  await openTab(page, 'appendix');
  await page.fill(`input[data-cell="${cell}"]`, text);
  await page.waitForFunction(
    ([id, cell, text]) => {
      const stored = JSON.parse(localStorage.getItem(`phuluc-cchc/report/${id}`) ?? 'null');
      return stored?.report?.values?.[cell] === text;
    },
    [FIXTURE.report.id, cell, text],
  );
}

async function cellValue(page, cell) {
  await openTab(page, 'appendix');
  return page.inputValue(`input[data-cell="${cell}"]`);
}

describe('dùng khi không có mạng', () => {
  let app;
  let page;
  let built;

  before(async () => {
    built = await precacheOf(DIST_DIR);
    app = await startApp();
    page = await app.open('/');
    await loadFixture(page);
    await controlled(page);
  });
  after(async () => {
    await page?.close();
    await app?.close();
  });

  it('lần đầu mở: mọi tệp của bản dựng đã vào bộ nhớ đệm', async () => {
    assert.ok(built.files.includes('index.html'));
    assert.ok(built.files.some((f) => f.endsWith('.wasm')), 'the wasm is precached');
    assert.ok(built.files.includes('manifest.webmanifest'));
    const cached = await page.evaluate(async () => {
      const keys = await caches.keys();
      const cache = await caches.open(keys[0]);
      return { keys, files: (await cache.keys()).map((r) => new URL(r.url).pathname.slice(1)).sort() };
    });
    assert.deepEqual(cached.keys, [`phuluc-cchc-${built.version}`]);
    assert.deepEqual(cached.files, [...built.files].sort());
  });

  it('máy chủ tắt: tải lại vẫn mở được, nhập và lưu số liệu, tải lại vẫn còn', async () => {
    await app.server.stop();
    try {
      await page.reload();
      await waitForAppReady(page);
      assert.equal(await cellValue(page, 'kh_nhiem_vu'), FIXTURE.report.values.kh_nhiem_vu);
      await typeCell(page, 'kh_van_ban', '15');
      await page.reload();
      await waitForAppReady(page);
      assert.equal(await cellValue(page, 'kh_van_ban'), '15');
      // A page opened afresh, not a reload, opens too.
      const other = await app.context.newPage();
      await other.goto(app.url);
      await waitForAppReady(other);
      await other.close();
      assert.deepEqual(pageErrors(page), []);
    } finally {
      await app.server.start();
    }
  });

  it('bản mới: cài ngầm, báo «Đã có phiên bản mới», chỉ tải lại khi bấm, số liệu giữ nguyên', async () => {
    // The next deployment: the same build with one change to index.html, its precache list
    // made again, served at the same address.
    const next = await mkdtemp(join(tmpdir(), 'phuluc-e2e-next-'));
    let nextServer;
    try {
      await cp(DIST_DIR, next, { recursive: true });
      const index = join(next, 'index.html');
      const html = await readFile(index, 'utf8');
      // The minified page may leave out <head>: the marker goes before the title.
      await writeFile(index, html.replace('<title>', '<meta name="e2e-build" content="next"><title>'));
      await run('node', [join(REPO_ROOT, 'scripts', 'precache.mjs'), next]);
      const nextVersion = (await precacheOf(next)).version;
      assert.notEqual(nextVersion, built.version);

      await typeCell(page, 'kh_van_ban', '16');
      const port = app.server.port;
      await app.server.stop();
      nextServer = await startServer({ root: next, port });

      // Opening the app (from the old version's cache) makes the browser find the new sw.js.
      await page.reload();
      await waitForAppReady(page);
      const notice = page.getByText('phiên bản mới', { exact: false });
      await notice.waitFor({ timeout: 20_000 });
      // Nothing changes until the officer says so.
      assert.equal(await page.locator('meta[name="e2e-build"]').count(), 0);
      assert.equal(await cellValue(page, 'kh_van_ban'), '16');

      await Promise.all([
        page.waitForEvent('load'),
        page.getByRole('button', { name: 'Tải lại' }).click(),
      ]);
      await waitForAppReady(page);
      assert.equal(await page.locator('meta[name="e2e-build"]').count(), 1, 'the new version runs');
      assert.equal(await cellValue(page, 'kh_van_ban'), '16', 'the figure typed before is kept');
      assert.equal(await notice.count(), 0, 'the notice is gone');
      const keys = await page.evaluate(() => caches.keys());
      assert.deepEqual(keys, [`phuluc-cchc-${nextVersion}`], 'the old version is dropped');
      assert.deepEqual(pageErrors(page), []);
    } finally {
      await nextServer?.stop();
      await rm(next, { recursive: true, force: true });
      if (!app.server.running) await app.server.start();
    }
  });
});
