// npm run bench:profile [-- --rate=1000] [--tokens=20000] [--burst=16384] [--no-build] [--no-anim] [--poll] [--idle=MS]
// Where the main thread's time goes while one reply streams and is formatted: a sampling CPU
// profile (mapped through source maps to the package or app folder each function comes from)
// and a Chromium trace (style, layout, paint, garbage collection), from the send until the reply
// is fully formatted. Prints one table; nothing is judged.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import { RESULTS_DIR, buildApp, launchBrowser, startServer } from './lib/env';
import { benchContext, evaluate, marks, openApp, settleBeforeSend } from './lib/page';

const DIR = path.join(RESULTS_DIR, 'dist-profile');
const argv = process.argv.slice(2);
const arg = (name: string, fallback: number): number => Number(argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const rate = arg('rate', 0);
const tokens = arg('tokens', 20_000);
const burst = arg('burst', 0);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The package (or app folder) a source path belongs to, as a reader would name it. */
function category(source: string, fn: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1];
  if (pkg) {
    if (/^(react|react-dom|scheduler)$/.test(pkg)) return 'React';
    if (
      /^(micromark|mdast-|remark-|unified|hast-util-|react-markdown|vfile|unist-|decode-named|character-|property-information|space-separated|comma-separated|style-to|inline-style|trim-lines|devlop|bail|trough|ccount|markdown-table|longest-streak|zwitch|html-url)/.test(
        pkg,
      )
    )
      return 'markdown (parse, mdast → hast → React elements)';
    if (/^(lowlight|highlight\.js)$/.test(pkg)) return 'highlighting';
    if (pkg === 'dexie') return 'IndexedDB (Dexie)';
    if (pkg === 'gpt-tokenizer') return 'token counting';
    if (pkg === 'eventsource-parser') return 'SSE parsing';
    if (/^(zustand|use-sync-external-store)$/.test(pkg)) return 'zustand';
    if (pkg.startsWith('@tanstack')) return 'TanStack (query/virtual)';
    return `package ${pkg}`;
  }
  const app = /src\/(.+)$/.exec(source)?.[1];
  if (app) {
    const parts = app.split('/');
    return `app ${parts.slice(0, parts[0] === 'features' || parts[0] === 'lib' ? 2 : 1).join('/')}`;
  }
  if (fn.startsWith('(')) return fn; // (program), (garbage collector), (idle)
  return source ? `other ${path.basename(source)}` : '(native / no source)';
}

async function main(): Promise<void> {
  if (!argv.includes('--no-build')) await buildApp(DIR, ['--sourcemap']);
  const server = await startServer(DIR);
  const browser = await launchBrowser();
  const maps = new Map<string, SourceMapConsumer | null>();
  const mapFor = async (url: string): Promise<SourceMapConsumer | null> => {
    if (!maps.has(url)) {
      const file = path.join(DIR, new URL(url).pathname);
      maps.set(
        url,
        await readFile(`${file}.map`, 'utf8').then(
          (m) => new SourceMapConsumer(JSON.parse(m)),
          () => null,
        ),
      );
    }
    return maps.get(url)!;
  };
  try {
    const env = { browser, baseURL: server.url, quick: true, log: console.info };
    const context = await benchContext(env);
    const page = await context.newPage();
    page.on('console', (m) => m.text().startsWith('pg-debug') && console.info(m.text()));
    await openApp(page);
    if (argv.includes('--no-anim')) await page.addStyleTag({ content: '*{animation:none!important}' });
    const composer = page.getByTestId('composer-input');
    const extra = `${rate ? ` [[rate:${rate}]]` : ' [[rate:0]]'}${burst ? ` [[burst:${burst}]]` : ''}`;
    await composer.fill(`Write a long markdown answer about streaming UIs. [[tokens:${tokens}]]${extra}`);
    await settleBeforeSend(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
    await cdp.send('Profiler.start');
    // Which parts of the page change while the reply streams (mutation records by nearest test id).
    await evaluate<void>(
      page,
      `(() => { const c = (window.__mut = {}); new MutationObserver((list) => { for (const r of list) { const el = r.target.nodeType === 1 ? r.target : r.target.parentElement; const k = ((el && el.closest('[data-testid]')?.getAttribute('data-testid')) || (el && el.tagName) || '?') + ':' + r.type + ':' + (r.attributeName || '') + (r.attributeName ? '=' + (el.getAttribute(r.attributeName) || '').slice(0, 30) : ''); c[k] = (c[k] || 0) + 1; } }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true }); })()`,
    );
    const idleMs = arg('idle', 0);
    let end: number | null;
    let formatted: number | null;
    if (idleMs > 0) {
      // The page at rest, for comparison: no send, only time passing.
      await evaluate<void>(page, 'void (window.__bench.marks.send = performance.now())');
      await page.waitForTimeout(idleMs);
      end = formatted = await evaluate<number>(page, 'performance.now()');
    } else {
      const poll = argv.includes('--poll');
      // --poll: watch for the end from Node every 100 ms instead of the probe's per-frame check.
      const done = poll ? Promise.resolve(null) : evaluate<number | null>(page, `window.__bench.waitReplyDone('', 180000)`);
      await composer.press('Control+Enter');
      if (poll) {
        await page.waitForTimeout(500);
        while ((await page.locator('[data-testid="message"][data-role="assistant"]').last().getAttribute('data-status')) === 'streaming')
          await page.waitForTimeout(100);
      }
      end = poll ? await evaluate<number>(page, 'performance.now()') : await done;
      formatted = await evaluate<number | null>(page, 'window.__bench.waitFormatted(180000)');
    }
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    const mutations = await evaluate<[string, number][]>(page, 'Object.entries(window.__mut).sort((a, b) => b[1] - a[1]).slice(0, 15)');
    const m = await marks(page);
    const wall = (formatted ?? end ?? 0) - (m.send ?? 0);
    console.info(
      `\n${tokens} tokens at ${rate || 'full'} tok/s${burst ? `, ${burst}-byte reads` : ''}: text at ${((end ?? 0) - (m.send ?? 0)).toFixed(0)} ms, formatted at ${wall.toFixed(0)} ms\n`,
    );

    // JS self time per category, from the samples.
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
    const js = new Map<string, number>();
    const topFns = new Map<string, number>();
    for (const [id, ms] of self) {
      const node = byId.get(id)!;
      const { url, lineNumber, columnNumber, functionName } = node.callFrame;
      let source = '';
      let name = functionName;
      if (url.startsWith('http')) {
        const map = await mapFor(url);
        const pos = map?.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
        source = pos?.source ?? url;
        name = pos?.name ?? functionName;
      }
      const cat = category(source, functionName);
      js.set(cat, (js.get(cat) ?? 0) + ms);
      if (!functionName.startsWith('('))
        topFns.set(`${cat} · ${name || '(anonymous)'}`, (topFns.get(`${cat} · ${name || '(anonymous)'}`) ?? 0) + ms);
    }
    const rows = [...js].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]);
    console.info('JavaScript self time (sampled):');
    for (const [k, ms] of rows) console.info(`  ${ms.toFixed(0).padStart(6)} ms  ${((ms / wall) * 100).toFixed(1).padStart(5)} %  ${k}`);
    console.info('\nTop functions:');
    for (const [k, ms] of [...topFns].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.info(`  ${ms.toFixed(0).padStart(6)} ms  ${k}`);

    // Rendering work on the page's main thread, from the trace (complete events, top-level names).
    const main = trace.traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid !== undefined);
    const rendering = new Map<string, number>();
    for (const e of trace.traceEvents) {
      if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || e.dur === undefined) continue;
      if (
        [
          'UpdateLayoutTree',
          'Layout',
          'Paint',
          'PrePaint',
          'Layerize',
          'Commit',
          'HitTest',
          'MajorGC',
          'MinorGC',
          'V8.GCScavenger',
          'V8.GCCompactor',
          'ParseHTML',
          'IntersectionObserverController::computeIntersections',
        ].includes(e.name)
      )
        rendering.set(e.name, (rendering.get(e.name) ?? 0) + e.dur / 1000);
    }
    const paints = trace.traceEvents.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.name === 'Paint' && e.ph === 'X');
    const frames = trace.traceEvents.filter((e) => e.name === 'BeginMainThreadFrame' || e.name === 'BeginFrame').length;
    const area = (e: TraceEvent) => {
      const c = e.args?.data?.clip;
      return c && c.length >= 8 ? Math.abs((c[2]! - c[0]!) * (c[5]! - c[1]!)) : 0;
    };
    const areas = paints.map(area).filter((a) => a > 0);
    console.info(
      `\nPaint events: ${paints.length} (${frames} frames begun); mean painted area ${areas.length ? Math.round(areas.reduce((a, b) => a + b, 0) / areas.length) : '—'} px² (viewport 1440×900 = 1296000)`,
    );
    const names = new Map<string, { ms: number; n: number }>();
    for (const e of trace.traceEvents) {
      if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || e.dur === undefined) continue;
      const k = names.get(e.name) ?? { ms: 0, n: 0 };
      k.ms += e.dur / 1000;
      k.n++;
      names.set(e.name, k);
    }
    console.info('\nMain-thread trace events (totals, nested events counted inside their parents too):');
    for (const [k, v] of [...names].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30))
      console.info(
        `  ${v.ms.toFixed(0).padStart(6)} ms  ${((v.ms / wall) * 100).toFixed(1).padStart(5)} %  ×${String(v.n).padStart(6)}  ${k}`,
      );
    console.info('\nDOM changes (MutationObserver records by the nearest data-testid, kind, attribute):');
    for (const [k, n] of mutations) console.info(`  ${String(n).padStart(6)}  ${k}`);
    console.info('\nRendering on the main thread (trace):');
    for (const [k, ms] of [...rendering].sort((a, b) => b[1] - a[1]))
      console.info(`  ${ms.toFixed(0).padStart(6)} ms  ${((ms / wall) * 100).toFixed(1).padStart(5)} %  ${k}`);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  pid?: number;
  tid?: number;
  dur?: number;
  args?: { name?: string; data?: { clip?: number[] } };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
