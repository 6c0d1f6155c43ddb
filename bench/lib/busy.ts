// Main-thread busy share over a window, from the DevTools Protocol (Performance.getMetrics
// TaskDuration ÷ wall time), with the frames and long tasks of the same window.
import type { CDPSession, Page } from '@playwright/test';
import { evaluate, tasks } from './page';
import type { FrameSummary, TaskSummary } from './page';

export interface BusySample {
  wallS: number;
  busy: number;
  frames: FrameSummary;
  tasks: TaskSummary;
}

async function metric(cdp: CDPSession): Promise<{ task: number; time: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string): number => metrics.find((m) => m.name === name)?.value ?? 0;
  return { task: get('TaskDuration'), time: get('Timestamp') };
}

/** Measures main-thread busy share, frames and long tasks while `during` runs. */
export async function measureBusy(page: Page, cdp: CDPSession, during: () => Promise<void>): Promise<BusySample> {
  await evaluate<void>(page, 'window.__bench.startFrames()');
  const from = await evaluate<number>(page, 'performance.now()');
  const a = await metric(cdp);
  await during();
  const b = await metric(cdp);
  const to = await evaluate<number>(page, 'performance.now()');
  const frames = await evaluate<FrameSummary>(page, 'window.__bench.stopFrames()');
  const wallS = b.time - a.time;
  return { wallS, busy: wallS > 0 ? (b.task - a.task) / wallS : 0, frames, tasks: await tasks(page, from, to) };
}

/** Percentages of a sample: busy share and dropped frames. */
export const busyPct = (w: BusySample): number => w.busy * 100;
export const droppedPct = (w: BusySample): number =>
  w.frames.frames + w.frames.dropped > 0 ? (w.frames.dropped / (w.frames.frames + w.frames.dropped)) * 100 : 0;
