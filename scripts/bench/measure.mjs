// The three measurements, each on a fresh browser context (empty HTTP cache, no service worker,
// empty storage), so every load is a first visit:
//   transfer    every response the page received while loading, compressed here with gzip -9
//               and brotli q11 (the local server sends them uncompressed);
//   firstInput  navigation start → the first text field on screen and the frame after it
//               painted (the field can take a keystroke);
//   typing      keydown → the TỔNG CỘNG row showing the new sum (a mutation in that row) and
//               → the next frame after it (requestAnimationFrame, then a task: layout and
//               paint of that frame are done), one keystroke per edit, walking the 64 inputs.
import { gzipSync, brotliCompressSync, constants as z } from 'node:zlib';
import { CELLS, TOTAL_CELL } from './targets.mjs';

export const percentile = (xs, p) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};

async function freshPage(browser, cpu = 1) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  return { context, page, cdp };
}

/** Every response of one first visit of `url`, with its size raw, gzip -9 and brotli q11. */
export async function transfer(browser, target, url) {
  const { context, page } = await freshPage(browser);
  const bodies = [];
  page.on('response', (r) => {
    // Responses a service worker fetched for its own cache are not what the page loaded.
    if (r.request().serviceWorker()) return;
    bodies.push(
      r.body().then(
        (b) => ({ url: r.url(), body: b }),
        () => null,
      ),
    );
  });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await target.ready(page);
    await page.waitForLoadState('networkidle');
  } finally {
    await context.close();
  }
  const assets = (await Promise.all(bodies))
    .filter(Boolean)
    .map(({ url: u, body }) => ({
      path: new URL(u).pathname,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, {
        params: { [z.BROTLI_PARAM_QUALITY]: 11, [z.BROTLI_PARAM_SIZE_HINT]: body.length },
      }).length,
    }))
    .sort((a, b) => b.raw - a.raw);
  const sum = (k) => assets.reduce((n, a) => n + a[k], 0);
  return { assets, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
}

// Runs in the page before its own scripts: notes when the first text field appears, then the
// frame after it.
function watchFirstInput() {
  const q = 'input:not([type=hidden]):not([type=file]):not([disabled]), textarea';
  const seen = () => {
    const el = document.querySelector(q);
    if (!el) return false;
    mo.disconnect();
    const at = performance.now();
    requestAnimationFrame(() =>
      setTimeout(() => {
        window.__firstInput = { seen: at, usable: performance.now() };
      }),
    );
    return true;
  };
  const mo = new MutationObserver(seen);
  mo.observe(document, { childList: true, subtree: true });
}

/** Navigation → first input usable, in ms, over `loads` cold loads. */
export async function firstInput(browser, url, loads) {
  const times = [];
  for (let i = 0; i < loads; i++) {
    const { context, page } = await freshPage(browser);
    try {
      await page.addInitScript(watchFirstInput);
      await page.goto(url, { waitUntil: 'commit' });
      const t = await page.waitForFunction(() => window.__firstInput, null, { timeout: 60_000 });
      times.push((await t.jsonValue()).usable);
    } finally {
      await context.close();
    }
  }
  return times;
}

// In the page: the probe that times one keystroke. arm() returns nothing; done() resolves with
// { down, changed, painted } (performance.now() ms) once the frame after the change ran, or
// null after 10 s without a change in the total row.
function installProbe(totalCell) {
  const row = document.querySelector(`[data-cell="${totalCell}"]`).closest('tr');
  let t = null;
  let resolve = null;
  let timer = 0;
  addEventListener(
    'keydown',
    (e) => {
      // The event's own time stamp: it includes any wait for a busy main thread.
      if (t && !t.down) t.down = Math.min(e.timeStamp, performance.now());
    },
    true,
  );
  new MutationObserver(() => {
    if (!t || !t.down || t.changed) return;
    t.changed = performance.now();
    requestAnimationFrame(() =>
      setTimeout(() => {
        t.painted = performance.now();
        clearTimeout(timer);
        resolve({ ...t });
      }),
    );
  }).observe(row, { characterData: true, childList: true, subtree: true, attributes: true });
  window.__probe = {
    // Armed after a frame, so the work of moving the focus is not counted.
    arm: () =>
      new Promise((ok) =>
        requestAnimationFrame(() =>
          setTimeout(() => {
            t = { down: 0, changed: 0, painted: 0 };
            window.__probe.result = new Promise((r) => {
              resolve = r;
              timer = setTimeout(() => r(null), 10_000);
            });
            ok();
          }),
        ),
      ),
  };
}

/**
 * A page with Biểu 06 open, ready to time keystrokes: `edit(i)` makes edit number i of the walk
 * (one keystroke per input cell in turn, row by row: on the first pass through the 64 cells a
 * digit is added at the end of each, on the second it is taken off again with Backspace, and
 * so on; every keystroke changes a total) and returns { total, frame } in ms, or null when no
 * total changed within 10 s.
 */
export async function typingSession(browser, target, url, { filled, cpu }) {
  const { context, page, cdp } = await freshPage(browser);
  try {
    await page.goto(url, { waitUntil: 'load' });
    await target.ready(page);
    await target.openForm(page, filled);
    await page.evaluate(installProbe, TOTAL_CELL);
    // Throttled only now: loading is not what is measured here.
    if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  } catch (e) {
    await context.close();
    throw e;
  }
  return {
    page,
    cdp,
    async edit(i) {
      const sel = `[data-cell="${CELLS[i % CELLS.length]}"]`;
      const add = Math.floor(i / CELLS.length) % 2 === 0;
      await page.focus(sel);
      await page.keyboard.press('End');
      await page.evaluate(() => window.__probe.arm());
      await page.keyboard.press(add ? String((i % 9) + 1) : 'Backspace');
      const r = await page.evaluate(() => window.__probe.result);
      return r && { total: r.changed - r.down, frame: r.painted - r.down };
    },
    close: () => context.close(),
  };
}

/**
 * The same walk of `edits` keystrokes in several sessions, alternating keystroke by keystroke,
 * so a busy moment of the (shared) machine falls on all of them alike.
 * @returns {{ total: number[], frame: number[], missed: number }[]} one per session
 */
export async function typingAlternating(sessions, edits) {
  const out = sessions.map(() => ({ total: [], frame: [], missed: 0 }));
  for (let i = 0; i < edits; i++) {
    for (const [k, s] of sessions.entries()) {
      const r = await s.edit(i);
      if (!r) out[k].missed++;
      else {
        out[k].total.push(r.total);
        out[k].frame.push(r.frame);
      }
    }
  }
  return out;
}
