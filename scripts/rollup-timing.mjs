// Times the roll-up of 1,000 generated commune files in the browser (release build in dist/).
// The files are picked at once. It prints the times the screen reports: reading the files and
// their JSON (data-read-ms) and the core adding up (data-rollup-ms). Then the time in the page
// from the file input's change event (the browser has the files) to the result drawn, and the
// time from picking (the harness handing the files over included) to the result on screen.
// Not a test: nothing is asserted. `node scripts/rollup-timing.mjs [n]` after
// `trunk build --release`.
import { startApp } from '../tests/e2e/lib/app.mjs';
import { generatedCommunes } from '../tests/e2e/rollup-helpers.mjs';

const n = Number(process.argv[2] ?? 1000);
const files = await generatedCommunes(n);
const bytes = files.reduce((s, f) => s + f.text.length, 0);
const app = await startApp();
try {
  const page = await app.open('/');
  await page.click('[data-tab="rollup"]');
  // In the page: when the input says it has the files, and when the result is drawn.
  await page.evaluate(() => {
    document.addEventListener('change', () => { window.__picked = performance.now(); }, { capture: true });
    new MutationObserver((_, obs) => {
      if (document.querySelector('[data-rollup-ms]')) {
        requestAnimationFrame(() => { window.__drawn = performance.now(); });
        obs.disconnect();
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  const start = Date.now();
  await page.setInputFiles(
    '[data-rollup-files]',
    files.map((f) => f.path),
  );
  const status = page.locator('[data-rollup-ms]');
  await status.waitFor({ timeout: 300_000 });
  const wall = Date.now() - start;
  const ms = await status.getAttribute('data-rollup-ms');
  const readMs = await status.getAttribute('data-read-ms');
  const rows = await page.locator('tr[data-commune]').count();
  await page.waitForFunction(() => window.__drawn !== undefined);
  const inPage = Math.round(await page.evaluate(() => window.__drawn - window.__picked));
  console.log(
    `${n} tệp (${(bytes / 1e6).toFixed(1)} MB): đọc tệp và JSON (từng đợt 200 tệp) ${readMs} ms; ` +
      `lõi cộng và chấm ${ms} ms; ` +
      `trong trang, từ khi có tệp đến khi vẽ xong kết quả ${inPage} ms; ` +
      `kể cả lúc công cụ kiểm thử chuyển tệp vào trình duyệt ${wall} ms; ${rows} dòng trong bảng`,
  );
} finally {
  await app.close();
}
