// Office files: the office worker's wasm is not fetched by the first visit, only at the first
// Excel/Word request; the .xlsx and .docx download; a Biểu 06 sheet (CSV as a one-stop system
// exports it, rows renamed, figures as Vietnamese text) is previewed, applied and undone; a
// malformed file is refused and nothing changes.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startApp, artifactPath, pageErrors } from './lib/app.mjs';
import { forgetEverything, importAndConfirm, bareReport, assertNoErrors } from './shell-helpers.mjs';

const OFFICE_WASM = /\/office_bg\.wasm$/;

describe('tệp Excel, Word', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  it('phần xử lý Excel/Word chỉ tải khi dùng; tải về .xlsx và .docx', (t) =>
    app.run(t, async (page) => {
      const fetched = [];
      page.on('request', (r) => fetched.push(r.url()));
      await forgetEverything(page);
      await importAndConfirm(page, 'r.json', JSON.stringify(bareReport({ id: 'e2e-office', values: { 'hs_ho_tich.c5': '1.674' } })));
      // Ready and used, and still no office module.
      assert.ok(!fetched.some((u) => OFFICE_WASM.test(u)), `fetched before use: ${fetched.join('\n')}`);
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="xlsx"]')]);
      assert.match(xlsx.suggestedFilename(), /\.xlsx$/);
      const bytes = await readFile(await xlsx.path());
      assert.equal(bytes.subarray(0, 2).toString(), 'PK');
      assert.ok(fetched.some((u) => OFFICE_WASM.test(u)), 'the office module was fetched on use');
      const [docx] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="docx"]')]);
      assert.match(docx.suggestedFilename(), /\.docx$/);
      assertNoErrors(pageErrors(page));
    }));

  it('nhập Biểu 06 từ tệp: xem trước, ghi, hoàn tác; tệp hỏng bị từ chối', (t) =>
    app.run(t, async (page) => {
      await forgetEverything(page);
      await importAndConfirm(page, 'r.json', JSON.stringify(bareReport({ id: 'e2e-office-in', values: { 'hs_ho_tich.c6': '100' } })));
      const csv =
        'STT;Lĩnh vực;(3);(4);(5);(6);(7);(8);(9);(10);(11);(12);(13)\n' +
        '1.;Lĩnh vực Hộ tịch;;;"1.674";120;;;"1.779";2;;11;2\n' +
        '2;Đăng ký kinh doanh hộ cá thể;;;7;;;;;;;;\n';
      await page.setInputFiles('#figures-file', { name: 'bieu06.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      const preview = page.locator('#figures-preview');
      await preview.waitFor();
      await page.screenshot({ path: await artifactPath('figures-preview', '.png') });
      const row = preview.locator('[data-change="hs_ho_tich.c6"] td');
      assert.deepEqual((await row.allTextContents()).slice(1, 3), ['100', '120']);
      assert.equal(await preview.locator('[data-unrecognised]').count(), 1);
      await page.click('#figures-preview [data-action="apply"]');
      await preview.waitFor({ state: 'detached' });
      await page.click('[data-action="undo-figures"]');
      // A file that is not a workbook: the message, nothing changed.
      await page.setInputFiles('#figures-file', { name: 'hong.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\x03\x04 not a zip') });
      await page.locator('#office-status [role="alert"]').waitFor();
      assert.match(await page.locator('#office-status').textContent(), /không nhập gì/);
      assertNoErrors(pageErrors(page));
    }));
});
