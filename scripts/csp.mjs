#!/usr/bin/env node
// Writes the page's Content-Security-Policy into the built index.html, as the first thing in
// its <head> (a <meta> policy covers only what follows it). Trunk 0.21 writes its wasm loader
// as an inline module script; the policy allows exactly that script by its SHA-256 (computed
// here, from the final, minified file), and no other inline code: no 'unsafe-inline', no
// 'unsafe-eval' ('wasm-unsafe-eval' lets the page compile its WebAssembly).
//
//   node scripts/csp.mjs [DIR]
//
// DIR is the build: by default $TRUNK_STAGING_DIR when Trunk runs this as a post_build hook
// (Trunk.toml: after Trunk has written the final index.html, before scripts/precache.mjs,
// which must hash the page with its policy in it), else dist/. Running it again on the same
// build changes nothing. `node scripts/csp.mjs --print [DIR]` prints the policy only.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const printOnly = args[0] === '--print';
if (printOnly) args.shift();
const dir = resolve(args[0] ?? process.env.TRUNK_STAGING_DIR ?? join(REPO_ROOT, 'dist'));
const page = join(dir, 'index.html');

// Every directive the app needs, and no more. Everything is the app's own origin: no CDN, no
// font service, no analytics. Downloads are blob: URLs opened by a link (not governed by the
// policy); the office worker is a file of the build (worker-src); the service worker too.
function policy(scriptHashes) {
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...scriptHashes.map((h) => `'sha256-${h}'`)].join(' '),
    // Stylesheets of the build only: no <style>, no style="" attribute (the app writes none;
    // tests/e2e/security.test.mjs listens for violations).
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const META = /<meta http-equiv="?Content-Security-Policy"?[^>]*>/gi;
const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

const html = (await readFile(page, 'utf8').catch(() => null))?.replace(META, '');
if (html == null) {
  console.error(`csp: no index.html in ${dir}: build the app first`);
  process.exit(1);
}
const hashes = [];
for (const [, attrs, body] of html.matchAll(INLINE_SCRIPT)) {
  if (/\bsrc\s*=/i.test(attrs)) continue;
  hashes.push(createHash('sha256').update(body, 'utf8').digest('base64'));
}
const csp = policy(hashes);
if (printOnly) {
  console.log(csp);
  process.exit(0);
}
const charset = /<meta charset[^>]*>/i;
if (!charset.test(html)) {
  console.error(`csp: ${page} has no <meta charset>: cannot place the policy first`);
  process.exit(1);
}
const meta = `<meta http-equiv="Content-Security-Policy" content="${csp}">`;
await writeFile(page, html.replace(charset, (m) => m + meta));
console.log(`csp: ${hashes.length} inline script(s) allowed by hash`);
