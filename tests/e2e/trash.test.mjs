// The trash (issue 15): a deleted report is kept 30 days under "Báo cáo đã xóa", as the screen
// says, and can be restored with its figures or deleted for good; expired ones are gone at the
// next start.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, pageErrors, waitForAppReady, screenshot } from './lib/app.mjs';
import {
  forgetEverything,
  waitSaved,
  headerTitle,
  openTab,
  importAndConfirm,
  listedIds,
  bareReport,
  cellValue,
  nfc,
  assertNoErrors,
} from './shell-helpers.mjs';

const DAY = 24 * 60 * 60 * 1000;

const Q1 = bareReport({
  id: 'e2e-trash-q1',
  identity: { period: 'q1', commune: 'Đức Thọ' },
  values: { 'hs_ho_tich.c5': '120' },
});
const YEAR = bareReport({ id: 'e2e-trash-year', identity: { period: 'year' }, values: { 'hs_ho_tich.c5': '1.794' } });

const trashIds = (page) =>
  page.locator('tr[data-trash-id]').evaluateAll((rows) => rows.map((r) => r.dataset.trashId));

describe('báo cáo đã xóa', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  it('xóa chuyển vào mục đã xóa, giữ 30 ngày, khôi phục đủ số liệu, xóa hẳn có xác nhận', (t) =>
    app.run(t, async (page) => {
      await forgetEverything(page);
      await importAndConfirm(page, 'q1.json', JSON.stringify(Q1));
      await waitSaved(page);
      await importAndConfirm(page, 'nam.json', JSON.stringify(YEAR));
      await waitSaved(page);
      await openTab(page, 'reports');
      const trash = page.locator('#trash');
      assert.match(nfc(await trash.textContent()), /Báo cáo đã xóa được giữ 30 ngày/);
      assert.deepEqual(await trashIds(page), []);

      await page.click('tr[data-report-id="e2e-trash-q1"] [data-action="delete"]');
      assert.match(nfc(await page.locator('#confirm-delete').textContent()), /giữ 30 ngày; trong thời gian đó có thể khôi phục/);
      await page.click('#confirm-delete [data-action="confirm"]');
      assert.deepEqual(await listedIds(page), ['e2e-trash-year']);
      assert.deepEqual(await trashIds(page), ['e2e-trash-q1']);
      const row = nfc(await page.locator('tr[data-trash-id="e2e-trash-q1"]').textContent());
      assert.match(row, /UBND xã Đức Thọ — Quý I 2026/);
      assert.match(row, /giữ đến \d\d\/\d\d\/\d{4}/);
      await screenshot(page, 'trash-listed');

      // Kept across a reload.
      await page.reload();
      await waitForAppReady(page);
      await openTab(page, 'reports');
      assert.deepEqual(await trashIds(page), ['e2e-trash-q1']);
      assert.ok(await page.evaluate(() => localStorage.getItem('phuluc-cchc/trash/e2e-trash-q1') !== null));
      assert.equal(await page.evaluate(() => localStorage.getItem('phuluc-cchc/report/e2e-trash-q1')), null);

      // Restored as it was, and still there after a reload.
      await page.click('tr[data-trash-id="e2e-trash-q1"] [data-action="restore"]');
      assert.deepEqual(await trashIds(page), []);
      assert.deepEqual((await listedIds(page)).sort(), ['e2e-trash-q1', 'e2e-trash-year']);
      await page.reload();
      await waitForAppReady(page);
      await openTab(page, 'reports');
      assert.deepEqual((await listedIds(page)).sort(), ['e2e-trash-q1', 'e2e-trash-year']);
      await page.click('tr[data-report-id="e2e-trash-q1"] [data-action="open"]');
      assert.equal(await headerTitle(page), 'UBND xã Đức Thọ — Quý I 2026');
      await openTab(page, 'appendix');
      assert.equal(await cellValue(page, 'hs_ho_tich.c5'), '120');

      // Deleted again, then for good, after a confirmation.
      await openTab(page, 'reports');
      await page.click('tr[data-report-id="e2e-trash-q1"] [data-action="delete"]');
      await page.click('#confirm-delete [data-action="confirm"]');
      await page.click('tr[data-trash-id="e2e-trash-q1"] [data-action="purge"]');
      const confirm = page.locator('#confirm-purge');
      assert.match(nfc(await confirm.textContent()), /sẽ bị xóa hẳn khỏi trình duyệt này và không thể khôi phục/);
      await screenshot(page, 'trash-confirm-purge');
      await page.click('#confirm-purge [data-action="cancel"]');
      assert.deepEqual(await trashIds(page), ['e2e-trash-q1']);
      await page.click('tr[data-trash-id="e2e-trash-q1"] [data-action="purge"]');
      await page.click('#confirm-purge [data-action="confirm"]');
      assert.deepEqual(await trashIds(page), []);
      await page.reload();
      await waitForAppReady(page);
      await openTab(page, 'reports');
      assert.deepEqual(await trashIds(page), []);
      assert.deepEqual(await listedIds(page), ['e2e-trash-year']);
      assert.equal(await page.evaluate(() => localStorage.getItem('phuluc-cchc/trash/e2e-trash-q1')), null);
      assertNoErrors(pageErrors(page));
    }));

  it('khôi phục khi đã nhập lại cùng tệp: giữ cả hai báo cáo', (t) =>
    app.run(t, async (page) => {
      await forgetEverything(page);
      await importAndConfirm(page, 'nam.json', JSON.stringify(YEAR));
      await waitSaved(page);
      await openTab(page, 'reports');
      await page.click('tr[data-report-id="e2e-trash-year"] [data-action="delete"]');
      await page.click('#confirm-delete [data-action="confirm"]');
      const again = structuredClone(YEAR);
      again.values['hs_ho_tich.c5'] = '2.000';
      await importAndConfirm(page, 'nam-sua.json', JSON.stringify(again));
      await waitSaved(page);
      await openTab(page, 'reports');
      await page.click('tr[data-trash-id="e2e-trash-year"] [data-action="restore"]');
      const ids = await listedIds(page);
      assert.equal(ids.length, 2, `both kept: ${ids}`);
      assert.ok(ids.includes('e2e-trash-year'));
      await page.reload();
      await waitForAppReady(page);
      await openTab(page, 'reports');
      assert.equal((await listedIds(page)).length, 2);
      const other = (await listedIds(page)).find((id) => id !== 'e2e-trash-year');
      await page.click(`tr[data-report-id="${other}"] [data-action="open"]`);
      await openTab(page, 'appendix');
      assert.equal(await cellValue(page, 'hs_ho_tich.c5'), '1.794', 'the restored copy, as deleted');
      assertNoErrors(pageErrors(page));
    }));

  it('báo cáo đã xóa quá 30 ngày bị xóa hẳn khi mở ứng dụng', (t) =>
    app.run(t, async (page) => {
      await forgetEverything(page);
      await page.evaluate(
        ([old, recent, day]) => {
          const put = (r, daysAgo) =>
            localStorage.setItem(
              `phuluc-cchc/trash/${r.id}`,
              JSON.stringify({ format: 'phuluc-cchc', schema: 1, deleted_at: Date.now() - daysAgo * day, saved_at: null, report: r }),
            );
          put(old, 31);
          put(recent, 29);
        },
        [bareReport({ id: 'cu', identity: { commune: 'Cũ' } }), bareReport({ id: 'moi', identity: { commune: 'Mới' } }), DAY],
      );
      await page.reload();
      await waitForAppReady(page);
      await openTab(page, 'reports');
      assert.deepEqual(await trashIds(page), ['moi']);
      assert.equal(await page.evaluate(() => localStorage.getItem('phuluc-cchc/trash/cu')), null, 'dropped from storage');
      assertNoErrors(pageErrors(page));
    }));
});
