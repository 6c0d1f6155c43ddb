// Scenario 2: a realistic stream — 8 choices × 100 tokens/s — and how busy the main thread is,
// from the DevTools Protocol (Performance.getMetrics TaskDuration / wall time), against the
// same page idling for as long afterwards.
import type { Page } from '@playwright/test';
import { figure } from '../lib/figures';
import type { Figure } from '../lib/figures';
import { measureBusy as measure, type BusySample as Sample } from '../lib/busy';
import { benchContext, evaluate, marks, openApp } from '../lib/page';
import type { Env } from '../lib/page';

const SCENARIO = '8×100 tok/s';
const CHOICES = 8;

/** Switches `n` on with 8 choices in the parameter panel unless `/?n=8` already did. */
async function ensureChoices(page: Page): Promise<string | undefined> {
  const toggle = page.getByTestId('param-n-enabled');
  if ((await toggle.count()) === 0) return 'no param-n-enabled switch; relied on /?n=8';
  if ((await toggle.getAttribute('aria-checked')) !== 'true') await toggle.click();
  const input = page.getByTestId('param-n');
  if ((await input.count()) > 0 && (await input.inputValue()) !== String(CHOICES)) await input.fill(String(CHOICES));
  return undefined;
}

export async function realisticScenario(env: Env): Promise<Figure[]> {
  const tokens = env.quick ? 300 : 1000;
  const context = await benchContext(env);
  try {
    const page = await context.newPage();
    await openApp(page, `/?n=${CHOICES}`);
    const setupNote = await ensureChoices(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const captured: { n: unknown } = { n: undefined };
    page.on('request', (r) => {
      if (r.method() !== 'POST' || !r.url().endsWith('/chat/completions')) return;
      const body = r.postDataJSON() as unknown;
      captured.n = typeof body === 'object' && body !== null && 'n' in body ? body.n : undefined;
    });
    const composer = page.getByTestId('composer-input');
    await composer.fill(`Explain streaming in the browser. [[rate:100]] [[tokens:${tokens}]]`);
    await page.waitForTimeout(300); // let the page settle before the window opens

    const stream = await measure(page, cdp, async () => {
      const settled = evaluate<number | null>(page, `window.__bench.waitAllSettled(${(tokens / 100) * 1000 + 60_000})`);
      await composer.press('Control+Enter');
      if ((await settled) === null) throw new Error('the 8-choice stream did not finish in time');
    });
    const m = await marks(page);
    await page.waitForTimeout(500);
    const idle = await measure(page, cdp, () => page.waitForTimeout(Math.round(stream.wallS * 1000)));
    await cdp.detach();

    const notes = [
      setupNote,
      captured.n === CHOICES ? undefined : `request had n=${String(captured.n)}`,
      m.replyStatus && m.replyStatus !== 'done' ? `reply ${m.replyStatus}` : undefined,
    ];
    const note = notes.filter((x) => x !== undefined).join('; ');
    const pct = (w: Sample): number => w.busy * 100;
    const droppedPct = (w: Sample): number =>
      w.frames.frames + w.frames.dropped > 0 ? (w.frames.dropped / (w.frames.frames + w.frames.dropped)) * 100 : 0;
    env.log(
      `  stream ${stream.wallS.toFixed(1)} s: busy ${pct(stream).toFixed(1)}%, frames ${stream.frames.frames}, dropped ${stream.frames.dropped}`,
    );
    return [
      figure(SCENARIO, {
        name: `main thread busy (${stream.wallS.toFixed(1)} s stream)`,
        unit: '%',
        value: pct(stream),
        baseline: { label: 'idle', value: pct(idle) },
        budget: { max: 25, on: 'value' },
        ...(note ? { note } : {}),
      }),
      figure(SCENARIO, {
        name: 'dropped frames (60 Hz)',
        unit: '%',
        value: droppedPct(stream),
        baseline: { label: 'idle', value: droppedPct(idle) },
        noRatio: true,
        note: `${stream.frames.dropped} of ${stream.frames.frames + stream.frames.dropped}, worst gap ${stream.frames.maxGap.toFixed(0)} ms`,
      }),
      figure(SCENARIO, {
        name: 'longest task',
        unit: 'ms',
        value: stream.tasks.max,
        baseline: { label: 'idle', value: idle.tasks.max },
        budget: { max: 50, on: 'value' },
        note: stream.tasks.count === 0 ? 'no task > 50 ms' : `${stream.tasks.count} tasks > 50 ms`,
      }),
    ];
  } finally {
    await context.close();
  }
}
