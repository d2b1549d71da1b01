// The benchmark: this app against the same Biểu 06 table built in SurveyJS, measured the same
// way in the same run (scripts/bench.sh builds the release first; see README, Performance).
//
//   node scripts/bench/run.mjs [options]
//     --loads N          cold loads for navigation → first input (default 20)
//     --edits N          keystrokes per case (default 200)
//     --cpu 1,4          CPU slowdowns (CDP Emulation.setCPUThrottlingRate; default 1,4)
//     --fills empty,filled
//     --only app|surveyjs
//     --trace            also trace 20 keystrokes on the filled report (CPU ×1) and summarize
//                        where their time went; traces in target/bench/trace-*.json
//     --save NAME        keep the figures in target/bench/NAME.json (always: last.json)
//   node scripts/bench/run.mjs --compare before.json after.json
//                        a before/after table of two saved runs
//
// Figures of one run only compare within that run: the machine is shared.
import { chromium } from 'playwright-core';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem, loadavg, release } from 'node:os';
import { join } from 'node:path';
import { CHROME_PATH, CHROMIUM_ARGS, REPO_ROOT, startServer } from '../../tests/e2e/lib/app.mjs';
import { app, surveyjs, stageSurveyJs } from './targets.mjs';
import { transfer, firstInput, typingSession, typingAlternating, percentile } from './measure.mjs';
import { recorder, saveTrace, summarize, formatSummary } from './trace.mjs';
import { rollup } from './rollup.mjs';

const OUT = join(REPO_ROOT, 'target', 'bench');

function options(argv) {
  const o = { loads: 20, edits: 200, cpu: [1, 4], fills: ['empty', 'filled'], only: null, trace: false, save: null, compare: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--loads') o.loads = Number(next());
    else if (a === '--edits') o.edits = Number(next());
    else if (a === '--cpu') o.cpu = next().split(',').map(Number);
    else if (a === '--fills') o.fills = next().split(',');
    else if (a === '--only') o.only = next();
    else if (a === '--trace') o.trace = true;
    else if (a === '--save') o.save = next();
    else if (a === '--compare') o.compare = [next(), next()];
    else throw new Error(`unknown option ${a} (see the top of scripts/bench/run.mjs)`);
  }
  return o;
}

const kb = (b) => `${(b / 1000).toFixed(0)} KB`;
const ms = (x) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(1) : x.toFixed(0)} ms` : '—');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '—');
const pair = (f, a, b) => `${f(a)} / ${f(b)}`;

/** The summary rows: [label, ours, theirs, ratio], from one run's figures. */
function rows(r) {
  const A = r.targets.app;
  const S = r.targets.surveyjs;
  const out = [];
  const one = (label, a, s, fmt) => out.push([label, a == null ? '—' : fmt(a), s == null ? '—' : fmt(s), ratio(a, s)]);
  one('first-visit transfer, gzip', A?.transfer?.gzip, S?.transfer?.gzip, kb);
  one('first-visit transfer, brotli', A?.transfer?.brotli, S?.transfer?.brotli, kb);
  one(`navigation → first input usable, p50 of ${r.options.loads}`, A && percentile(A.loads, 50), S && percentile(S.loads, 50), ms);
  for (const key of Object.keys(A?.typing ?? S?.typing ?? {})) {
    const [fill, cpu] = key.split('@');
    const a = A?.typing?.[key];
    const s = S?.typing?.[key];
    for (const what of ['total', 'frame']) {
      const label = `keydown → ${what === 'total' ? 'total updated' : 'next frame'}, p50 / p95, ${fill}, CPU ×${cpu}`;
      const p = (t) => (t ? [percentile(t[what], 50), percentile(t[what], 95)] : null);
      const pa = p(a);
      const ps = p(s);
      out.push([
        label,
        pa ? pair(ms, ...pa) : '—',
        ps ? pair(ms, ...ps) : '—',
        pa && ps ? `${ratio(pa[0], ps[0])} / ${ratio(pa[1], ps[1])}` : '—',
      ]);
    }
  }
  return out;
}

function table(head, body) {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...body.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function printRun(r) {
  console.log(`\nMachine: ${r.machine.cpu} × ${r.machine.cores}, ${r.machine.memGB} GB, ${r.machine.os}; ` +
    `${r.machine.browser}; Node ${r.machine.node}; load average at start ${r.machine.load}`);
  for (const t of Object.values(r.targets)) {
    if (!t.transfer) continue;
    console.log(`\nTransfer, first visit of ${t.name} (every response until the network is idle):\n`);
    console.log(table(['file', 'raw', 'gzip -9', 'brotli q11'], [
      ...t.transfer.assets.map((a) => [a.path, a.raw.toLocaleString('en'), a.gzip.toLocaleString('en'), a.brotli.toLocaleString('en')]),
      ['**total**', t.transfer.raw.toLocaleString('en'), t.transfer.gzip.toLocaleString('en'), t.transfer.brotli.toLocaleString('en')],
    ]));
  }
  console.log(`\nSummary (${r.options.edits} keystrokes per case; ratio = this app ÷ SurveyJS):\n`);
  console.log(table(['', 'this app', 'SurveyJS', 'ratio'], rows(r)));
  for (const t of Object.values(r.targets)) {
    const missed = Object.entries(t.typing ?? {}).filter(([, v]) => v.missed);
    for (const [k, v] of missed) console.log(`note: ${t.name}, ${k}: ${v.missed} keystrokes changed no total within 10 s (left out)`);
  }
  console.log(`\nroll-up of 1,000 generated reports: ${r.rollup}`);
  for (const [label, s] of Object.entries(r.traces ?? {})) console.log('\n' + formatSummary(label, s));
}

function compare(before, after) {
  const b = rows(before);
  const a = rows(after);
  console.log(`before: ${before.when}, after: ${after.when}\n`);
  console.log(table(
    ['', 'before', 'after', 'SurveyJS (after run)', 'ratio after'],
    a.map((row, i) => [row[0], b[i]?.[1] ?? '—', row[1], row[2], row[3]]),
  ));
}

const o = options(process.argv.slice(2));
if (o.compare) {
  const [b, a] = await Promise.all(o.compare.map(async (p) => JSON.parse(await readFile(p, 'utf8'))));
  compare(b, a);
  process.exit(0);
}

await mkdir(OUT, { recursive: true });
const surveyRoot = await stageSurveyJs();
const targets = [app, surveyjs(surveyRoot)].filter((t) => !o.only || t.key === o.only);
const servers = {};
for (const t of targets) servers[t.key] = await startServer({ root: t.root });
const browser = await chromium.launch({ executablePath: CHROME_PATH, headless: true, args: CHROMIUM_ARGS });
const result = {
  when: new Date().toISOString(),
  options: o,
  machine: {
    cpu: cpus()[0]?.model ?? '?',
    cores: cpus().length,
    memGB: Math.round(totalmem() / 1e9),
    os: `Linux ${release()}`,
    browser: `Chromium ${browser.version()} (headless)`,
    node: process.versions.node,
    load: loadavg().map((x) => x.toFixed(1)).join(' '),
  },
  targets: {},
  traces: {},
  rollup: '',
};
const log = (s) => process.stderr.write(`bench: ${s}\n`);
try {
  for (const t of targets) {
    const url = servers[t.key].url;
    result.targets[t.key] = { name: t.name, loads: [], typing: {} };
    log(`${t.name}: transfer`);
    result.targets[t.key].transfer = await transfer(browser, t, url);
  }
  // Loads alternate between the two, so a busy moment of the machine hits both alike.
  log(`navigation → first input, ${o.loads} cold loads each`);
  for (let i = 0; i < o.loads; i++) {
    for (const t of targets) result.targets[t.key].loads.push(...(await firstInput(browser, servers[t.key].url, 1)));
  }
  for (const fill of o.fills) {
    for (const cpu of o.cpu) {
      log(`${targets.map((t) => t.name).join(' and ')}: ${o.edits} keystrokes each, alternating, ${fill}, CPU ×${cpu}`);
      const sessions = [];
      try {
        for (const t of targets) {
          sessions.push(await typingSession(browser, t, servers[t.key].url, { filled: fill === 'filled', cpu }));
        }
        const got = await typingAlternating(sessions, o.edits);
        targets.forEach((t, k) => (result.targets[t.key].typing[`${fill}@${cpu}`] = got[k]));
        // Kept as it goes: a long run stopped half way still leaves its figures.
        await writeFile(join(OUT, `${o.save ?? 'last'}.partial.json`), JSON.stringify(result, null, 1));
      } finally {
        for (const s of sessions) await s.close();
      }
    }
  }
  if (o.trace) {
    for (const t of targets) {
      log(`${t.name}: tracing 20 keystrokes, filled, CPU ×1`);
      const s = await typingSession(browser, t, servers[t.key].url, { filled: true, cpu: 1 });
      const rec = recorder();
      try {
        for (let i = 0; i < 4; i++) await s.edit(i);
        await rec.start(s.cdp);
        for (let i = 4; i < 24; i++) await s.edit(i);
        await rec.stop(s.cdp);
      } finally {
        await s.close();
      }
      const file = `trace-${t.key}-filled${o.save ? `-${o.save}` : ''}.json`;
      await saveTrace(rec.events, join(OUT, file));
      result.traces[`${t.name}, filled, CPU ×1 (target/bench/${file})`] = summarize(rec.events, 20);
    }
  }
  result.rollup = targets.includes(app) ? await rollup(browser, servers.app.url) : 'not measured (--only)';
} finally {
  await browser.close();
  for (const s of Object.values(servers)) await s.stop();
}
await writeFile(join(OUT, 'last.json'), JSON.stringify(result, null, 1));
if (o.save) await writeFile(join(OUT, `${o.save}.json`), JSON.stringify(result, null, 1));
printRun(result);
