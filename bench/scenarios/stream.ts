// Scenario 1: a long markdown answer streamed at unlimited speed, Send → final text painted,
// against the bare page limit (same request, minimal page: fetch, parse SSE, append to a <pre>).
import { figure, median } from '../lib/figures';
import type { Figure } from '../lib/figures';
import { BARE_PATH } from '../lib/env';
import { benchContext, evaluate, marks, openApp, settleBeforeSend, tasks } from '../lib/page';
import type { Env } from '../lib/page';
import { promptBody, referenceText } from '../lib/sse';

const SCENARIO = 'stream';
const WARM_TOKENS = 200;
const prompt = (tokens: number): string => `Write a long markdown answer about streaming UIs. [[tokens:${tokens}]]`;

interface Run {
  ms: number;
  longest: number;
}

/** An app run: text visible (`ms`) and fully formatted (`formattedMs`), both from the send. */
interface AppRun extends Run {
  formattedMs: number;
  longestFormatted: number;
}

/** One send in the app, in a fresh context. Captures the request body the app sent. */
async function appRun(
  env: Env,
  tokens: number,
  tail: string,
  timeoutMs: number,
): Promise<AppRun & { body: string | null; tailOk: boolean }> {
  const context = await benchContext(env);
  try {
    const page = await context.newPage();
    await openApp(page);
    const captured: { body: string | null } = { body: null };
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/chat/completions')) captured.body = r.postData();
    });
    const composer = page.getByTestId('composer-input');
    await composer.fill(prompt(tokens));
    await settleBeforeSend(page);
    const done = evaluate<number | null>(page, `window.__bench.waitReplyDone(${JSON.stringify(tail)}, ${timeoutMs})`);
    await composer.press('Control+Enter');
    const end = await done;
    const m = await marks(page);
    if (end === null || m.send === undefined)
      throw new Error(`app: no finished ${tokens}-token reply within ${timeoutMs / 1000} s (status ${m.replyStatus ?? 'none'})`);
    if (m.replyStatus !== 'done') throw new Error(`app: the ${tokens}-token reply ended as "${m.replyStatus ?? '?'}"`);
    const formatted = await evaluate<number | null>(page, `window.__bench.waitFormatted(${timeoutMs})`);
    if (formatted === null) throw new Error(`app: the ${tokens}-token reply was not fully formatted within ${timeoutMs / 1000} s`);
    const t = await tasks(page, m.send, end);
    const tf = await tasks(page, m.send, formatted);
    return {
      ms: end - m.send,
      longest: t.max,
      formattedMs: formatted - m.send,
      longestFormatted: tf.max,
      body: captured.body,
      tailOk: m.tailOk === true,
    };
  } finally {
    await context.close();
  }
}

/** The same request in the bare page. */
async function bareRun(env: Env, body: string, expectedChars: number, timeoutMs: number): Promise<Run> {
  const context = await benchContext(env);
  try {
    const page = await context.newPage();
    await page.goto(BARE_PATH);
    await evaluate<void>(page, `void (window.__benchBody = ${JSON.stringify(body)})`);
    await page.getByTestId('composer-input').press('Control+Enter');
    const end = await evaluate<number | null>(
      page,
      `Promise.race([window.__bareDone, new Promise((r) => setTimeout(() => r(null), ${timeoutMs}))])`,
    );
    const m = await marks(page);
    if (end === null || end < 0 || m.send === undefined) {
      throw new Error(`bare page: stream did not finish (${await evaluate<string>(page, 'String(window.__bareError ?? "timeout")')})`);
    }
    const chars = await evaluate<number>(page, 'window.__bareChars');
    if (chars !== expectedChars) env.log(`  note: bare page got ${chars} chars, expected ${expectedChars}`);
    const t = await tasks(page, m.send, end);
    return { ms: end - m.send, longest: t.max };
  } finally {
    await context.close();
  }
}

const label = (tokens: number): string => `${tokens / 1000}k tokens`;
const BUDGET: Record<number, number> = { 20_000: 1.5, 100_000: 2 };
/** Fully formatted, at full speed (#21): ms, and at most 4× the bare page in the same run. */
const FORMATTED_BUDGET: Record<number, number> = { 2_000: 250, 20_000: 1000 };

export async function streamScenario(env: Env): Promise<Figure[]> {
  const sizes = env.quick ? [2_000, 20_000] : [2_000, 20_000, 100_000];
  // Warm-up, unmeasured: JIT in server and browser; also yields the exact body the app sends.
  const warm = await appRun(env, WARM_TOKENS, '', 60_000);
  const template = warm.body ?? promptBody(prompt(WARM_TOKENS));
  const warmPrompt = JSON.stringify(prompt(WARM_TOKENS)).slice(1, -1);
  if (!template.includes(warmPrompt)) throw new Error('could not find the prompt in the request body the app sent');

  const out: Figure[] = [];
  const medians = new Map<number, { app: number | null; bare: number | null }>();
  for (const tokens of sizes) {
    const body = template.replace(warmPrompt, JSON.stringify(prompt(tokens)).slice(1, -1));
    const expected = await referenceText(env.baseURL, body);
    const tail = expected.trimEnd().slice(-40);
    const timeoutMs = tokens >= 100_000 ? 240_000 : 120_000;
    const app: AppRun[] = [];
    const bare: Run[] = [];
    const notes: string[] = [];
    // Three runs (a true median) where cheap, two at 100k (one if it is slow).
    const reps = env.quick ? 1 : tokens >= 100_000 ? 2 : 3;
    for (let i = 0; i < reps; i++) {
      // Alternate the order so drift (thermal, other load) does not favour one side.
      const runApp = async (): Promise<void> => {
        const r = await appRun(env, tokens, tail, timeoutMs);
        if (r.body !== body) notes.push('app request body differed from the bare one');
        if (!r.tailOk) notes.push('final text did not end as expected');
        app.push(r);
      };
      const runBare = async (): Promise<void> => {
        bare.push(await bareRun(env, body, expected.length, timeoutMs));
      };
      if (i % 2 === 0) {
        await runApp();
        await runBare();
      } else {
        await runBare();
        await runApp();
      }
      env.log(
        `  ${label(tokens)} #${i + 1}: app text ${app.at(-1)?.ms.toFixed(0)} ms, formatted ${app.at(-1)?.formattedMs.toFixed(0)} ms, bare ${bare.at(-1)?.ms.toFixed(0)} ms`,
      );
      if (tokens >= 100_000 && (app.at(-1)?.ms ?? 0) > 30_000) break; // slow: one run is enough
    }
    const appMs = median(app.map((r) => r.ms));
    const bareMs = median(bare.map((r) => r.ms));
    medians.set(tokens, { app: appMs, bare: bareMs });
    const budget = BUDGET[tokens];
    const note = [...new Set(notes)].join('; ') || undefined;
    out.push(
      figure(SCENARIO, {
        name: `${label(tokens)}: send → text visible`,
        unit: 'ms',
        value: appMs,
        baseline: { label: 'bare', value: bareMs },
        ...(budget ? { budget: { max: budget, on: 'ratio' as const } } : {}),
        samples: app.map((r) => Math.round(r.ms)),
        ...(note ? { note } : {}),
      }),
    );
    const formattedMs = median(app.map((r) => r.formattedMs));
    const formattedBudget = FORMATTED_BUDGET[tokens];
    out.push(
      figure(SCENARIO, {
        name: `${label(tokens)}: send → fully formatted`,
        unit: 'ms',
        value: formattedMs,
        baseline: { label: 'bare', value: bareMs },
        ...(formattedBudget ? { budget: { max: formattedBudget, on: 'value' as const, maxRatio: 4 } } : {}),
        samples: app.map((r) => Math.round(r.formattedMs)),
        note: 'no plain-text placeholder left, every code block highlighted',
      }),
    );
    const longestFormatted = Math.max(...app.map((r) => r.longestFormatted));
    out.push(
      figure(SCENARIO, {
        name: `${label(tokens)}: longest task until formatted`,
        unit: 'ms',
        value: longestFormatted,
        baseline: { label: 'bare', value: Math.max(...bare.map((r) => r.longest)) },
        budget: { max: 50, on: 'value' },
      }),
    );
    const longest = Math.max(...app.map((r) => r.longest));
    out.push(
      figure(SCENARIO, {
        name: `${label(tokens)}: longest task`,
        unit: 'ms',
        value: longest,
        baseline: { label: 'bare', value: Math.max(...bare.map((r) => r.longest)) },
        budget: { max: 50, on: 'value' },
        ...(longest === 0 ? { note: 'no task > 50 ms' } : {}),
      }),
    );
  }
  const small = medians.get(2_000);
  const big = medians.get(20_000);
  if (small?.app && big?.app) {
    const bareRatio = small.bare && big.bare ? big.bare / small.bare : null;
    out.push(
      figure(SCENARIO, {
        name: '20k/2k time ratio (linear = 10)',
        unit: '×',
        value: big.app / small.app,
        budget: { max: 12, on: 'value' },
        note: `bare page ${bareRatio === null ? '—' : `${bareRatio.toFixed(1)}×`}`,
      }),
    );
  }
  return out;
}
