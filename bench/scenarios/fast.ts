// Scenario: fast providers and bursty networks (#21). One 20,000-token reply streamed at 1,000 and
// at 2,500 tokens/s (Groq/Cerebras-class speeds): main-thread busy share, longest task and the
// latency of every keystroke typed into the composer meanwhile, against the same page idling as
// long afterwards. Then the same reply at full speed handed over in 16 KB pieces (a buffering
// proxy): the longest task. Then a send right after the page became interactive against a send
// on a settled page: when the reply's first text shows.
import type { Page } from '@playwright/test';
import { busyPct, droppedPct, measureBusy } from '../lib/busy';
import { figure, median, percentile } from '../lib/figures';
import type { Figure } from '../lib/figures';
import { benchContext, evaluate, marks, openApp, poll, settleBeforeSend, tasks } from '../lib/page';
import type { Env } from '../lib/page';

const SCENARIO = 'fast';
const TOKENS = 20_000;
const prompt = (extra: string): string => `Write a long markdown answer about fast inference. [[tokens:${TOKENS}]] ${extra}`;

/** Types into the composer (one key every `everyMs`) until `until` settles; the probe records each keystroke's paint latency. */
async function typeWhile(page: Page, until: Promise<unknown>, everyMs: number): Promise<void> {
  let over = false;
  void until.finally(() => (over = true));
  const composer = page.getByTestId('composer-input');
  while (!over) {
    await composer.press('a', { delay: 0 });
    await page.waitForTimeout(everyMs);
  }
}

async function paced(env: Env, rate: number, budget: number): Promise<Figure[]> {
  const context = await benchContext(env, { typing: true });
  try {
    const page = await context.newPage();
    await openApp(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const composer = page.getByTestId('composer-input');
    await composer.fill(prompt(`[[rate:${rate}]]`));
    await settleBeforeSend(page);
    const timeout = (TOKENS / rate) * 1000 + 60_000;
    let typed: number[] = [];
    const stream = await measureBusy(page, cdp, async () => {
      const done = evaluate<number | null>(page, `window.__bench.waitReplyDone('', ${timeout})`);
      await composer.press('Control+Enter');
      // Typing starts once the reply streams (the composer was cleared by the send).
      await poll(
        page,
        `document.querySelector('[data-testid="message"][data-role="assistant"]')?.getAttribute('data-status') === 'streaming'`,
        30_000,
        'streaming',
      );
      await evaluate<void>(page, 'void (window.__bench.typing = [])');
      await typeWhile(page, done, 150);
      if ((await done) === null) throw new Error(`the ${rate} tokens/s reply did not finish in time`);
      typed = (await evaluate<number[]>(page, 'window.__bench.typing')).filter((ms) => ms >= 0);
    });
    const m = await marks(page);
    await page.waitForTimeout(500);
    const idle = await measureBusy(page, cdp, () => page.waitForTimeout(Math.round(stream.wallS * 1000)));
    await cdp.detach();
    const name = `${TOKENS / 1000}k at ${rate.toLocaleString('en')} tok/s`;
    env.log(
      `  ${name}: ${stream.wallS.toFixed(1)} s, busy ${busyPct(stream).toFixed(1)}%, longest task ${stream.tasks.max.toFixed(0)} ms, ${typed.length} keys`,
    );
    const status = m.replyStatus && m.replyStatus !== 'done' ? `reply ${m.replyStatus}; ` : '';
    return [
      figure(SCENARIO, {
        name: `${name}: main thread busy (${stream.wallS.toFixed(1)} s)`,
        unit: '%',
        value: busyPct(stream),
        baseline: { label: 'idle', value: busyPct(idle) },
        budget: { max: budget, on: 'value' },
        note: `${status}${droppedPct(stream).toFixed(1)}% frames dropped, worst gap ${stream.frames.maxGap.toFixed(0)} ms`,
      }),
      figure(SCENARIO, {
        name: `${name}: longest task`,
        unit: 'ms',
        value: stream.tasks.max,
        baseline: { label: 'idle', value: idle.tasks.max },
        budget: { max: 50, on: 'value' },
        note: stream.tasks.count === 0 ? 'no task > 50 ms' : `${stream.tasks.count} tasks > 50 ms`,
      }),
      figure(SCENARIO, {
        name: `${name}: keystroke → painted, worst`,
        unit: 'ms',
        value: typed.length > 0 ? Math.max(...typed) : null,
        budget: { max: 50, on: 'value' },
        note: `${typed.length} keys typed during the stream; median ${median(typed)?.toFixed(0) ?? '—'} ms, p90 ${percentile(typed, 90)?.toFixed(0) ?? '—'} ms`,
      }),
    ];
  } finally {
    await context.close();
  }
}

async function bursty(env: Env): Promise<Figure[]> {
  const context = await benchContext(env);
  try {
    const page = await context.newPage();
    await openApp(page);
    const composer = page.getByTestId('composer-input');
    await composer.fill(prompt('[[rate:0]] [[burst:16384]]'));
    await settleBeforeSend(page);
    const done = evaluate<number | null>(page, `window.__bench.waitReplyDone('', 120000)`);
    await composer.press('Control+Enter');
    const end = await done;
    const m = await marks(page);
    if (end === null || m.send === undefined) throw new Error('the bursty reply did not finish in time');
    const formatted = await evaluate<number | null>(page, 'window.__bench.waitFormatted(120000)');
    const t = await tasks(page, m.send, formatted ?? end);
    env.log(
      `  bursty: text ${(end - m.send).toFixed(0)} ms, formatted ${formatted === null ? '—' : (formatted - m.send).toFixed(0)} ms, longest task ${t.max.toFixed(0)} ms`,
    );
    return [
      figure(SCENARIO, {
        name: `${TOKENS / 1000}k in 16 KB reads: longest task`,
        unit: 'ms',
        value: t.max,
        budget: { max: 50, on: 'value' },
        note: `${t.count} tasks > 50 ms until fully formatted (${formatted === null ? '—' : (formatted - m.send).toFixed(0)} ms after the send)`,
      }),
    ];
  } finally {
    await context.close();
  }
}

/** Send → first reply text painted, sending either right after the composer shows or on a settled page. */
async function firstText(env: Env, early: boolean): Promise<{ ms: number; sinceInteractive: number }> {
  const context = await benchContext(env, { watch: { forMs: 10_000 } });
  try {
    const page = await context.newPage();
    await page.goto('/');
    const composer = page.getByTestId('composer-input');
    // As few round trips as possible before an early send: fill waits for the composer itself.
    await composer.fill('Say something quick. [[tokens:2000]] [[rate:0]]', { timeout: 30_000 });
    if (!early) await settleBeforeSend(page);
    await composer.press('Control+Enter');
    // Started after the key press (one round trip less before it): the reply needs a request
    // and a response first, so the first frame with its text is still ahead.
    const at = await evaluate<number | null>(page, 'window.__bench.waitReplyText(1, 30000)');
    const m = await marks(page);
    if (at === null || m.send === undefined) {
      const state = await evaluate<string>(
        page,
        `JSON.stringify([...document.querySelectorAll('[data-testid="message"]')].map((e) => [e.getAttribute('data-role'), e.getAttribute('data-status'), (e.textContent ?? '').slice(0, 80)]))`,
      );
      throw new Error(
        `no reply text within 30 s (${early ? 'early' : 'settled'} send ${m.send === undefined ? 'not seen' : 'seen'}; messages ${state})`,
      );
    }
    return { ms: at - m.send, sinceInteractive: m.send - (m.interactive ?? m.send) };
  } finally {
    await context.close();
  }
}

async function firstSend(env: Env): Promise<Figure[]> {
  const early: { ms: number; sinceInteractive: number }[] = [];
  const settled: number[] = [];
  for (let i = 0; i < (env.quick ? 1 : 3); i++) {
    early.push(await firstText(env, true));
    settled.push((await firstText(env, false)).ms);
  }
  const e = median(early.map((r) => r.ms));
  const s = median(settled);
  env.log(
    `  first send: early ${early.map((r) => r.ms.toFixed(0)).join('/')} ms, settled ${settled.map((x) => x.toFixed(0)).join('/')} ms`,
  );
  return [
    figure(SCENARIO, {
      name: 'send right after load → first reply text',
      unit: 'ms',
      value: e,
      baseline: { label: 'settled page', value: s },
      budget: { max: (s ?? 0) + 100, on: 'value' },
      samples: early.map((r) => Math.round(r.ms)),
      note: `sent ${early.map((r) => r.sinceInteractive.toFixed(0)).join('/')} ms after the composer showed; budget = settled + 100 ms`,
    }),
  ];
}

export async function fastScenario(env: Env): Promise<Figure[]> {
  // For profiling one part: BENCH_FAST_ONLY=first|paced|bursty.
  const part = process.env.BENCH_FAST_ONLY;
  if (part === 'first') return firstSend(env);
  if (part === 'paced') return paced(env, 1000, 25);
  if (part === 'bursty') return bursty(env);
  return [
    ...(await paced(env, 1000, 25)),
    ...(env.quick ? [] : await paced(env, 2500, 40)),
    ...(await bursty(env)),
    ...(await firstSend(env)),
  ];
}
