// The report's sheets in the release build: the appendix as a spreadsheet (seed 000's dossier
// figures, a part larger than its whole from seed 002, keyboard-only filling), then
// self-scoring read back in the summary. Each describe starts a fresh browser profile, so no
// report saved by another test is restored.
//
// Selectors are the sheets' DOM contract (src/app/components/appendix.rs, scoring.rs,
// summary.rs): `[data-cell="<cell id>"]` is a cell's input, select or derived value;
// `#msg-<cell id, '.' → '__'>` its findings' messages; `#item-<stt, '.' → '-'>-…` the scoring
// controls; `#summary-index`, `#summary-band` the summary's headline.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, screenshot, pageErrors, checkA11y, formatViolations } from './lib/app.mjs';

const cell = (id) => `[data-cell="${id}"]`;
const VIEWPORT = { width: 1366, height: 768 };

async function openTab(page, tab) {
  await page.click(`[data-tab="${tab}"]`);
  await page.waitForSelector(`.sheet.${tab === 'appendix' ? 'appendix' : tab}`);
}

async function text(page, selector) {
  return ((await page.locator(selector).textContent()) ?? '').trim();
}

/** axe-core finds nothing on the sheet shown. */
async function assertAccessible(page) {
  const violations = await checkA11y(page, { context: '.sheet' });
  assert.deepEqual(violations, [], formatViolations(violations));
}

async function focusedCell(page) {
  return page.evaluate(() => document.activeElement?.getAttribute('data-cell') ?? null);
}

/** Seed 000: 1794 received = 1674 new + 120 carried over; 1781 resolved = 1779 on time + 2
 *  late; 13 pending = 11 within the deadline + 2 overdue. All in the Hộ tịch row. */
async function fillSeed000(page) {
  const figures = { c5: '1674', c6: '120', c9: '1779', c10: '2', c12: '11', c13: '2' };
  for (const [col, value] of Object.entries(figures)) {
    await page.fill(cell(`hs_ho_tich.${col}`), value);
  }
}

describe('phụ lục: Biểu 06 theo số liệu báo cáo 000', () => {
  let app;
  before(async () => {
    app = await startApp({ browser: { viewport: VIEWPORT } });
  });
  after(async () => {
    await app?.close();
  });

  it('tổng cộng và tỷ lệ đúng hạn tự tính khi gõ', (t) =>
    app.run(t, async (page) => {
      await openTab(page, 'appendix');
      await fillSeed000(page);
      assert.equal(await text(page, cell('hs_ho_tich.c3')), '1.794');
      assert.equal(await text(page, cell('hs_tong.c3')), '1.794');
      assert.equal(await text(page, cell('hs_tong.c7')), '1.781');
      assert.equal(await text(page, cell('hs_tong.c11')), '13');
      assert.equal(await text(page, cell('hs_ty_le_dung_han')), '99,89%');
      // What was typed stays as typed; the derived cells are not inputs.
      assert.equal(await page.inputValue(cell('hs_ho_tich.c5')), '1674');
      assert.equal(await page.locator(`input${cell('hs_tong.c3')}`).count(), 0);
      // 1794 = 1781 + 13: nothing to check.
      assert.equal(await page.locator('.appendix .findings-none').count(), 1);

      await page.locator('[data-table="bieu06"]').scrollIntoViewIfNeeded();
      t.diagnostic(`screenshot ${await screenshot(page, 'bieu06', { fullPage: false })}`);
      assert.deepEqual(pageErrors(page), []);
    }));
});

describe('phụ lục: phần lớn hơn tổng (báo cáo 002, Phụ lục 07)', () => {
  let app;
  before(async () => {
    app = await startApp({ browser: { viewport: VIEWPORT } });
  });
  after(async () => {
    await app?.close();
  });

  it('lỗi hiện tại ô, trong danh sách, và bấm vào thì đến ô', (t) =>
    app.run(t, async (page) => {
      await openTab(page, 'appendix');
      await page.fill(cell('vb_di'), '5202');
      await page.fill(cell('vb_dien_tu'), '14622');
      const input = page.locator(cell('vb_dien_tu'));
      assert.equal(await input.getAttribute('aria-invalid'), 'true');
      assert.equal(await input.getAttribute('aria-describedby'), 'msg-vb_dien_tu');
      assert.match(await text(page, '#msg-vb_dien_tu'), /14\.622.*5\.202/);
      assert.equal(await text(page, `td.cell:has(${cell('vb_dien_tu')}) .mark`), '✖');
      assert.equal(await text(page, cell('vb_ty_le_dien_tu')), '281,08%');

      await assertAccessible(page);
      await input.scrollIntoViewIfNeeded();
      t.diagnostic(`screenshot ${await screenshot(page, 'part-exceeds-whole', { fullPage: false })}`);

      // From the list on top of the sheet, the entry jumps to its cell.
      await page.focus(cell('kh_nhiem_vu'));
      await page.click('.appendix .findings [data-jump="vb_dien_tu"]');
      assert.equal(await focusedCell(page), 'vb_dien_tu');
      t.diagnostic(`screenshot ${await screenshot(page, 'findings-list', { fullPage: false })}`);
    }));
});

describe('phụ lục: nhập cả bảng chỉ bằng bàn phím', () => {
  let app;
  before(async () => {
    app = await startApp({ browser: { viewport: VIEWPORT } });
  });
  after(async () => {
    await app?.close();
  });

  it('Enter xuống ô dưới, bỏ qua ô tự tính, sang bảng sau; Tab theo thứ tự tự nhiên', (t) =>
    app.run(t, async (page) => {
      await openTab(page, 'appendix');
      await page.focus(cell('kh_nhiem_vu'));
      await page.keyboard.type('42');
      await page.keyboard.press('Enter');
      assert.equal(await focusedCell(page), 'kh_hoan_thanh');
      await page.keyboard.type('40');
      await page.keyboard.press('Enter');
      assert.equal(await focusedCell(page), 'kh_van_ban', 'the computed rate is skipped');
      await page.keyboard.type('3');
      await page.keyboard.press('Enter');
      assert.equal(await focusedCell(page), 'kh_bao_cao_dung_han');
      await page.keyboard.press('ArrowDown'); // — → Có, the select's own keys
      await page.keyboard.press('Enter');
      assert.equal(await focusedCell(page), 'kt_ke_hoach', 'past the last row: the next table');

      assert.equal(await text(page, cell('kh_ty_le')), '95,24%');
      assert.equal(await page.inputValue(cell('kh_bao_cao_dung_han')), 'có');

      // Tab walks the same table row by row, Shift+Tab back; arrows up and down.
      await page.keyboard.press('Tab');
      assert.equal(await focusedCell(page), 'kt_thuc_hien');
      await page.keyboard.press('Shift+Tab');
      assert.equal(await focusedCell(page), 'kt_ke_hoach');
      await page.keyboard.press('ArrowUp');
      assert.equal(await focusedCell(page), 'kh_bao_cao_dung_han', 'up from the top: the table before');
      t.diagnostic(`screenshot ${await screenshot(page, 'keyboard', { fullPage: false })}`);
      assert.deepEqual(pageErrors(page), []);
    }));
});

describe('tự chấm điểm và tổng hợp', () => {
  let app;
  before(async () => {
    app = await startApp({ browser: { viewport: VIEWPORT } });
  });
  after(async () => {
    await app?.close();
  });

  it('chấm vài tiêu chí, có tài liệu kiểm chứng, đọc chỉ số và xếp loại', (t) =>
    app.run(t, async (page) => {
      await openTab(page, 'appendix');
      await fillSeed000(page);
      for (const [id, value] of [['kh_nhiem_vu', '42'], ['kh_hoan_thanh', '40'], ['kh_van_ban', '3']]) {
        await page.fill(cell(id), value);
      }
      await page.selectOption(cell('kh_bao_cao_dung_han'), 'có');

      await openTab(page, 'scoring');
      assert.equal(await page.locator('.sample-notice').count(), 1, 'the sample set says so');
      await page.click('#item-1-1-1-yes');
      assert.equal(await page.getAttribute('#item-1-1-1-yes', 'aria-pressed'), 'true');
      // Automatic from the appendix: 40/42 = 95,24% ≥ 90% → 95,24% × 3.
      assert.match(await text(page, '[data-item="1.1.2"] .explanation'), /95,24%/);
      for (const item of ['1-1-1', '1-1-2', '1-2-1', '3-2-1']) {
        await page.click(`#item-${item}-add-evidence`);
        await page.fill(`#item-${item}-ev0-title`, 'Kế hoạch CCHC năm 2026');
        await page.fill(`#item-${item}-ev0-number`, '15/KH-UBND');
        await page.fill(`#item-${item}-ev0-date`, '05/01/2026');
      }
      assert.equal(await page.locator('[data-item="1.1.1"] .item-warning').count(), 0, 'evidence given');
      // Giải trình typed through an IME (Telex composes "ành" before committing it).
      await page.focus('#item-1-1-1-explanation');
      await page.keyboard.type('Đã ban h');
      const cdp = await page.context().newCDPSession(page);
      for (const step of ['a', 'à', 'àn', 'ành']) {
        await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
      }
      await cdp.send('Input.insertText', { text: 'ành' });
      await page.keyboard.type(' đúng hạn');
      assert.equal(await page.inputValue('#item-1-1-1-explanation'), 'Đã ban hành đúng hạn');
      // A manual score without evidence counts 0 under this set's rule, and says so.
      await page.fill('#item-1-5-1-score', '1,5');
      assert.match(await text(page, '[data-item="1.5.1"] .item-warning'), /kiểm chứng/);
      await page.fill('#item-1-5-1-score', '3');
      assert.match(await text(page, '[data-item="1.5.1"] .explanation'), /vượt điểm tối đa/);
      await page.fill('#item-1-5-1-score', '1,5');
      await assertAccessible(page);
      t.diagnostic(`screenshot ${await screenshot(page, 'scoring', { fullPage: false })}`);

      // 1 (1.1.1) + 2,857 (1.1.2) + 1 (1.2.1) + 1 (3.2.1, 99,89% ≥ 95%) = 5,857; less the
      // penalty 2 overdue × 0,25 = 0,5 → 5,357 of 70 = 7,65%.
      await openTab(page, 'summary');
      assert.equal(await text(page, '#summary-index'), '7,65%');
      assert.equal(await text(page, '#summary-band'), 'Kém');
      assert.match(await text(page, '.figures'), /70 điểm/);
      assert.equal(await page.locator('.area-bars tbody tr').count(), 7, 'one bar per self-scored area');
      assert.match(await text(page, '.losses'), /1\.5\.1/, 'the zeroed manual score is among the losses');
      await assertAccessible(page);
      t.diagnostic(`screenshot ${await screenshot(page, 'summary')}`);
      assert.deepEqual(pageErrors(page), []);
    }));
});
