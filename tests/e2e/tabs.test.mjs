// Two tabs on one report, and undo/redo (issue 15, points 1 and 2). Pages of one browser
// context share localStorage, as two tabs of one browser do: a save in one reaches the other
// through the `storage` event.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startApp, pageErrors, waitForAppReady, screenshot, REPO_ROOT } from './lib/app.mjs';
import {
  forgetEverything,
  waitSaved,
  openTab,
  importAndConfirm,
  bareReport,
  cellValue,
  nfc,
  assertNoErrors,
} from './shell-helpers.mjs';

const PLAN = 'kh_nhiem_vu'; // Số nhiệm vụ trong Kế hoạch CCHC năm
const DONE = 'kh_hoan_thanh'; // Số nhiệm vụ đã hoàn thành
const cell = (id) => `[data-cell="${id}"]`;

const SAMPLE = await readFile(join(REPO_ROOT, 'templates', 'tieuchi-mau-xa.v1.json'), 'utf8');
const REPORT = bareReport({ id: 'e2e-tabs', values: { [PLAN]: '12' } });

/** Waits until the appendix cell `id` of `page` shows `value`. */
async function waitCell(page, id, value) {
  await page.waitForFunction(
    ([sel, v]) => document.querySelector(sel)?.value === v,
    [cell(id), value],
    { timeout: 10_000 },
  );
}

/** A new page of the same browser on the saved report's appendix. */
async function another(app) {
  const page = await app.open();
  await openTab(page, 'appendix');
  return page;
}

/** Storage holding only REPORT, saved, open on the appendix in `a` and in a second page. */
async function twoTabsOnTheReport(app, a) {
  await forgetEverything(a);
  await importAndConfirm(a, 'tabs.json', JSON.stringify(REPORT));
  await waitSaved(a);
  await openTab(a, 'appendix');
  return another(app);
}

/** Waits until both pages say saved, and neither holds a change. */
async function bothSaved(a, b) {
  await waitSaved(a);
  await waitSaved(b);
}

describe('nhiều tab và hoàn tác', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  it('hai tab sửa hai ô khác nhau: cả hai số được giữ, tab thứ ba thấy cả hai', (t) =>
    app.run(t, async (a) => {
      const b = await twoTabsOnTheReport(app, a);
      assert.equal(await cellValue(b, PLAN), '12');

      // The case: A types 40 into the plan's tasks, B 30 into those completed, each
      // before the other's autosave.
      await a.fill(cell(PLAN), '40');
      await b.fill(cell(DONE), '30');
      for (const p of [a, b]) {
        await waitCell(p, PLAN, '40');
        await waitCell(p, DONE, '30');
      }
      await bothSaved(a, b);
      // The tab that saved second merged, and says so; the first then took the merged copy.
      const merged = await Promise.any(
        [a, b].map((p) => p.locator('[data-other-tab="merged"]').waitFor().then(() => p)),
      );
      const first = merged === a ? b : a;
      const said = nfc(await merged.locator('[data-other-tab="merged"]').textContent());
      assert.match(said, /Báo cáo này vừa được lưu ở một tab khác; đã gộp các thay đổi/);
      await first.locator('[data-other-tab="adopted"]').waitFor();
      await screenshot(merged, 'merge-notice', { fullPage: false });

      const c = await another(app);
      assert.equal(await cellValue(c, PLAN), '40');
      assert.equal(await cellValue(c, DONE), '30');
      for (const p of [a, b, c]) assertNoErrors(pageErrors(p));
      await b.close();
      await c.close();
    }));

  it('cùng một ô sửa khác nhau ở hai tab: hỏi giữ giá trị nào, chọn xong thì lưu', (t) =>
    app.run(t, async (a) => {
      const b = await twoTabsOnTheReport(app, a);

      await a.fill(cell(PLAN), '41');
      await b.fill(cell(PLAN), '42');
      await a.fill(cell(DONE), '7');
      // Whichever tab writes second finds the other's save and asks.
      const asked = await Promise.any(
        [a, b].map((p) => p.locator('#conflict').waitFor({ timeout: 10_000 }).then(() => p)),
      );
      const other = asked === a ? b : a;
      const [mine, theirs] = asked === a ? ['41', '42'] : ['42', '41'];
      const dialog = asked.locator('#conflict');
      const text = nfc(await dialog.textContent());
      assert.match(text, /Trong tab này/);
      assert.match(text, /Ở tab khác/);
      const row = dialog.locator('tr[data-conflict-field]');
      assert.equal(await row.count(), 1, 'one field in conflict: the other cells merged');
      assert.match(nfc(await row.locator('th').textContent()), /Số nhiệm vụ trong Kế hoạch CCHC năm/);
      assert.equal((await row.locator('[data-side="mine"]').textContent()).trim(), mine);
      assert.equal((await row.locator('[data-side="theirs"]').textContent()).trim(), theirs);
      assert.match(nfc(await asked.locator('[data-save-status]').textContent()), /Chờ chọn/);
      assert.ok(await asked.locator('[data-action="undo"]').isDisabled(), 'no undo while asked');
      await screenshot(asked, 'conflict-panel', { fullPage: false });

      // Nothing was written meanwhile: storage still holds the other tab's value.
      const stored = await asked.evaluate(
        () => JSON.parse(localStorage.getItem('phuluc-cchc/report/e2e-tabs')).report.values,
      );
      assert.equal(stored.kh_nhiem_vu, theirs);

      await row.locator('[data-action="take-theirs"]').click();
      await dialog.waitFor({ state: 'detached' });
      await waitCell(asked, PLAN, theirs);
      await waitCell(asked, DONE, '7');
      await waitCell(other, DONE, '7');
      await bothSaved(asked, other);
      const c = await another(app);
      assert.equal(await cellValue(c, PLAN), theirs);
      assert.equal(await cellValue(c, DONE), '7');

      // Once more, keeping all of this tab.
      await asked.fill(cell(PLAN), '50');
      await other.fill(cell(PLAN), '51');
      const again = await Promise.any(
        [asked, other].map((p) => p.locator('#conflict').waitFor({ timeout: 10_000 }).then(() => p)),
      );
      const kept = (await again.locator('#conflict [data-side="mine"]').textContent()).trim();
      await again.click('#conflict [data-action="keep-all-mine"]');
      await again.locator('#conflict').waitFor({ state: 'detached' });
      for (const p of [asked, other, c]) await waitCell(p, PLAN, kept);
      for (const p of [a, b, c]) assertNoErrors(pageErrors(p));
      await b.close();
      await c.close();
    }));

  it('tab đang chờ chọn bị ẩn hay đóng: số của tab ấy được lưu thành một bản riêng, không mất', (t) =>
    app.run(t, async (a) => {
      const b = await twoTabsOnTheReport(app, a);
      const copies = (page) =>
        page.evaluate(() =>
          Object.keys(localStorage)
            .filter((k) => k.startsWith('phuluc-cchc/report/') && k !== 'phuluc-cchc/report/e2e-tabs')
            .map((k) => JSON.parse(localStorage.getItem(k)).report.values.kh_nhiem_vu),
        );
      const conflict = async (first) => {
        await a.fill(cell(PLAN), `${first}`);
        await b.fill(cell(PLAN), `${first + 1}`);
        return Promise.any([a, b].map((p) => p.locator('#conflict').waitFor({ timeout: 10_000 }).then(() => p)));
      };

      // Hidden while asked (the browser may discard a hidden tab): the copy is written; the
      // choice made, it is taken back.
      let asked = await conflict(61);
      const mine = (await asked.locator('#conflict [data-side="mine"]').textContent()).trim();
      await asked.evaluate(() => window.dispatchEvent(new Event('pagehide')));
      assert.deepEqual(await copies(asked), [mine]);
      await asked.click('#conflict [data-action="keep-all-mine"]');
      await asked.locator('#conflict').waitFor({ state: 'detached' });
      await bothSaved(a, b);
      assert.deepEqual(await copies(asked), []);

      // Closed while asked: the copy stays, listed among the saved reports of the other tab.
      asked = await conflict(71);
      const other = asked === a ? b : a;
      const kept = (await asked.locator('#conflict [data-side="mine"]').textContent()).trim();
      const theirs = (await asked.locator('#conflict [data-side="theirs"]').textContent()).trim();
      assert.notEqual(kept, theirs);
      await asked.close({ runBeforeUnload: true });
      await other.waitForFunction(() => Object.keys(localStorage).filter((k) => k.startsWith('phuluc-cchc/report/')).length === 2);
      assert.deepEqual(await copies(other), [kept]);
      await openTab(other, 'reports');
      await other.waitForFunction(() => document.querySelectorAll('tr[data-report-id]').length === 2);
      assertNoErrors(pageErrors(other));
      if (other !== a) await other.close();
    }));

  it('báo cáo tạo, xóa, bộ tiêu chí đổi ở tab khác: tab này theo', (t) =>
    app.run(t, async (a) => {
      await forgetEverything(a);
      await importAndConfirm(a, 'tabs.json', JSON.stringify(REPORT));
      await waitSaved(a);
      const b = await app.open();
      await openTab(b, 'reports');
      await openTab(a, 'reports');
      await a.click('[data-action="new"]');
      await waitSaved(a);
      await b.waitForFunction(() => document.querySelectorAll('tr[data-report-id]').length === 2);
      await openTab(a, 'reports');
      await a.click('tr[data-report-id="e2e-tabs"] [data-action="delete"]');
      await a.click('#confirm-delete [data-action="confirm"]');
      await b.waitForFunction(() => !document.querySelector('tr[data-report-id="e2e-tabs"]'));

      // The criteria set put in use in one tab is followed by the other, and back to the sample.
      const set = JSON.parse(SAMPLE);
      set.id = 'tinh-thu-2026';
      set.sample = false;
      await a.setInputFiles('#criteria-file', {
        name: 'tinh.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(set)),
      });
      await a.locator('[data-criteria-id="tinh-thu-2026"]').waitFor();
      await b.locator('[data-criteria-id="tinh-thu-2026"]').waitFor();
      await b.locator('[data-other-tab="criteria"]').waitFor();
      assert.equal(await b.locator('.app-header .badge-sample').count(), 0);
      await a.click('[data-action="use-sample"]');
      await b.locator('[data-criteria-id="mau-xa-2026"]').waitFor();
      assertNoErrors(pageErrors(b));
      await b.close();
    }));

  it('hoàn tác, làm lại: phím tắt trong ô, nút, xóa ô, nhập tệp thay báo cáo', (t) =>
    app.run(t, async (page) => {
      await forgetEverything(page);
      await importAndConfirm(page, 'tabs.json', JSON.stringify(REPORT));
      await waitSaved(page);
      await openTab(page, 'appendix');
      const undo = page.locator('[data-action="undo"]');
      const redo = page.locator('[data-action="redo"]');
      assert.equal(nfc(await undo.textContent()), 'Hoàn tác');
      assert.equal(nfc(await redo.textContent()), 'Làm lại');
      assert.ok(await redo.isDisabled());

      // Typing, then Ctrl+Z in the cell itself: the app's undo, not the input's.
      await page.fill(cell(PLAN), '40');
      await page.focus(cell(PLAN));
      await page.keyboard.press('Control+z');
      await waitCell(page, PLAN, '12');
      assert.ok(await redo.isEnabled());
      await page.keyboard.press('Control+y');
      await waitCell(page, PLAN, '40');
      await page.keyboard.press('Control+z');
      await waitCell(page, PLAN, '12');
      await page.keyboard.press('Control+Shift+Z');
      await waitCell(page, PLAN, '40');

      // Clearing a cell is a step of its own.
      await page.fill(cell(PLAN), '');
      await waitCell(page, PLAN, '');
      await undo.click();
      await waitCell(page, PLAN, '40');
      await redo.click();
      await waitCell(page, PLAN, '');
      await undo.click();
      await waitCell(page, PLAN, '40');

      // In a textarea Ctrl+Z is the browser's, within the text: the table keeps its 40.
      await openTab(page, 'identity');
      await page.focus('#identity-recipients');
      await page.keyboard.press('Control+z');
      await openTab(page, 'appendix');
      assert.equal(await cellValue(page, PLAN), '40');

      // An undo is a change like any other: saved, and there after a reload.
      await waitSaved(page);
      const stored = await page.evaluate(
        () => JSON.parse(localStorage.getItem('phuluc-cchc/report/e2e-tabs')).report.values,
      );
      assert.equal(stored.kh_nhiem_vu, '40');

      // An import that replaced the open report comes back with one undo.
      const replaced = bareReport({ id: 'e2e-tabs', values: { [DONE]: '9' } });
      await importAndConfirm(page, 'thay.json', JSON.stringify(replaced));
      await openTab(page, 'appendix');
      await waitCell(page, DONE, '9');
      assert.equal(await cellValue(page, PLAN), '');
      await undo.click();
      await waitCell(page, PLAN, '40');
      assert.equal(await cellValue(page, DONE), '');
      await waitSaved(page);
      await page.reload();
      await waitForAppReady(page);
      await openTab(page, 'appendix');
      assert.equal(await cellValue(page, PLAN), '40');
      assert.ok(await undo.isDisabled(), 'history lasts the session only');
      assertNoErrors(pageErrors(page));
    }));
});
