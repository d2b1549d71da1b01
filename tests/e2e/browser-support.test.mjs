// The oldest browsers the app promises (README, docs/HUONG-DAN.md): Chrome/Edge/Cốc Cốc 109 (the
// last on Windows 7) and Firefox ESR 115. This checks the release .wasm of dist/ on paper: it
// must validate with only the WebAssembly features both of them have (binaryen 132 from npm,
// the same wasm-opt the build uses), so a newer feature (tail calls, extended-const, GC, …)
// cannot slip in with a toolchain update unnoticed.
//
// Support versions (MDN browser-compat-data, webassembly/*.json; webassembly.org/features):
//   reference-types Chrome 96 / Firefox 79     bulk-memory         Chrome ≤80 / Firefox 78
//   multi-value     Chrome 86 / Firefox 78     mutable-globals     Chrome ≤80 / Firefox ≤72
//   sign-ext        Chrome ≤80 / Firefox ≤72   nontrapping-f2i     Chrome ≤80 / Firefox ≤72
//   simd128         Chrome 91 / Firefox 89
// and not in both: extended-const 114 / 112, tail calls 112 / 121, relaxed SIMD 114 / none,
// GC 119 / 120, multi-memory 120 / 125, memory64 133 / 134, exceptions with exnref 137 / 131.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import binaryen from 'binaryen';
import { DIST_DIR } from './lib/app.mjs';

const F = binaryen.Features;
/** What Chrome 109 and Firefox 115 both run (binaryen's names). BulkMemoryOpt and
 *  CallIndirectOverlong are binaryen's parts of bulk-memory and reference-types. */
const BASELINE = [
  'MutableGlobals',
  'SignExt',
  'NontrappingFPToInt',
  'BulkMemory',
  'BulkMemoryOpt',
  'Multivalue',
  'ReferenceTypes',
  'CallIndirectOverlong',
  'SIMD128',
];
/** Features binaryen will not switch off while another that includes them is on. */
const INCLUDED_BY = { BulkMemoryOpt: ['BulkMemory'], CallIndirectOverlong: ['ReferenceTypes'] };

/** Runs fn with binaryen's validator messages (whole functions) kept off the test output. */
function quietly(fn) {
  const { log, error } = console;
  const [out, err] = [process.stdout.write, process.stderr.write];
  console.log = console.error = () => {};
  process.stdout.write = process.stderr.write = () => true;
  try {
    return fn();
  } finally {
    Object.assign(console, { log, error });
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

describe('trình duyệt tối thiểu: Chrome 109, Firefox ESR 115', () => {
  it('tệp .wasm của bản dựng chỉ dùng tính năng WebAssembly mà cả hai đều có', async (t) => {
    // The app's module and the office worker's (loaded when first used): both must run.
    const files = (await readdir(DIST_DIR)).filter((f) => f.endsWith('.wasm'));
    assert.ok(files.length >= 1, `a .wasm in ${DIST_DIR}`);
    for (const file of files) {
      const module = binaryen.readBinary(await readFile(join(DIST_DIR, file)));
      try {
        const valid = (names) => {
          module.setFeatures(names.reduce((set, n) => set | F[n], F.MVP));
          return quietly(() => module.validate()) === 1;
        };
        assert.ok(valid(BASELINE), `${file} needs a WebAssembly feature beyond ${BASELINE.join(', ')}`);
        // Which of them it uses, for the record (README's "Browsers" section lists these).
        const used = BASELINE.filter((n) => !valid(BASELINE.filter((m) => m !== n && !(INCLUDED_BY[n] ?? []).includes(m))));
        t.diagnostic(`${file} uses: ${used.join(', ') || 'MVP only'}`);
        assert.ok(!valid([]), 'the check can fail: the build does not validate as plain MVP');
      } finally {
        module.dispose();
      }
    }
  });
});
