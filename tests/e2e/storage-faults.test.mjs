// Storage faults (issue 15): the browser keeps nothing (localStorage disabled), storage fills
// up while the officer types, a stored report is corrupt, a save from the first schema
// version. In each, nothing typed is lost and the officer is told what happened.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startApp, pageErrors, waitForAppReady, screenshot, REPO_ROOT } from './lib/app.mjs';
import {
  forgetEverything,
  waitSaved,
  headerTitle,
  openTab,
  importAndConfirm,
  exportJson,
  listedIds,
  bareReport,
  cellValue,
  nfc,
  assertNoErrors,
} from './shell-helpers.mjs';

const GOLDEN = join(REPO_ROOT, 'tests', 'fixtures', 'schema-1', 'stored-report.json');

const REPORT = bareReport({
  id: 'e2e-faults',
  values: { 'hs_ho_tich.c5': '1.674', 'hs_ho_tich.c9': '1.600' },
});

/** Types into an appendix cell as the officer does (the cell keeps what was typed). */
async function typeCell(page, cell, text) {
  await openTab(page, 'appendix');
  const input = page.locator(`input[data-cell="${cell}"]`);
  await input.click();
  await input.fill('');
  await input.pressSequentially(text);
  await input.press('Tab');
}

async function notices(page) {
  return nfc(await page.locator('.notices').textContent());
}

describe('lỗi bộ nhớ trình duyệt', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  it('bộ nhớ bị tắt: báo rõ, số vừa nhập vẫn trên màn hình và có trong tệp xuất', async () => {
    const page = await app.context.newPage();
    // A browser whose policy blocks site data: reading window.localStorage throws.
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
    });
    try {
      await page.goto(app.url);
      await waitForAppReady(page);
      assert.match(await notices(page), /Trình duyệt không cho lưu dữ liệu/);
      assert.equal(nfc(await page.locator('[data-save-status]').textContent()), 'Không tự lưu');
      await typeCell(page, 'hs_ho_tich.c5', '1.794');
      assert.equal(await cellValue(page, 'hs_ho_tich.c5'), '1.794');
      await screenshot(page, 'storage-disabled', { fullPage: false });
      const out = await exportJson(page);
      assert.equal(out.json.report.values['hs_ho_tich.c5'], '1.794');
      assertNoErrors(pageErrors(page));
    } finally {
      await page.close();
    }
  });

  it('bộ nhớ đầy khi đang nhập: báo rõ, số vẫn trên màn hình, xuất JSON vẫn có số đó', (t) =>
    app.run(t, async (page) => {
      await forgetEverything(page);
      await importAndConfirm(page, 'faults.json', JSON.stringify(REPORT));
      await waitSaved(page);
      // From now on storage is full: its quota is what it holds now, and a write that would
      // hold more fails the way the browser's does (one that fits, as after a removal, works).
      await page.evaluate(() => {
        const size = (k, v) => (v == null ? 0 : k.length + v.length);
        const used = () => {
          let n = 0;
          for (let i = 0; i < localStorage.length; i++) {
            const k = localStorage.key(i);
            n += size(k, localStorage.getItem(k));
          }
          return n;
        };
        const quota = used();
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (k, v) {
          if (used() - size(k, this.getItem(k)) + size(k, String(v)) > quota) {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          }
          return setItem.call(this, k, v);
        };
      });
      await typeCell(page, 'hs_ho_tich.c5', '17.940');
      await page.locator('.notices .banner-error').waitFor();
      assert.match(await notices(page), /Bộ nhớ của trình duyệt đã đầy nên thay đổi mới nhất chưa được lưu/);
      assert.equal(nfc(await page.locator('[data-save-status]').textContent()), 'Chưa lưu được');
      assert.equal(await cellValue(page, 'hs_ho_tich.c5'), '17.940', 'the figure stays on screen');
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'storage-full', { fullPage: false });
      const out = await exportJson(page);
      assert.equal(out.json.report.values['hs_ho_tich.c5'], '17.940', 'and in the export');

      // Deleting to make room works even so: the saved copy goes to the trash as it was, and
      // can be restored (once there is room again) with what had been saved.
      await openTab(page, 'reports');
      await page.click('tr[data-report-id="e2e-faults"] [data-action="delete"]');
      await page.click('#confirm-delete [data-action="confirm"]');
      assert.deepEqual(await listedIds(page), [], 'deleted');
      const moved = await page.evaluate(() => localStorage.getItem('phuluc-cchc/trash/e2e-faults'));
      assert.ok(moved?.includes('"hs_ho_tich.c5":"1.674"'), 'the last saved copy is in the trash');
      assert.equal(await page.evaluate(() => localStorage.getItem('phuluc-cchc/report/e2e-faults')), null);
      await page.reload();
      await waitForAppReady(page);
      await openTab(page, 'reports');
      await page.click('tr[data-trash-id="e2e-faults"] [data-action="restore"]');
      assert.deepEqual(await listedIds(page), ['e2e-faults']);
      assertNoErrors(pageErrors(page));
    }));

  it('một báo cáo đã lưu bị hỏng: báo rõ, các báo cáo khác vẫn mở, tải được bản gốc', (t) =>
    app.run(t, async (page) => {
      await forgetEverything(page);
      await importAndConfirm(page, 'faults.json', JSON.stringify(REPORT));
      await waitSaved(page);
      const raw = '{"format":"phuluc-cchc","schema":1,"report":{"id":"hong","identity":{"commune":"Đức Th';
      await page.evaluate((raw) => {
        localStorage.setItem('phuluc-cchc/report/hong', raw);
        const index = JSON.parse(localStorage.getItem('phuluc-cchc/index'));
        index.push({ id: 'hong', commune_kind: 'xa', commune: 'Đức Thọ', period: 'q1', year: 2026, saved_at: 1 });
        localStorage.setItem('phuluc-cchc/index', JSON.stringify(index));
      }, raw);
      await page.reload();
      await waitForAppReady(page);
      assert.match(await notices(page), /Không đọc được báo cáo đã lưu «UBND xã Đức Thọ — Quý I 2026»/);
      assert.match(await notices(page), /Bản gốc vẫn được giữ nguyên/);
      // The other report opens, whole.
      assert.equal(await headerTitle(page), 'UBND xã Tân Hà — 6 tháng 2026');
      await openTab(page, 'appendix');
      assert.equal(await cellValue(page, 'hs_ho_tich.c5'), '1.674');
      await screenshot(page, 'storage-corrupt', { fullPage: false });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('.notices .banner-warning button:has-text("Tải bản gốc")'),
      ]);
      assert.equal(await readFile(await download.path(), 'utf8'), raw, 'the raw text, byte for byte');
      await openTab(page, 'reports');
      assert.deepEqual((await listedIds(page)).sort(), ['e2e-faults', 'hong']);
      assert.equal(await page.evaluate(() => localStorage.getItem('phuluc-cchc/report/hong')), raw, 'left untouched');
      assertNoErrors(pageErrors(page));
    }));

  it('báo cáo lưu từ phiên bản lược đồ đầu tiên vẫn mở với đủ số liệu', (t) =>
    app.run(t, async (page) => {
      await forgetEverything(page);
      const stored = await readFile(GOLDEN, 'utf8');
      await page.evaluate((stored) => {
        localStorage.setItem('phuluc-cchc/report/r-schema1-golden', stored.trim());
        localStorage.setItem('phuluc-cchc/last-open', JSON.stringify('r-schema1-golden'));
      }, stored);
      await page.reload();
      await waitForAppReady(page);
      assert.equal(await page.locator('.notices .banner').count(), 0, 'no banner: it reads as it is');
      assert.equal(await headerTitle(page), 'UBND phường Hòa Bình — Quý I 2026');
      assert.equal(nfc(await page.inputValue('#identity-number')), '05/BC-UBND');
      await openTab(page, 'appendix');
      assert.equal(await cellValue(page, 'hs_ho_tich.c5'), '1.794');
      assert.equal(await cellValue(page, 'hs_ho_tich.c8'), '1.781');
      await openTab(page, 'scoring');
      assert.equal(nfc(await page.inputValue('#item-1-1-1-ev0-number')), '03/KH-UBND');
      await screenshot(page, 'storage-schema1', { fullPage: false });
      assertNoErrors(pageErrors(page));
    }));
});
