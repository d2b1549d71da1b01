// Times the roll-up of 1,000 generated commune files in the browser (release build in dist/):
// the files are picked at once; the script prints the core's roll-up time the screen reports
// ([data-rollup-ms]) and the time from picking to the result on screen. Not a test: nothing is
// asserted. `node scripts/rollup-timing.mjs [n]` after `trunk build --release`.
import { startApp } from '../tests/e2e/lib/app.mjs';
import { generatedCommunes } from '../tests/e2e/rollup-helpers.mjs';

const n = Number(process.argv[2] ?? 1000);
const files = await generatedCommunes(n);
const bytes = files.reduce((s, f) => s + f.text.length, 0);
const app = await startApp();
try {
  const page = await app.open('/');
  await page.click('[data-tab="rollup"]');
  const start = Date.now();
  await page.setInputFiles(
    '[data-rollup-files]',
    files.map((f) => f.path),
  );
  const status = page.locator('[data-rollup-ms]');
  await status.waitFor({ timeout: 300_000 });
  const wall = Date.now() - start;
  const ms = await status.getAttribute('data-rollup-ms');
  const rows = await page.locator('tr[data-commune]').count();
  console.log(
    `${n} tệp (${(bytes / 1e6).toFixed(1)} MB): tổng hợp trong trình duyệt ${ms} ms (đọc, chấm, cộng); ` +
      `từ lúc chọn tệp đến khi hiện kết quả ${wall} ms; ${rows} dòng trong bảng`,
  );
} finally {
  await app.close();
}
