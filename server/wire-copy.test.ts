// server/wire is the repo's copy of the workspace's ../shared/wire (CI clones only this repo).
// Where the original is present, the copy must match it byte for byte.
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

describe.runIf(existsSync(original))('server/wire copy', () => {
  it('has the same files as ../shared/wire, byte for byte', () => {
    expect(listing(copy)).toEqual(listing(original));
    for (const f of listing(original)) {
      expect(readFileSync(path.join(copy, f)).equals(readFileSync(path.join(original, f))), f).toBe(true);
    }
  });
});
