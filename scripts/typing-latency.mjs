// How long the app takes to answer a keystroke in the appendix, typed in `hs_ho_tich.c5`
// (Biểu 06, hộ tịch, received online), whose total is `hs_tong.c3`:
//   handled  the input event, from its first listener to its last: the reducer, the
//            evaluation and the re-render, which Yew runs in the microtasks between the two;
//   total    key down → the total showing the new sum;
//   frame    key down → the next frame after that (layout and paint included).
// Runs against dist/ (build it first, in release: `trunk build --release`), with the Tân Hà
// sample report open, over 20 keystrokes (a digit, then Backspace, alternately: each changes
// the total), and prints medians and the worst.
//
//   node scripts/typing-latency.mjs        this machine's speed
//   node scripts/typing-latency.mjs 4      the CPU slowed down 4 times (an old office PC)
//
// A rough figure, for comparing two builds on one quiet machine; not a test.
import { startApp } from '../tests/e2e/lib/app.mjs';
import { loadFixture, openTab } from '../tests/e2e/fixtures/report.mjs';

const KEYSTROKES = 20;
const INPUT = '[data-cell="hs_ho_tich.c5"]';
const TOTAL = '[data-cell="hs_tong.c3"]';
const SLOWDOWN = Number(process.argv[2] ?? 1);

const app = await startApp();
try {
  const page = await app.open('/');
  await loadFixture(page);
  if (SLOWDOWN > 1) {
    const cdp = await app.context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
  }
  await openTab(page, 'appendix');
  await page.click(INPUT);
  await page.press(INPUT, 'End');
  await page.evaluate(
    ([input, total]) => {
      const t = (window.__latency = { down: 0, inputFrom: 0, inputTo: 0, changed: 0, painted: 0 });
      document.querySelector(input).addEventListener('keydown', () => {
        t.down = performance.now();
        t.changed = t.painted = 0;
      }, true);
      // First (capturing, at the window) and last (bubbling, at the window) to see the event.
      window.addEventListener('input', () => (t.inputFrom = performance.now()), true);
      window.addEventListener('input', () => (t.inputTo = performance.now()));
      new MutationObserver(() => {
        if (t.changed) return;
        t.changed = performance.now();
        requestAnimationFrame(() => setTimeout(() => (t.painted = performance.now())));
      }).observe(document.querySelector(total), { characterData: true, childList: true, subtree: true });
    },
    [INPUT, TOTAL],
  );
  const handled = [];
  const total = [];
  const frame = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.press(i % 2 === 0 ? String((i / 2) % 10) : 'Backspace');
    await page.waitForFunction(() => window.__latency.painted > 0);
    const t = await page.evaluate(() => window.__latency);
    handled.push(t.inputTo - t.inputFrom);
    total.push(t.changed - t.down);
    frame.push(t.painted - t.down);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const line = (name, xs) =>
    console.log(`  ${name}: median ${median(xs).toFixed(1)} ms, worst ${Math.max(...xs).toFixed(1)} ms`);
  console.log(`${KEYSTROKES} keystrokes in ${INPUT} (CPU slowdown ×${SLOWDOWN}):`);
  line('handled', handled);
  line('total  ', total);
  line('frame  ', frame);
} finally {
  await app.close();
}
