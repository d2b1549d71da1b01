// Journeys (b) and (c): a report goes out as JSON, is deleted, comes back in, and is whole;
// files that are not reports of this app are refused with the core's message, and the open
// report stays as it was.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, pageErrors, waitForAppReady } from './lib/app.mjs';
import {
  forgetEverything,
  waitSaved,
  headerTitle,
  openTab,
  pickFile,
  importAndConfirm,
  exportJson,
  listedIds,
  bareReport,
  cellValue,
  nfc,
  assertNoErrors,
} from './shell-helpers.mjs';

const REPORT = bareReport({
  id: 'e2e-transfer',
  values: {
    'hs_ho_tich.c5': '1.674',
    'hs_ho_tich.c6': '120',
    'hs_ho_tich.c9': '1.779',
    'hs_ho_tich.c10': '2',
    'hs_ho_tich.c12': '11',
    'hs_ho_tich.c13': '2',
  },
});

describe('nhập, xuất JSON', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  it('xuất JSON, xóa báo cáo, nhập lại tệp đã xuất và thấy lại đủ', (t) =>
    app.run(t, async (page) => {
      await forgetEverything(page);
      await pickFile(page, 'tan-ha.json', JSON.stringify(REPORT));
      const preview = page.locator('#import-preview');
      await preview.waitFor();
      assert.equal(nfc(await preview.locator('[data-fact="unit"]').textContent()), 'UBND xã Tân Hà');
      assert.equal(nfc(await preview.locator('[data-fact="period"]').textContent()), '6 tháng 2026');
      assert.equal(await preview.locator('[data-fact="cells"]').textContent(), '6');
      assert.equal(await preview.locator('[data-outcome]').getAttribute('data-outcome'), 'add');
      await page.click('#import-preview [data-action="confirm"]');
      assert.equal(await headerTitle(page), 'UBND xã Tân Hà — 6 tháng 2026');
      await waitSaved(page);

      const first = await exportJson(page);
      assert.equal(first.name, 'phuluc-cchc_xa-tan-ha_6thang_2026.json');
      assert.equal(first.json.format, 'phuluc-cchc');
      assert.equal(first.json.report.id, 'e2e-transfer');
      assert.deepEqual(first.json.report.values, REPORT.values);
      const total = first.json.computed.cells.find((c) => c.id === 'hs_ho_tich.c3');
      assert.equal(total?.shown, '1.794', 'the export carries computed figures: (3) = (4) + (5) + (6)');

      await openTab(page, 'reports');
      await page.click('tr[data-report-id="e2e-transfer"] [data-action="delete"]');
      await page.click('#confirm-delete [data-action="confirm"]');
      assert.deepEqual(await listedIds(page), []);
      assert.notEqual(await headerTitle(page), 'UBND xã Tân Hà — 6 tháng 2026');

      await pickFile(page, first.name, first.text);
      await preview.waitFor();
      assert.equal(await preview.locator('[data-outcome]').getAttribute('data-outcome'), 'add', 'the deleted report is gone');
      await page.click('#import-preview [data-action="confirm"]');
      await waitSaved(page);
      await page.reload();
      await waitForAppReady(page);
      assert.equal(await headerTitle(page), 'UBND xã Tân Hà — 6 tháng 2026');
      assert.equal(nfc(await page.inputValue('#identity-signer')), 'Nguyễn Văn An');
      assert.equal(nfc(await page.inputValue('#identity-recipients')), REPORT.identity.recipients);
      await openTab(page, 'appendix');
      assert.equal(await cellValue(page, 'hs_ho_tich.c5'), '1.674');
      assert.equal(await cellValue(page, 'hs_ho_tich.c13'), '2');

      const again = await exportJson(page);
      assert.deepEqual(again.json.report, first.json.report, 'the round trip loses nothing');
      assertNoErrors(pageErrors(page));
    }));

  it('nhập tệp của báo cáo đã có thì nói rõ là thay thế, và hủy thì không đổi gì', (t) =>
    app.run(t, async (page) => {
      await forgetEverything(page);
      await importAndConfirm(page, 'tan-ha.json', JSON.stringify(REPORT));
      await waitSaved(page);
      const changed = bareReport({ id: 'e2e-transfer', identity: { commune: 'Tân Hà Mới' } });
      await pickFile(page, 'tan-ha-moi.json', JSON.stringify(changed));
      const outcome = page.locator('#import-preview [data-outcome]');
      assert.equal(await outcome.getAttribute('data-outcome'), 'replace');
      assert.match(nfc(await outcome.textContent()), /thay thế báo cáo đã lưu cùng mã «UBND xã Tân Hà — 6 tháng 2026»/);
      await page.click('#import-preview [data-action="cancel"]');
      await page.locator('#import-preview').waitFor({ state: 'detached' });
      assert.equal(await headerTitle(page), 'UBND xã Tân Hà — 6 tháng 2026');
      await pickFile(page, 'tan-ha-moi.json', JSON.stringify(changed));
      await page.click('#import-preview [data-action="confirm"]');
      assert.equal(await headerTitle(page), 'UBND xã Tân Hà Mới — 6 tháng 2026');
      await openTab(page, 'reports');
      assert.deepEqual(await listedIds(page), ['e2e-transfer'], 'replaced, not added');
    }));

  it('từ chối tệp không phải báo cáo, nói rõ lý do, giữ nguyên báo cáo đang mở', (t) =>
    app.run(t, async (page) => {
      await forgetEverything(page);
      await importAndConfirm(page, 'tan-ha.json', JSON.stringify(REPORT));
      await waitSaved(page);
      const rejected = page.locator('[data-import-error]');

      // A Word file renamed, or any file that is not JSON.
      await pickFile(page, 'bao-cao.docx', 'PK\u0003\u0004 word/document.xml');
      await rejected.waitFor();
      assert.equal(
        nfc(await rejected.textContent()),
        'Tệp không phải JSON hợp lệ (lỗi ở dòng 1, cột 1: lỗi cú pháp JSON). Có thể tệp bị hỏng hoặc không phải tệp xuất từ ứng dụng này.',
      );
      assert.match(nfc(await page.locator('.notices').textContent()), /Không nhập được tệp «bao-cao.docx»/);
      assert.equal(await page.locator('#import-preview').count(), 0);

      // JSON written by another tool, dropped on the page this time.
      const other = JSON.stringify({ type: 'FeatureCollection', features: [] });
      const transfer = await page.evaluateHandle((text) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'ban-do.json', { type: 'application/json' }));
        return dt;
      }, other);
      await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
      await page.locator('.drop-overlay').waitFor();
      await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
      await page.waitForFunction(() => document.querySelector('.notices')?.textContent.includes('ban-do.json'));
      assert.equal(
        nfc(await rejected.textContent()),
        'Tệp JSON này không phải báo cáo của ứng dụng Phụ lục CCHC (thiếu trường «format» hoặc «report»).',
      );
      assert.equal(await page.locator('.drop-overlay').count(), 0);

      // Nothing of the open report moved, on screen or in storage.
      assert.equal(await headerTitle(page), 'UBND xã Tân Hà — 6 tháng 2026');
      await page.click('.notices .banner button');
      await rejected.waitFor({ state: 'detached' });
      await page.reload();
      await waitForAppReady(page);
      assert.equal(await headerTitle(page), 'UBND xã Tân Hà — 6 tháng 2026');
      await openTab(page, 'appendix');
      assert.equal(await cellValue(page, 'hs_ho_tich.c5'), '1.674');
      assertNoErrors(pageErrors(page));
    }));
});
