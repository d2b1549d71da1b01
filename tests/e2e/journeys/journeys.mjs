// The journeys that matter most, written once and run in every browser the tests have:
// tests/e2e/journeys.test.mjs runs them in Chromium (e2e level), tests/e2e/firefox/
// journeys.firefox.mjs in Firefox ESR (firefox level of scripts/test.sh). The per-browser part
// is tests/e2e/lib/drivers.mjs; everything here goes through its small page interface.
//
// Each journey opens a fresh page of one browser profile and starts from an empty
// localStorage, like a first visit.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startServer } from '../lib/server.mjs';
import { FIXTURE } from '../fixtures/report.mjs';
import { bareReport } from '../shell-helpers.mjs';

const run = promisify(execFile);
const nfc = (s) => (s ?? '').normalize('NFC');
const flat = (s) => nfc(s).replace(/\s+/g, ' ').trim();
const cell = (id) => `[data-cell="${id}"]`;

// ---- reading the page: the same in every browser, through evaluate ---------------------------

const value = (p, sel) =>
  p.evaluate((s) => document.querySelector(s)?.value ?? null, sel).then((v) => (v === null ? v : nfc(v)));
const text = (p, sel) =>
  p.evaluate((s) => document.querySelector(s)?.textContent ?? null, sel).then((v) => (v === null ? v : nfc(v).trim()));
const attr = (p, sel, name) => p.evaluate(([s, n]) => document.querySelector(s)?.getAttribute(n) ?? null, [sel, name]);
const count = (p, sel) => p.evaluate((s) => document.querySelectorAll(s).length, sel);
const present = (p, sel, timeout = 5_000) =>
  p.waitForFunction((s) => document.querySelector(s) !== null, sel, timeout);
const gone = (p, sel, timeout = 5_000) => p.waitForFunction((s) => document.querySelector(s) === null, sel, timeout);
const focusedCell = (p) => p.evaluate(() => document.activeElement?.getAttribute('data-cell') ?? null);

async function openTab(p, tab) {
  await p.click(`[data-tab="${tab}"]`);
  await p.waitForFunction((t) => document.querySelector(`[data-tab="${t}"]`)?.getAttribute('aria-current') === 'page', tab);
}

/** Waits until the header says the open report is saved ("Đã lưu lúc 14:32"). */
const waitSaved = (p) =>
  p.waitForFunction(() => document.querySelector('[data-save-status]')?.textContent.startsWith('Đã lưu lúc'), null);

async function forgetEverything(p) {
  await p.evaluate(() => localStorage.clear());
  await p.reload();
}

/** Puts the sample report (tests/e2e/fixtures) in storage as the open report and reloads. */
async function loadFixture(p) {
  await p.evaluate((f) => {
    localStorage.setItem(`phuluc-cchc/report/${f.report.id}`, JSON.stringify(f));
    localStorage.setItem('phuluc-cchc/last-open', JSON.stringify(f.report.id));
  }, FIXTURE);
  await p.reload();
}

// ---- the journeys ---------------------------------------------------------------------------

const IDENTITY = {
  '#identity-commune': 'Tân Hà',
  '#identity-province': 'Lâm Đồng',
  '#identity-number': '08/BC-UBND',
  '#identity-signer': 'Trần Thị Bình',
  '#identity-signer-title': 'PHÓ CHỦ TỊCH',
};

/** Seed 000's Biểu 06 figures, typed the Vietnamese way ("1.674": a thousands dot). */
const SEED_000 = {
  'hs_ho_tich.c5': '1.674',
  'hs_ho_tich.c6': '120',
  'hs_ho_tich.c9': '1.779',
  'hs_ho_tich.c10': '2',
  'hs_ho_tich.c12': '11',
  'hs_ho_tich.c13': '2',
};

export const JOURNEYS = [
  {
    name: 'mở ứng dụng, điền thông tin báo cáo, gõ tên qua bộ gõ (IME), tải lại thấy đủ',
    async run(p) {
      await forgetEverything(p);
      await p.select('#identity-commune-kind', 'phuong');
      await p.select('#identity-period', 'quy1');
      await p.select('#identity-year', '2026');
      for (const [sel, v] of Object.entries(IDENTITY)) {
        if (sel !== '#identity-commune') await p.fill(sel, v);
      }
      await p.fill('#identity-recipients', '- Sở Nội vụ tỉnh Lâm Đồng;\n- Lưu: VT.');
      // Telex composes "Tân Hà" letter by letter; an autosave lands in the middle of it.
      await p.compose('#identity-commune', ['T', 'Ta', 'Tâ', 'Tân', 'Tân H', 'Tân Ha'], 'Tân Hà', () => waitSaved(p));
      assert.equal(await value(p, '#identity-commune'), 'Tân Hà', 'the composition survived the save');
      await p.waitForFunction(() => document.querySelector('.report-title')?.textContent.normalize('NFC').includes('Tân Hà'), null);
      assert.equal(await text(p, '.report-title'), 'UBND phường Tân Hà — Quý I 2026');
      await waitSaved(p);

      await p.reload();
      assert.equal(await text(p, '.report-title'), 'UBND phường Tân Hà — Quý I 2026');
      for (const [sel, v] of Object.entries(IDENTITY)) assert.equal(await value(p, sel), v, sel);
      assert.equal(await value(p, '#identity-commune-kind'), 'phuong');
      assert.equal(await value(p, '#identity-period'), 'quy1');
      assert.equal(await value(p, '#identity-recipients'), '- Sở Nội vụ tỉnh Lâm Đồng;\n- Lưu: VT.');
    },
  },
  {
    name: 'gõ số liệu kiểu Việt Nam vào Biểu 06: tổng, tỷ lệ tự tính; tải lại còn nguyên',
    async run(p) {
      await forgetEverything(p);
      await openTab(p, 'appendix');
      for (const [id, v] of Object.entries(SEED_000)) await p.fill(cell(id), v);
      assert.equal(await text(p, cell('hs_ho_tich.c3')), '1.794');
      assert.equal(await text(p, cell('hs_tong.c7')), '1.781');
      assert.equal(await text(p, cell('hs_tong.c11')), '13');
      assert.equal(await text(p, cell('hs_ty_le_dung_han')), '99,89%');
      await p.fill(cell('kh_nhiem_vu'), '42');
      await p.fill(cell('kh_hoan_thanh'), '40');
      assert.equal(await text(p, cell('kh_ty_le')), '95,24%');
      await waitSaved(p);

      await p.reload();
      await openTab(p, 'appendix');
      for (const [id, v] of Object.entries(SEED_000)) assert.equal(await value(p, cell(id)), v, id);
      assert.equal(await text(p, cell('hs_ty_le_dung_han')), '99,89%');
      assert.equal(await text(p, cell('kh_ty_le')), '95,24%');
    },
  },
  {
    name: 'phần lớn hơn tổng: lỗi hiện tại ô, bấm trong danh sách thì đến ô',
    async run(p) {
      await forgetEverything(p);
      await openTab(p, 'appendix');
      await p.fill(cell('vb_di'), '5.202');
      await p.fill(cell('vb_dien_tu'), '14.622');
      await present(p, `${cell('vb_dien_tu')}[aria-invalid="true"]`);
      assert.equal(await attr(p, cell('vb_dien_tu'), 'aria-describedby'), 'msg-vb_dien_tu');
      assert.match(await text(p, '#msg-vb_dien_tu'), /14\.622.*5\.202/);
      assert.equal(await text(p, `td.cell:has(${cell('vb_dien_tu')}) .mark`), '✖');
      assert.equal(await text(p, cell('vb_ty_le_dien_tu')), '281,08%');
      await p.focus(cell('kh_nhiem_vu'));
      await p.click('.appendix .findings [data-jump="vb_dien_tu"]');
      assert.equal(await focusedCell(p), 'vb_dien_tu');
      await p.screenshot('finding');
    },
  },
  {
    name: 'tự chấm một tiêu chí có tài liệu kiểm chứng, đọc ở tổng hợp; tải lại còn nguyên',
    async run(p) {
      await forgetEverything(p);
      await openTab(p, 'scoring');
      await p.click('#item-1-1-1-yes');
      assert.equal(await attr(p, '#item-1-1-1-yes', 'aria-pressed'), 'true');
      await p.click('#item-1-1-1-add-evidence');
      await p.fill('#item-1-1-1-ev0-title', 'Kế hoạch CCHC năm 2026');
      await p.fill('#item-1-1-1-ev0-number', '15/KH-UBND');
      await p.fill('#item-1-1-1-ev0-date', '05/01/2026');
      assert.equal(await count(p, '[data-item="1.1.1"] .item-warning'), 0, 'evidence given');
      await p.fill('#item-1-5-1-score', '1,5');
      assert.match(await text(p, '[data-item="1.5.1"] .item-warning'), /kiểm chứng/);
      await openTab(p, 'summary');
      const index = await text(p, '#summary-index');
      assert.match(index, /^\d+,\d\d%$/, `index ${index}`);
      await waitSaved(p);

      await p.reload();
      await openTab(p, 'scoring');
      assert.equal(await attr(p, '#item-1-1-1-yes', 'aria-pressed'), 'true');
      assert.equal(await value(p, '#item-1-1-1-ev0-title'), 'Kế hoạch CCHC năm 2026');
      assert.equal(await value(p, '#item-1-5-1-score'), '1,5');
      await openTab(p, 'summary');
      assert.equal(await text(p, '#summary-index'), index);
    },
  },
  {
    name: 'xuất JSON, xóa báo cáo, nhập lại tệp đã xuất và thấy lại đủ',
    async run(p) {
      await forgetEverything(p);
      const report = bareReport({ id: 'e2e-journey', values: SEED_000 });
      await p.setFile('#import-file', 'tan-ha.json', JSON.stringify(report));
      await present(p, '#import-preview');
      assert.equal(await text(p, '#import-preview [data-fact="unit"]'), 'UBND xã Tân Hà');
      await p.click('#import-preview [data-action="confirm"]');
      await gone(p, '#import-preview');
      assert.equal(await text(p, '.report-title'), 'UBND xã Tân Hà — 6 tháng 2026');
      await waitSaved(p);

      const out = await p.download('[data-action="export"]');
      assert.equal(out.name, 'phuluc-cchc_xa-tan-ha_6thang_2026.json');
      const json = JSON.parse(out.text);
      assert.equal(json.report.id, 'e2e-journey');
      assert.deepEqual(json.report.values, SEED_000);
      const total = json.computed.cells.find((c) => c.id === 'hs_ho_tich.c3');
      assert.equal(total?.shown, '1.794');

      await openTab(p, 'reports');
      await p.click('tr[data-report-id="e2e-journey"] [data-action="delete"]');
      await p.click('#confirm-delete [data-action="confirm"]');
      await gone(p, 'tr[data-report-id="e2e-journey"]');

      await p.setFile('#import-file', out.name, out.text);
      await present(p, '#import-preview');
      await p.click('#import-preview [data-action="confirm"]');
      await gone(p, '#import-preview');
      await waitSaved(p);
      await p.reload();
      assert.equal(await text(p, '.report-title'), 'UBND xã Tân Hà — 6 tháng 2026');
      assert.equal(await value(p, '#identity-signer'), 'Nguyễn Văn An');
      await openTab(p, 'appendix');
      assert.equal(await value(p, cell('hs_ho_tich.c5')), '1.674');
      assert.equal(await text(p, cell('hs_ty_le_dung_han')), '99,89%');
    },
  },
  {
    name: 'in ra PDF: báo cáo theo Nghị định 30, các phụ lục, số liệu kiểu Việt Nam',
    async run(p) {
      await forgetEverything(p);
      await loadFixture(p);
      await openTab(p, 'print');
      await present(p, '.print-doc [data-print="appendix-ii"]');
      const path = await p.pdf('bao-cao');
      const { stdout } = await run('pdftotext', ['-layout', path, '-'], { maxBuffer: 1 << 26 });
      const pages = stdout.split('\f').filter((t) => t.trim() !== '');
      // The covering report runs over as many pages as its drafted narrative takes, up to the
      // first appendix ("Kèm theo Báo cáo số …" under its title).
      const appendixAt = pages.findIndex((text) => flat(text).includes('Kèm theo Báo cáo số'));
      const first = flat(pages.slice(0, appendixAt > 0 ? appendixAt : 1).join(' '));
      for (const t of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 15/BC-UBND', 'Nguyễn Văn An', 'Nơi nhận:']) {
        assert.ok(first.includes(t), `the cover lacks ${JSON.stringify(t)}:\n${first.slice(0, 600)}`);
      }
      const all = flat(stdout);
      assert.ok(all.includes('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC (BIỂU 06/VPCP/KSTT)'), 'Biểu 06 is printed');
      assert.ok(all.includes('1.794') && all.includes('99,89%'), 'figures in Vietnamese notation');
      assert.ok(all.includes('KẾT QUẢ TỰ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025'), 'Phụ lục II is printed');
      assert.ok(pages.length >= 4, `${pages.length} pages`);
      const { stdout: info } = await run('pdfinfo', ['-f', '1', '-l', String(pages.length), path]);
      const sizes = [...info.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)/gm)].map(([, w, h]) => [Number(w), Number(h)]);
      // A4 (595 × 842 pt), portrait for the report itself.
      assert.ok(Math.abs(sizes[0][0] - 595) < 3 && Math.abs(sizes[0][1] - 842) < 3, `page 1 is ${sizes[0]}`);
      // Every page of the wide tables (Biểu 06, Phụ lục II's scores) is landscape.
      const wide = pages.flatMap((t, i) => (/Tài liệu kiểm chứng|BIỂU 06\/VPCP\/KSTT/.test(flat(t)) ? [i] : []));
      assert.ok(wide.length >= 2, `wide pages: ${wide}`);
      for (const i of wide) assert.ok(sizes[i][0] > sizes[i][1], `page ${i + 1} (${sizes[i]}) should be landscape`);
    },
  },
];

/**
 * The offline journey needs a service worker; `offline` says whether this browser runs one
 * headless (both do today). Separate from JOURNEYS because it stops the server.
 */
export const OFFLINE = {
  name: 'không có mạng: sau một lần mở, tải lại vẫn dùng được và giữ số liệu',
  async run(p, { server }) {
    await forgetEverything(p);
    await loadFixture(p);
    const registered = await p.evaluate(() =>
      Promise.race([
        navigator.serviceWorker.ready.then(() => true),
        new Promise((done) => setTimeout(() => done(false), 15_000)),
      ]),
    );
    assert.ok(registered, 'a service worker became active');
    if (!(await p.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await p.reload();
    assert.ok(await p.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'a service worker controls the page');
    await server.stop();
    try {
      await p.reload();
      await openTab(p, 'appendix');
      assert.equal(await value(p, cell('kh_nhiem_vu')), FIXTURE.report.values.kh_nhiem_vu);
      await p.fill(cell('kh_van_ban'), '15');
      await waitSaved(p);
      await p.reload();
      await openTab(p, 'appendix');
      assert.equal(await value(p, cell('kh_van_ban')), '15');
    } finally {
      await server.start();
    }
  },
};

/**
 * Registers the journeys as node:test tests on one browser: one static server of dist/, one
 * browser with a fresh profile, a new page per journey. On failure the page's text, errors and
 * a screenshot are added to the message.
 * @param {string} label  e.g. "Firefox ESR"
 * @param {(baseUrl: string) => Promise<object>} makeDriver  chromiumDriver or firefoxDriver
 */
export function defineJourneys(label, makeDriver) {
  describe(`hành trình chính (${label})`, () => {
    let server;
    let driver;
    before(async () => {
      server = await startServer();
      driver = await makeDriver(server.url);
    });
    after(async () => {
      await driver?.close();
      await server?.stop();
    });

    for (const journey of [...JOURNEYS, OFFLINE]) {
      it(journey.name, async (t) => {
        const p = await driver.newPage();
        try {
          await p.goto('/');
          await journey.run(p, { server });
          assert.deepEqual(p.errors(), [], 'no console errors or uncaught exceptions');
        } catch (err) {
          let note = '';
          try {
            const shot = await p.screenshot(`failure-${JOURNEYS.indexOf(journey)}`);
            const seen = await p.evaluate(() => document.body?.innerText ?? '');
            note = `\n  browser: ${driver.name}\n  screenshot: ${shot}\n  visible text: ${JSON.stringify(seen.slice(0, 800))}` +
              `\n  errors: ${JSON.stringify(p.errors())}`;
          } catch (e) {
            note = `\n  (no dump: ${e.message})`;
          }
          if (err && typeof err === 'object') {
            err.message += note;
            if (typeof err.stack === 'string') err.stack += note;
          }
          throw err;
        } finally {
          await p.close().catch(() => {});
        }
        t.diagnostic(`${driver.name}: ok`);
      });
    }
    it('không gọi tới máy nào ngoài 127.0.0.1', () => {
      assert.deepEqual(driver.externalRequests, []);
    });
  });
}
