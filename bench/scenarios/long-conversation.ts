// Scenario 4: a 1,000-message conversation seeded into IndexedDB: time from navigation to its last
// message being visible (vs. a 2-message conversation), then scrolling to the top with the wheel.
import type { Page } from '@playwright/test';
import { END_MARKER, chainConversation, markdownText } from '../lib/data';
import { figure, median } from '../lib/figures';
import type { Figure } from '../lib/figures';
import { benchContext, evaluate, now, openApp, seedRows, setActiveConversation, tasks, waitForDatabase, waitMarks } from '../lib/page';
import type { Env, FrameSummary } from '../lib/page';

const SCENARIO = '1k messages';
const MESSAGES = 1000;

interface ScrollState {
  top: number;
  height: number;
  client: number;
  messages: number;
}

interface ScrollRun {
  frames: FrameSummary;
  longest: number;
  ms: number;
  reached: boolean;
  start: ScrollState | null;
  state: ScrollState | null;
}

async function openTimes(page: Page, id: string, reps: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    await setActiveConversation(page, id);
    await page.goto('/');
    const m = await waitMarks(page, ['lastMessage'], 60_000);
    times.push(m.lastMessage ?? 0);
  }
  return times;
}

/** Wheels up in fast steps (one every ~30 ms) until the top (or the time limit); frames and long tasks meanwhile. */
async function scrollToTop(page: Page, limitMs: number): Promise<ScrollRun> {
  const start = await evaluate<ScrollState | null>(page, 'window.__bench.scrollState()');
  if (!start)
    return { frames: { frames: 0, dropped: 0, slowFrames: 0, maxGap: 0, span: 0 }, longest: 0, ms: 0, reached: false, start, state: null };
  const center = await evaluate<{ x: number; y: number }>(
    page,
    '(() => { const r = window.__bench.scroller().getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()',
  );
  await page.mouse.move(center.x, center.y);
  await evaluate<void>(page, 'window.__bench.startFrames()');
  const from = await now(page);
  const began = Date.now();
  let state: ScrollState | null = start;
  let steps = 0;
  // About 80 steps whatever the height: a fast fling, 2,000–6,000 px per wheel event.
  const delta = Math.min(6000, Math.max(2000, Math.round(start.top / 80)));
  while (Date.now() - began < limitMs) {
    await page.mouse.wheel(0, -delta);
    await page.waitForTimeout(30);
    if (++steps % 5 === 0) {
      state = await evaluate<ScrollState | null>(page, 'window.__bench.scrollState()');
      if (!state || state.top <= 0) break;
    }
  }
  const to = await now(page);
  const frames = await evaluate<FrameSummary>(page, 'window.__bench.stopFrames()');
  const t = await tasks(page, from, to);
  return { frames, longest: t.max, ms: to - from, reached: state !== null && state.top <= 0, start, state };
}

export async function longConversationScenario(env: Env): Promise<Figure[]> {
  const long = chainConversation(
    'bench-long',
    `Long conversation (${MESSAGES} messages)`,
    Array.from({ length: MESSAGES }, (_, i) => markdownText(i + 1, 200 + ((i * 37) % 300))),
  );
  const short = chainConversation('bench-short', 'Short conversation', [markdownText(1, 300), markdownText(2, 300)]);
  const context = await benchContext(env, { watch: { marker: END_MARKER, forMs: 30_000 } }, true);
  try {
    const page = await context.newPage();
    await openApp(page);
    await waitForDatabase(page);
    await seedRows(page, [long.conversation, short.conversation], [...long.messages, ...short.messages]);
    const reps = env.quick ? 1 : 2;
    const shortMs = median(await openTimes(page, 'bench-short', reps));
    const longTimes = await openTimes(page, 'bench-long', reps);
    const longMs = median(longTimes);
    env.log(`  open: 2 messages ${shortMs?.toFixed(0)} ms, ${MESSAGES} messages ${longMs?.toFixed(0)} ms`);

    // In the app: from a click on the conversation in the sidebar (the other one open before).
    const inApp: number[] = [];
    for (let i = 0; i < reps + 1; i++) {
      await setActiveConversation(page, 'bench-short');
      await page.goto('/');
      await waitMarks(page, ['lastMessage'], 60_000);
      await page.waitForTimeout(500);
      const ms = await evaluate<number | null>(
        page,
        `window.__bench.openFromSidebar(${JSON.stringify(long.conversation.title)}, ${JSON.stringify(END_MARKER)}, 30000)`,
      );
      if (ms !== null) inApp.push(ms);
    }
    const inAppMs = median(inApp);
    env.log(`  open from the sidebar: ${inAppMs?.toFixed(0)} ms`);

    await page.waitForTimeout(300);
    const scroll = await scrollToTop(page, env.quick ? 6_000 : 10_000);
    const total = scroll.frames.frames + scroll.frames.dropped;
    const where = scroll.state ? `${scroll.state.messages} message nodes in the DOM` : 'no scroller found';
    const travelled =
      scroll.state && scroll.start ? `${Math.round(scroll.start.top - scroll.state.top)} of ${Math.round(scroll.start.top)} px` : '';
    const reached = `${scroll.reached ? 'top reached' : `top NOT reached (${travelled})`} in ${(scroll.ms / 1000).toFixed(1)} s`;
    env.log(`  scroll: ${reached}, ${scroll.frames.dropped} of ${total} frames dropped, ${where}`);
    return [
      figure(SCENARIO, {
        name: 'page load → last message visible',
        unit: 'ms',
        value: longMs,
        baseline: { label: '2 messages', value: shortMs },
        budget: { max: 300, on: 'value' },
        samples: longTimes.map(Math.round),
      }),
      figure(SCENARIO, {
        name: 'sidebar click → last message visible',
        unit: 'ms',
        value: inAppMs,
        budget: { max: 300, on: 'value' },
        samples: inApp.map(Math.round),
        note: 'the app already open with another conversation',
      }),
      figure(SCENARIO, {
        name: 'scroll to top: dropped frames',
        unit: '%',
        value: scroll.state ? (total > 0 ? (scroll.frames.dropped / total) * 100 : 0) : null,
        note: `${scroll.frames.dropped} of ${total}, worst gap ${scroll.frames.maxGap.toFixed(0)} ms; ${reached}; ${where}`,
      }),
      figure(SCENARIO, {
        name: 'scroll to top: longest task',
        unit: 'ms',
        value: scroll.state ? scroll.longest : null,
        budget: { max: 50, on: 'value' },
      }),
    ];
  } finally {
    await context.close();
  }
}
