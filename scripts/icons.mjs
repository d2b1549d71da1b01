#!/usr/bin/env node
// Renders the app's PNG icons from their SVG sources with Debian's chromium (playwright-core),
// for the web app manifest. The PNGs are committed: a build needs neither this script nor a
// browser. Run it again after changing assets/icons/icon.svg or icon-maskable.svg:
//
//   node scripts/icons.mjs
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ICONS = resolve(fileURLToPath(new URL('../assets/icons', import.meta.url)));
const OUTPUTS = [
  { svg: 'icon.svg', png: 'icon-192.png', size: 192 },
  { svg: 'icon.svg', png: 'icon-512.png', size: 512 },
  { svg: 'icon-maskable.svg', png: 'icon-maskable-512.png', size: 512 },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROME ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const { svg, png, size } of OUTPUTS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const source = (await readFile(join(ICONS, svg), 'utf8')).replace(
      /width="512" height="512"/,
      `width="${size}" height="${size}"`,
    );
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block}</style>${source}`);
    await page.screenshot({ path: join(ICONS, png), omitBackground: true });
    await page.close();
    console.log(`icons: ${png} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
