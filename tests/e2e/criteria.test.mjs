// A province's criteria set: from the sample notice of the scoring tab to "Bộ tiêu chí" on the
// saved-reports screen, load the province's file and score with it, still after a reload; a
// file with a fault is refused with the core's Vietnamese message and changes nothing; the set
// in use downloads as a template; "Dùng lại bộ mẫu" goes back to the sample.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startApp, waitForAppReady, pageErrors, screenshot, REPO_ROOT } from './lib/app.mjs';
import { loadFixture } from './fixtures/report.mjs';
import { nfc, openTab, assertNoErrors } from './shell-helpers.mjs';

const SAMPLE = await readFile(join(REPO_ROOT, 'templates', 'tieuchi-mau-xa.v1.json'), 'utf8');

/** The sample set changed by `edit`, as a file's text. */
function sampleWith(edit) {
  const set = JSON.parse(SAMPLE);
  edit(set);
  return JSON.stringify(set, null, 2);
}

const PROVINCE_TITLE = 'Bộ tiêu chí Chỉ số CCHC cấp xã tỉnh Lâm Đồng (thử)';

/** A province's set: its own id, not a sample, 2.1.1 worth 2 points, taken from 2.1.2. */
const PROVINCE = sampleWith((set) => {
  set.id = 'lam-dong-xa-2026';
  set.title = { vi: PROVINCE_TITLE, en: 'Lâm Đồng commune criteria (test)' };
  set.sample = false;
  set.source = 'Quyết định số 99/QĐ-UBND ngày 05/01/2026 (thử nghiệm)';
  const [first, second] = set.areas[1].criteria[0].items;
  assert.deepEqual([first.id, first.max, second.id, second.max], ['2.1.1', 1.5, '2.1.2', 1.5]);
  first.max = 2;
  second.max = 1;
});

/** The province's set with a gap between 70 % ("Trung bình" ends) and 75 % ("Khá" starts). */
const BAND_GAP = sampleWith((set) => {
  set.id = 'lam-dong-xa-2026';
  assert.equal(set.bands[1].from, 70);
  set.bands[1].from = 75;
});

async function pickCriteria(page, name, text) {
  await page.setInputFiles('#criteria-file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function itemMax(page, item) {
  return nfc(await page.locator(`[data-item="${item}"] .item-max`).textContent());
}

describe('bộ tiêu chí của tỉnh', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  it('nạp bộ của tỉnh, chấm theo bộ đó, tải lại vẫn dùng; tệp lỗi bị từ chối', (t) =>
    app.run(t, async (page) => {
      await loadFixture(page);
      await openTab(page, 'scoring');
      assert.equal(await itemMax(page, '2.1.1'), 'Tối đa 1,5 điểm');
      // The sample notice leads to where a province's set is loaded.
      await page.getByRole('link', { name: 'Nạp bộ tiêu chí của tỉnh' }).click();
      const part = page.locator('#criteria');
      await part.waitFor();
      assert.equal(await page.locator('[data-tab="reports"]').getAttribute('aria-current'), 'page');
      assert.ok(await part.evaluate((el) => el === document.activeElement), 'the part has the focus');
      assert.equal(await part.locator('[data-criteria-id]').getAttribute('data-criteria-id'), 'mau-xa-2026');
      assert.ok(nfc(await part.textContent()).includes('Bộ mẫu'));

      await pickCriteria(page, 'tieu-chi-lam-dong.json', PROVINCE);
      await page.locator('[data-criteria-id="lam-dong-xa-2026"]').waitFor();
      assert.equal(nfc(await part.locator('[data-criteria-title]').textContent()), PROVINCE_TITLE);
      assert.ok(nfc(await part.textContent()).includes('Bộ tiêu chí của tỉnh'));
      assert.equal(await page.locator('.app-header .badge-sample').count(), 0, 'the header no longer says sample');
      await screenshot(page, 'bo-tieu-chi-cua-tinh');

      await openTab(page, 'scoring');
      assert.equal(nfc(await page.locator('.sheet-template').textContent()), PROVINCE_TITLE);
      assert.equal(await page.locator('.sample-notice').count(), 0);
      assert.equal(await itemMax(page, '2.1.1'), 'Tối đa 2 điểm');
      assert.equal(await itemMax(page, '2.1.2'), 'Tối đa 1 điểm');
      // The Tân Hà report was scored on the sample: the scoring tab says so.
      const other = page.locator('[data-other-criteria]');
      assert.match(nfc(await other.textContent()), /«mau-xa-2026», phiên bản 1.*«lam-dong-xa-2026», phiên bản 1/);
      await screenshot(page, 'cham-theo-bo-khac', { fullPage: false });

      await page.reload();
      await waitForAppReady(page);
      await openTab(page, 'scoring');
      assert.equal(nfc(await page.locator('.sheet-template').textContent()), PROVINCE_TITLE, 'still in use after a reload');
      assert.equal(await itemMax(page, '2.1.1'), 'Tối đa 2 điểm');

      // The officer takes the province's set for this report, after the dialog has said what
      // changes: 2.1.1 and 2.1.2 weigh otherwise, nothing typed is dropped.
      await page.locator('[data-action="adopt-criteria"]').click();
      const dialog = page.locator('#switch-dialog');
      await dialog.waitFor();
      const changed = nfc(await dialog.locator('[data-switch-list="changed-items"]').textContent());
      assert.ok(changed.includes('điểm tối đa 1,5 → 2'), changed);
      assert.equal(await dialog.locator('[data-switch-list="dropped-items"] li').count(), 0);
      await screenshot(page, 'chuyen-bo-tieu-chi', { fullPage: false });
      await page.click('[data-action="switch-apply"]');
      await page.locator('[data-other-criteria]').waitFor({ state: 'detached' });
      await page.reload();
      await waitForAppReady(page);
      await openTab(page, 'scoring');
      assert.equal(await page.locator('[data-other-criteria]').count(), 0, 'adopted for good');

      // A file with a fault: refused, named, and the province's set stays.
      await openTab(page, 'reports');
      await pickCriteria(page, 'tieu-chi-loi.json', BAND_GAP);
      const error = page.locator('[data-criteria-error]');
      await error.waitFor();
      const message = nfc(await error.textContent());
      assert.ok(message.includes('Không nạp được tệp «tieu-chi-loi.json»'), message);
      assert.ok(message.includes('Khoảng xếp loại bị hở giữa 70% và 75%.'), message);
      assert.equal(nfc(await part.locator('[data-criteria-title]').textContent()), PROVINCE_TITLE);
      await screenshot(page, 'bo-tieu-chi-loi');
      await page.reload();
      await waitForAppReady(page);
      await openTab(page, 'reports');
      assert.equal(await part.locator('[data-criteria-id]').getAttribute('data-criteria-id'), 'lam-dong-xa-2026');
      assert.equal(await error.count(), 0);

      // The set in use, as the file that was loaded.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-action="download-criteria"]'),
      ]);
      assert.equal(download.suggestedFilename(), 'bo-tieu-chi_lam-dong-xa-2026_v1.json');
      assert.equal(await readFile(await download.path(), 'utf8'), PROVINCE);

      await page.click('[data-action="use-sample"]');
      await page.locator('[data-criteria-id="mau-xa-2026"]').waitFor();
      assert.equal(await page.locator('[data-action="use-sample"]').count(), 0);
      await page.reload();
      await waitForAppReady(page);
      await openTab(page, 'scoring');
      assert.equal(await itemMax(page, '2.1.1'), 'Tối đa 1,5 điểm', 'the sample again after a reload');
      // The report now belongs to the province's set, so the sample is the other one.
      assert.match(nfc(await page.locator('[data-other-criteria]').textContent()), /«lam-dong-xa-2026», phiên bản 1.*«mau-xa-2026», phiên bản 1/);
      assertNoErrors(pageErrors(page));
    }));
});
