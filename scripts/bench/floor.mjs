// The floor of the keystroke measure on this machine: the same harness (typingSession: focus,
// End, a keystroke, the TỔNG CỘNG mutation, the next frame) on a page that is nothing but the
// 64 inputs of Biểu 06 and one sum written by a few lines of JS. No page can beat these
// figures here; compare ours with them. `node scripts/bench/floor.mjs [edits]`.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { typingSession, percentile } from './measure.mjs';
import { ROWS, INPUT_COLUMNS, TOTAL_CELL } from './targets.mjs';
import { startServer, REPO_ROOT } from '../../tests/e2e/lib/server.mjs';
import { CHROME_PATH, CHROMIUM_ARGS } from '../../tests/e2e/lib/app.mjs';

const edits = Number(process.argv[2] ?? 200);
const dir = join(REPO_ROOT, 'target', 'bench', 'floor');
await mkdir(dir, { recursive: true });
const rows = ROWS.map((r) => `<tr>${INPUT_COLUMNS.map((c) => `<td><input data-cell="${r}.${c}" value="1"></td>`).join('')}</tr>`);
await writeFile(
  join(dir, 'index.html'),
  `<!doctype html><meta charset="utf-8"><table>${rows.join('')}<tr><td data-cell="${TOTAL_CELL}">0</td></tr></table><script src="sum.js"></script>`,
);
await writeFile(
  join(dir, 'sum.js'),
  `addEventListener('input', () => { let s = 0; for (const i of document.querySelectorAll('input')) s += Number(i.value) || 0; document.querySelector('[data-cell="${TOTAL_CELL}"]').textContent = String(s); });`,
);
const server = await startServer({ root: dir });
const browser = await chromium.launch({ executablePath: CHROME_PATH, headless: true, args: CHROMIUM_ARGS });
try {
  const page = { ready: async () => {}, openForm: async () => {} };
  const s = await typingSession(browser, page, server.url, { filled: false, cpu: 1 });
  const total = [];
  const frame = [];
  for (let i = 0; i < edits; i++) {
    const r = await s.edit(i);
    if (r) total.push(r.total), frame.push(r.frame);
  }
  const f = (xs) => `${percentile(xs, 50).toFixed(1)} / ${percentile(xs, 95).toFixed(1)} ms`;
  console.log(`floor page, ${total.length} keystrokes, CPU ×1: keydown → total updated p50 / p95 ${f(total)}; → next frame ${f(frame)}`);
} finally {
  await browser.close();
  await server.stop();
}
