// Smoke: the release build loads in Chromium from a plain static server, mounts, and prints.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { startApp, screenshot, pdf, pageErrors } from './lib/app.mjs';

describe('smoke', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  it('mở ứng dụng, có tiêu đề, chụp màn hình và in PDF', (t) =>
    app.run(t, async (page) => {
      const title = (await page.title()).normalize('NFC');
      assert.ok(title.includes('Phụ lục CCHC'.normalize('NFC')), `title is ${JSON.stringify(title)}`);

      const png = await screenshot(page, 'home');
      const pdfPath = await pdf(page, 'home');
      assert.ok((await stat(png)).size > 0, `empty screenshot ${png}`);
      const pdfSize = (await stat(pdfPath)).size;
      assert.ok(pdfSize > 0, `empty PDF ${pdfPath}`);
      t.diagnostic(`screenshot ${png}`);
      t.diagnostic(`pdf ${pdfPath} (${pdfSize} bytes)`);

      assert.deepEqual(pageErrors(page), [], 'no console errors or uncaught exceptions');
      const wasm = app.server.requests.filter((r) => r.path.endsWith('.wasm'));
      assert.ok(wasm.some((r) => r.status === 200), 'the .wasm was served');
      assert.deepEqual(app.externalRequests, [], 'no request left 127.0.0.1');
    }));
});
