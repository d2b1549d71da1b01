// What an import cannot keep is said, not dropped (issue 15): the preview lists the fields the
// report has no place for and the cells the appendix in use does not have; a file over the
// size limit is refused before the browser reads it, with its size and the limit.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, pageErrors, screenshot } from './lib/app.mjs';
import { forgetEverything, pickFile, headerTitle, bareReport, nfc, assertNoErrors } from './shell-helpers.mjs';

describe('giới hạn khi nhập tệp', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  it('xem trước nói rõ những gì tệp có mà báo cáo không giữ', (t) =>
    app.run(t, async (page) => {
      await forgetEverything(page);
      const report = bareReport({ id: 'e2e-notes', values: { 'hs_ho_tich.c5': '12', 'bieu_cu.c1': '7' } });
      report.ghi_chu = 'thêm bởi công cụ khác';
      const file = { format: 'phuluc-cchc', schema: 1, nguoi_gui: 'Sở Nội vụ', report };
      await pickFile(page, 'ghi-chu.json', JSON.stringify(file));
      const notes = page.locator('#import-preview [data-import-notes]');
      await notes.waitFor();
      const text = nfc(await notes.textContent());
      assert.match(text, /Tệp có những phần báo cáo không giữ lại được/);
      assert.match(text, /Trường «nguoi_gui» không thuộc mẫu báo cáo nên không được giữ lại/);
      assert.match(text, /Trường «report\.ghi_chu» không thuộc mẫu báo cáo/);
      assert.match(text, /1 ô không có trong phụ lục đang dùng \(bieu_cu\.c1\)/);
      await screenshot(page, 'import-notes');
      await page.click('#import-preview [data-action="confirm"]');
      assert.equal(await headerTitle(page), 'UBND xã Tân Hà — 6 tháng 2026');
      assertNoErrors(pageErrors(page));
    }));

  it('tệp quá giới hạn bị từ chối trước khi đọc, nêu cỡ tệp và giới hạn', async () => {
    const page = await app.context.newPage();
    // Counts the reads the page starts: a refused file must not be read at all.
    await page.addInitScript(() => {
      window.__reads = 0;
      for (const m of ['readAsText', 'readAsArrayBuffer', 'readAsDataURL', 'readAsBinaryString']) {
        const f = FileReader.prototype[m];
        FileReader.prototype[m] = function (...a) {
          window.__reads += 1;
          return f.apply(this, a);
        };
      }
    });
    try {
      await page.goto(app.url);
      await page.waitForSelector('[data-app-ready]', { state: 'attached' });
      await forgetEverything(page);
      const before = await headerTitle(page);
      const big = Buffer.alloc(6 * 1024 * 1024, 0x20);
      await page.setInputFiles('#import-file', { name: 'lon.json', mimeType: 'application/json', buffer: big });
      const banner = page.locator('[data-import-error]');
      await banner.waitFor();
      assert.equal(
        nfc(await banner.textContent()),
        'Tệp quá lớn (6,0 MB). Ứng dụng chỉ nhận tệp đến 5,0 MB; tệp xuất của một báo cáo thường dưới 1 MB.',
      );
      assert.match(nfc(await page.locator('.notices').textContent()), /Không nhập được tệp «lon\.json»/);
      assert.equal(await page.evaluate(() => window.__reads), 0, 'refused before reading');
      assert.equal(await page.locator('#import-preview').count(), 0);
      assert.equal(await headerTitle(page), before, 'the open report is untouched');
      await screenshot(page, 'import-too-large');
      // A file under the limit is still read.
      await pickFile(page, 'nho.json', JSON.stringify(bareReport({ id: 'e2e-small' })));
      await page.locator('#import-preview').waitFor();
      assert.equal(await page.evaluate(() => window.__reads), 1);
      assertNoErrors(pageErrors(page));
    } finally {
      await page.close();
    }
  });
});
