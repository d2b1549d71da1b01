// Journey (a): the officer fills "Thông tin báo cáo", reloads the page, and finds everything.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, pageErrors, waitForAppReady } from './lib/app.mjs';
import { forgetEverything, waitSaved, headerTitle, nfc, assertNoErrors } from './shell-helpers.mjs';

describe('thông tin báo cáo', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  it('điền đủ thông tin, tải lại trang, thấy lại đủ', (t) =>
    app.run(t, async (page) => {
      await forgetEverything(page);
      await page.selectOption('#identity-commune-kind', 'phuong');
      await page.fill('#identity-commune', 'Tân Hà');
      await page.fill('#identity-province', 'Lâm Đồng');
      assert.equal(nfc(await page.getAttribute('#identity-receiving-body', 'placeholder')), 'Sở Nội vụ tỉnh Lâm Đồng');
      await page.fill('#identity-receiving-body', 'UBND tỉnh Lâm Đồng');
      await page.selectOption('#identity-period', 'quy1');
      await page.selectOption('#identity-year', '2026');
      assert.equal(
        nfc(await page.locator('#identity-window-rule').textContent()),
        'Theo Nghị định 09/2019/NĐ-CP: từ 15/12/2025 đến 14/03/2026.',
      );
      assert.equal(await page.inputValue('#identity-from'), '2025-12-15');
      await page.fill('#identity-to', '2026-03-20');
      await page.locator('[data-window-reset]').waitFor();
      await page.fill('#identity-number', '08/BC-UBND');
      await page.fill('#identity-date', '2026-03-18');
      // The report is dated before its (own) window ends: said at the date field.
      await page.locator('#identity-date-findings').waitFor();
      assert.match(nfc(await page.locator('#identity-date-findings').textContent()), /sớm hơn ngày kết thúc kỳ số liệu 20\/03\/2026/);
      await page.fill('#identity-date', '2026-03-25');
      await page.locator('#identity-date-findings').waitFor({ state: 'detached' });
      await page.fill('#identity-place', 'Lâm Hà');
      await page.fill('#identity-signer', 'Trần Thị Bình');
      await page.fill('#identity-signer-title', 'PHÓ CHỦ TỊCH');
      await page.fill('#identity-recipients', '- Sở Nội vụ tỉnh Lâm Đồng;\n- TT Đảng ủy phường;\n- Lưu: VT.');
      assert.equal(await headerTitle(page), 'UBND phường Tân Hà — Quý I 2026');
      await waitSaved(page);

      await page.reload();
      await waitForAppReady(page);
      assert.equal(await headerTitle(page), 'UBND phường Tân Hà — Quý I 2026');
      assert.match(nfc(await page.locator('[data-save-status]').textContent()), /^Đã lưu lúc \d\d:\d\d$/);
      const expected = {
        '#identity-commune-kind': 'phuong',
        '#identity-commune': 'Tân Hà',
        '#identity-province': 'Lâm Đồng',
        '#identity-receiving-body': 'UBND tỉnh Lâm Đồng',
        '#identity-period': 'quy1',
        '#identity-year': '2026',
        '#identity-from': '2025-12-15',
        '#identity-to': '2026-03-20',
        '#identity-number': '08/BC-UBND',
        '#identity-date': '2026-03-25',
        '#identity-place': 'Lâm Hà',
        '#identity-signer': 'Trần Thị Bình',
        '#identity-signer-title': 'PHÓ CHỦ TỊCH',
        '#identity-recipients': '- Sở Nội vụ tỉnh Lâm Đồng;\n- TT Đảng ủy phường;\n- Lưu: VT.',
      };
      for (const [selector, value] of Object.entries(expected)) {
        assert.equal(nfc(await page.inputValue(selector)), value, selector);
      }
      // The own end date is still marked as such, and goes back to the decree's on request.
      await page.click('[data-window-reset]');
      assert.equal(await page.inputValue('#identity-to'), '2026-03-14');
      assertNoErrors(pageErrors(page));
    }));

  it('gõ tiếng Việt qua bộ gõ (IME) không mất chữ, kể cả khi trang vừa tự lưu', (t) =>
    app.run(t, async (page) => {
      await forgetEverything(page);
      const cdp = await page.context().newCDPSession(page);
      // A change elsewhere starts the autosave timer; its "saved" render lands mid-composition.
      await page.fill('#identity-province', 'Lâm Đồng');
      await page.click('#identity-commune');
      for (const partial of ['T', 'Ta', 'Tâ', 'Tân', 'Tân H', 'Tân Ha']) {
        await cdp.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length });
      }
      await waitSaved(page);
      assert.equal(nfc(await page.inputValue('#identity-commune')), 'Tân Ha', 'the composition survived the save');
      await cdp.send('Input.imeSetComposition', { text: 'Tân Hà', selectionStart: 6, selectionEnd: 6 });
      await cdp.send('Input.insertText', { text: 'Tân Hà' });
      assert.equal(nfc(await page.inputValue('#identity-commune')), 'Tân Hà');
      await page.waitForFunction(() => document.querySelector('.report-title')?.textContent.includes('Tân Hà'));
      await waitSaved(page);
      await page.reload();
      await waitForAppReady(page);
      assert.equal(nfc(await page.inputValue('#identity-commune')), 'Tân Hà');
      assertNoErrors(pageErrors(page));
    }));
});
