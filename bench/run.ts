// npm run bench [-- --quick] [--no-build] [--only=stream,library]
// Builds the app, starts the reference endpoint, runs the scenarios in headless Chromium, prints
// a table and writes bench-results/report.json. Budgets are reported, never enforced: the exit
// code is non-zero only when the harness (or a scenario) breaks.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { RESULTS_DIR, buildApp, launchBrowser, machineInfo, startServer } from './lib/env';
import type { RunningServer } from './lib/env';
import { failed, table } from './lib/figures';
import type { Figure } from './lib/figures';
import type { Env } from './lib/page';
import { bundleScenario } from './scenarios/bundle';
import { fastScenario } from './scenarios/fast';
import { libraryScenario } from './scenarios/library';
import { longConversationScenario } from './scenarios/long-conversation';
import { realisticScenario } from './scenarios/realistic';
import { streamScenario } from './scenarios/stream';
import { tokenMeterScenario } from './scenarios/token-meter';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const build = !argv.includes('--no-build');
const only = argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');

const SCENARIOS: [string, (env: Env) => Promise<Figure[]>][] = [
  ['bundle', () => bundleScenario()],
  ['stream', streamScenario],
  ['realistic', realisticScenario],
  ['fast', fastScenario],
  ['library', libraryScenario],
  ['long-conversation', longConversationScenario],
  ['token-meter', tokenMeterScenario],
];

const log = (message: string): void => console.info(message);
const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
  const started = performance.now();
  if (build) {
    log('Building the app (vite build → bench-results/dist)…');
    await buildApp();
  }
  let server: RunningServer | null = null;
  let browser: Browser | null = null;
  const figures: Figure[] = [];
  const errors: string[] = [];
  try {
    server = await startServer();
    browser = await launchBrowser();
    const machine = machineInfo(browser);
    log(
      `Server ${server.url} · Chromium ${machine.chromium} · ${machine.cpuCount}× ${machine.cpuModel} · load ${machine.loadAverage.join(' ')}${quick ? ' · quick' : ''}`,
    );
    const env: Env = { browser, baseURL: server.url, quick, log };
    for (const [name, run] of SCENARIOS) {
      if (only && !only.includes(name)) continue;
      const t = performance.now();
      log(`▶ ${name}`);
      try {
        figures.push(...(await run(env)));
      } catch (error) {
        figures.push(failed(name, error));
        errors.push(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
      log(`  (${seconds(t)})`);
    }
    const duration = (performance.now() - started) / 1000;
    console.info(`\n${table(figures)}\n`);
    log(`Total ${duration.toFixed(0)} s${quick ? ' (quick)' : ''}.`);
    await mkdir(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, 'report.json');
    const report = {
      machine: { ...machine, loadAverageAfter: machineInfo(browser).loadAverage },
      quick,
      durationS: Math.round(duration),
      figures,
      errors,
    };
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
    log(`Report: ${path.relative(process.cwd(), file)}`);
  } finally {
    await browser?.close();
    await server?.stop();
  }
  for (const e of errors) console.error(`\nScenario error — ${e}`);
  return errors.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('bench harness failed:', error);
    process.exit(2);
  },
);
