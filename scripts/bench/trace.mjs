// A Chromium trace (CDP Tracing) of some keystrokes, and what it says about where their time
// went: scripting, style recalculation, layout (and how much of it was forced from script),
// pre-paint, paint (with the painted area), compositing.
import { writeFile } from 'node:fs/promises';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
  'blink.user_timing',
  'v8.execute',
  'toplevel',
];

/** Records a trace on a page's CDP session between start() and stop(). */
export function recorder() {
  const events = [];
  let done = null;
  return {
    events,
    async start(cdp) {
      cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
      done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
      await cdp.send('Tracing.start', {
        transferMode: 'ReportEvents',
        traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
      });
    },
    async stop(cdp) {
      await cdp.send('Tracing.end');
      await done;
    },
  };
}

/** Writes the trace as a file Chromium's DevTools (Performance tab, Load profile) opens. */
export async function saveTrace(events, path) {
  await writeFile(path, JSON.stringify({ traceEvents: events }));
}

/**
 * Sums of the renderer main thread's work by kind, per keystroke.
 * A Layout or UpdateLayoutTree nested inside a script event (an event dispatch or a function
 * call) is a forced, synchronous one: script asked for geometry or style mid-change.
 */
export function summarize(events, keystrokes) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tid = main?.tid;
  const pid = main?.pid;
  const ev = events
    .filter((e) => e.tid === tid && e.pid === pid && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts);
  const scripts = ev.filter((e) => ['EventDispatch', 'FunctionCall', 'v8.callFunction', 'RunMicrotasks', 'TimerFire', 'FireAnimationFrame'].includes(e.name));
  const inside = (e) => scripts.some((s) => s.ts <= e.ts && e.ts + e.dur <= s.ts + s.dur && s !== e);
  // Thread time (tdur) where the trace has it: on a busy machine wall time (dur) also counts
  // the moments the renderer waited for a core.
  const cpu = (e) => e.tdur ?? e.dur;
  const sum = (name) => ev.filter((e) => e.name === name).reduce((n, e) => n + cpu(e), 0) / 1000;
  const count = (name) => ev.filter((e) => e.name === name).length;
  const forced = (name) => ev.filter((e) => e.name === name && inside(e));
  const forcedLayout = forced('Layout');
  const forcedStyle = forced('UpdateLayoutTree');
  const paints = ev.filter((e) => e.name === 'Paint');
  const area = (e) => {
    const c = e.args?.data?.clip;
    if (!Array.isArray(c) || c.length < 8) return 0;
    const xs = [c[0], c[2], c[4], c[6]];
    const ys = [c[1], c[3], c[5], c[7]];
    return (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
  };
  const layoutObjects = ev
    .filter((e) => e.name === 'Layout')
    .map((e) => e.args?.beginData?.dirtyObjects ?? 0);
  const per = (x) => x / keystrokes;
  // Script time: the outermost script events only (an event dispatch contains its listeners'
  // function calls and microtasks).
  let end = -1;
  let scriptUs = 0;
  for (const e of scripts) {
    if (e.ts >= end) {
      scriptUs += cpu(e);
      end = e.ts + e.dur;
    }
  }
  return {
    keystrokes,
    perKeystroke: {
      scriptMs: per(scriptUs / 1000),
      styleMs: per(sum('UpdateLayoutTree')),
      styleRecalcs: per(count('UpdateLayoutTree')),
      layoutMs: per(sum('Layout')),
      layouts: per(count('Layout')),
      forcedLayouts: per(forcedLayout.length),
      forcedLayoutMs: per(forcedLayout.reduce((n, e) => n + cpu(e), 0) / 1000),
      forcedStyles: per(forcedStyle.length),
      forcedStyleMs: per(forcedStyle.reduce((n, e) => n + cpu(e), 0) / 1000),
      prePaintMs: per(sum('PrePaint')),
      paintMs: per(sum('Paint')),
      paints: per(paints.length),
      paintAreaPx: per(paints.reduce((n, e) => n + area(e), 0)),
      layerizeMs: per(sum('Layerize')),
      commitMs: per(sum('Commit')),
      hitTestMs: per(sum('HitTest')),
    },
    largestLayoutDirtyObjects: Math.max(0, ...layoutObjects),
  };
}

/** One readable block of the summary. */
export function formatSummary(label, s) {
  const p = s.perKeystroke;
  const f = (x) => x.toFixed(2);
  return [
    `${label} — main-thread CPU time per keystroke, mean of ${s.keystrokes}:`,
    `  script ${f(p.scriptMs)} ms; style recalc ${f(p.styleMs)} ms (${f(p.styleRecalcs)}×, forced ${f(p.forcedStyles)}× ${f(p.forcedStyleMs)} ms)`,
    `  layout ${f(p.layoutMs)} ms (${f(p.layouts)}×, forced ${f(p.forcedLayouts)}× ${f(p.forcedLayoutMs)} ms; largest: ${s.largestLayoutDirtyObjects} objects)`,
    `  pre-paint ${f(p.prePaintMs)} ms; paint ${f(p.paintMs)} ms (${f(p.paints)}×, ${Math.round(p.paintAreaPx).toLocaleString('en')} px²); layerize ${f(p.layerizeMs)} ms; commit ${f(p.commitMs)} ms; hit test ${f(p.hitTestMs)} ms`,
  ].join('\n');
}
