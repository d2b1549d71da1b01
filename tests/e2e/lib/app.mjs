// End-to-end helpers: Debian's chromium driven by playwright-core, against dist/ served by
// ./server.mjs. Nothing here downloads a browser or reaches outside 127.0.0.1.
//
// The contract with the app: once mounted, its root element carries the attribute
// `data-app-ready` (APP_READY_SELECTOR). Every helper that opens the app waits for it.
//
// Typical test file (tests/e2e/<name>.test.mjs):
//
//   import { describe, it, before, after } from 'node:test';
//   import assert from 'node:assert/strict';
//   import { startApp } from './lib/app.mjs';
//
//   describe('bảng phụ lục', () => {
//     let app;
//     before(async () => { app = await startApp(); });   // server + browser, fresh profile
//     after(async () => { await app?.close(); });
//
//     it('nhập số liệu', (t) => app.run(t, async (page) => {
//       await page.getByLabel('…').fill('12');
//       assert.equal(await page.locator('…').textContent(), '…');
//     }));
//   });
//
// app.run() opens a new page at the app, waits for [data-app-ready], runs the body and, when it
// throws, prints the page's visible text, console errors and a screenshot path before rethrowing.

import { chromium } from 'playwright-core';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { startServer, REPO_ROOT } from './server.mjs';

export { startServer, REPO_ROOT, DIST_DIR } from './server.mjs';

export const APP_READY_SELECTOR = '[data-app-ready]';
export const CHROME_PATH = process.env.CHROME ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = process.env.E2E_ARTIFACTS ?? join(REPO_ROOT, 'target', 'e2e-artifacts');
export const APP_READY_TIMEOUT_MS = Number(process.env.E2E_READY_TIMEOUT_MS ?? 30_000);

/** Chromium flags: headless-safe as root, and no lookup of any host but the local one. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

/** Name of the running test file without `.test.mjs` (node --test runs one process per file). */
export const TEST_FILE = basename(process.argv[1] ?? 'e2e').replace(/\.test\.m?js$|\.m?js$/, '');

function slug(s) {
  return (
    String(s)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'unnamed'
  );
}

/** Absolute path for an artifact `<TEST_FILE>-<name><ext>` in target/e2e-artifacts/ (created). */
export async function artifactPath(name, ext) {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, `${slug(TEST_FILE)}-${slug(name)}${ext}`);
}

const logs = new WeakMap();

/**
 * What a page logged: console messages ({ type, text, url }), uncaught errors (strings), failed
 * requests ("<url> (<error>)"). Collected from the moment the page opened.
 * @returns {{ console: {type: string, text: string, url: string}[], errors: string[], failedRequests: string[] }}
 */
export function pageLog(page) {
  let log = logs.get(page);
  if (!log) {
    log = { console: [], errors: [], failedRequests: [] };
    logs.set(page, log);
    page.on('console', (m) =>
      log.console.push({ type: m.type(), text: m.text(), url: m.location()?.url ?? '' }),
    );
    page.on('pageerror', (e) => log.errors.push(String(e?.stack ?? e)));
    page.on('requestfailed', (r) =>
      log.failedRequests.push(`${r.url()} (${r.failure()?.errorText ?? 'failed'})`),
    );
  }
  return log;
}

/** Console messages of type "error" plus uncaught page errors, as strings. */
export function pageErrors(page) {
  const log = pageLog(page);
  return [
    ...log.errors,
    ...log.console
      .filter((m) => m.type === 'error')
      .map((m) => (m.url && !m.text.includes(m.url) ? `${m.text} (${m.url})` : m.text)),
  ];
}

/**
 * Launches Debian's chromium with a fresh temporary profile (--user-data-dir), so service workers,
 * caches and localStorage start empty and persist across pages of this context.
 * @param {{ headless?: boolean, viewport?: {width:number,height:number}, locale?: string,
 *           timezoneId?: string, args?: string[], contextOptions?: object }} [options]
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, userDataDir: string,
 *                     externalRequests: string[], close(): Promise<void> }>}
 */
export async function launchBrowser(options = {}) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'phuluc-e2e-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME_PATH,
    headless: options.headless ?? true,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: options.locale ?? 'vi-VN',
    timezoneId: options.timezoneId ?? 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
    ...(options.contextOptions ?? {}),
  });
  context.setDefaultTimeout(15_000);
  // Anything that is not the local server: the app must never need it. Recorded, not blocked
  // (routing would turn off the HTTP cache and get in the way of service-worker tests).
  const externalRequests = [];
  context.on('request', (r) => {
    const url = r.url();
    if (/^https?:/i.test(url)) {
      const { hostname } = new URL(url);
      if (hostname !== '127.0.0.1' && hostname !== 'localhost') externalRequests.push(url);
    }
  });
  context.on('page', (p) => pageLog(p));
  for (const p of context.pages()) pageLog(p);
  return {
    context,
    userDataDir,
    externalRequests,
    async close() {
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
    },
  };
}

/** Waits until the app has mounted (its root carries data-app-ready). */
export async function waitForAppReady(page, { timeout = APP_READY_TIMEOUT_MS } = {}) {
  await page.waitForSelector(APP_READY_SELECTOR, { state: 'attached', timeout });
}

/**
 * Opens `path` (relative to baseUrl) in a new page of `context` and waits for the app to mount.
 * When it does not mount, dumps the page (text, errors, screenshot) and throws.
 */
export async function openApp(context, baseUrl, path = '/', { timeout = APP_READY_TIMEOUT_MS, name } = {}) {
  const page = await context.newPage();
  pageLog(page);
  try {
    await page.goto(new URL(path, baseUrl).href, { waitUntil: 'load', timeout });
    await waitForAppReady(page, { timeout });
  } catch (err) {
    await annotateFailure(err, page, name ?? `open-${path}`);
    throw err;
  }
  return page;
}

/**
 * Navigates to `url` expecting it to fail (server stopped, offline, no service worker); returns
 * the navigation error. Waits for Chromium's error page to finish committing, so the next
 * page.goto() on this page is not "interrupted by another navigation to chrome-error://".
 */
export async function gotoExpectingFailure(page, url, { timeout = 10_000 } = {}) {
  let error = null;
  try {
    await page.goto(url, { timeout });
  } catch (err) {
    error = err;
  }
  if (!error) throw new Error(`expected loading ${url} to fail, but it loaded`);
  await page.waitForURL(/^chrome-error:/, { timeout: 5_000 }).catch(() => {});
  await page.waitForLoadState('load').catch(() => {});
  return error;
}

/** The page's visible text (document.body.innerText), '' when there is none. */
export async function visibleText(page) {
  return page.evaluate(() => document.body?.innerText ?? '').catch((e) => `<no text: ${e.message}>`);
}

/** Full-page PNG screenshot in target/e2e-artifacts/; returns its path. */
export async function screenshot(page, name, options = {}) {
  const path = await artifactPath(name, '.png');
  await page.screenshot({ path, fullPage: true, ...options });
  return path;
}

/**
 * Prints the page to PDF (print media, A4 unless the page's CSS @page says otherwise) in
 * target/e2e-artifacts/; returns its path. Read it back with `pdftotext -layout <path> -`.
 */
export async function pdf(page, name, options = {}) {
  const path = await artifactPath(name, '.pdf');
  await page.pdf({ path, format: 'A4', printBackground: true, preferCSSPageSize: true, ...options });
  return path;
}

/**
 * Writes what the page shows to target/e2e-artifacts/ (<name>-failure.png and .txt) and prints
 * the visible text, errors and paths. Returns { screenshotPath, textPath, text }.
 */
export async function dumpPage(page, name) {
  const label = `${name}-failure`;
  let screenshotPath = null;
  try {
    screenshotPath = await screenshot(page, label, { timeout: 5_000 });
  } catch (e) {
    screenshotPath = `<screenshot failed: ${e.message}>`;
  }
  const text = await visibleText(page);
  const log = pageLog(page);
  const report = [
    `URL: ${page.url()}`,
    `--- visible text (${text.length} chars) ---`,
    text.length > 4000 ? text.slice(0, 4000) + '\n…(truncated)' : text,
    `--- page errors and console errors ---`,
    ...pageErrors(page),
    ...(log.failedRequests.length ? ['--- failed requests ---', ...log.failedRequests] : []),
    `--- screenshot: ${screenshotPath}`,
  ].join('\n');
  const textPath = await artifactPath(label, '.txt');
  await writeFile(textPath, report + '\n');
  console.log(`\n===== e2e failure dump: ${name} =====\n${report}\n===== (also in ${textPath}) =====\n`);
  return { screenshotPath, textPath, text };
}

async function annotateFailure(err, page, name) {
  try {
    const { screenshotPath, textPath, text } = await dumpPage(page, name);
    if (err && typeof err === 'object' && 'message' in err) {
      const excerpt = text.length > 800 ? text.slice(0, 800) + '…' : text;
      const note =
        `\n  page: ${page.url()}\n  visible text: ${JSON.stringify(excerpt)}` +
        `\n  screenshot: ${screenshotPath}\n  dump: ${textPath}`;
      err.message += note;
      // Reporters print the stack, which was fixed when the error was made.
      if (typeof err.stack === 'string') err.stack += note;
    }
  } catch (dumpErr) {
    console.log(`(could not dump the page: ${dumpErr.message})`);
  }
}

/**
 * Server of dist/ + browser with a fresh profile: what one test file needs.
 * @param {{ name?: string, server?: object, browser?: object }} [options]
 *   server: options for startServer(); browser: options for launchBrowser().
 */
export async function startApp(options = {}) {
  const server = await startServer(options.server);
  let browser;
  try {
    browser = await launchBrowser(options.browser);
  } catch (err) {
    await server.stop();
    throw err;
  }
  const app = {
    server,
    context: browser.context,
    userDataDir: browser.userDataDir,
    externalRequests: browser.externalRequests,
    get url() {
      return server.url;
    },
    /** New page at `path`, mounted. */
    open(path = '/', opts = {}) {
      return openApp(browser.context, server.url, path, opts);
    },
    /**
     * Runs `fn(page)` on a freshly opened app page; on failure dumps the page (named after the
     * test) and rethrows. The page is closed afterwards unless keepOpen.
     * @param {import('node:test').TestContext | string} t  the test context (or a name)
     * @param {(page: import('playwright-core').Page) => Promise<void>} fn
     * @param {{ path?: string, keepOpen?: boolean, timeout?: number }} [opts]
     */
    async run(t, fn, opts = {}) {
      const name = typeof t === 'string' ? t : t?.name ?? 'test';
      const page = await openApp(browser.context, server.url, opts.path ?? '/', { name, timeout: opts.timeout });
      try {
        await fn(page);
      } catch (err) {
        await annotateFailure(err, page, name);
        throw err;
      } finally {
        if (!opts.keepOpen) await page.close().catch(() => {});
      }
    },
    async close() {
      await browser.close();
      await server.stop();
    },
  };
  return app;
}

/**
 * Runs axe-core (from node_modules) in the page; returns its violations (empty when none).
 * @param {{ context?: any, options?: object }} [opts] axe.run(context, options)
 */
export async function checkA11y(page, { context, options } = {}) {
  const already = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!already) {
    // Evaluated by the driver, not added as a <script>: the page's Content-Security-Policy
    // rightly refuses inline scripts, and a test must not need to weaken it.
    const source = await readFile(join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    await page.evaluate(source);
  }
  const result = await page.evaluate(
    ([ctx, opt]) => window.axe.run(ctx ?? document, opt ?? {}),
    [context ?? null, options ?? null],
  );
  return result.violations;
}

/** One line per violation and node, for assertion messages. */
export function formatViolations(violations) {
  return violations
    .flatMap((v) => v.nodes.map((n) => `${v.impact ?? ''} ${v.id}: ${v.help} @ ${n.target.join(' ')}`))
    .join('\n');
}
