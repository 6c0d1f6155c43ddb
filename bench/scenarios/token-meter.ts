// Scenario 5: a 100,000-token conversation. The prompt token estimate should run in a worker
// (shown by [data-testid="meter-prompt-estimate"] when built) while typing stays responsive:
// keydown → first painted frame with the character, vs. typing in an empty conversation.
import type { Page } from '@playwright/test';
import { countTokens } from 'gpt-tokenizer';
import { END_MARKER, chainConversation, markdownText } from '../lib/data';
import { figure, median, notBuilt, percentile } from '../lib/figures';
import type { Figure } from '../lib/figures';
import {
  benchContext,
  evaluate,
  hasHook,
  marks,
  openApp,
  poll,
  seedRows,
  setActiveConversation,
  waitForDatabase,
  waitMarks,
} from '../lib/page';
import type { Env } from '../lib/page';

const SCENARIO = '100k-token conv';
const TARGET_TOKENS = 100_000;
const TYPED = 'the quick brown fox jumps';

/** Messages of ~4,000 characters until the conversation holds TARGET_TOKENS (o200k_base). */
function bigTexts(): { texts: string[]; tokens: number } {
  const texts: string[] = [];
  let tokens = 0;
  for (let i = 0; tokens < TARGET_TOKENS; i++) {
    const text = markdownText(1000 + i, 4000);
    texts.push(text);
    tokens += countTokens(text);
  }
  return { texts, tokens };
}

/** Types into the composer with a human-ish cadence; returns the per-key latencies (ms). */
async function typeAndMeasure(page: Page): Promise<number[]> {
  const composer = page.getByTestId('composer-input');
  await composer.click();
  await evaluate<void>(page, 'void (window.__bench.typing = [])');
  await page.keyboard.type(TYPED, { delay: 60 });
  await poll(page, `window.__bench.typing.length >= ${TYPED.length}`, 15_000, 'typing latencies');
  return (await evaluate<number[]>(page, 'window.__bench.typing')).filter((ms) => ms >= 0);
}

/** "100,234", "≈100.2k tokens", "100 234" → a number; null when there is none. */
function parseCount(text: string): number | null {
  const match = /(\d[\d,.\u00a0\u202f ]*)\s*([kKmM])?/.exec(text);
  if (!match?.[1]) return null;
  const scale = match[2] ? (match[2].toLowerCase() === 'k' ? 1e3 : 1e6) : 1;
  const digits = match[1].replace(/[,\u00a0\u202f ]/g, '').trim();
  const value = Number(scale === 1 ? digits.replace(/\./g, '') : digits);
  return Number.isFinite(value) ? value * scale : null;
}

interface MeterChange {
  t: number;
  text: string;
}

/** The meter's readings until one is in the range of `tokens` (or 15 s passed). */
async function meterReadings(page: Page, tokens: number): Promise<MeterChange[]> {
  const began = Date.now();
  for (;;) {
    const changes = await evaluate<MeterChange[]>(page, 'window.__bench.meter');
    if (changes.some((c) => (parseCount(c.text) ?? 0) >= tokens * 0.5) || Date.now() - began > 15_000) return changes;
    await page.waitForTimeout(200);
  }
}

/**
 * Reloads the conversation and reads the worker's own timing of its first full count from the
 * meter details ("counted in a worker (120 ms, after 300 ms loading the tokenizer)").
 */
async function workerTimes(page: Page, tokens: number): Promise<{ count: number; load: number } | null> {
  await page.goto('/');
  await waitMarks(page, ['lastMessage'], 60_000);
  await poll(
    page,
    `(${parseCountSource})(document.querySelector('[data-testid="meter-prompt-estimate"]')?.textContent ?? '') >= ${tokens * 0.5}`,
    20_000,
    'the full estimate',
  );
  await page.getByTestId('meter-details-toggle').click();
  await poll(page, `document.body.innerText.includes('counted in a worker')`, 10_000, 'the meter details').catch(() => undefined);
  const text = await evaluate<string>(page, 'document.body.innerText');
  const match = /counted in a worker \((\d+) ms(?:, after (\d+) ms loading the tokenizer)?\)/.exec(text);
  if (!match) return null;
  return { count: Number(match[1]), load: Number(match[2] ?? 0) };
}

/** parseCount as page source (the probe cannot import it). */
const parseCountSource = `(t) => { const d = (t.match(/[0-9][0-9,]*/) || [''])[0].replace(/,/g, ''); return d === '' ? 0 : Number(d); }`;

export async function tokenMeterScenario(env: Env): Promise<Figure[]> {
  const { texts, tokens } = bigTexts();
  const big = chainConversation('bench-100k', `Conversation of ${tokens} tokens`, texts);
  const context = await benchContext(env, { watch: { marker: END_MARKER, meter: true, forMs: 40_000 }, typing: true }, true);
  try {
    const page = await context.newPage();
    await openApp(page);
    await waitForDatabase(page);
    const baseline = await typeAndMeasure(page); // an empty, unsaved conversation
    await seedRows(page, [big.conversation], big.messages);
    await setActiveConversation(page, big.conversation.id);
    await page.goto('/');
    const shown = (await waitMarks(page, ['lastMessage'], 60_000)).lastMessage ?? 0;
    const typing = await typeAndMeasure(page); // right away: while the estimate is computed
    const hasMeter = await hasHook(page, 'meter-prompt-estimate');
    const meter = hasMeter ? await meterReadings(page, tokens) : [];
    const composerAt = (await marks(page)).interactive;
    env.log(
      `  ${texts.length} messages, ${tokens} tokens; shown at ${shown.toFixed(0)} ms (composer ${composerAt?.toFixed(0)} ms); typing median ${median(typing)?.toFixed(1)} ms`,
    );

    const figures: Figure[] = [
      figure(SCENARIO, {
        name: 'typing latency, median',
        unit: 'ms',
        value: median(typing),
        baseline: { label: 'empty conv', value: median(baseline) },
        note: `${typing.length} keys right after the conversation showed (${(shown / 1000).toFixed(1)} s)`,
      }),
      figure(SCENARIO, {
        name: 'typing latency, worst',
        unit: 'ms',
        value: typing.length > 0 ? Math.max(...typing) : null,
        baseline: { label: 'empty conv', value: baseline.length > 0 ? Math.max(...baseline) : null },
        note: `p90 ${percentile(typing, 90)?.toFixed(0) ?? '—'} ms`,
      }),
    ];
    if (!hasMeter) {
      figures.push(notBuilt(SCENARIO, 'prompt token estimate', 'ms', 'meter-prompt-estimate'));
      return figures;
    }
    // The first meter reading in the range of the conversation's size (typing changes it later).
    const ready = meter.find((c) => {
      const n = parseCount(c.text);
      return n !== null && n >= tokens * 0.5;
    });
    const final = meter.at(-1);
    const worker = await workerTimes(page, tokens);
    figures.push(
      figure(SCENARIO, {
        name: 'counting 100k tokens in the worker',
        unit: 'ms',
        value: worker?.count ?? null,
        budget: { max: 200, on: 'value' },
        note: worker
          ? `the worker's own time, as the meter details report it (a reload, no typing); tokenizer loading before it: ${worker.load} ms`
          : 'meter details did not report the worker time',
      }),
    );
    figures.push(
      figure(SCENARIO, {
        name: 'prompt token estimate ready',
        unit: 'ms',
        value: ready ? Math.max(0, ready.t - shown) : null,
        note: ready
          ? `after the conversation showed; "${ready.text}" (exact ${tokens})`
          : `meter never showed ~${tokens} (last "${final?.text ?? ''}")`,
      }),
    );
    return figures;
  } finally {
    await context.close();
  }
}
