// Scenario 3: a library of 10,000 conversations seeded into IndexedDB. How soon after the app is
// interactive do the first sidebar rows show, and how fast is search over them (when it exists).
import { defaultRequestParams } from '../../src/domain/params';
import { figure, median, notBuilt } from '../lib/figures';
import type { Figure } from '../lib/figures';
import { benchContext, evaluate, hasHook, openApp, poll, settleApp, waitForDatabase, waitMarks } from '../lib/page';
import type { Env, Marks } from '../lib/page';

const SCENARIO = 'library';
const COUNT = 10_000;
const WORD = 'zeppelin';
const EVERY = 100; // the word is in 1% of the conversations

const SEARCH = '[data-testid="conversation-search"]';
const ROW = '[data-testid="conversation-item"]';

/** Arms a one-shot measure: the search box's next input event → first painted frame whose first row mentions WORD. */
const ARM_SEARCH = `void (window.__benchSearch = new Promise((resolve) => {
  document.addEventListener('input', (e) => {
    if (!(e.target instanceof Element) || !e.target.closest(${JSON.stringify(SEARCH)})) return;
    const t0 = e.timeStamp;
    window.__bench.waitFrame(() => {
      const row = document.querySelector(${JSON.stringify(ROW)});
      return !!row && (row.textContent || '').toLowerCase().includes(${JSON.stringify(WORD)});
    }, 10000).then((t) => resolve(t === null ? null : t - t0));
  }, { capture: true, once: true });
}))`;

const COUNT_MATCHES = `(() => {
  const rows = [...document.querySelectorAll(${JSON.stringify(ROW)})];
  return { rows: rows.length, matching: rows.filter((r) => (r.textContent || '').toLowerCase().includes(${JSON.stringify(WORD)})).length };
})()`;

export async function libraryScenario(env: Env): Promise<Figure[]> {
  const context = await benchContext(env, { watch: { rows: true, forMs: 30_000 } }, true);
  try {
    const page = await context.newPage();
    await openApp(page);
    await waitForDatabase(page);
    const reps = env.quick ? 1 : 2;
    const load = async (names: (keyof Marks)[]): Promise<Marks[]> => {
      const all: Marks[] = [];
      for (let i = 0; i < reps; i++) {
        await page.goto('/');
        all.push(await waitMarks(page, names, 60_000));
      }
      return all;
    };
    const empty = await load(['interactive']);

    const started = Date.now();
    const spec = { count: COUNT, params: defaultRequestParams('ref-chat'), word: WORD, every: EVERY, now: Date.now() };
    await evaluate<unknown>(page, `window.__benchSeed.library(${JSON.stringify(spec)})`);
    env.log(`  seeded ${COUNT} conversations in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const full = await load(['interactive', 'rows']);
    const rowsInDom = await page.locator(ROW).count();
    const interactive = median(full.map((m) => m.interactive ?? 0));
    const after = median(full.map((m) => (m.rows ?? 0) - (m.interactive ?? 0)));
    env.log(`  interactive ${interactive?.toFixed(0)} ms, rows +${after?.toFixed(0)} ms, ${rowsInDom} rows in the DOM`);

    const figures: Figure[] = [
      figure(SCENARIO, {
        name: `first rows after interactive (${COUNT / 1000}k)`,
        unit: 'ms',
        value: after,
        baseline: { label: 'interactive at', value: interactive },
        noRatio: true,
        budget: { max: 100, on: 'value' },
        note: `${rowsInDom} rows in the DOM`,
        samples: full.map((m) => Math.round((m.rows ?? 0) - (m.interactive ?? 0))),
      }),
      figure(SCENARIO, {
        name: `interactive with ${COUNT / 1000}k conversations`,
        unit: 'ms',
        value: interactive,
        baseline: { label: 'empty library', value: median(empty.map((m) => m.interactive ?? 0)) },
      }),
    ];

    if (!(await hasHook(page, 'conversation-search'))) {
      figures.push(notBuilt(SCENARIO, `search ${COUNT / 1000}k (1% match)`, 'ms', 'conversation-search'));
      return figures;
    }
    const box = page.locator(`input${SEARCH}, ${SEARCH} input, textarea${SEARCH}`).first();
    // As a person would search: once the app has settled after the load; three times, the median.
    await settleApp(page);
    const samples: number[] = [];
    for (let i = 0; i < (env.quick ? 1 : 3); i++) {
      await box.fill('');
      await poll(page, `document.querySelectorAll(${JSON.stringify(ROW)}).length > 20`, 10_000, 'the full list back');
      await settleApp(page);
      await evaluate<void>(page, ARM_SEARCH);
      await box.fill(WORD);
      const one = await evaluate<number | null>(page, 'window.__benchSearch');
      if (one !== null) samples.push(one);
    }
    const ms = median(samples);
    const found = await evaluate<{ rows: number; matching: number }>(page, COUNT_MATCHES);
    figures.push(
      figure(SCENARIO, {
        name: `search ${COUNT / 1000}k (1% match)`,
        unit: 'ms',
        value: ms,
        budget: { max: 100, on: 'value' },
        samples: samples.map(Math.round),
        note: ms === null ? 'list did not update within 10 s' : `${found.matching} of ${found.rows} rows shown match`,
      }),
    );
    return figures;
  } finally {
    await context.close();
  }
}
