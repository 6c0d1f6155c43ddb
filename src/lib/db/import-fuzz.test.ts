/**
 * 10,000 mutated imports through restore() and the database import (writeRestored, fake-indexeddb):
 * no input may throw out of restore(), and the database either takes the whole import or stays
 * exactly as it was. Seeded, so a failure names the mutant that caused it.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../codec/base64';
import { documentToJSON, encodeDocument } from '../codec/encode';
import type { Restored } from '../codec/format';
import { toHTML } from '../codec/html-page/page';
import { restore } from '../codec/restore';
import { encodeShareLink } from '../codec/share-link';
import { PLAIN_MARKDOWN, PNG_BYTES, richBundle } from '../codec/test-fixtures';
import { PlaygroundDB, db, setDb } from './schema';
import { type ImportSummary, writeRestored } from './transfer-repo';
import { errorMessage } from '../../domain/errors';

export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

/** mulberry32: small, fast, good enough to pick mutations. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}
type Rng = ReturnType<typeof rng>;

// ---------- valid inputs to start from ----------
function corpus(): { kind: string; text: string }[] {
  const one = richBundle('c1');
  const two = richBundle('c2');
  const blobs = new Map([...one.blobs, ...two.blobs]);
  const backup = documentToJSON(encodeDocument([one.bundle, two.bundle], blobs));
  const single = documentToJSON(encodeDocument([one.bundle], one.blobs));
  const body = JSON.stringify({
    model: 'gpt-4o',
    temperature: 0.2,
    messages: [
      { role: 'system', content: 'Be brief.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image_url', image_url: { url: `data:image/png;base64,${bytesToBase64(PNG_BYTES)}` } },
        ],
      },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'look', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: 'a dot' },
    ],
  });
  const messages = JSON.stringify([
    { role: 'user', content: 'hi' },
    { role: 'assistant', content: 'hello' },
  ]);
  const v1 = JSON.stringify({
    format: 'chat-playground',
    version: 1,
    title: 'Old',
    messages: [
      { role: 'user', content: 'Look' },
      { role: 'assistant', content: 'A dot' },
    ],
  });
  const link = encodeShareLink('http://app.test/', one.bundle, one.blobs).url;
  const html = toHTML(one.bundle, one.blobs, encodeDocument([one.bundle], one.blobs), PLAIN_MARKDOWN);
  return [
    { kind: 'backup', text: backup },
    { kind: 'single', text: single },
    { kind: 'request body', text: body },
    { kind: 'messages', text: messages },
    { kind: 'v1 file', text: v1 },
    { kind: 'share link', text: link },
    { kind: 'html page', text: html },
  ];
}

// ---------- mutations ----------
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function paths(value: Json, at: (string | number)[] = [], out: (string | number)[][] = [], depth = 0): (string | number)[][] {
  out.push(at);
  if (depth > 12 || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out, depth + 1));
  else for (const k of Object.keys(value)) paths(value[k]!, [...at, k], out, depth + 1);
  return out;
}

function parentOf(root: Json, path: (string | number)[]): { parent: Json[] | Record<string, Json>; key: string | number } | null {
  if (path.length === 0) return null;
  let node: Json = root;
  for (const step of path.slice(0, -1)) node = (node as Record<string, Json>)[step as string]!;
  return { parent: node as Json[] | Record<string, Json>, key: path[path.length - 1]! };
}

function deep(depth: number, r: Rng): Json {
  let v: Json = 'bottom';
  for (let i = 0; i < depth; i++) v = r.next() < 0.5 ? [v] : { n: v };
  return v;
}

const ODD_VALUES = (r: Rng): Json[] => [
  null,
  true,
  false,
  0,
  -1,
  -0,
  1e308,
  -1e308,
  2 ** 53 + 1,
  0.1,
  '',
  ' ',
  'x',
  '<img src=x onerror=alert(1)>',
  '\u202E\u200B',
  '9'.repeat(400),
  'a'.repeat(r.int(200_000)),
  [],
  {},
  [null],
  { type: 'text' },
  { kind: 'blob', blobId: 'missing' },
];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

function setOwn(target: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

/** One structural change to a parsed document, in place; returns its name. */
function mutateTree(root: Json, r: Rng): string {
  const all = paths(root);
  const path = r.pick(all);
  const at = parentOf(root, path);
  const op = r.int(9);
  if (!at) return 'skip';
  const { parent, key } = at;
  const isArr = Array.isArray(parent);
  switch (op) {
    case 0:
      if (isArr) parent.splice(key as number, 1);
      else delete parent[key as string];
      return 'delete';
    case 1: {
      const v = structuredClone((parent as Record<string, Json>)[key as string]!);
      if (isArr) parent.splice(key as number, 0, v);
      else setOwn(parent, `${String(key)}${r.pick(['', '_copy', 'Id'])}`, v);
      return 'duplicate';
    }
    case 2:
      (parent as Record<string, Json>)[key as string] = r.pick(ODD_VALUES(r));
      return 'type swap';
    case 3: {
      const v = (parent as Record<string, Json>)[key as string];
      (parent as Record<string, Json>)[key as string] =
        typeof v === 'number'
          ? r.pick([1e308, -1e308, 2 ** 63, Number.MIN_VALUE, -(2 ** 53)])
          : typeof v === 'string'
            ? v.repeat(r.int(50) + 2)
            : r.pick([9e15, -1]);
      return 'huge value';
    }
    case 4:
      (parent as Record<string, Json>)[key as string] = deep(r.pick([50, 500, 5_000]), r);
      return 'deep nesting';
    case 5: {
      const obj = r.pick(
        all
          .map((p) => p.reduce<Json>((n, s) => (n as Record<string, Json>)[s as string]!, root))
          .filter((n): n is Record<string, Json> => n !== null && typeof n === 'object' && !Array.isArray(n)),
      );
      if (obj) setOwn(obj, r.pick(PROTO_KEYS), r.pick<Json>([{ polluted: 'yes' }, 'x', [], null, { prototype: { polluted: 'yes' } }]));
      return 'proto key';
    }
    case 6: {
      if (isArr) return 'skip';
      const v = parent[key as string]!;
      delete parent[key as string];
      setOwn(parent, r.pick(['id', 'role', 'type', 'text', 'version', 'format', 'parentId', 'blobId', 'messages', `k${r.int(9)}`]), v);
      return 'rename key';
    }
    case 7: {
      const src = r.pick(all);
      const value = src.reduce<Json>((n, s) => (n as Record<string, Json>)[s as string]!, root);
      (parent as Record<string, Json>)[key as string] = structuredClone(value);
      return 'graft';
    }
    default:
      if (root && typeof root === 'object' && !Array.isArray(root)) root.version = r.pick<Json>([0, 1, 2, 3, 99, '2', -1, 2.5, null]);
      return 'version';
  }
}

function mutateText(text: string, r: Rng): string {
  switch (r.int(5)) {
    case 0: {
      const chars = [...text];
      for (let i = r.int(5) + 1; i > 0; i--) chars[r.int(chars.length)] = String.fromCharCode(r.int(0x3000));
      return chars.join('');
    }
    case 1:
      return text.slice(0, r.int(text.length));
    case 2: {
      const at = r.int(text.length);
      return text.slice(0, at) + text.slice(r.int(text.length));
    }
    case 3: {
      const at = r.int(text.length);
      return text.slice(0, at) + r.pick(['{', '}', ']', '"', '\\', '\u0000', '%', '#share=', '<script>', '\uFEFF']) + text.slice(at);
    }
    default:
      return text.slice(r.int(20));
  }
}

function mutate(base: { kind: string; text: string }, r: Rng): { text: string; ops: string[] } {
  const ops: string[] = [];
  if ((base.text.startsWith('{') || base.text.startsWith('[')) && r.next() < 0.75) {
    const tree = JSON.parse(base.text) as Json;
    for (let i = r.int(3) + 1; i > 0; i--) ops.push(mutateTree(tree, r));
    let text = JSON.stringify(tree);
    if (r.next() < 0.1) {
      ops.push('text');
      text = mutateText(text, r);
    }
    return { text, ops };
  }
  ops.push('text');
  let text = mutateText(base.text, r);
  if (r.next() < 0.3) text = mutateText(text, r);
  return { text, ops };
}

// ---------- the database ----------
const endpointIdFor = (e: { builtIn?: string } | null) => (e?.builtIn === 'reference' ? 'reference' : null);

async function snapshot(): Promise<string> {
  const d = db();
  const [conversations, messages, blobs] = await Promise.all([d.conversations.toArray(), d.messages.toArray(), d.blobs.toArray()]);
  const blobBytes = await Promise.all(
    blobs.map(async (b) => ({ id: b.id, mimeType: b.mimeType, bytes: [...new Uint8Array(await b.blob.arrayBuffer())] })),
  );
  return JSON.stringify({ conversations, messages, blobs: blobBytes });
}

/**
 * After a successful import: every conversation, message and blob of it is stored, at least as new;
 * a conversation whose id was taken by different content is stored whole beside it, under new ids.
 */
async function expectWhole(restored: Restored, summary: ImportSummary): Promise<string | null> {
  const d = db();
  if (summary.conversationIds.length !== restored.conversations.length) return 'not one stored conversation per imported one';
  for (const [i, b] of restored.conversations.entries()) {
    const id = summary.conversationIds[i]!;
    const c = await d.conversations.get(id);
    if (!c) return `conversation ${id} missing`;
    if (id !== b.conversation.id) {
      const copied = await d.messages.where('conversationId').equals(id).count();
      if (copied !== b.messages.length) return `copy ${id} has ${copied} of ${b.messages.length} messages`;
      continue;
    }
    const stored = await d.messages.bulkGet(b.messages.map((m) => m.id));
    for (const [j, m] of b.messages.entries()) {
      const s = stored[j];
      if (!s) return `message ${m.id} missing`;
      if (s.updatedAt < m.updatedAt) return `message ${m.id} older than imported`;
    }
  }
  for (const id of restored.blobs.keys()) if (!(await d.blobs.get(id))) return `blob ${id} missing`;
  return null;
}

async function freshDb(n: number): Promise<void> {
  const d = new PlaygroundDB(`fuzz-${n}-${Math.random()}`);
  await d.open();
  setDb(d);
  // Something already stored, with the same ids as the corpus, so imports merge as well as add.
  const r = restore(documentToJSON(encodeDocument([richBundle('c1').bundle], richBundle('c1').blobs)));
  if (r.ok) await writeRestored(r.value, endpointIdFor);
}

describe('fuzzed imports', () => {
  it(`${FUZZ_RUNS.toLocaleString('en-US')} mutated imports: 0 throws from restore(), 0 partial writes`, async () => {
    const bases = corpus();
    const r = rng(20_261_122);
    const crashes: string[] = [];
    const partial: string[] = [];
    const tally = { rejected: 0, imported: 0, dbRejected: 0 };
    const started = performance.now();
    for (let i = 0; i < FUZZ_RUNS; i++) {
      if (i % 250 === 0) await freshDb(i);
      const base = bases[i % bases.length]!;
      const { text, ops } = mutate(base, r);
      const label = `#${i} ${base.kind} [${ops.join(', ')}]`;
      let result: ReturnType<typeof restore>;
      try {
        result = restore(text);
      } catch (e) {
        crashes.push(`${label}: ${errorMessage(e)}`);
        continue;
      }
      if (!result.ok) {
        if (typeof result.error.message !== 'string' || result.error.message === '') crashes.push(`${label}: empty error`);
        tally.rejected++;
        continue;
      }
      const before = await snapshot();
      try {
        // Half of the imports that meet a stored id keep both, half replace: both must be whole.
        const summary = await writeRestored(result.value, endpointIdFor, i % 2 === 0 ? 'keep-both' : 'replace');
        const missing = await expectWhole(result.value, summary);
        if (missing) partial.push(`${label}: ${missing}`);
        tally.imported++;
      } catch (e) {
        // The app turns this into "Import failed, nothing was written: …"; it must be true.
        if (!(e instanceof Error)) crashes.push(`${label}: threw a non-Error`);
        tally.dbRejected++;
        if ((await snapshot()) !== before) partial.push(`${label}: failed import changed the database`);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `fuzz: ${FUZZ_RUNS} mutants in ${seconds.toFixed(1)} s — ${tally.rejected} rejected by restore(), ${tally.imported} imported whole, ${tally.dbRejected} rejected by the database (rolled back)`,
    );
    expect(crashes).toEqual([]);
    expect(partial).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(tally.rejected + tally.imported + tally.dbRejected).toBe(FUZZ_RUNS);
    // The mutator must reach both outcomes, or it tests nothing.
    expect(tally.rejected).toBeGreaterThan(FUZZ_RUNS / 10);
    expect(tally.imported).toBeGreaterThan(FUZZ_RUNS / 20);
  }, 180_000);
});
