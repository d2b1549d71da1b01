// The criteria editor: a province's criteria table (docs/samples/tieu-chi-xa-mau.csv, 43
// sub-criteria) imported from a spreadsheet, its unread rows listed, one finished in the editor,
// a fault shown at its place and mended, the open report scored in the preview; the set
// downloaded, then loaded in a fresh browser profile, where it scores the sample report.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startApp, artifactPath, pageErrors, REPO_ROOT } from './lib/app.mjs';
import { loadFixture } from './fixtures/report.mjs';
import { nfc, openTab, assertNoErrors } from './shell-helpers.mjs';

const CSV = await readFile(join(REPO_ROOT, 'docs', 'samples', 'tieu-chi-xa-mau.csv'));
const XLSX = await readFile(join(REPO_ROOT, 'docs', 'samples', 'tieu-chi-xa-mau.xlsx'));

// Node keys: area.criterion.item by position. III.4.2 ("Tổ chức lấy ý kiến người dân", row 42
// of the file, an unknown rule kind) is a2.c3.i1; I.1.2 is a0.c0.i1.
const UNREAD = '[data-node="a2.c3.i1"]';

/** A screenshot of one part of the page (the whole editor is many screens tall). */
async function shot(locator, name) {
  await locator.scrollIntoViewIfNeeded();
  await locator.screenshot({ path: await artifactPath(name, '.png') });
}

describe('soạn bộ tiêu chí', () => {
  let app;
  let downloaded;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  it('nhập cùng bảng tiêu chí từ tệp Excel (.xlsx): đọc trong worker, cùng cây tiêu chí như CSV', (t) =>
    app.run(t, async (page) => {
      await loadFixture(page);
      await openTab(page, 'reports');
      const editor = page.locator('#criteria-editor');
      await page.setInputFiles('#criteria-sheet', {
        name: 'tieu-chi-xa-mau.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: XLSX,
      });
      const finish = editor.locator('[data-to-finish]');
      await finish.waitFor({ timeout: 60_000 });
      assert.ok(nfc(await finish.textContent()).includes('11 dòng của bảng tính cần hoàn thiện'));
      assert.equal(await finish.locator('[data-row="42"]').count(), 1);
      assert.equal(await editor.locator('[data-node]').count(), 10 + 26 + 43, 'areas, criteria, items');
      assert.ok(nfc(await editor.locator('[data-scale]').textContent()).includes('cộng lại 100 / thang điểm 100'));
      await shot(editor.locator('.editor-start'), 'bat-dau-xlsx');
      assertNoErrors(pageErrors(page));
    }));

  it('nhập bảng tính, hoàn thiện trong trình soạn, xem trước, tải về và dùng', (t) =>
    app.run(t, async (page) => {
      await loadFixture(page);
      await openTab(page, 'reports');
      const editor = page.locator('#criteria-editor');
      await page.setInputFiles('#criteria-sheet', { name: 'tieu-chi-xa-mau.csv', mimeType: 'text/csv', buffer: CSV });
      const finish = editor.locator('[data-to-finish]');
      await finish.waitFor();
      assert.ok(nfc(await finish.textContent()).includes('11 dòng của bảng tính cần hoàn thiện'));
      assert.equal(await finish.locator('[data-row="42"]').count(), 1);
      assert.equal(await editor.locator("[data-node]").count(), 10 + 26 + 43, "areas, criteria, items");
      // The imported set compiles: no problem anywhere, the scale adds up, a preview.
      assert.equal(await editor.locator('[data-problem], [data-set-problems]').count(), 0);
      assert.ok(nfc(await editor.locator('[data-scale]').textContent()).includes('cộng lại 100 / thang điểm 100'));
      await editor.locator('[data-preview-total]').waitFor();
      await shot(editor.locator('.editor-start'), 'bat-dau');
      await shot(finish, 'dong-can-hoan-thien');
      await shot(editor.locator('[data-node="a0"]'), 'linh-vuc-I');
      await shot(editor.locator('[data-preview]'), 'xem-truoc');

      // Finish row 42: the officer answers yes/no.
      await editor.locator(`${UNREAD} .editor-rule select`).first().selectOption({ label: 'Có/không' });
      await editor.locator(`${UNREAD} .editor-rule select`).nth(1).waitFor();

      // A maximum that is not a number: said under the field, the draft keeps its value.
      const max = editor.locator('[data-node="a0.c0.i1"] > .editor-row .editor-num');
      await max.fill('hai');
      await max.press('Enter');
      const notNumber = editor.locator('[data-node="a0.c0.i1"] > .editor-row [data-number-error]');
      assert.match(nfc(await notNumber.textContent()), /Không phải là số/);
      assert.equal(await max.getAttribute('aria-invalid'), 'true');
      assert.equal(await max.inputValue(), 'hai', 'what was typed stays in the field');

      // A maximum that breaks its criterion's sum: the fault shows under the criterion.
      await max.fill('2');
      await max.press('Enter');
      const problem = editor.locator('[data-node="a0.c0"] > .editor-node-problems [data-problem]');
      await problem.waitFor();
      assert.equal(await notNumber.count(), 0, 'a number again: the message is gone');
      assert.ok(nfc(await problem.textContent()).includes('khai báo tối đa 3 điểm nhưng các mục con cộng lại 4 điểm'));
      assert.ok(await editor.locator('[data-action="use-draft"]').isDisabled());
      await shot(editor.locator('[data-node="a0.c0"]'), 'loi-tai-cho');
      await shot(editor.locator(UNREAD), 'dong-42-co-khong');
      await max.fill('1');
      await max.press('Enter');
      await problem.waitFor({ state: 'detached' });

      // Name the set, then download it and put it in use.
      const id = editor.locator('[data-field="id"] input');
      await id.fill('tinh-mau-xa-2026');
      await id.press('Enter');
      const title = editor.locator('[data-field="title"] input');
      await title.fill('Bộ tiêu chí cấp xã (mẫu từ bảng tính)');
      await title.press('Enter');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        editor.locator('[data-action="download-draft"]').click(),
      ]);
      assert.equal(download.suggestedFilename(), 'bo-tieu-chi_tinh-mau-xa-2026_v1.json');
      downloaded = await readFile(await download.path(), 'utf8');
      const set = JSON.parse(downloaded);
      const items = set.areas.flatMap((a) => a.criteria).flatMap((c) => c.items);
      assert.equal(items.length, 43);
      assert.equal(items.find((i) => i.id === 'III.4.2').rule.kind, 'yes_no');
      await editor.locator('[data-action="use-draft"]').click();
      await page.locator('#criteria [data-criteria-id="tinh-mau-xa-2026"]').waitFor();
      await shot(page.locator('#criteria'), 'dung-bo');
      assertNoErrors(pageErrors(page));
    }));

  it('tệp tải về nạp ở trình duyệt mới và chấm báo cáo mẫu', async (t) => {
    assert.ok(downloaded, 'the first test downloaded the set');
    const fresh = await startApp();
    try {
      await fresh.run(t, async (page) => {
        await loadFixture(page);
        await openTab(page, 'reports');
        await page.setInputFiles('#criteria-file', {
          name: 'bo-tieu-chi_tinh-mau-xa-2026_v1.json',
          mimeType: 'application/json',
          buffer: Buffer.from(downloaded),
        });
        await page.locator('#criteria [data-criteria-id="tinh-mau-xa-2026"]').waitFor();
        await openTab(page, 'scoring');
        // III.2.1, on time 99,89 % on the 95 % band of 4 points: 2 points, computed.
        const item = page.locator('[data-item="III.2.1"]');
        await item.waitFor();
        assert.ok(nfc(await item.textContent()).includes('99,89%'), nfc(await item.textContent()));
        await shot(item, 'trinh-duyet-moi-cham');
        assertNoErrors(pageErrors(page));
      });
    } finally {
      await fresh.close();
    }
  });
});
