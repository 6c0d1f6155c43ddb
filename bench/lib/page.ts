// Page helpers: bench contexts with the in-page probe, typed reads of window.__bench, seeding.
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { Conversation, Message } from '../../src/domain/types';
import { BENCH_DIR } from './env';

const PROBE = path.join(BENCH_DIR, 'page', 'probe.js');
const SEED = path.join(BENCH_DIR, 'page', 'seed.js');

export interface ProbeConfig {
  watch?: { rows?: boolean; marker?: string; meter?: boolean; forMs?: number };
  typing?: boolean;
}

export interface Marks {
  send?: number;
  replyStatus?: string;
  tailOk?: boolean;
  interactive?: number;
  rows?: number;
  lastMessage?: number;
}

export interface TaskSummary {
  max: number;
  count: number;
  total: number;
}

export interface FrameSummary {
  frames: number;
  dropped: number;
  slowFrames: number;
  maxGap: number;
  span: number;
}

export interface Env {
  browser: Browser;
  baseURL: string;
  quick: boolean;
  log: (message: string) => void;
}

/** A fresh context (empty IndexedDB, localStorage, cache) with the probe (and seeding helpers) installed. */
export async function benchContext(env: Env, config: ProbeConfig = {}, seeding = false): Promise<BrowserContext> {
  const context = await env.browser.newContext({ baseURL: env.baseURL, viewport: { width: 1440, height: 900 } });
  await context.addInitScript({ content: `window.__benchConfig = ${JSON.stringify(config)};` });
  await context.addInitScript({ path: PROBE });
  if (seeding) await context.addInitScript({ path: SEED });
  return context;
}

/** Evaluates an expression in the page (strings only: tsx-compiled functions may not survive serialization). */
export async function evaluate<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate<T>(expression);
}

export function marks(page: Page): Promise<Marks> {
  return evaluate<Marks>(page, 'window.__bench.marks');
}

export function tasks(page: Page, from: number, to: number): Promise<TaskSummary> {
  return evaluate<TaskSummary>(page, `window.__bench.tasks(${from}, ${to})`);
}

export function now(page: Page): Promise<number> {
  return evaluate<number>(page, 'performance.now()');
}

/** Opens the app and waits for the composer. */
export async function openApp(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  await page.getByTestId('composer-input').waitFor({ state: 'visible', timeout: 30_000 });
}

/**
 * What the seconds a person spends typing a prompt give the app: its on-demand chunks and the
 * tokenizer worker loaded, the prompt counted, the main thread idle. A send measured right after
 * the page load would time the app's start-up instead (measured on its own in other figures).
 */
export async function settleBeforeSend(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await poll(
    page,
    `/^[0-9,]+$/.test(document.querySelector('[data-testid="meter-prompt-estimate"]')?.textContent ?? '')`,
    15_000,
    'the prompt estimate',
  );
  await settleApp(page);
}

/** No network request pending and an idle main thread. */
export async function settleApp(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await evaluate<void>(page, 'new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 }))');
}

/** Waits until the app has let Dexie create the database, so raw writes can follow its schema. */
export async function waitForDatabase(page: Page): Promise<void> {
  await poll(page, 'window.__benchSeed.exists()', 15_000, 'the app did not create its database');
}

/**
 * Evaluates `expression` every `interval` ms until it is truthy. (page.waitForFunction would
 * eval() the string inside the page, which the app's Content-Security-Policy forbids.)
 */
export async function poll(page: Page, expression: string, timeout: number, what: string, interval = 50): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await evaluate<unknown>(page, expression))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout / 1000} s: ${what}`);
    await page.waitForTimeout(interval);
  }
}

export async function seedRows(page: Page, conversations: Conversation[], messages: Message[]): Promise<void> {
  await evaluate<unknown>(page, `window.__benchSeed.put(${JSON.stringify(conversations)}, ${JSON.stringify(messages)})`);
}

/** Makes `id` the open conversation on the next load (zustand persist key `pg.workspace`). */
export async function setActiveConversation(page: Page, id: string | null): Promise<void> {
  await evaluate<void>(
    page,
    `(() => {
      const raw = localStorage.getItem('pg.workspace');
      const saved = raw ? JSON.parse(raw) : { state: {}, version: 1 };
      saved.state = { ...saved.state, activeConversationId: ${JSON.stringify(id)} };
      localStorage.setItem('pg.workspace', JSON.stringify(saved));
    })()`,
  );
}

/** Polls (every 50 ms, from Node) until the named marks are all set. */
export async function waitMarks(page: Page, names: (keyof Marks)[], timeout: number): Promise<Marks> {
  const cond = names.map((n) => `window.__bench.marks[${JSON.stringify(n)}] !== undefined`).join(' && ');
  await poll(page, cond, timeout, `page marks ${names.join(', ')}`);
  return marks(page);
}

export async function hasHook(page: Page, testId: string): Promise<boolean> {
  return (await page.getByTestId(testId).count()) > 0;
}
