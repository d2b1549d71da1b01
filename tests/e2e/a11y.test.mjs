// Accessibility audit of every screen, on the sample report (tests/e2e/fixtures): axe-core finds
// no violation on the whole page (header, tabs, banners and dialogs included); every form
// control has an accessible name, and an appendix cell's name says its row and, in Biểu 06, its
// column; a focused control shows a focus ring; a finding is never signalled by colour alone.
//
// One browser profile for the file; each test puts the fixture back first, so what one test
// types (findings) does not leak into the next.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startApp, checkA11y, formatViolations, pageErrors, REPO_ROOT } from './lib/app.mjs';
import { loadFixture } from './fixtures/report.mjs';
import { pickFile, bareReport } from './shell-helpers.mjs';

const VIEWPORT = { width: 1366, height: 768 };
const TEMPLATE = JSON.parse(await readFile(join(REPO_ROOT, 'templates', 'phuluc-xa.v1.json'), 'utf8'));
const cell = (id) => `[data-cell="${id}"]`;

/** Opens a tab and waits for its screen. */
async function openTab(page, tab) {
  await page.click(`[data-tab="${tab}"]`);
  await page.waitForSelector(`[data-tab="${tab}"][aria-current="page"]`);
  await page.waitForSelector('main .sheet, main section, main h2');
}

/** axe-core on the whole page finds nothing. */
async function assertAxeClean(page, screen) {
  const violations = await checkA11y(page);
  assert.deepEqual(violations, [], `${screen}:\n${formatViolations(violations)}`);
}

/**
 * Every rendered input, select and textarea with its accessible name as axe-core computes it
 * (label, aria-label, aria-labelledby, title). Controls the page hides (the file input behind
 * "Nhập JSON…") are not announced and are left out.
 */
async function controlNames(page) {
  await checkA11y(page, { context: 'body', options: { runOnly: ['label'] } }); // loads axe-core
  return page.evaluate(() => {
    window.axe.setup(document);
    try {
      return [...document.querySelectorAll('input, select, textarea')]
        .filter((el) => el.type !== 'hidden' && !el.closest('[hidden]') && el.getClientRects().length > 0)
        .map((el) => ({
          what: `${el.tagName.toLowerCase()}#${el.id || '?'}${el.dataset.cell ? `[data-cell="${el.dataset.cell}"]` : ''}`,
          cell: el.dataset.cell ?? null,
          name: window.axe.commons.text.accessibleText(el).replace(/\s+/g, ' ').trim(),
        }));
    } finally {
      window.axe.teardown();
    }
  });
}

async function assertAllNamed(page, screen) {
  const controls = await controlNames(page);
  assert.ok(controls.length > 0, `${screen}: no form control found`);
  const unnamed = controls.filter((c) => c.name === '').map((c) => c.what);
  assert.deepEqual(unnamed, [], `${screen}: controls without an accessible name`);
  return controls;
}

/** The focused element's ring: its computed outline and box-shadow. */
async function focusRing(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const st = getComputedStyle(el);
    return {
      what: `${el.tagName.toLowerCase()}#${el.id || '?'}${el.dataset?.cell ? `[data-cell="${el.dataset.cell}"]` : ''}${el.dataset?.tab ? `[data-tab="${el.dataset.tab}"]` : ''}`,
      outline: `${st.outlineStyle} ${st.outlineWidth} ${st.outlineColor}`,
      visible:
        (st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) > 0) ||
        (st.boxShadow !== 'none' && st.boxShadow !== ''),
    };
  });
}

async function assertFocusVisible(page, expected) {
  const ring = await focusRing(page);
  assert.ok(ring.what.includes(expected), `focus is on ${ring.what}, expected ${expected}`);
  assert.ok(ring.visible, `no visible focus on ${ring.what} (outline: ${ring.outline})`);
}

/** The row of the appendix template with this id, and its table. */
function templateRow(rowId) {
  for (const section of TEMPLATE.sections) {
    for (const table of section.tables) {
      const row = table.rows.find((r) => r.id === rowId);
      if (row) return { table, row };
    }
  }
  return null;
}

/**
 * Mistakes an officer makes: seed 002's 14.622 documents sent electronically out of 5.202
 * sent (a part larger than its whole), Biểu 06's (9) typed 273 for 237 (so (3) ≠ (7) + (11)
 * and the typed on-time rate no longer matches), and "12a" in a count.
 */
async function typeMistakes(page) {
  await openTab(page, 'appendix');
  await page.fill(cell('vb_di'), '5.202');
  await page.fill(cell('vb_dien_tu'), '14.622');
  await page.fill(cell('hs_ho_tich.c9'), '273');
  await page.fill(cell('kh_van_ban'), '12a');
  await page.waitForSelector('.appendix .findings [data-jump="vb_dien_tu"]');
}

describe('trợ năng: axe-core, tên của ô nhập, vòng focus, lỗi không chỉ bằng màu', () => {
  let app;
  before(async () => {
    app = await startApp({ browser: { viewport: VIEWPORT } });
  });
  after(async () => {
    await app?.close();
  });

  it('Thông tin báo cáo: axe sạch, mọi ô có tên', (t) =>
    app.run(t, async (page) => {
      await loadFixture(page);
      await openTab(page, 'identity');
      await assertAxeClean(page, 'identity');
      await assertAllNamed(page, 'identity');
      // Keyboard focus from one field to the next shows the ring.
      await page.focus('#identity-commune');
      await page.keyboard.press('Tab');
      const ring = await focusRing(page);
      assert.ok(ring.visible, `no visible focus on ${ring.what} (outline: ${ring.outline})`);
      assert.deepEqual(pageErrors(page), []);
    }));

  it('Phụ lục số liệu có lỗi: axe sạch; tên ô gồm dòng và cột; lỗi có dấu và mô tả', (t) =>
    app.run(t, async (page) => {
      await loadFixture(page);
      await typeMistakes(page);
      await assertAxeClean(page, 'appendix with findings');

      // Every control is named; a cell's name says its row, and in a grid its column too.
      const controls = await assertAllNamed(page, 'appendix');
      const cells = controls.filter((c) => c.cell);
      assert.ok(cells.length > 50, `only ${cells.length} appendix cells found`);
      let gridCells = 0;
      for (const c of cells) {
        const [rowId, colId] = c.cell.split('.');
        const found = templateRow(rowId);
        assert.ok(found, `${c.what}: no row ${rowId} in the template`);
        assert.ok(c.name.includes(found.row.label.vi), `${c.what} is named ${JSON.stringify(c.name)}: lacks its row «${found.row.label.vi}»`);
        if (colId) {
          gridCells += 1;
          const col = found.table.columns.find((k) => k.id === colId);
          assert.ok(col, `${c.what}: no column ${colId}`);
          for (const part of [col.number, col.label.vi]) {
            assert.ok(c.name.includes(part), `${c.what} is named ${JSON.stringify(c.name)}: lacks its column ${JSON.stringify(part)}`);
          }
        }
      }
      assert.ok(gridCells >= 64, `Biểu 06 has ${gridCells} named input cells`);

      // Focus is visible on a cell reached by the keyboard, and on a derived cell reached
      // from the findings list.
      await page.focus(cell('hs_ho_tich.c4'));
      await page.keyboard.press('Tab');
      await assertFocusVisible(page, 'hs_ho_tich.c5');
      await page.keyboard.press('Enter');
      await assertFocusVisible(page, 'hs_chung_thuc.c5');
      await page.click('.appendix .findings [data-jump="hs_ho_tich.c3"]');
      await assertFocusVisible(page, 'hs_ho_tich.c3');
      await page.click('.appendix .findings [data-jump="vb_dien_tu"]');
      await assertFocusVisible(page, 'vb_dien_tu');

      // A finding at an input cell: a glyph, not only a colour, and a description or an
      // invalid state a screen reader announces.
      const marked = await page.evaluate(() =>
        [...document.querySelectorAll('.appendix td.cell.has-error, .appendix td.cell.has-warning')].map((td) => {
          const control = td.querySelector('input, select, .value');
          const described = (control.getAttribute('aria-describedby') ?? '')
            .split(/\s+/)
            .filter(Boolean)
            .map((id) => document.getElementById(id)?.textContent.trim() ?? '')
            .join(' ');
          return {
            cell: control.dataset.cell,
            input: control.matches('input, select'),
            glyph: td.querySelector('.mark')?.textContent.trim() ?? '',
            invalid: control.getAttribute('aria-invalid') === 'true',
            described,
          };
        }),
      );
      const at = (id) => marked.find((m) => m.cell === id);
      for (const id of ['vb_dien_tu', 'kh_van_ban', 'hs_ho_tich.c3']) {
        assert.ok(at(id), `the finding at ${id} is marked at the cell: ${JSON.stringify(marked)}`);
      }
      for (const m of marked) {
        assert.match(m.glyph, /^[✖⚠]$/, `${m.cell}: the finding has a glyph, not only a colour`);
        if (m.input) {
          assert.ok(m.invalid || m.described !== '', `${m.cell}: neither aria-invalid nor aria-describedby`);
        }
      }
      assert.equal(at('vb_dien_tu').invalid, true);
      assert.match(at('vb_dien_tu').described, /14\.622/);
      assert.deepEqual(pageErrors(page), []);
    }));

  it(
    'Phụ lục số liệu: ô tự tính có lỗi cũng gắn lời mô tả (aria-describedby)',
    async () => {
      const page = await app.open('/');
      try {
        await loadFixture(page);
        await typeMistakes(page);
        const derived = page.locator(`.appendix td.cell.has-error .value${cell('hs_ho_tich.c3')}`);
        assert.equal(await derived.getAttribute('aria-describedby'), 'msg-hs_ho_tich__c3');
      } finally {
        await page.close();
      }
    },
  );

  it('Tự chấm điểm (tiêu chí tự chấm, tài liệu kiểm chứng): axe sạch, mọi ô có tên', (t) =>
    app.run(t, async (page) => {
      await loadFixture(page);
      await openTab(page, 'scoring');
      // A manual yes/no item with its evidence rows, as the fixture scored it.
      await page.locator('#item-1-1-1-yes[aria-pressed="true"]').waitFor();
      assert.ok((await page.locator('[data-item="1.1.1"] tr[data-evidence]').count()) >= 1, 'evidence rows shown');
      await page.click('#item-1-1-1-add-evidence');
      await page.locator('[data-item="1.1.1"] tr[data-evidence="1"]').waitFor();
      await assertAxeClean(page, 'scoring');
      const controls = await assertAllNamed(page, 'scoring');
      assert.ok(controls.some((c) => c.what.includes('item-1-1-1-ev1-title')), 'the new evidence row is named');
      // The answer buttons and the evidence fields show the ring under the keyboard.
      await page.focus('#item-1-1-1-no');
      await page.keyboard.press('Shift+Tab');
      await assertFocusVisible(page, 'item-1-1-1-yes');
      await page.focus('#item-1-1-1-ev0-title');
      await page.keyboard.press('Tab');
      await assertFocusVisible(page, 'item-1-1-1-ev0-number');
      assert.deepEqual(pageErrors(page), []);
    }));

  it('Tổng hợp: axe sạch', (t) =>
    app.run(t, async (page) => {
      await loadFixture(page);
      await openTab(page, 'summary');
      await page.locator('#summary-index').waitFor();
      await assertAxeClean(page, 'summary');
    }));

  it('Bản in: axe sạch', (t) =>
    app.run(t, async (page) => {
      await loadFixture(page);
      await openTab(page, 'print');
      await page.waitForSelector('.print-doc [data-print="appendix-ii"]');
      await assertAxeClean(page, 'print');
    }));

  it('Báo cáo đã lưu, hộp thoại xóa đang mở: axe sạch, focus trong hộp thoại', (t) =>
    app.run(t, async (page) => {
      await loadFixture(page);
      await openTab(page, 'reports');
      await page.click('tr[data-report-id] [data-action="delete"]');
      await page.locator('#confirm-delete').waitFor();
      await assertAxeClean(page, 'reports with the delete dialog');
      const inDialog = await page.evaluate(() => Boolean(document.activeElement?.closest('#confirm-delete')));
      assert.ok(inDialog, 'focus moves into the dialog');
      await page.keyboard.press('Tab');
      const ring = await focusRing(page);
      assert.ok(ring.visible, `no visible focus on ${ring.what} (outline: ${ring.outline})`);
      await page.click('#confirm-delete [data-action="cancel"]');
      await page.locator('#confirm-delete').waitFor({ state: 'detached' });
    }));

  it('Hướng dẫn: axe sạch', (t) =>
    app.run(t, async (page) => {
      await loadFixture(page);
      await openTab(page, 'guide');
      await page.locator('.guide h3').first().waitFor();
      await assertAxeClean(page, 'guide');
      // The contents' links take the keyboard focus ring.
      await page.focus('.guide-contents a >> nth=0');
      await page.keyboard.press('Tab');
      await assertFocusVisible(page, 'a#?');
    }));

  it('Xem trước khi nhập tệp JSON: axe sạch', (t) =>
    app.run(t, async (page) => {
      await loadFixture(page);
      const incoming = bareReport({ id: 'e2e-a11y-import', values: { 'hs_ho_tich.c5': '1.674' } });
      await pickFile(page, 'tan-ha.json', JSON.stringify(incoming));
      await page.locator('#import-preview').waitFor();
      await assertAxeClean(page, 'import preview');
      await assertAllNamed(page, 'import preview');
      await page.click('#import-preview [data-action="cancel"]');
      await page.locator('#import-preview').waitFor({ state: 'detached' });
    }));
});
