// The bench environment: a private build of the app, the reference server, headless Chromium.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { copyFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const BENCH_DIR = path.join(ROOT, 'bench');
export const RESULTS_DIR = path.join(ROOT, 'bench-results');
/** Built apart from dist/ so a concurrent `vite build` (e2e, dev) cannot swap files mid-run. */
export const APP_DIR = path.join(RESULTS_DIR, 'dist');
export const BARE_PATH = '/__bench-bare.html';

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} ${args.join(' ')} exited with ${code}`))));
  });
}

/** `vite build` into bench-results/dist, plus the bare-limit page next to index.html. */
export async function buildApp(dir = APP_DIR, extra: string[] = []): Promise<void> {
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  await run(process.execPath, [vite, 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn', ...extra]);
  await copyFile(path.join(BENCH_DIR, 'page', 'bare.html'), path.join(dir, BARE_PATH.slice(1)));
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** The reference endpoint in its own process (unlimited rate), serving the private build. */
export function startServer(dir = APP_DIR): Promise<RunningServer> {
  const args = ['--import', 'tsx', 'server/cli.ts', '--static', dir, '--port', '0', '--rate', '0'];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`reference server did not start within 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /Playground: (http:\/\/\S+?)\/?\s*$/m.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`reference server exited with ${code}:\n${output}`));
    });
  });
}

export function launchBrowser(): Promise<Browser> {
  const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface MachineInfo {
  os: string;
  cpuModel: string;
  cpuCount: number;
  memoryGB: number;
  loadAverage: number[];
  node: string;
  chromium: string;
  date: string;
}

export function machineInfo(browser: Browser): MachineInfo {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpuModel: cpus[0]?.model ?? 'unknown',
    cpuCount: cpus.length,
    memoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
    chromium: browser.version(),
    date: new Date().toISOString(),
  };
}
