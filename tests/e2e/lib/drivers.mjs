// One small driver per browser, so a journey is written once (tests/e2e/journeys/journeys.mjs)
// and runs in both: Debian's chromium through playwright-core (as the rest of the e2e suite) and
// Debian's firefox-esr through puppeteer-core over WebDriver BiDi. Neither downloads a browser.
//
// A driver opens pages; a page offers only what differs between the two libraries:
//   goto(path) reload()             navigate, then wait for [data-app-ready]
//   evaluate(fn, arg)               run fn(arg) in the page
//   waitForFunction(fn, arg, ms)    poll fn(arg) in the page until truthy
//   click(sel) fill(sel, text) select(sel, value) press(key) focus(sel)
//   compose(sel, steps, commit, between?)  IME-like composition (Chromium: CDP's IME input;
//                                   Firefox: composition events, as BiDi has no IME command)
//   setFile(sel, name, text)        pick a file with an <input type=file>
//   download(sel)                   click sel, return the downloaded { name, text }
//   pdf(name) screenshot(name)      write target/e2e-artifacts/<file>-<name>.{pdf,png}
//   errors()                        console errors and uncaught exceptions so far
//   close()
// Everything else (reading values, texts, attributes) is built on evaluate, in the journeys.

import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { APP_READY_SELECTOR, APP_READY_TIMEOUT_MS, artifactPath, launchBrowser } from './app.mjs';

export const FIREFOX_PATH = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const VIEWPORT = { width: 1366, height: 900 };

/** "Mozilla Firefox 140.10.2esr" → "140.10.2esr" (the version the summary names). */
export function firefoxVersion() {
  try {
    return execFileSync(FIREFOX_PATH, ['--version'], { encoding: 'utf8' }).trim().split(' ').pop();
  } catch {
    return '?';
  }
}

function isExternal(url) {
  if (!/^https?:/i.test(url)) return false;
  const { hostname } = new URL(url);
  return hostname !== '127.0.0.1' && hostname !== 'localhost';
}

/** Chromium through playwright-core, with the suite's flags and a fresh profile. */
export async function chromiumDriver(baseUrl) {
  const browser = await launchBrowser({ viewport: VIEWPORT });
  const externalRequests = browser.externalRequests;
  return {
    name: 'Chromium',
    externalRequests,
    async newPage() {
      const page = await browser.context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e?.stack ?? e)));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      const ready = (timeout = APP_READY_TIMEOUT_MS) =>
        page.waitForSelector(APP_READY_SELECTOR, { state: 'attached', timeout });
      return {
        raw: page,
        async goto(path = '/') {
          await page.goto(new URL(path, baseUrl).href, { waitUntil: 'load' });
          await ready();
        },
        async reload() {
          await page.reload({ waitUntil: 'load' });
          await ready();
        },
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        waitForFunction: (fn, arg, timeout = 5_000) => page.waitForFunction(fn, arg, { timeout }),
        click: (sel) => page.click(sel),
        fill: (sel, text) => page.fill(sel, text),
        select: (sel, value) => page.selectOption(sel, value).then(() => {}),
        press: (key) => page.keyboard.press(key),
        focus: (sel) => page.focus(sel),
        async compose(sel, steps, commit, between) {
          await page.click(sel);
          const cdp = await page.context().newCDPSession(page);
          for (const [i, text] of steps.entries()) {
            await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
            if (i === 0 && between) await between();
          }
          await cdp.send('Input.insertText', { text: commit });
          await cdp.detach();
        },
        setFile: (sel, name, text) =>
          page.setInputFiles(sel, { name, mimeType: 'application/json', buffer: Buffer.from(text) }),
        async download(sel) {
          const [d] = await Promise.all([page.waitForEvent('download'), page.click(sel)]);
          return { name: d.suggestedFilename(), text: await readFile(await d.path(), 'utf8') };
        },
        async pdf(name) {
          const path = await artifactPath(`chromium-${name}`, '.pdf');
          await page.pdf({ path, format: 'A4', printBackground: true, preferCSSPageSize: true });
          return path;
        },
        async screenshot(name) {
          const path = await artifactPath(`chromium-${name}`, '.png');
          await page.screenshot({ path, fullPage: true, timeout: 10_000 });
          return path;
        },
        errors: () => [...errors],
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}

/**
 * Firefox ESR through puppeteer-core over WebDriver BiDi, with a fresh profile whose downloads
 * go to a temporary folder without asking, in Vietnamese, in Vietnam's time zone.
 */
export async function firefoxDriver(baseUrl) {
  const { default: puppeteer } = await import('puppeteer-core');
  const downloads = await mkdtemp(join(tmpdir(), 'phuluc-e2e-ff-downloads-'));
  const uploads = await mkdtemp(join(tmpdir(), 'phuluc-e2e-ff-uploads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    defaultViewport: VIEWPORT,
    env: { ...process.env, TZ: 'Asia/Ho_Chi_Minh' },
    extraPrefsFirefox: {
      'intl.accept_languages': 'vi-VN, vi',
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.manager.showWhenStarting': false,
      'browser.helperApps.neverAsk.saveToDisk': 'application/json',
      // Nothing but the local server: no captive-portal, connectivity or safe-browsing lookups.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
    },
  });
  const externalRequests = [];
  return {
    name: 'Firefox ESR',
    externalRequests,
    async newPage() {
      const page = await browser.newPage();
      page.setDefaultTimeout(15_000);
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e?.stack ?? e)));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('request', (r) => isExternal(r.url()) && externalRequests.push(r.url()));
      // Polled with plain evaluations: puppeteer's own waitFor* build their predicate with
      // `new Function` in the page, which the app's Content-Security-Policy (no 'unsafe-eval')
      // rightly refuses in Firefox. An evaluation over BiDi is the driver's, not the page's.
      const poll = async (fn, arg, timeout, what) => {
        const deadline = Date.now() + timeout;
        for (;;) {
          if (await page.evaluate(fn, arg).catch(() => false)) return;
          if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      const ready = () =>
        poll((sel) => document.querySelector(sel) !== null, APP_READY_SELECTOR, APP_READY_TIMEOUT_MS, APP_READY_SELECTOR);
      return {
        raw: page,
        async goto(path = '/') {
          await page.goto(new URL(path, baseUrl).href, { waitUntil: 'load' });
          await ready();
        },
        async reload() {
          await page.reload({ waitUntil: 'load' });
          await ready();
        },
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        waitForFunction: (fn, arg, timeout = 5_000) => poll(fn, arg, timeout, String(fn).slice(0, 80)),
        click: (sel) => page.click(sel),
        async fill(sel, text) {
          // As the officer does: select what is there, then type over it key by key.
          await page.click(sel);
          await page.$eval(sel, (el) => el.select());
          if (text === '') await page.keyboard.press('Backspace');
          else await page.keyboard.type(text);
        },
        select: (sel, value) => page.select(sel, value).then(() => {}),
        press: (key) => page.keyboard.press(key),
        focus: (sel) => page.focus(sel),
        async compose(sel, steps, commit, between) {
          // An IME's event sequence (UI Events): compositionstart, then per keystroke
          // compositionupdate + input(isComposing), the commit as a last input, compositionend.
          await page.click(sel);
          const fire = (phase, text) =>
            page.$eval(
              sel,
              (el, [phase, text]) => {
                if (phase === 'start') {
                  el.dataset.e2eBase = el.value;
                  el.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
                  return;
                }
                el.value = (el.dataset.e2eBase ?? '') + text;
                if (phase === 'update') {
                  el.dispatchEvent(new CompositionEvent('compositionupdate', { bubbles: true, data: text }));
                }
                el.dispatchEvent(
                  new InputEvent('input', { bubbles: true, isComposing: true, inputType: 'insertCompositionText', data: text }),
                );
                if (phase === 'end') {
                  delete el.dataset.e2eBase;
                  el.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: text }));
                }
              },
              [phase, text],
            );
          await fire('start', '');
          for (const [i, text] of steps.entries()) {
            await fire('update', text);
            if (i === 0 && between) await between();
          }
          await fire('end', commit);
        },
        async setFile(sel, name, text) {
          const path = join(uploads, name);
          await writeFile(path, text);
          const input = await page.$(sel);
          await input.uploadFile(path);
        },
        async download(sel) {
          const before = new Set(await readdir(downloads));
          await page.click(sel);
          const deadline = Date.now() + 10_000;
          for (;;) {
            const done = (await readdir(downloads)).filter((f) => !before.has(f) && !f.endsWith('.part'));
            if (done.length) {
              // Firefox writes the file, then renames the .part away: wait for a stable size.
              await new Promise((r) => setTimeout(r, 200));
              return { name: done[0], text: await readFile(join(downloads, done[0]), 'utf8') };
            }
            if (Date.now() > deadline) throw new Error(`no download in ${downloads} within 10 s`);
            await new Promise((r) => setTimeout(r, 100));
          }
        },
        async pdf(name) {
          const path = await artifactPath(`firefox-${name}`, '.pdf');
          await page.pdf({ path, format: 'A4', printBackground: true, preferCSSPageSize: true, timeout: 60_000 });
          return path;
        },
        async screenshot(name) {
          const path = await artifactPath(`firefox-${name}`, '.png');
          await page.screenshot({ path, fullPage: true });
          return path;
        },
        errors: () => [...errors],
        close: () => page.close(),
      };
    },
    async close() {
      await browser.close().catch(() => {});
      await rm(downloads, { recursive: true, force: true }).catch(() => {});
      await rm(uploads, { recursive: true, force: true }).catch(() => {});
    },
  };
}
