// Scenario 6: initial JavaScript, gzipped: the entry script of index.html and its modulepreloads.
// Every other .js chunk in assets/ is loaded lazily and listed with its gzip size.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { APP_DIR } from '../lib/env';
import { figure } from '../lib/figures';
import type { Figure } from '../lib/figures';

const SCENARIO = 'bundle';

async function gzipKB(file: string): Promise<number> {
  return gzipSync(await readFile(file)).length / 1024;
}

/** Attribute values of tags matching `tag` that also carry `must` (e.g. type="module"). */
function attrs(html: string, tag: RegExp, must: RegExp, attr: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(tag)) {
    const element = m[0];
    if (!must.test(element)) continue;
    const value = new RegExp(`\\s${attr}="([^"]+)"`).exec(element)?.[1];
    if (value) out.push(value);
  }
  return out;
}

function local(ref: string): string | null {
  if (/^(https?:)?\/\//.test(ref)) return null; // not part of the build
  return path.join(APP_DIR, ref.replace(/^\.?\//, ''));
}

export async function bundleScenario(): Promise<Figure[]> {
  const html = await readFile(path.join(APP_DIR, 'index.html'), 'utf8');
  const entries = attrs(html, /<script\b[^>]*>/g, /type="module"/, 'src');
  const preloads = attrs(html, /<link\b[^>]*>/g, /rel="modulepreload"/, 'href');
  const css = attrs(html, /<link\b[^>]*>/g, /rel="stylesheet"/, 'href');
  const initial = [...new Set([...entries, ...preloads].map(local).filter((f): f is string => f !== null))];
  if (initial.length === 0) throw new Error('no module script found in index.html');

  let initialKB = 0;
  for (const file of initial) initialKB += await gzipKB(file);
  let cssKB = 0;
  for (const file of css.map(local).filter((f): f is string => f !== null)) cssKB += await gzipKB(file);

  const assets = path.join(APP_DIR, 'assets');
  const lazy = (await readdir(assets)).filter((f) => f.endsWith('.js') && !initial.includes(path.join(assets, f))).sort();
  const figures: Figure[] = [
    figure(SCENARIO, {
      name: 'initial JS (gzip)',
      unit: 'KB',
      value: initialKB,
      budget: { max: 150, on: 'value' },
      note: `${initial.map((f) => path.basename(f)).join(' + ')}; CSS ${cssKB.toFixed(1)} KB`,
    }),
  ];
  for (const file of lazy) {
    figures.push(
      figure(SCENARIO, {
        name: `lazy ${file.replace(/-[\w-]{8}\.js$/, '.js')}`,
        unit: 'KB',
        value: await gzipKB(path.join(assets, file)),
        note: file,
      }),
    );
  }
  return figures;
}
