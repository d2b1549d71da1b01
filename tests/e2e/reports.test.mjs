// Journey (d): the saved-reports list. A new report; the next period started from a quarter,
// with Biểu 06 column (6) carried from column (11); a deletion that asks first (the trash is
// tests/e2e/trash.test.mjs).
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

// Quý I 2026, with dossiers pending at its end: (11) = (12) + (13).
const Q1 = bareReport({
  id: 'e2e-q1',
  identity: { period: 'q1', number: '08/BC-UBND', date: '2026-03-18' },
  values: {
    'hs_ho_tich.c5': '120',
    'hs_ho_tich.c9': '107',
    'hs_ho_tich.c12': '11',
    'hs_ho_tich.c13': '2',
    'hs_dat_dai.c4': '40',
    'hs_dat_dai.c9': '35',
    'hs_dat_dai.c12': '5',
  },
});

describe('báo cáo đã lưu', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  it('báo cáo mới, tạo kỳ tiếp theo mang cột (6) từ cột (11), xóa có xác nhận', (t) =>
    app.run(t, async (page) => {
      await forgetEverything(page);
      await openTab(page, 'reports');
      assert.deepEqual(await listedIds(page), [], 'a blank report nobody typed in is not listed');
      await importAndConfirm(page, 'quy1.json', JSON.stringify(Q1));
      await waitSaved(page);

      // A new report opens blank on the identity screen and is listed.
      await openTab(page, 'reports');
      await page.click('[data-action="new"]');
      await page.locator('#identity-commune').waitFor();
      assert.equal(await page.inputValue('#identity-commune'), '');
      await waitSaved(page);
      await openTab(page, 'reports');
      const [fresh] = (await listedIds(page)).filter((id) => id !== 'e2e-q1');
      assert.ok(fresh, 'the new report is listed');
      assert.equal(await page.locator(`tr[data-report-id="${fresh}"]`).getAttribute('aria-current'), 'true');

      // Back to Quý I, then on to Quý II.
      await page.click('tr[data-report-id="e2e-q1"] [data-action="open"]');
      assert.equal(await headerTitle(page), 'UBND xã Tân Hà — Quý I 2026');
      await openTab(page, 'reports');
      await page.click('tr[data-report-id="e2e-q1"] [data-action="duplicate"]');
      assert.equal(await headerTitle(page), 'UBND xã Tân Hà — Quý II 2026');
      assert.equal(await page.inputValue('#identity-number'), '', 'a new document number');
      assert.equal(await page.inputValue('#identity-from'), '2026-03-15');
      await openTab(page, 'appendix');
      assert.equal(await cellValue(page, 'hs_ho_tich.c6'), '13', '(6) of Quý II = (11) of Quý I = 11 + 2');
      assert.equal(await cellValue(page, 'hs_dat_dai.c6'), '5');
      assert.equal(await cellValue(page, 'hs_ho_tich.c5'), '', 'figures of the period are not carried');
      await waitSaved(page);

      await openTab(page, 'reports');
      const ids = await listedIds(page);
      assert.equal(ids.length, 3, `three reports: ${ids}`);
      const q2 = ids.find((id) => id !== 'e2e-q1' && id !== fresh);
      await screenshot(page, 'reports-list');

      // Deleting asks first; cancelling keeps the report.
      await page.click(`tr[data-report-id="${fresh}"] [data-action="delete"]`);
      const dialog = page.locator('#confirm-delete');
      await dialog.waitFor();
      assert.match(nfc(await dialog.textContent()), /sẽ được chuyển vào mục «Báo cáo đã xóa» và giữ 30 ngày/);
      await screenshot(page, 'reports-confirm-delete');
      await page.click('#confirm-delete [data-action="cancel"]');
      await dialog.waitFor({ state: 'detached' });
      assert.equal((await listedIds(page)).length, 3);
      await page.click(`tr[data-report-id="${fresh}"] [data-action="delete"]`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await page.click(`tr[data-report-id="${fresh}"] [data-action="delete"]`);
      await page.click('#confirm-delete [data-action="confirm"]');
      assert.deepEqual((await listedIds(page)).sort(), [q2, 'e2e-q1'].sort());

      // All of it survives a reload, and the last open report opens.
      await page.reload();
      await waitForAppReady(page);
      assert.equal(await headerTitle(page), 'UBND xã Tân Hà — Quý II 2026');
      await openTab(page, 'reports');
      assert.deepEqual((await listedIds(page)).sort(), [q2, 'e2e-q1'].sort());
      assertNoErrors(pageErrors(page));
    }));
});
