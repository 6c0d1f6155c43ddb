/**
 * fast-check generators for the import fuzz (tests only): valid conversations with arbitrary
 * message trees and hostile text, and structural mutations of their decoded payload (wrong types,
 * missing and extra keys, huge numbers, deep nesting, `__proto__`).
 */
import fc from 'fast-check';
import { defaultRequestParams } from '../../domain/params';
import { ROLES, type ContentPart, type Conversation, type Message } from '../../domain/types';
import type { BlobData, ConversationBundle } from './format';

/** Text that has broken importers and HTML exports elsewhere. */
export const HOSTILE = [
  '</script><script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "javascript:alert('x')",
  ' JaVaScRiPt:alert(1)',
  '<!--',
  '<![CDATA[',
  '\u2028\u2029',
  '\u202e\u200b\ufeff',
  '\ud800 lone surrogate',
  '__proto__',
  'constructor',
  '{"format":"chat-playground"}',
  '#share=AAAA',
  '&lt;&amp;&#39;',
  '\\u003cscript\\u003e',
  '\u0000\u0007\u001b[31m',
  '👨‍👩‍👧‍👦🇫🇷',
];

export const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...HOSTILE), { maxLength: 4 }).map((xs) => xs.join(' ')) },
);

/** Finite JSON numbers, huge ones included (-0 is not: JSON writes it as 0). */
const jsonNumber = fc.oneof(
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE),
);

const blobBytes = fc.uint8Array({ minLength: 1, maxLength: 64 });
const safeImageURL = fc.oneof(
  fc.webUrl({ validSchemes: ['https'] }).filter((u) => /^https:\/\/[^\s/]+/i.test(u)),
  fc.base64String({ minLength: 4, maxLength: 40 }).map((b) => `data:image/png;base64,${b}`),
);

type PartSeed =
  | { type: 'text'; text: string }
  | { type: 'image-url'; url: string; detail: 'auto' | 'low' | 'high' }
  | { type: 'image-blob'; bytes: Uint8Array; name: string | undefined; detail: 'auto' | 'low' | 'high' };

const partSeed: fc.Arbitrary<PartSeed> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('text' as const), text: hostileText }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('image-url' as const),
      url: safeImageURL,
      detail: fc.constantFrom('auto' as const, 'low' as const, 'high' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('image-blob' as const),
      bytes: blobBytes,
      name: fc.option(hostileText, { nil: undefined }),
      detail: fc.constantFrom('auto' as const, 'low' as const, 'high' as const),
    }),
  },
);

const messageSeed = fc.record(
  {
    parent: fc.nat(),
    role: fc.constantFrom(...ROLES),
    parts: fc.array(partSeed, { maxLength: 4 }),
    name: hostileText,
    reasoning: hostileText,
    refusal: hostileText,
    toolCalls: fc.array(fc.record({ id: hostileText, name: hostileText, arguments: hostileText }), { maxLength: 2 }),
    status: fc.constantFrom('done' as const, 'interrupted' as const, 'error' as const),
    finishReason: fc.option(hostileText, { nil: null }),
    createdAt: jsonNumber,
  },
  { requiredKeys: ['parent', 'role', 'parts', 'status', 'createdAt'] },
);

/**
 * A valid conversation: messages form an arbitrary tree (each hangs under any earlier one, or
 * starts a new root), every part kind, hostile strings everywhere text goes.
 */
export const validBundle: fc.Arbitrary<{ bundle: ConversationBundle; blobs: Map<string, BlobData> }> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 30 }),
    title: hostileText,
    model: hostileText,
    createdAt: jsonNumber,
    updatedAt: jsonNumber,
    pinned: fc.boolean(),
    tags: fc.option(fc.array(hostileText, { maxLength: 3 }), { nil: undefined }),
    endpoint: fc.option(fc.record({ baseURL: fc.webUrl(), name: hostileText }), { nil: null }),
    messages: fc.array(messageSeed, { maxLength: 8 }),
    leaf: fc.nat(),
  })
  .map((seed) => {
    const blobs = new Map<string, BlobData>();
    const ids = seed.messages.map((_, i) => `${seed.id}-m${i}`);
    const messages = seed.messages.map((m, i): Message => {
      const parentIndex = i === 0 ? -1 : (m.parent % (i + 1)) - 1; // -1: a new root
      const content = m.parts.map((p, pi): ContentPart => {
        if (p.type === 'text') return { type: 'text', text: p.text };
        if (p.type === 'image-url') return { type: 'image', source: { kind: 'url', url: p.url }, detail: p.detail };
        const blobId = `${ids[i]}-b${pi}`;
        blobs.set(blobId, { mimeType: 'image/png', ...(p.name ? { name: p.name } : {}), bytes: p.bytes });
        const name = p.name ? { name: p.name } : {};
        return { type: 'image', source: { kind: 'blob', blobId, mimeType: 'image/png', ...name }, detail: p.detail };
      });
      const { parent: _p, parts: _parts, toolCalls, ...rest } = m;
      return {
        ...rest,
        ...(toolCalls && toolCalls.length > 0 ? { toolCalls } : {}),
        id: ids[i]!,
        conversationId: seed.id,
        parentId: parentIndex < 0 ? null : ids[parentIndex]!,
        content,
        updatedAt: m.createdAt,
      };
    });
    const conversation: Conversation = {
      id: seed.id,
      title: seed.title,
      createdAt: seed.createdAt,
      updatedAt: seed.updatedAt,
      currentLeafId: ids.length === 0 ? null : ids[seed.leaf % ids.length]!,
      params: defaultRequestParams(seed.model),
      endpointId: null,
      ...(seed.pinned ? { pinnedAt: seed.updatedAt } : {}),
      ...(seed.tags ? { tags: seed.tags } : {}),
    };
    return { bundle: { conversation, messages, endpoint: seed.endpoint }, blobs };
  });

/** A value of the wrong kind for wherever it lands: any JSON, deep nesting, huge or odd numbers. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, true, '', 0, -1, 1e308, -1e308, 2 ** 53 + 1, 'javascript:alert(1)', 'data:text/html,<script>alert(1)</script>'),
  fc.integer({ min: 50, max: 3000 }).map((depth) => {
    let v: unknown = 'bottom';
    for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
    return v;
  }),
);

/** One structural change at a path chosen by `pick` (a number used modulo the candidates). */
export type Mutation =
  | { kind: 'replace'; pick: number; value: unknown }
  | { kind: 'delete'; pick: number }
  | { kind: 'add'; pick: number; key: string; value: unknown }
  | { kind: 'proto'; pick: number }
  | { kind: 'duplicate-id'; pick: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: wrongValue }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('add' as const),
    pick: fc.nat(),
    key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('constructor', 'prototype', 'toString', 'url', 'kind')),
    value: wrongValue,
  }),
  fc.record({ kind: fc.constant('proto' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-id' as const), pick: fc.nat() }),
);

type Container = Record<string, unknown> | unknown[];

/** Every object and array inside `root` (the root included), with the keys each holds. */
function containers(root: unknown): Container[] {
  const out: Container[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    out.push(value as Container);
    stack.push(...Object.values(value));
  }
  return out;
}

/** Applies the mutations to a deep copy of the decoded payload. */
export function mutate(payload: unknown, mutations: readonly Mutation[]): unknown {
  const root = structuredClone(payload);
  for (const m of mutations) {
    const all = containers(root);
    const target = all[m.pick % all.length]!;
    const keys = Object.keys(target);
    const key = keys.length > 0 ? keys[m.pick % keys.length]! : null;
    if (m.kind === 'replace' && key !== null) (target as Record<string, unknown>)[key] = m.value;
    else if (m.kind === 'delete' && key !== null) {
      if (Array.isArray(target)) target.splice(Number(key), 1);
      else delete target[key];
    } else if (m.kind === 'add' && !Array.isArray(target))
      Object.defineProperty(target, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
    else if (m.kind === 'proto' && !Array.isArray(target))
      Object.defineProperty(target, '__proto__', { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
    else if (m.kind === 'duplicate-id' && Array.isArray(target) && target.length > 0) target.push(structuredClone(target[0]));
  }
  return root;
}
