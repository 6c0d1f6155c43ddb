/**
 * Structural fuzz of the two import channels that carry a whole conversation file: share links
 * (`#share=` + deflated base64url JSON) and HTML exports (the inert JSON block). The byte-level fuzz
 * (src/lib/db/import-fuzz.test.ts) flips bytes of the packed form, which mostly fails to inflate or
 * parse; here fast-check builds the decoded payload itself (arbitrary message trees, roles, parts,
 * hostile strings, wrong types, huge numbers, deep nesting, `__proto__`) and shrinks a failure to
 * its smallest case. Seeded and bounded, so a run is fast and repeatable.
 */
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isSafeMediaURL } from '../../domain/link-safety';
import { bytesToBase64url } from './base64';
import { encodeDocument } from './encode';
import type { BlobData, ConversationBundle, RestoreResult } from './format';
import { mutation, mutate, validBundle, wrongValue } from './fuzz-arbitraries';
import { toHTML } from './html-page/page';
import { PLAIN_MARKDOWN } from './test-fixtures';
import { restore } from './restore';
import type { DocumentV2 } from './schema';
import { encodeShareLink } from './share-link';
import { richBundle } from './test-fixtures';

const SEED = 220_117;
const RUNS = 300;
const APP = 'https://playground.test/app/';

// The public encoders: these calls are all the test knows of how a link or a page is built.
const shareLinkOf = (bundle: ConversationBundle, blobs: ReadonlyMap<string, BlobData>) => encodeShareLink(APP, bundle, blobs).url;
const htmlPageOf = (bundle: ConversationBundle, blobs: ReadonlyMap<string, BlobData>, doc = encodeDocument([bundle], blobs)) =>
  toHTML(bundle, blobs, doc, PLAIN_MARKDOWN);
/** A link carrying any payload, packed as share-link.ts packs the file (deflate, base64url). */
const linkCarrying = (json: string) => `${APP}#share=${bytesToBase64url(deflateSync(strToU8(json), { level: 9 }))}`;

/** restore() that reports a throw instead of throwing, so the property names it. */
function tryRestore(input: string): RestoreResult | { thrown: string } {
  try {
    return restore(input, { now: 1 });
  } catch (e) {
    return { thrown: String(e) };
  }
}

/** A refusal a person can act on: one line, says where and why, no leaked internals. */
function expectReadableError(result: RestoreResult | { thrown: string }): void {
  expect(result).not.toHaveProperty('thrown');
  const r = result as RestoreResult;
  if (r.ok) return;
  const { message } = r.error;
  expect(message.length).toBeGreaterThan(5);
  expect(message.length).toBeLessThan(600);
  expect(message).not.toMatch(/\[object Object\]|TypeError|at .*\.ts:\d/);
}

/** Nothing restored may point a media part at anything but https: or a data: URL of its kind. */
function expectOnlySafeURLs(result: RestoreResult): void {
  if (!result.ok) return;
  // (An endpoint's base URL is only a name here: the importer makes a profile of http(s) ones only, share-actions.ts.)
  for (const { messages } of result.value.conversations) {
    for (const m of messages)
      for (const p of m.content) if (p.type !== 'text' && p.source.kind === 'url') expect(isSafeMediaURL(p.source.url, p.type)).toBe(true);
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** What the importer gives back for an exported bundle: the endpoint is resolved on import, not carried. */
const asImported = ({ bundle, blobs }: { bundle: ConversationBundle; blobs: Map<string, BlobData> }) => ({
  conversations: [{ ...bundle, conversation: { ...bundle.conversation, endpointId: null } }],
  blobs,
});

/** The page without its inert data block: what a browser would parse as markup. */
const markupOf = (html: string) => html.replace(/<script type="application\/json" id="chat-playground-data">[\s\S]*?<\/script>/, '');

const params = { seed: SEED, numRuns: RUNS };

describe('valid conversations round-trip exactly', () => {
  it('through a share link', () => {
    fc.assert(
      fc.property(validBundle, (valid) => {
        const result = restore(shareLinkOf(valid.bundle, valid.blobs), { now: 1 });
        if (!result.ok) throw new Error(result.error.message);
        expect({ conversations: result.value.conversations, blobs: result.value.blobs }).toEqual(asImported(valid));
      }),
      params,
    );
  });

  it('through an HTML export, whose markup runs nothing and links nowhere unsafe', () => {
    fc.assert(
      fc.property(validBundle, (valid) => {
        const html = htmlPageOf(valid.bundle, valid.blobs);
        const markup = markupOf(html);
        expect(markup).not.toMatch(/<script/i);
        expect(markup).not.toMatch(/<(iframe|object|embed|base|form)\b/i);
        // An event handler or a script URL can only sit inside a tag the exporter wrote.
        for (const tag of markup.match(/<[a-z][^>]*>/gi) ?? []) {
          expect(tag.replace(/"[^"]*"/g, '""'), 'no event handler attribute').not.toMatch(/\son[a-z]+\s*=/i);
          for (const [, , url] of tag.matchAll(/\s(href|src|action)\s*=\s*"([^"]*)"/gi))
            expect(url!.replace(/&#?\w+;/g, '').trim()).not.toMatch(/^(javascript|vbscript|data:text\/html)/i);
        }
        const result = restore(html, { now: 1 });
        if (!result.ok) throw new Error(result.error.message);
        expect({ conversations: result.value.conversations, blobs: result.value.blobs }).toEqual(asImported(valid));
      }),
      params,
    );
  });
});

describe('damaged payloads never throw, are refused readably, or import only safe data', () => {
  // The same payload through both channels and as plain JSON: all three must agree.
  const throughEveryChannel = (payload: unknown) => {
    const json = JSON.stringify(payload);
    const { bundle, blobs } = richBundle('carrier');
    const direct = tryRestore(json);
    const link = tryRestore(linkCarrying(json));
    const page = tryRestore(htmlPageOf(bundle, blobs, payload as DocumentV2));
    for (const r of [direct, link, page]) {
      expectReadableError(r);
      expectOnlySafeURLs(r as RestoreResult);
    }
    // Request bodies and message lists get fresh ids on each import: compare them by order of appearance.
    const verdict = (r: RestoreResult | { thrown: string }) => {
      const ids = new Map<string, number>();
      return JSON.stringify('ok' in r && r.ok ? r.value.conversations : (r as { error?: unknown }).error).replace(
        /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
        (id) => `id#${ids.get(id) ?? ids.set(id, ids.size).size - 1}`,
      );
    };
    expect(verdict(link)).toEqual(verdict(direct));
    expect(verdict(page)).toEqual(verdict(direct));
  };

  it('structural mutations of a valid document (wrong types, missing and extra keys, __proto__, deep nesting)', () => {
    fc.assert(
      fc.property(validBundle, fc.array(mutation, { minLength: 1, maxLength: 4 }), (valid, mutations) => {
        throughEveryChannel(mutate(encodeDocument([valid.bundle], valid.blobs), mutations));
      }),
      params,
    );
  });

  it('arbitrary values where a document is expected', () => {
    const docLike = fc.oneof(
      wrongValue,
      fc.record({ format: fc.constant('chat-playground'), version: fc.oneof(fc.constant(2), wrongValue), conversations: wrongValue }),
      fc.record({ messages: fc.array(fc.record({ role: fc.oneof(fc.constant('user'), wrongValue), content: wrongValue })) }),
    );
    fc.assert(fc.property(docLike, throughEveryChannel), params);
  });

  it('a media URL swapped for a script or page URL is refused, whatever the channel', () => {
    const bad = fc.constantFrom(
      'javascript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      'http://x/',
    );
    fc.assert(
      fc.property(validBundle, bad, (valid, url) => {
        const doc = encodeDocument([valid.bundle], valid.blobs);
        const message = { id: 'injected', parentId: null, role: 'user', createdAt: 1, updatedAt: 1 };
        (doc.conversations[0]!.messages as unknown[]).push({ ...message, content: [{ type: 'image', source: { kind: 'url', url } }] });
        const result = tryRestore(linkCarrying(JSON.stringify(doc)));
        expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/must be an https:\/\/ address/) } });
      }),
      { seed: SEED, numRuns: 40 },
    );
  });
});
