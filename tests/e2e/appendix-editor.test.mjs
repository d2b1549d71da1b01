// The appendix editor (issue 11, point 3): on the saved-reports screen, the appendix in use is
// opened in the editor; a row that a formula reads cannot be removed (the compiler's message at
// the row); a row is added to "Kế hoạch CCHC" and another reworded; the version changes; the
// download is the appendix file; "Dùng mẫu này" puts it in use as a loaded file would be, the
// report made on version 1 moves over through the dialog (the new row listed as added), and a
// figure typed in the new row is kept after a reload.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startApp, artifactPath, pageErrors, waitForAppReady, checkA11y, formatViolations } from './lib/app.mjs';
import { loadFixture } from './fixtures/report.mjs';
import { nfc, openTab, assertNoErrors, waitSaved } from './shell-helpers.mjs';

const NEW_ROW = 't1_ke_hoach_dong1';
const NEW_LABEL = 'Số cuộc họp giao ban về CCHC';
const REWORDED = 'Số nhiệm vụ CCHC đã hoàn thành trong năm';

/** A screenshot of one part of the page. */
async function shot(locator, name) {
  await locator.scrollIntoViewIfNeeded();
  const path = await artifactPath(name, '.png');
  await locator.screenshot({ path });
  return path;
}

/** Types into a text field of the editor and commits it (the change event). */
async function typeIn(locator, text) {
  await locator.fill(text);
  await locator.press('Enter');
}

describe('soạn mẫu phụ lục', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  it('thêm dòng, sửa nội dung, dùng mẫu, chuyển báo cáo và nhập số liệu vào dòng mới', (t) =>
    app.run(t, async (page) => {
      await loadFixture(page);
      await openTab(page, 'reports');
      const editor = page.locator('#appendix-editor');
      await editor.locator('[data-action="edit-appendix"]').click();
      const version = editor.locator('[data-draft-version]');
      await version.waitFor();
      assert.equal(nfc(await version.textContent()), 'Phiên bản 1 (chưa sửa)');
      assert.ok(await editor.locator('[data-action="use-appendix-draft"]').isDisabled(), 'nothing to use yet');
      assert.equal(await editor.locator('[data-action="edit-appendix"]').count(), 0, 'no start over while open');
      assert.equal(await editor.locator('[data-problem], [data-set-problems]').count(), 0);
      const plan = editor.locator('[data-table-id="t1_ke_hoach"]');

      // A row the ratio (3) reads: refused, the compiler's message at the row, the row stays.
      const first = plan.locator('[data-row-id="kh_nhiem_vu"]');
      await first.locator('[data-action="remove-row"]').click();
      const refused = first.locator('[data-problem]');
      await refused.waitFor();
      const why = nfc(await refused.textContent());
      assert.ok(why.startsWith('Không xóa được: '), why);
      assert.ok(why.includes('«kh_ty_le» tham chiếu ô không tồn tại «kh_nhiem_vu»'), why);
      assert.equal(nfc(await version.textContent()), 'Phiên bản 1 (chưa sửa)');
      await shot(first, 'khong-xoa-duoc');
      // The open editor, a refusal in it: axe-core finds nothing (every field named).
      const violations = await checkA11y(page, { context: '#appendix-editor' });
      assert.deepEqual(violations, [], formatViolations(violations));

      // A row added at the end of the table: its id made by the app, STT 6.
      await plan.locator('[data-action="add-row"]').click();
      const added = plan.locator(`[data-row-id="${NEW_ROW}"]`);
      await added.waitFor();
      assert.equal(await refused.count(), 0, 'the next edit clears the refusal');
      assert.equal(await added.locator('.editor-stt').inputValue(), '6');
      await typeIn(added.locator('.editor-title'), NEW_LABEL);
      // The row above is a yes/no; this one counts meetings.
      await added.locator('select').selectOption({ label: 'Số lượng' });
      await typeIn(added.locator('.editor-unit input'), 'cuộc');
      // Another row reworded.
      await typeIn(plan.locator('[data-row-id="kh_hoan_thanh"] .editor-title'), REWORDED);
      assert.equal(nfc(await version.textContent()), 'Phiên bản 1 → 3 (đã sửa)');
      assert.equal(await editor.locator('[data-problem], [data-set-problems]').count(), 0);
      console.log(`screenshots: ${await shot(plan, 'bang-ke-hoach')}, ${await shot(editor.locator('.editor-set'), 'phien-ban')}`);

      // The download is the appendix file, version 3, with the new row.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        editor.locator('[data-action="download-appendix-draft"]').click(),
      ]);
      assert.equal(download.suggestedFilename(), 'mau-phu-luc_phuluc-xa_v3.json');
      const file = JSON.parse(await readFile(await download.path(), 'utf8'));
      assert.equal(file.version, 3);
      const rows = file.sections[0].tables[0].rows;
      assert.deepEqual(
        rows.map((r) => r.id),
        ['kh_nhiem_vu', 'kh_hoan_thanh', 'kh_ty_le', 'kh_van_ban', 'kh_bao_cao_dung_han', NEW_ROW],
      );
      assert.equal(rows[5].label.vi, NEW_LABEL);
      assert.equal(rows[5].kind, 'count');

      // "Dùng mẫu này": in use as version 3, the editor closed.
      await editor.locator('[data-action="use-appendix-draft"]').click();
      await page.locator('#appendix-template [data-appendix-version="3"]').waitFor();
      assert.equal(await version.count(), 0);
      assert.equal(await editor.locator('[data-action="edit-appendix"]').count(), 1);
      assert.equal(await page.locator('[data-appendix-error]').count(), 0);

      // The report was made on version 1: moving it is the dialog's choice.
      await openTab(page, 'appendix');
      const banner = page.locator('[data-other-appendix]');
      await banner.waitFor();
      await page.click('[data-action="adopt-appendix"]');
      const dialog = page.locator('#switch-dialog');
      await dialog.waitFor();
      const listed = nfc(await dialog.locator('[data-switch-list="added-cells"]').textContent());
      assert.ok(listed.includes(NEW_LABEL), listed);
      assert.ok(nfc(await dialog.textContent()).includes(REWORDED));
      await page.click('[data-action="switch-apply"]');
      await dialog.waitFor({ state: 'detached' });
      await banner.waitFor({ state: 'detached' });

      // The new row in the sheet, with its label; a figure typed there stays after a reload.
      const cell = page.locator(`input[data-cell="${NEW_ROW}"]`);
      await cell.waitFor();
      const row = page.locator('tr', { has: cell });
      assert.ok(nfc(await row.textContent()).includes(NEW_LABEL));
      assert.ok(nfc(await page.locator('tr', { has: page.locator('input[data-cell="kh_hoan_thanh"]') }).textContent()).includes(REWORDED));
      assert.equal(await page.inputValue('input[data-cell="kh_hoan_thanh"]'), '40', 'the figures typed before stay');
      await cell.fill('12');
      await cell.press('Tab');
      assert.equal(await cell.inputValue(), '12');
      await shot(row, 'dong-moi-trong-phu-luc');
      await waitSaved(page);
      await page.reload();
      await waitForAppReady(page);
      await openTab(page, 'appendix');
      await page.locator(`input[data-cell="${NEW_ROW}"]`).waitFor();
      assert.equal(await page.inputValue(`input[data-cell="${NEW_ROW}"]`), '12');
      assert.equal(await page.locator('[data-other-appendix]').count(), 0);
      assertNoErrors(pageErrors(page));
    }));
});
