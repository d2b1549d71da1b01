#!/usr/bin/env node
// Regenerates the screenshots of the user guide (docs/HUONG-DAN.md → docs/images/*.png) from
// the release build, with the e2e harness: Debian's chromium at 1366×768 (an office laptop),
// the sample report tests/e2e/fixtures/tan-ha-2025.json loaded into localStorage, each picture
// cropped to the part of the screen its step talks about. Not part of the test run.
//
//   source scripts/env.sh && trunk build --release     # dist/ must hold the build to show
//   node scripts/guide-screenshots.mjs                  # all pictures
//   node scripts/guide-screenshots.mjs 03 06b           # only those whose names start so
//
// Times on screen ("Đã lưu lúc 14:32") are the real clock's, so a run changes a few pixels of
// those pictures. LOOK at every picture after a run (an image viewer, or the editor's preview):
// a crop that cuts a control in half, or a banner that did not show, is easy to miss.
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, startServer, waitForAppReady, DIST_DIR, REPO_ROOT } from '../tests/e2e/lib/app.mjs';
import { FIXTURE, loadFixture } from '../tests/e2e/fixtures/report.mjs';

const run = promisify(execFile);
const OUT = join(REPO_ROOT, 'docs', 'images');
const VIEWPORT = { width: 1366, height: 768 };
/** Above this a picture is worth a look: a crop too large, or a screen too busy. */
const WARN_BYTES = 150 * 1024;
const only = process.argv.slice(2);
const written = [];

const cell = (id) => `[data-cell="${id}"]`;

async function openTab(page, tab) {
  await page.click(`[data-tab="${tab}"]`);
  await page.waitForSelector(`[data-tab="${tab}"][aria-current="page"]`);
}

/**
 * The rectangle, in page coordinates, around every element `selectors` match (each selector
 * its first match), widened by `pad` and kept inside the page; `x`, `width`, `top`, `bottom`
 * override the horizontal extent or the vertical ends (page coordinates).
 */
async function region(page, selectors, { pad = 12, x, width, top, bottom } = {}) {
  const boxes = await page.evaluate((sels) => {
    return sels.map((s) => {
      const el = document.querySelector(s);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { left: r.left + scrollX, top: r.top + scrollY, right: r.right + scrollX, bottom: r.bottom + scrollY };
    });
  }, selectors);
  const missing = selectors.filter((_, i) => !boxes[i]);
  if (missing.length) throw new Error(`nothing matches ${missing.join(', ')}`);
  const page_ = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
  const left = Math.max(0, x ?? Math.min(...boxes.map((b) => b.left)) - pad);
  const right = Math.min(page_.w, x !== undefined && width !== undefined ? x + width : Math.max(...boxes.map((b) => b.right)) + pad);
  const y0 = Math.max(0, top ?? Math.min(...boxes.map((b) => b.top)) - pad);
  const y1 = Math.min(page_.h, bottom ?? Math.max(...boxes.map((b) => b.bottom)) + pad);
  return { x: Math.round(left), y: Math.round(y0), width: Math.round(right - left), height: Math.round(y1 - y0) };
}

/** Writes docs/images/<name>.png, the `clip` of the whole page. */
async function shot(page, name, clip) {
  if (only.length && !only.some((p) => name.startsWith(p))) return;
  // Let the last render, fonts and any scroll settle.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, clip, fullPage: true, animations: 'disabled', caret: 'hide' });
  const { size } = await stat(path);
  written.push({ name, size, clip });
  const flag = size > WARN_BYTES ? '  ← over 150 KB' : '';
  console.log(`${name}.png  ${clip.width}×${clip.height}  ${(size / 1024).toFixed(0)} KB${flag}`);
}

/** Waits until the header says the open report is saved. */
async function saved(page) {
  await page.waitForFunction(() => document.querySelector('[data-save-status]')?.textContent.startsWith('Đã lưu lúc'), null, {
    timeout: 5_000,
  });
}

/**
 * Puts the sample report back after edits. The app writes what is pending when the page goes
 * away (pagehide), which would overwrite the fixture loadFixture() just stored: wait for the
 * autosave first, then check the figures are the fixture's.
 */
async function restoreFixture(page) {
  await saved(page);
  await loadFixture(page);
  const c9 = await page.evaluate((id) => JSON.parse(localStorage.getItem(`phuluc-cchc/report/${id}`)).report.values['hs_ho_tich.c9'], FIXTURE.report.id);
  if (c9 !== FIXTURE.report.values['hs_ho_tich.c9']) throw new Error(`the fixture was not restored (hs_ho_tich.c9 = ${c9})`);
}

await mkdir(OUT, { recursive: true });
// Chromium in Vietnamese, as on an office PC: date fields then show dd/mm/yyyy. On Linux the
// language comes from the environment, and needs Debian's chromium-l10n (without it, dates
// show as mm/dd/yyyy: the script says so).
const app = await startApp({
  browser: { viewport: VIEWPORT, contextOptions: { env: { ...process.env, LANGUAGE: 'vi', LANG: 'vi_VN.UTF-8' } } },
});
let page;
try {
  page = await app.open('/');
  await loadFixture(page);

  // 1. Thông tin báo cáo: the unit, the period with the decree's window, the document.
  await openTab(page, 'identity');
  if (!existsSync('/usr/lib/chromium/locales/vi.pak')) {
    console.warn('01: no /usr/lib/chromium/locales/vi.pak (apt-get install chromium-l10n): dates show as mm/dd/yyyy');
  }
  await page.fill('#identity-commune', 'Tân H');
  await page.fill('#identity-commune', 'Tân Hà');
  await saved(page);
  await page.evaluate(() => document.activeElement?.blur());
  await shot(page, '01-thong-tin-bao-cao', await region(page, ['.app-header', '.identity fieldset:nth-of-type(3)'], { x: 0, width: VIEWPORT.width, top: 0 }));

  // 2. Phụ lục số liệu: mistakes as officers make them, found at the cell and in the list.
  await openTab(page, 'appendix');
  await page.fill(cell('hs_ho_tich.c9'), '273'); // 237 mistyped: (3) ≠ (7) + (11)
  await page.waitForSelector('.appendix .findings [data-jump="hs_ho_tich.c3"]');
  await page.evaluate(() => document.activeElement?.blur());
  await page.evaluate(() => scrollTo(0, 0));
  await shot(page, '02a-phu-luc-can-kiem-tra', await region(page, ['.appendix .sheet-head', '.appendix .findings'], { x: 0, width: 1010 }));
  await page.locator('[data-table="bieu06"]').scrollIntoViewIfNeeded();
  await shot(page, '02b-phu-luc-bieu-06', await region(page, ['[data-table="bieu06"]'], { x: 8, width: VIEWPORT.width - 8 }));
  await page.fill(cell('vb_di'), '5.202');
  await page.fill(cell('vb_dien_tu'), '14.622'); // seed 002: a part larger than its whole
  await page.waitForSelector('.appendix .findings [data-jump="vb_dien_tu"]');
  await page.evaluate(() => document.activeElement?.blur());
  await page.locator(cell('vb_dien_tu')).scrollIntoViewIfNeeded();
  await shot(page, '02c-phu-luc-loi-tai-o', await region(page, [`table:has(${cell('vb_dien_tu')}) thead`, `tr:has(> td > ${cell('vb_ty_le_dien_tu')})`], { x: 8, width: 1000, pad: 10 }));
  await restoreFixture(page);

  // 3. Tự chấm điểm: the sample set's warning, a manual item with its evidence, an automatic
  // item, ticked parts, an item that does not apply, and an item losing its points for want
  // of evidence.
  await openTab(page, 'scoring');
  await page.evaluate(() => scrollTo(0, 0));
  await shot(page, '03a-tu-cham-diem', await region(page, ['.scoring .sheet-head', '[data-item="1.1.1"]'], { x: 0, width: VIEWPORT.width }));
  await shot(page, '03b-tu-cham-tu-dong', await region(page, ['[data-item="1.1.2"]'], { pad: 8 }));
  await shot(page, '03c-tu-cham-danh-dau-y', await region(page, ['[data-item="1.4.1"]'], { pad: 8 }));
  await shot(page, '03d-tu-cham-khong-ap-dung', await region(page, ['[data-item="2.1.1"]'], { pad: 8 }));
  await page.click('#item-1-3-1-ev0-remove');
  await page.waitForSelector('[data-item="1.3.1"] .item-warning');
  await shot(page, '03e-tu-cham-thieu-tai-lieu', await region(page, ['[data-item="1.3.1"]'], { pad: 8 }));
  await restoreFixture(page);
  // Where a province's set is loaded: the link in the sample notice leads to it.
  await openTab(page, 'scoring');
  const toCriteria = page.locator('.scoring .sample-notice a, .scoring a[href$="#criteria"]').first();
  if (await toCriteria.count()) await toCriteria.click();
  else await openTab(page, 'reports');
  if (await page.locator('#criteria').count()) {
    await page.evaluate(() => document.activeElement?.blur());
    await shot(page, '03f-nap-bo-tieu-chi', await region(page, ['#criteria'], { x: 0, width: 1160 }));
  } else {
    console.warn('03f: no #criteria part on the saved-reports screen: no picture');
  }

  // 4. Tổng hợp: the index and its band, the points, the areas; the items losing most.
  await openTab(page, 'summary');
  await shot(page, '04a-tong-hop', await region(page, ['.summary .sheet-head', '.summary-grid'], { x: 0, width: VIEWPORT.width }));
  await shot(page, '04b-tong-hop-mat-diem', await region(page, ['.losses'], { x: 0, width: 1160 }));

  // 5. Bản in: the button, the dialog's advice, the reminders, the A4 preview; Biểu 06 on its
  // landscape page.
  await openTab(page, 'print');
  await page.waitForSelector('.print-doc [data-print="appendix-ii"]');
  await page.evaluate(() => scrollTo(0, 0));
  await shot(page, '05a-ban-in', { x: 0, y: 0, width: VIEWPORT.width, height: VIEWPORT.height });
  const paper = '.print-doc section.paper[data-table="bieu06"]';
  await page.locator(paper).scrollIntoViewIfNeeded();
  await shot(page, '05b-ban-in-bieu-06', await region(page, [paper], { pad: 6 }));

  // 6. Lưu và chuyển báo cáo: autosave, the list, the next period with (6) carried from (11),
  // an import's preview, a refused file.
  await openTab(page, 'appendix');
  await page.fill(cell('kh_van_ban'), '13');
  await page.fill(cell('kh_van_ban'), '12'); // back to the fixture's figure, now saved
  await saved(page);
  await openTab(page, 'reports');
  await page.click(`tr[data-report-id="${FIXTURE.report.id}"] [data-action="duplicate"]`);
  await page.waitForSelector('#identity-commune');
  await saved(page);
  await openTab(page, 'appendix');
  await page.locator('[data-table="bieu06"]').scrollIntoViewIfNeeded();
  await shot(page, '06b-ky-tiep-theo-cot-6', await region(page, ['[data-table="bieu06"] thead', `tr:has(> td > ${cell('hs_dat_dai.c6')}) + tr.msg-row`], { x: 8, width: VIEWPORT.width - 8, pad: 10 }));
  await openTab(page, 'reports');
  await page.evaluate(() => scrollTo(0, 0));
  await shot(page, '06a-bao-cao-da-luu', await region(page, ['.app-header', 'main table'], { x: 0, width: VIEWPORT.width, top: 0 }));

  const other = { ...FIXTURE, report: { ...FIXTURE.report, id: 'guide-tan-ha-quy1-2026', identity: { ...FIXTURE.report.identity, period: 'q1', year: 2026, number: '08/BC-UBND', date: '2026-03-18' } } };
  await page.setInputFiles('#import-file', { name: 'phuluc-cchc_xa-tan-ha_quy1_2026.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) });
  await page.locator('#import-preview').waitFor();
  await shot(page, '06c-nhap-json-xem-truoc', await region(page, ['#import-preview'], { pad: 2 }));
  await page.click('#import-preview [data-action="cancel"]');
  await page.locator('#import-preview').waitFor({ state: 'detached' });

  await page.setInputFiles('#import-file', { name: 'bao-cao.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 word/document.xml') });
  await page.locator('[data-import-error]').waitFor();
  await page.evaluate(() => scrollTo(0, 0));
  await shot(page, '06d-nhap-json-tu-choi', await region(page, ['.app-header', '.notices'], { x: 0, width: VIEWPORT.width, top: 0 }));
  await page.click('.banner:has([data-import-error]) button');

  // 7. Dùng khi không có mạng: a new deployment installs in the background and says so.
  if (!only.length || only.some((p) => '07-phien-ban-moi'.startsWith(p))) {
    await newVersionNotice(app, page);
  }
} finally {
  await page?.close().catch(() => {});
  await app.close();
}

const big = written.filter((w) => w.size > WARN_BYTES);
console.log(`\n${written.length} pictures in ${OUT}${big.length ? `; over 150 KB: ${big.map((w) => w.name).join(', ')}` : ''}`);
console.log('Now look at each of them.');

/**
 * Serves a copy of the build that differs by one byte of index.html (so its service worker's
 * precache version changes) on the same origin, reloads, and photographs the notice.
 */
async function newVersionNotice(app, page) {
  const registered = await page.evaluate(() =>
    Promise.race([
      navigator.serviceWorker ? navigator.serviceWorker.ready.then(() => true) : false,
      new Promise((done) => setTimeout(() => done(false), 15_000)),
    ]),
  );
  if (!registered) {
    console.warn('07: no service worker became active within 15 s (does the build register it?): no picture');
    return;
  }
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker?.controller)))) {
    await page.reload();
    await waitForAppReady(page);
  }
  const next = await mkdtemp(join(tmpdir(), 'guide-next-build-'));
  let server2;
  try {
    await cp(DIST_DIR, next, { recursive: true });
    const index = join(next, 'index.html');
    await writeFile(index, (await readFile(index, 'utf8')).replace('<title>', '<meta name="build" content="next"><title>'));
    await run('node', [join(REPO_ROOT, 'scripts', 'precache.mjs'), next]);
    const port = app.server.port ?? Number(new URL(app.url).port);
    await app.server.stop();
    server2 = await startServer({ root: next, port });
    await page.reload();
    await waitForAppReady(page);
    const notice = page.locator('[data-action="reload"]');
    try {
      await notice.waitFor({ timeout: 20_000 });
    } catch {
      console.warn('07: no "phiên bản mới" notice within 20 s (does the build show it?): no picture');
      return;
    }
    await openTab(page, 'identity');
    await page.evaluate(() => scrollTo(0, 0));
    await shot(page, '07-phien-ban-moi', await region(page, ['.app-header', '.notices'], { x: 0, width: VIEWPORT.width, top: 0 }));
  } finally {
    await server2?.stop();
    await app.server.start().catch(() => {});
    await rm(next, { recursive: true, force: true });
  }
}
