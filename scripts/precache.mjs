#!/usr/bin/env node
// Writes the service worker's precache list into the built sw.js: every file of the build
// (Trunk hashes their names) and a version made from their contents. A new deployment thus
// comes with a new sw.js, which browsers install in the background (assets/sw.js).
//
//   node scripts/precache.mjs [DIR]
//
// DIR is the build: by default $TRUNK_STAGING_DIR when Trunk runs this as a post_build hook
// (Trunk.toml), else dist/. Running it again on the same build changes nothing.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dir = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? join(REPO_ROOT, 'dist'));
const WORKER = 'sw.js';
const PRECACHE_LINE = /^const PRECACHE = .*;$/m;

async function filesUnder(root) {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'))
    .sort();
}

const sha256 = (data) => createHash('sha256').update(data).digest('hex');

// The worker is not in its own list: the browser fetches it to look for updates.
const all = (await filesUnder(dir)).filter((f) => f !== WORKER);
// The office worker (office.js, office_bg.wasm, office_loader.js) loads only when the officer
// first asks for an Excel or Word file: precaching it would fetch it on the first visit. It is
// in the version (a new office module is a new cache) and sw.js caches it at its first use.
const LAZY = /^office(_bg\.wasm|_loader\.js|\.js)$/;
const files = all.filter((f) => !LAZY.test(f));
if (!files.includes('index.html')) {
  console.error(`precache: no index.html in ${dir}: build the app first`);
  process.exit(1);
}
const lines = await Promise.all(all.map(async (f) => `${f} ${sha256(await readFile(join(dir, f)))}`));
const version = sha256(lines.join('\n')).slice(0, 12);

const workerPath = join(dir, WORKER);
const source = await readFile(workerPath, 'utf8').catch(() => null);
if (source === null || !PRECACHE_LINE.test(source)) {
  console.error(`precache: ${workerPath} is missing or has no "const PRECACHE = …;" line`);
  process.exit(1);
}
const lazy = all.filter((f) => LAZY.test(f));
const precache = `const PRECACHE = ${JSON.stringify({ version, files, lazy })};`;
await writeFile(workerPath, source.replace(PRECACHE_LINE, () => precache));
console.log(`precache: ${files.length} files, version ${version}`);
