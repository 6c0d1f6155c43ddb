import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/** Playwright cannot download browsers here: use Debian's Chromium when present. */
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const PORT = Number(process.env.E2E_PORT ?? 4317);

export default defineConfig({
  testDir: './e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // Three workers on two cores: while one waits on the browser or the network another runs
  // (measured on the shared 2-core machine: 4m28s with 3, 5m47s with 2, back to back).
  workers: 3,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Recording a trace of every test costs a third of the run; CI retries a failure once, traced.
    // Locally: `npx playwright test --trace on` (or --retries 1).
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    // The service worker precaches every asset (~8 MB, tokenizers included) in each new context;
    // only the tests about it (offline, updates: workspace.spec.ts) allow it.
    serviceWorkers: 'block',
    ...devices['Desktop Chrome'],
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    // The built app and the reference endpoint on one port, as `npm start` serves them.
    command: `npx vite build --logLevel warn --outDir .e2e-dist && npx tsx server/cli.ts --static .e2e-dist --port ${PORT} --rate 0`,
    url: `http://127.0.0.1:${PORT}/__ref/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'pipe',
  },
});
