// Lời văn: a real report's text (seed 000, ../shared/seeds) pasted and proofread in the
// browser, its wrong statements read back; the narrative drafted from the figures following an
// edited cell, and writing the change against last year's report once one is attached — on
// screen and on the printed cover.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startApp, pageErrors, screenshot, REPO_ROOT } from './lib/app.mjs';
import { forgetEverything, openTab, importAndConfirm, bareReport, nfc, assertNoErrors } from './shell-helpers.mjs';

const SEEDS = join(REPO_ROOT, '..', 'shared', 'seeds');

async function seed(prefix) {
  const name = (await readdir(SEEDS)).find((f) => f.startsWith(prefix));
  assert.ok(name, `seed ${prefix} in ${SEEDS}`);
  return readFile(join(SEEDS, name), 'utf8');
}

/** The text of the drafted paragraph of section `id`. */
const paragraph = (page, id) => page.locator(`[data-paragraph="${id}"] textarea`).inputValue();

describe('lời văn', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  it('dán báo cáo thật (seed 000): các câu số liệu được đọc, tính lại, câu sai được đánh dấu', (t) =>
    app.run(t, async (page) => {
      await forgetEverything(page);
      await openTab(page, 'words');
      await page.fill('#proof-input', await seed('000_'));
      await page.click('#proof-run');
      const counts = nfc(await page.locator('.proof-counts').textContent());
      const m = counts.match(/Đọc được (\d+) câu số liệu: (\d+) đúng, (\d+) sai, (\d+) cần lưu ý/);
      assert.ok(m, counts);
      const [read, right, wrong, notes] = m.slice(1).map(Number);
      // Counted natively too (core/tests/prose.rs): 38 statements, 31 right, 7 flagged.
      assert.deepEqual([read, right, wrong + notes], [38, 31, 7], counts);
      const marks = await page.locator('.proof-text mark.proof-error').allTextContents();
      assert.ok(marks.some((x) => nfc(x).includes('42/24')), marks.join(' | '));
      const list = nfc(await page.locator('.proof-list').textContent());
      assert.match(list, /175,00%/, 'the plan of 42 tasks over 24 is 175,00%, not 100%');
      // The correct statement of the same seed raises nothing: 1.779/1.781 = 99,89%.
      assert.doesNotMatch(list, /99,89%.*Sai/);
      console.log(`  ảnh: ${await screenshot(page, 'proofread-seed-000', { fullPage: true })}`);
      assertNoErrors(pageErrors(page));
    }));

  it('lời văn theo số liệu: sửa ô thì câu đổi; có báo cáo năm trước thì "so với cùng kỳ"', (t) =>
    app.run(t, async (page) => {
      await forgetEverything(page);
      const year = (y, c5) =>
        bareReport({
          id: `tan-ha-${y}`,
          identity: { period: 'year', year: y, date: `${y}-12-16` },
          values: { 'hs_ho_tich.c5': c5, 'hs_ho_tich.c6': '5', 'hs_ho_tich.c9': '1.100', 'hs_ho_tich.c12': '10' },
        });
      await importAndConfirm(page, 'tan-ha-2026.json', JSON.stringify(year(2026, '1.200')));
      await openTab(page, 'words');
      assert.match(nfc(await paragraph(page, 's3')), /Tổng số hồ sơ tiếp nhận: 1\.205 hồ sơ/);
      assert.match(nfc(await page.locator('[data-narrative-against]').textContent()), /Chưa có báo cáo kỳ trước/);

      await openTab(page, 'appendix');
      await page.fill('[data-cell="hs_ho_tich.c5"]', '1.300');
      await openTab(page, 'words');
      assert.match(nfc(await paragraph(page, 's3')), /Tổng số hồ sơ tiếp nhận: 1\.305 hồ sơ/, 'the sentence follows the cell');

      await openTab(page, 'compare');
      await page.setInputFiles('[data-compare-file]', {
        name: 'tan-ha-2025.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(year(2025, '1.000'))),
      });
      await page.locator('.compare-attached li', { hasText: 'Năm 2025' }).waitFor();
      await openTab(page, 'words');
      // 1.305 against 1.005: +29,85 %.
      const text = nfc(await paragraph(page, 's3'));
      assert.match(text, /1\.305 hồ sơ, tăng 29,85% so với cùng kỳ \(1\.005\)/, text);
      assert.match(nfc(await page.locator('[data-narrative-against]').textContent()), /Năm 2025/);
      const box = await page.locator('[data-paragraph="s3"]').boundingBox();
      console.log(`  ảnh: ${await screenshot(page, 'narrative-change', { clip: { x: 0, y: Math.max(0, box.y - 120), width: 1280, height: box.height + 140 } })}`);

      await openTab(page, 'print');
      const cover = nfc(await page.locator('[data-print="cover"]').textContent());
      assert.match(cover, /tăng 29,85% so với cùng kỳ \(1\.005\)/, 'the printed report says it too');
      assertNoErrors(pageErrors(page));
    }));
});
