// The province's roll-up: 50 generated commune files and a broken one dropped at once; the
// summed figures, the bands, the finding types and the rejection read back; the commune table
// worst first; the export is an aggregate. Then a previous period attached to the open report.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startApp, pageErrors, screenshot, pdf } from './lib/app.mjs';
import { forgetEverything, openTab, importAndConfirm, bareReport, nfc, assertNoErrors } from './shell-helpers.mjs';
import { generatedCommunes, dropFiles, viInt, viPercent } from './rollup-helpers.mjs';

const cell = (file, id) => file.json.computed.cells.find((c) => c.id === id)?.value ?? 0;

describe('tổng hợp nhiều đơn vị', () => {
  let app;
  let communes;
  before(async () => {
    communes = await generatedCommunes(50);
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  it('thả 50 tệp xã và một tệp hỏng: tổng, xếp loại, loại lỗi, tệp không dùng được', (t) =>
    app.run(t, async (page) => {
      await forgetEverything(page);
      await openTab(page, 'rollup');
      const broken = { name: 'hong.json', text: '{ "format": "phuluc-cchc", "report": ' };
      await dropFiles(page, '.rollup-drop', [...communes, broken]);
      const status = page.locator('[data-rollup-ms]');
      await status.waitFor({ timeout: 60_000 });
      assert.equal(
        nfc(await status.textContent()).split('.')[0],
        '50 đơn vị được tổng hợp, 1 tệp/báo cáo không dùng được',
      );
      assert.equal(await page.locator('#import-preview').count(), 0, 'a roll-up drop is not an import');

      // Totals: counts summed, the on-time rate recomputed from the sums.
      const sum = (id) => communes.reduce((s, f) => s + cell(f, id), 0);
      assert.equal(await page.locator('[data-cell="hs_tong.c3"]').textContent(), viInt(sum('hs_tong.c3')));
      assert.equal(await page.locator('[data-cell="hs_tong.c7"]').textContent(), viInt(sum('hs_tong.c7')));
      const onTime = (100 * (sum('hs_tong.c8') + sum('hs_tong.c9'))) / sum('hs_tong.c7');
      assert.equal(await page.locator('[data-cell="hs_ty_le_dung_han"]').textContent(), viPercent(onTime));

      // Bands, as each file's own scoring says.
      const bands = {};
      for (const f of communes) bands[f.json.computed.scoring.band] = (bands[f.json.computed.scoring.band] ?? 0) + 1;
      for (const [band, n] of Object.entries(bands)) {
        assert.equal(await page.locator(`[data-band-count="${band}"] strong`).textContent(), String(n), band);
      }
      // The finding type the generator plants in every seventh commune.
      const planted = communes.filter((f) =>
        f.json.computed.findings.some((x) => x.message.startsWith('Số hồ sơ nhận giải quyết (3)')),
      ).length;
      assert.ok(planted > 0);
      assert.equal(
        nfc(await page.locator('[data-finding-type="(3) ≠ (7) + (11)"]').textContent()),
        `${planted} xã có (3) ≠ (7) + (11)`,
      );
      // The broken file, with its reason.
      const rejected = nfc(await page.locator('[data-rejected="hong.json"]').textContent());
      assert.match(rejected, /Tệp không phải JSON hợp lệ/);

      // The commune table: every commune, worst (lowest index) first.
      const rows = page.locator('tr[data-commune]');
      assert.equal(await rows.count(), 50);
      const indices = await page
        .locator('tr[data-commune] [data-index]')
        .evaluateAll((tds) => tds.map((td) => Number(td.textContent.replace('%', '').replace(',', '.'))));
      assert.deepEqual(indices, [...indices].sort((a, b) => a - b));
      // Filter by name.
      await page.fill('[data-rollup-filter]', 'Tân Hà');
      assert.equal(await rows.count(), communes.filter((f) => f.json.report.identity.commune.startsWith('Tân Hà')).length);
      await page.fill('[data-rollup-filter]', '');

      // A commune's name opens its report, read-only.
      const first = page.locator('tr[data-commune]').first();
      const name = await first.getAttribute('data-commune');
      await first.locator('button').click();
      await page.locator(`[data-opened="${name}"] [data-print="cover"]`).waitFor();
      await page.click('.rollup-opened-bar button');
      await page.locator('[data-rollup-ms]').waitFor();

      // Pictures to look at: the top of the roll-up, the first rows of the commune table.
      const clip = async (selector, name) => {
        const box = await page.locator(selector).boundingBox();
        const height = Math.min(box.height, 1100);
        console.log(`  ảnh: ${await screenshot(page, name, { fullPage: true, clip: { x: 0, y: box.y, width: 1280, height } })}`);
      };
      await clip('.rollup-view', 'rollup-50');
      await clip('.rollup-table', 'rollup-table');
      // The printed roll-up: issued by the receiving body, with the summed figures.
      const printed = await pdf(page, 'rollup-print');
      const text = execFileSync('pdftotext', ['-layout', printed, '-'], { encoding: 'utf8' });
      assert.match(nfc(text), /SỞ NỘI VỤ TỈNH HÀ TĨNH/);
      assert.match(nfc(text), new RegExp(viInt(sum('hs_tong.c3')).replace('.', '\\.')));
      console.log(`  bản in: ${printed}`);

      // The export is an aggregate of the 50 members.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-rollup-export]')]);
      const json = JSON.parse(await (await import('node:fs/promises')).readFile(await download.path(), 'utf8'));
      assert.equal(json.kind, 'aggregate');
      assert.equal(json.members.length, 50);
      assert.equal(download.suggestedFilename(), 'phuluc-cchc_tong-hop_6thang_2026.json');
      assertNoErrors(pageErrors(page));
    }, { timeout: 120_000 }));

  it('chọn 50 tệp từ đĩa, một tệp quá lớn: đọc gộp đủ 50 tệp, tệp lớn bị từ chối mà không đọc', (t) =>
    app.run(t, async (page) => {
      await forgetEverything(page);
      await openTab(page, 'rollup');
      // Files on disk are read joined (one Blob per batch), then split by their sizes: each
      // commune must come back whole, in its own row, with its own figures.
      const { writeFile } = await import('node:fs/promises');
      const { join, dirname } = await import('node:path');
      const huge = join(dirname(communes[0].path), '..', 'quá-lớn.json');
      await writeFile(huge, Buffer.alloc(6 * 1024 * 1024, 0x20));
      await page.setInputFiles('[data-rollup-files]', [...communes.map((f) => f.path), huge]);
      const status = page.locator('[data-rollup-ms]');
      await status.waitFor();
      assert.ok(Number(await status.getAttribute('data-read-ms')) >= 0);
      assert.equal(await page.locator('tr[data-commune]').count(), 50);
      const total = nfc(await page.locator('[data-cell="hs_tong.c3"]').first().textContent());
      assert.equal(total.trim(), viInt(communes.reduce((s, f) => s + cell(f, 'hs_tong.c3'), 0)));
      const refused = nfc(await page.locator('[data-rejected="quá-lớn.json"]').textContent());
      assert.match(refused, /Tệp quá lớn \(6,0 MB\)/);
      assertNoErrors(pageErrors(page));
    }, { timeout: 120_000 }));

  it('130 xã: màn hình chia trang 100 dòng, bản in có đủ 130 dòng', (t) =>
    app.run(t, async (page) => {
      const many = await generatedCommunes(130);
      await forgetEverything(page);
      await openTab(page, 'rollup');
      await dropFiles(page, '.rollup-drop', many);
      await page.locator('[data-rollup-ms]').waitFor({ timeout: 60_000 });
      const rows = page.locator('tr[data-commune]');
      const stt = () => rows.evaluateAll((trs) => trs.map((tr) => Number(tr.cells[0].textContent)));
      assert.equal(await rows.count(), 100);
      assert.equal(nfc(await page.locator('[data-rollup-rows]').first().textContent()), 'Dòng 1–100 trong 130');
      await page.locator('[data-rollup-next]').first().click();
      assert.deepEqual(await stt(), Array.from({ length: 30 }, (_, i) => 101 + i));
      assert.ok(await page.locator('[data-rollup-next]').first().isDisabled(), 'no page after the last');
      await page.locator('.rollup-table').scrollIntoViewIfNeeded();
      console.log(`  ảnh: ${await screenshot(page, 'rollup-page-2', { fullPage: false })}`);
      // Sorting starts again at the first page.
      await page.locator('.rollup-communes button.sort').first().click();
      assert.equal((await stt())[0], 1);
      await page.locator('[data-rollup-all]').first().click();
      assert.equal(await rows.count(), 130);
      await page.locator('[data-rollup-all]').first().click();
      assert.equal(await rows.count(), 100);
      // Paper gets every row: the browser says it is about to print (Ctrl+P does), then prints.
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.waitForFunction(() => document.querySelectorAll('tr[data-commune]').length === 130);
      const printed = await pdf(page, 'rollup-print-130');
      const text = nfc(execFileSync('pdftotext', ['-layout', printed, '-'], { encoding: 'utf8' }));
      for (const f of [many[0], many[64], many[129]]) {
        assert.ok(text.includes(f.json.report.identity.commune), f.json.report.identity.commune);
      }
      // The header again on each page the table runs on, as plain labels (no sort mark).
      const headers = text.match(/STT\s+Đơn vị\s+Kỳ\s+Chỉ số\s+Xếp loại/g) ?? [];
      assert.ok(headers.length >= 3, `header on ${headers.length} pages`);
      assert.ok(!/[▲▼]/.test(text), 'no sort mark on paper');
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await page.waitForFunction(() => document.querySelectorAll('tr[data-commune]').length === 100);
      assertNoErrors(pageErrors(page));
    }, { timeout: 120_000 }));

  it('đặt báo cáo năm trước cạnh báo cáo đang mở: số kỳ trước, tăng giảm, bảng nhiều năm', (t) =>
    app.run(t, async (page) => {
      await forgetEverything(page);
      const year = (y, c5, c9, c12) =>
        bareReport({
          id: `tan-ha-${y}`,
          identity: { period: 'year', year: y, date: `${y}-12-16` },
          values: { 'hs_ho_tich.c5': c5, 'hs_ho_tich.c6': '5', 'hs_ho_tich.c9': c9, 'hs_ho_tich.c12': c12 },
        });
      await importAndConfirm(page, 'tan-ha-2026.json', JSON.stringify(year(2026, '1.200', '1.190', '15')));
      await openTab(page, 'compare');
      for (const [y, c5, c9, c12] of [
        [2025, '1.000', '995', '10'],
        [2024, '800', '800', '5'],
      ]) {
        await page.setInputFiles('[data-compare-file]', {
          name: `tan-ha-${y}.json`,
          mimeType: 'application/json',
          buffer: Buffer.from(JSON.stringify(year(y, c5, c9, c12))),
        });
        await page.locator('.compare-attached li', { hasText: `Năm ${y}` }).waitFor();
      }
      const row = page.locator('[data-change="hs_tong.c3"]');
      assert.equal(await row.locator('[data-before]').textContent(), '1.005');
      assert.equal(await row.locator('[data-now]').textContent(), '1.205');
      assert.equal(await row.locator('[data-delta]').textContent(), '+200');
      assert.equal(await row.locator('[data-delta-pct]').textContent(), '+19,90%');
      // (6) = 5 this year, but 10 were pending at the end of 2025.
      assert.match(nfc(await page.locator('[data-carry]').first().textContent()), /là 5, khác cột \(11\).*là 10\./);
      const heads = await page.locator('[data-period-table] thead th').allTextContents();
      assert.deepEqual(heads.slice(2), ['Năm 2024', 'Năm 2025', 'Năm 2026']);
      const box = await page.locator('[data-period-table]').boundingBox();
      console.log(`  ảnh: ${await screenshot(page, 'compare-years', { fullPage: true, clip: { x: 0, y: box.y - 60, width: 1280, height: box.height + 80 } })}`);
      // Another commune's report is refused with the reason.
      await page.setInputFiles('[data-compare-file]', {
        name: 'khac.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(bareReport({ id: 'x', identity: { commune: 'Tân Lập', period: 'year', year: 2023 } }))),
      });
      assert.match(nfc(await page.locator('[data-compare-refused]').textContent()), /Báo cáo của xã Tân Lập, không phải của xã Tân Hà/);
      assertNoErrors(pageErrors(page));
    }));
});
