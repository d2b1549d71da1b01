// Generated commune files for the roll-up journeys and the timing script: written by the core's
// own generator (core/examples/communes.rs), so they are exactly what the app exports.
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from './lib/app.mjs';

/** Writes `n` generated files into target/<dir> and returns [{ name, path, text, json }]. */
export async function generatedCommunes(n, dir = `e2e-communes-${n}`) {
  const out = join(REPO_ROOT, 'target', dir);
  execFileSync('cargo', ['run', '-q', '-p', 'cchc-core', '--example', 'communes', '--', String(n), out], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const names = (await readdir(out)).filter((f) => f.endsWith('.json')).sort().slice(0, n);
  return Promise.all(
    names.map(async (name) => {
      const path = join(out, name);
      const text = await readFile(path, 'utf8');
      return { name, path, text, json: JSON.parse(text) };
    }),
  );
}

/** Drops files on `selector` the way a file manager does: one drop event carrying them all. */
export async function dropFiles(page, selector, files) {
  await page.evaluate(
    ({ selector, files }) => {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
      const target = document.querySelector(selector);
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { selector, files: files.map(({ name, text }) => ({ name, text })) },
  );
}

/** "1.794" */
export const viInt = (x) => Math.round(x).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
/** "99,89%" */
export const viPercent = (x) => {
  const [i, d] = x.toFixed(2).split('.');
  return `${viInt(Number(i))},${d}%`;
};
