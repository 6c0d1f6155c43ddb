// server/wire holds the workspace's shared wire corpus (../shared/wire; CI clones only this repo) plus
// the project's own additions (provider error bodies, listed in the same INDEX.md). Where the shared
// corpus is present, every one of its files must be here byte for byte and every row of its index
// must be in ours: the copy may grow, never drift.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const copy = path.join(here, 'wire');
const original = path.resolve(here, '../../shared/wire');

function listing(dir: string): string[] {
  const top = readdirSync(dir).filter((f) => f !== 'cases');
  return [...top, ...readdirSync(path.join(dir, 'cases')).map((f) => `cases/${f}`)].sort();
}

function tableRows(indexFile: string): string[] {
  return readFileSync(indexFile, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| ---'));
}

describe.runIf(existsSync(original))('server/wire copy', () => {
  it('has every file of ../shared/wire, byte for byte', () => {
    const ours = new Set(listing(copy));
    for (const f of listing(original).filter((name) => name !== 'INDEX.md')) {
      expect(ours.has(f), f).toBe(true);
      expect(readFileSync(path.join(copy, f)).equals(readFileSync(path.join(original, f))), f).toBe(true);
    }
  });

  it('keeps every row of the shared INDEX.md, unchanged', () => {
    const ours = new Set(tableRows(path.join(copy, 'INDEX.md')));
    for (const row of tableRows(path.join(original, 'INDEX.md'))) expect(ours.has(row), row.slice(0, 80)).toBe(true);
  });
});

describe('server/wire index', () => {
  it('lists every case it holds', () => {
    const rows = tableRows(path.join(copy, 'INDEX.md')).join('\n');
    for (const f of readdirSync(path.join(copy, 'cases'))) expect(rows.includes(`| ${f} |`), f).toBe(true);
  });
});
