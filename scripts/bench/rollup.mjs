// The roll-up (issue 10): 1,000 generated commune reports picked at once, timed from the file
// picker's change event (the browser has the files) to the roll-up showing them, and the frame
// after; with the core's own time, which the screen reports.
//
// The roll-up screen's DOM contract (src/app/components/rollup/mod.rs): the tab
// [data-tab="rollup"], the file input [data-rollup-files], the status [data-rollup-ms] (the
// core's adding up, in ms) with data-read-ms (reading the files and their JSON, the core's
// reading of each batch included), one tr[data-commune] per unit. Without the tab, the hook says it was
// skipped.
import { FIXTURE } from '../../tests/e2e/fixtures/report.mjs';

export const COUNT = 1000;

/** Report n of the generated set: the sample report under another commune's name, figures varied. */
export function generated(n) {
  const f = structuredClone(FIXTURE);
  f.report.id = `bench-${n}`;
  f.report.identity.commune = `Xã số ${n + 1}`;
  for (const [k, v] of Object.entries(f.report.values)) {
    if (/^\d+$/.test(v)) f.report.values[k] = String((Number(v) * (n % 7 + 1)) % 2000);
  }
  return f;
}

export async function rollup(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('[data-app-ready]');
    if (!(await page.$('[data-tab="rollup"]'))) {
      return 'skipped: this build has no roll-up screen ([data-tab="rollup"])';
    }
    await page.click('[data-tab="rollup"]');
    const input = await page.waitForSelector('[data-rollup-files]', { state: 'attached' });
    await page.evaluate(() => {
      const t = (window.__rollup = { from: 0, shown: 0, painted: 0 });
      document.addEventListener('change', () => (t.from ||= performance.now()), true);
      new MutationObserver(() => {
        const el = document.querySelector('[data-rollup-ms]');
        if (t.shown || !el) return;
        t.shown = performance.now();
        t.core = el.getAttribute('data-rollup-ms');
        t.read = el.getAttribute('data-read-ms');
        t.count = document.querySelectorAll('tr[data-commune]').length;
        requestAnimationFrame(() => setTimeout(() => (t.painted = performance.now())));
      }).observe(document.body, { childList: true, subtree: true, attributes: true });
    });
    const files = Array.from({ length: COUNT }, (_, n) => ({
      name: `bench-${n}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(generated(n))),
    }));
    await input.setInputFiles(files);
    await page.waitForFunction(() => window.__rollup.painted > 0, null, { timeout: 120_000 });
    const t = await page.evaluate(() => window.__rollup);
    return (
      `${t.count} reports shown ${(t.shown - t.from).toFixed(0)} ms after the files were picked ` +
      `(next frame ${(t.painted - t.from).toFixed(0)} ms; of it, reading the files and their JSON ` +
      `${t.read ?? '?'} ms, the core adding up and scoring ${t.core} ms, the rest drawing the table)`
    );
  } catch (e) {
    return `failed: ${e.message.split('\n')[0]}`;
  } finally {
    await context.close();
  }
}
