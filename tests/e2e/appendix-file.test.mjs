// A province's appendix as a file (issue 11, point 3): loaded on the saved-reports screen (a
// row reworded, one removed, version 3 of the built-in appendix), kept after a reload; a file
// the criteria set cannot read is refused, naming the criterion and the cell. A report made on
// version 1 says so; its banner's button opens a dialog listing what moving it would change
// (the figure typed in the removed row, with its value; the reworded row), "Chuyển" moves it
// and Ctrl+Z brings the figure back.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startApp, waitForAppReady, pageErrors, screenshot, REPO_ROOT } from './lib/app.mjs';
import { loadFixture } from './fixtures/report.mjs';
import { nfc, openTab, assertNoErrors } from './shell-helpers.mjs';

const V1 = await readFile(join(REPO_ROOT, 'templates', 'phuluc-xa.v1.json'), 'utf8');

/** The built-in appendix as version 3, changed by `edit`, as a file's text. */
function appendixWith(edit) {
  const a = JSON.parse(V1);
  a.version = 3;
  edit(a.sections[0].tables[0].rows);
  return JSON.stringify(a, null, 2);
}

const REWORDED = 'Số nhiệm vụ CCHC đã hoàn thành trong năm';

/** Row kh_van_ban removed, kh_hoan_thanh reworded. */
const PROVINCE = appendixWith((rows) => {
  const gone = rows.findIndex((r) => r.id === 'kh_van_ban');
  assert.ok(gone >= 0);
  rows.splice(gone, 1);
  rows.find((r) => r.id === 'kh_hoan_thanh').label.vi = REWORDED;
});

/** Without the row the sample criteria read for "báo cáo đúng hạn". */
const LACKING = appendixWith((rows) => {
  const gone = rows.findIndex((r) => r.id === 'kh_bao_cao_dung_han');
  assert.ok(gone >= 0);
  rows.splice(gone, 1);
});

async function pickAppendix(page, name, text) {
  await page.setInputFiles('#appendix-file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

describe('mẫu phụ lục của tỉnh', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  it('nạp mẫu phụ lục, báo cáo lập theo mẫu cũ hỏi trước khi chuyển, hoàn tác lấy lại số liệu', (t) =>
    app.run(t, async (page) => {
      await loadFixture(page);
      await openTab(page, 'appendix');
      assert.equal(await page.inputValue('input[data-cell="kh_van_ban"]'), '12');
      assert.equal(await page.locator('[data-other-appendix]').count(), 0, 'made on the appendix in use');

      // A file the criteria set in use cannot read: refused, with the criterion and the cell.
      await openTab(page, 'reports');
      const part = page.locator('#appendix-template');
      assert.equal(await part.locator('[data-appendix-version]').getAttribute('data-appendix-version'), '1');
      await pickAppendix(page, 'thieu-dong.json', LACKING);
      const error = page.locator('[data-appendix-error]');
      await error.waitFor();
      const message = nfc(await error.textContent());
      assert.ok(message.includes('Không nạp được tệp «thieu-dong.json»'), message);
      assert.ok(message.includes('«mau-xa-2026», phiên bản 1'), message);
      assert.ok(message.includes('tham chiếu ô không tồn tại «kh_bao_cao_dung_han»'), message);
      assert.equal(await part.locator('[data-appendix-version]').getAttribute('data-appendix-version'), '1');
      await screenshot(page, 'mau-phu-luc-bi-tu-choi');

      // The province's file: in use, and still after a reload.
      await pickAppendix(page, 'phu-luc-tinh.json', PROVINCE);
      await page.locator('[data-appendix-version="3"]').waitFor();
      assert.equal(await error.count(), 0);
      assert.ok(nfc(await part.textContent()).includes('Mẫu phụ lục của tỉnh'));
      await page.reload();
      await waitForAppReady(page);
      await openTab(page, 'reports');
      await page.locator('#appendix-template [data-appendix-version="3"]').waitFor();

      // The report made on version 1 says so where its figures show.
      await openTab(page, 'appendix');
      const banner = page.locator('[data-other-appendix]');
      await banner.waitFor();
      assert.match(nfc(await banner.textContent()), /«phuluc-xa», phiên bản 1.*«phuluc-xa», phiên bản 3/);
      assert.equal(await page.locator('input[data-cell="kh_van_ban"]').count(), 0, 'the row is gone from the sheet');

      // The dialog lists what would change; Hủy changes nothing.
      await page.click('[data-action="adopt-appendix"]');
      const dialog = page.locator('#switch-dialog');
      await dialog.waitFor();
      const dropped = dialog.locator('[data-switch-list="dropped-values"] li');
      assert.equal(await dropped.count(), 1);
      const lost = nfc(await dropped.first().textContent());
      assert.ok(lost.includes('Số văn bản chỉ đạo, điều hành CCHC đã ban hành'), lost);
      assert.ok(lost.endsWith(': 12'), lost);
      const renamed = nfc(await dialog.locator('[data-switch-list="renamed-cells"]').textContent());
      assert.ok(renamed.includes(`Số nhiệm vụ đã hoàn thành → ${REWORDED}`), renamed);
      assert.equal(await dialog.locator('[data-switch-criteria]').count(), 0, 'scored on the set in use');
      await screenshot(page, 'chuyen-mau-phu-luc', { fullPage: false });
      await page.click('[data-action="switch-cancel"]');
      await dialog.waitFor({ state: 'detached' });
      await banner.waitFor();

      // "Chuyển": the report names version 3, the banner goes.
      await page.click('[data-action="adopt-appendix"]');
      await dialog.waitFor();
      await page.click('[data-action="switch-apply"]');
      await dialog.waitFor({ state: 'detached' });
      await banner.waitFor({ state: 'detached' });
      assert.equal(await page.inputValue('input[data-cell="kh_hoan_thanh"]'), '40');

      // One undo: back on version 1 with the figure kept, and the banner again.
      await page.click('[data-action="undo"]');
      await banner.waitFor();
      await page.click('[data-action="adopt-appendix"]');
      await dialog.waitFor();
      assert.ok(nfc(await dialog.locator('[data-switch-list="dropped-values"]').textContent()).includes(': 12'));
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      // Back to the built-in appendix: the row and its figure show again.
      await openTab(page, 'reports');
      await page.click('[data-action="use-builtin-appendix"]');
      await page.locator('#appendix-template [data-appendix-version="1"]').waitFor();
      await openTab(page, 'appendix');
      assert.equal(await page.inputValue('input[data-cell="kh_van_ban"]'), '12');
      assert.equal(await banner.count(), 0);
      assertNoErrors(pageErrors(page));
    }));
});
