import type { Locator, Page } from '@playwright/test';

/**
 * Measures, in the page, how long each keystroke into `input` takes to reach the screen: from the
 * keydown's own timestamp (when the browser received the key, so time spent queued behind a busy
 * main thread counts) to the first animation frame after the input's value changed. Returns a
 * reader of the latencies so far, in ms, one per keystroke that changed the value.
 */
export async function probeKeystrokes(input: Locator): Promise<() => Promise<number[]>> {
  await input.evaluate((el) => {
    const w = window as unknown as { __keystrokeLatencies?: number[] };
    const latencies: number[] = [];
    w.__keystrokeLatencies = latencies;
    let keyAt: number | null = null;
    el.addEventListener('keydown', (e) => void (keyAt = e.timeStamp), { capture: true });
    el.addEventListener('input', () => {
      const start = keyAt;
      keyAt = null;
      if (start !== null) requestAnimationFrame(() => latencies.push(performance.now() - start));
    });
  });
  return () => input.page().evaluate(() => [...((window as unknown as { __keystrokeLatencies?: number[] }).__keystrokeLatencies ?? [])]);
}

/**
 * Test-only: makes every input in the page take `ms` of main-thread work, as a slow render on each
 * keystroke would. Used to show the probe catches a page that does not keep up with typing.
 */
export async function slowDownInput(page: Page, ms: number): Promise<void> {
  await page.evaluate((ms) => {
    document.addEventListener('input', () => {
      const until = performance.now() + ms;
      while (performance.now() < until) {
        /* busy, as a slow render */
      }
    });
  }, ms);
}
