// Hướng dẫn: the guide tab shows its seven sections in the order an officer works, in
// Vietnamese, and in English once the language switch says so; its contents link to them.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, pageErrors } from './lib/app.mjs';

const nfc = (s) => (s ?? '').normalize('NFC').trim();

const HEADINGS_VI = [
  '1. Thông tin báo cáo',
  '2. Phụ lục số liệu',
  '3. Tự chấm điểm',
  '4. Tổng hợp',
  '5. Bản in',
  '6. Lưu và chuyển báo cáo',
  '7. Dùng khi không có mạng',
];
const HEADINGS_EN = [
  '1. Report details',
  '2. Appendix figures',
  '3. Self-scoring',
  '4. Summary',
  '5. Print',
  '6. Saving and moving reports',
  '7. Working offline',
];

async function headings(page) {
  return (await page.locator('.guide .guide-section > h3').allTextContents()).map(nfc);
}

describe('hướng dẫn', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  it('bảy mục bằng tiếng Việt, chuyển sang tiếng Anh bằng nút ngôn ngữ', (t) =>
    app.run(t, async (page) => {
      await page.click('[data-tab="guide"]');
      const guide = page.locator('.sheet.guide');
      await guide.waitFor();
      assert.equal(await page.getAttribute('[data-tab="guide"]', 'aria-current'), 'page');
      assert.equal(nfc(await guide.locator('h2').textContent()), 'Hướng dẫn sử dụng');
      assert.deepEqual(await headings(page), HEADINGS_VI);
      // The steps say what the officer needs to know, in the officer's words.
      const text = nfc(await guide.textContent());
      for (const needle of [
        'Nghị định 09/2019/NĐ-CP',
        '«1.794», «99,5»',
        '(3) = (4) + (5) + (6), (7) = (8) + (9) + (10), (11) = (12) + (13)',
        '(3) = (7) + (11)',
        'Không áp dụng đối với xã',
        'không có tài liệu kiểm chứng được 0 điểm',
        '«Lưu dưới dạng PDF»',
        '«Đã lưu lúc …»',
        'cột (6) «kỳ trước chuyển qua» của Biểu 06 lấy từ cột (11)',
        'phuluc-cchc_xa-tan-ha_nam_2025.json',
        'Đã có phiên bản mới',
      ]) {
        assert.ok(text.includes(nfc(needle)), `the guide lacks ${JSON.stringify(needle)}`);
      }
      // Each section has numbered steps.
      for (const section of await guide.locator('.guide-section').all()) {
        assert.ok((await section.locator('ol.guide-steps > li').count()) >= 3, `${await section.getAttribute('id')} has steps`);
      }

      // The contents link to each section.
      const links = guide.locator('.guide-contents a');
      assert.deepEqual((await links.allTextContents()).map(nfc), HEADINGS_VI);
      await links.nth(4).click();
      assert.ok(page.url().endsWith('#guide-print'), page.url());
      assert.ok(await page.locator('#guide-print h3').isVisible());

      await page.click('.lang-switch button[lang="en"]');
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      assert.equal(nfc(await guide.locator('h2').textContent()), 'User guide');
      assert.deepEqual(await headings(page), HEADINGS_EN);
      assert.equal(await page.locator('.app').getAttribute('lang'), 'en');
      const en = nfc(await guide.textContent());
      assert.ok(en.includes('Decree 09/2019/NĐ-CP'), 'English steps');
      assert.ok(!en.includes('Dùng khi không có mạng'), 'no Vietnamese heading left');

      // And back: the language is remembered for the next visit, so leave it Vietnamese.
      await page.click('.lang-switch button[lang="vi"]');
      await page.waitForFunction(() => document.documentElement.lang === 'vi');
      assert.deepEqual(await headings(page), HEADINGS_VI);
      assert.deepEqual(pageErrors(page), []);
    }));
});
