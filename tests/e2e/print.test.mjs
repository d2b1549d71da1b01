// Bản in: the sample report printed to PDF by Chromium, as the officer's "In / Lưu PDF" would,
// then read back with poppler (pdftotext, pdfinfo, pdftoppm): Nghị định 30's header, the
// appendices each on its own page, landscape pages for Biểu 06 and Phụ lục II, page numbers
// from page 2, Vietnamese figures, no table row cut across two pages.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startApp, pdf, pageErrors, artifactPath, checkA11y, formatViolations } from './lib/app.mjs';
import { FIXTURE, loadFixture, openTab } from './fixtures/report.mjs';

const run = promisify(execFile);

/** Whitespace (no-break spaces included) folded to one space, Unicode composed. */
const flat = (s) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** The text of each page of a PDF, in layout order. */
async function pagesOf(pdfPath) {
  const { stdout } = await run('pdftotext', ['-layout', pdfPath, '-'], { maxBuffer: 1 << 26 });
  const pages = stdout.split('\f');
  if (pages.at(-1).trim() === '') pages.pop();
  return pages;
}

/** Each page's orientation, from pdfinfo's page sizes. */
async function orientationsOf(pdfPath, count) {
  const { stdout } = await run('pdfinfo', ['-f', '1', '-l', String(count), pdfPath]);
  return [...stdout.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)/gm)].map(([, w, h]) =>
    Number(w) > Number(h) ? 'landscape' : 'portrait',
  );
}

/** The 1-based numbers of the pages whose text holds `needle`. */
const pagesWith = (pages, needle) =>
  pages.flatMap((text, i) => (flat(text).includes(flat(needle)) ? [i + 1] : []));

/** Whether `words` appear in this order in `text`, other words allowed between them. */
function inOrder(words, text) {
  const hay = flat(text).split(' ');
  let at = 0;
  for (const w of words) {
    at = hay.indexOf(w, at);
    if (at < 0) return false;
    at += 1;
  }
  return true;
}

/**
 * Whether a table row's label stands whole in a page's text: its characters in order, with
 * no more than `slack` others between them (the row's other cells, which pdftotext puts on
 * the lines of a wrapped label). Spaces are ignored, since a line may break a word at "-".
 */
function holdsWhole(text, label, slack = 60) {
  const squeeze = (s) => s.normalize('NFC').replace(/\s+/g, '');
  const hay = squeeze(text);
  const needle = squeeze(label);
  for (let start = hay.indexOf(needle[0]); start >= 0; start = hay.indexOf(needle[0], start + 1)) {
    let j = 0;
    for (let i = start; i < hay.length && j < needle.length && i - start <= needle.length + slack; i += 1) {
      if (hay[i] === needle[j]) j += 1;
    }
    if (j === needle.length) return true;
  }
  return false;
}

describe('bản in', () => {
  let app;
  let page;
  let pdfPath;
  let pages;
  let orientations;

  before(async () => {
    app = await startApp();
    page = await app.open('/');
    await loadFixture(page);
    await openTab(page, 'print');
    await page.waitForSelector('.print-doc [data-print="appendix-ii"]');
    pdfPath = await pdf(page, 'bao-cao');
    pages = await pagesOf(pdfPath);
    orientations = await orientationsOf(pdfPath, pages.length);
    // Pages as pictures, for a person to look at (target/e2e-artifacts/print-trang-*.png).
    await run('pdftoppm', ['-r', '60', '-png', pdfPath, await artifactPath('trang', '')]);
  });
  after(async () => {
    await page?.close();
    await app?.close();
  });

  it('trang 1 là báo cáo: quốc hiệu, tiêu ngữ, số, ngày tháng, chữ ký, nơi nhận', () => {
    // The covering report runs over as many pages as its drafted narrative takes, up to the
    // first appendix ("Kèm theo Báo cáo số …" under its title).
    const first = flat(pages.slice(0, coverPages(pages)).join(' '));
    for (const text of [
      'ỦY BAN NHÂN DÂN',
      'XÃ TÂN HÀ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 15/BC-UBND',
      'Tân Hà, ngày 05 tháng 01 năm 2026',
      'BÁO CÁO',
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Nguyễn Văn An',
      'Nơi nhận:',
      '- Sở Nội vụ tỉnh Lâm Đồng;',
      '- Lưu: VT, VP.',
    ]) {
      assert.ok(first.includes(flat(text)), `the cover lacks ${JSON.stringify(text)}:\n${first}`);
    }
    assert.equal(orientations[0], 'portrait');
  });

  it('mỗi phụ lục bắt đầu trang mới, có dòng «Kèm theo Báo cáo số …»', () => {
    const attached = '(Kèm theo Báo cáo số 15/BC-UBND ngày 05/01/2026 của UBND xã Tân Hà)';
    for (const [label, title] of [
      ['Phụ lục I', 'SỐ LIỆU KẾT QUẢ THỰC HIỆN CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2025'],
      ['Phụ lục II', 'KẾT QUẢ TỰ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025'],
    ]) {
      const found = pagesWith(pages, `${label} ${title}`);
      assert.equal(found.length, 1, `${label} heading on pages ${found}`);
      const [n] = found;
      // The heading opens its page: only the page number stands above it.
      const top = flat(pages[n - 1]);
      assert.ok(top.startsWith(flat(`${n} ${label} ${title} ${attached}`)), `page ${n} starts: ${top.slice(0, 200)}`);
    }
    assert.deepEqual(pagesWith(pages, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), [1], 'the national header is on page 1 only');
  });

  it('số trang ở giữa lề trên từ trang 2, trang 1 không đánh số', () => {
    const firstLine = (text) => text.split('\n').find((l) => l.trim() !== '')?.trim();
    assert.notEqual(firstLine(pages[0]), '1');
    pages.slice(1).forEach((text, i) => assert.equal(firstLine(text), String(i + 2), `page ${i + 2}`));
  });

  it('Biểu 06 trên trang ngang, đủ 13 cột, số liệu kiểu Việt Nam', () => {
    const [n] = pagesWith(pages, 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC (BIỂU 06/VPCP/KSTT)');
    assert.ok(n, 'Biểu 06 is printed');
    assert.equal(orientations[n - 1], 'landscape', `Biểu 06 page ${n}`);
    const text = flat(pages[n - 1]);
    for (const line of [
      'Đơn vị báo cáo: UBND xã Tân Hà',
      'Đơn vị nhận báo cáo: Sở Nội vụ tỉnh Lâm Đồng',
      'Đơn vị tính: Số hồ sơ TTHC',
      '(Từ ngày 15/12/2024 đến ngày 14/12/2025)',
      '(1) (2) (3) (4) (5) (6) (7) (8) (9) (10) (11) (12) (13)',
      'Tổng cộng 1.794 497 1.177 120 1.781 1.325 454 2 13 11 2',
    ]) {
      assert.ok(text.includes(line), `Biểu 06 lacks ${JSON.stringify(line)}:\n${text}`);
    }
    // The portrait pages resume after it, the section marked as continued.
    assert.equal(orientations[n], 'portrait');
    assert.ok(flat(pages[n]).includes('CẢI CÁCH THỦ TỤC HÀNH CHÍNH (tiếp theo)'));
  });

  it('Phụ lục I: tỷ lệ tính ra, tiền, có/không in theo cách viết Việt Nam', () => {
    const all = flat(pages.join(' '));
    for (const figure of ['99,89%', '95,24%', '98,55%', '29,69%', '10.877.753.000', '9.612.400.000']) {
      assert.ok(all.includes(figure), `no ${figure} in the PDF`);
    }
    assert.ok(inOrder(['Tỷ', 'lệ', 'hồ', 'sơ', 'giải', 'quyết', 'trước', 'hạn', 'và', 'đúng', 'hạn', '%', '99,89%'], all));
  });

  it('Phụ lục II: trang ngang, ghi chú MẪU, tổng điểm, chỉ số và xếp loại', () => {
    const [from] = pagesWith(pages, 'Phụ lục II KẾT QUẢ TỰ CHẤM ĐIỂM');
    orientations.slice(from - 1).forEach((o, i) => assert.equal(o, 'landscape', `page ${from + i}`));
    const text = flat(pages.slice(from - 1).join(' '));
    for (const needle of [
      'MẪU —',
      'Tài liệu kiểm chứng',
      'Giải trình',
      '08/KH-UBND',
      'TỔNG ĐIỂM TỰ CHẤM',
    ]) {
      assert.ok(text.includes(flat(needle)), `Phụ lục II lacks ${JSON.stringify(needle)}`);
    }
    assert.ok(inOrder(['ĐIỀU', 'TRA', 'XÃ', 'HỘI', 'HỌC', '(ĐTXHH)', '30'], text), 'the survey row, with its 30 points');
    assert.ok(holdsWhole(text, 'Không áp dụng'), 'items declared not applicable say so');
    assert.match(text, /Chỉ số cải cách hành chính tự đánh giá: \d{1,3},\d\d%; xếp loại: (Tốt|Khá|Trung bình|Kém)\./);
  });

  it('không dòng nào của bảng bị cắt sang trang sau', async () => {
    await page.emulateMedia({ media: 'print' });
    const styles = await page.evaluate(() => ({
      rows: [...document.querySelectorAll('.print-doc tr')].map((tr) => getComputedStyle(tr).breakInside),
      heads: [...document.querySelectorAll('.print-doc thead')].map((h) => getComputedStyle(h).display),
    }));
    await page.emulateMedia({ media: null });
    assert.ok(styles.rows.length > 150, `${styles.rows.length} rows`);
    assert.deepEqual([...new Set(styles.rows)], ['avoid'], 'every row avoids a break inside it');
    assert.deepEqual([...new Set(styles.heads)], ['table-header-group'], 'headers repeat on each page');
    // And in the PDF: each row's label stands whole on a page (a cut row would leave its first
    // words at the foot of one page and the rest at the top of the next).
    const labels = await page.$$eval('.print-doc .doc-figures td.label', (tds) => tds.map((td) => td.innerText));
    for (const label of labels) {
      assert.ok(pages.some((text) => holdsWhole(text, label)), `row «${label}» is not whole on any page`);
    }
    // Every page after the cover carries its table's header, repeated where the table goes
    // on; only the index and band under Phụ lục II's table may stand alone on a last page.
    const cover = coverPages(pages);
    pages.slice(cover).forEach((text, i) => {
      const n = i + cover + 1;
      const t = flat(text);
      assert.ok(t.includes('STT') || t.startsWith(`${n} Tổng điểm tự chấm:`), `page ${n} has no table header:\n${t.slice(0, 300)}`);
    });
  });

  it('khi in chỉ có văn bản, không có khung ứng dụng', async () => {
    await page.emulateMedia({ media: 'print' });
    const [body, doc] = await page.evaluate(() => [
      document.body.innerText,
      document.querySelector('.print-doc').innerText,
    ]);
    await page.emulateMedia({ media: null });
    assert.equal(flat(body), flat(doc));
  });

  it('bản xem trước trên màn hình không có lỗi trợ năng (axe)', async () => {
    const violations = await checkA11y(page, { context: '.print-view' });
    assert.deepEqual(violations, [], formatViolations(violations));
  });

  it('nút «In / Lưu PDF» mở hộp thoại in của trình duyệt', async () => {
    await page.evaluate(() => {
      window.__printCalls = 0;
      window.print = () => {
        window.__printCalls += 1;
      };
    });
    await page.getByRole('button', { name: 'In / Lưu PDF' }).click();
    assert.equal(await page.evaluate(() => window.__printCalls), 1);
    assert.deepEqual(pageErrors(page), []);
    assert.deepEqual(app.externalRequests, []);
  });
});

describe('bản in: ô trống, ô sai, tỷ lệ không có giá trị', () => {
  let app;
  before(async () => {
    const values = { ...FIXTURE.report.values, kt_don_vi: 'sáu' };
    delete values.tt_hoi_nghi;
    delete values.kt_ton_tai;
    delete values.kt_da_xu_ly;
    app = await startApp();
    const page = await app.open('/');
    await loadFixture(page, { ...FIXTURE, report: { ...FIXTURE.report, values } });
    await page.close();
  });
  after(async () => {
    await app?.close();
  });

  it('in nguyên văn ô sai có đánh dấu, ô trống để trống, tỷ lệ thiếu số in «—»', (t) =>
    app.run(t, async (page) => {
      await openTab(page, 'print');
      const cell = (id) => page.locator(`.print-doc [data-cell="${id}"]`).innerText();
      assert.equal(await cell('kt_don_vi'), 'sáu(*)');
      assert.equal(await cell('tt_hoi_nghi'), '');
      assert.equal(await cell('kt_ton_tai'), '');
      assert.equal(await cell('kt_ty_le_xu_ly'), '—');
      await page.getByText('(*) Số liệu chưa đúng định dạng', { exact: false }).first().waitFor();
      // The screen, not the paper, says there are errors to fix.
      await page.locator('.print-toolbar').getByText('lỗi', { exact: false }).waitFor();
    }));
});

/// How many pages the covering report takes: those before the first appendix's page.
function coverPages(pages) {
  const i = pages.findIndex((text) => flat(text).includes('Kèm theo Báo cáo số'));
  return i > 0 ? i : 1;
}
