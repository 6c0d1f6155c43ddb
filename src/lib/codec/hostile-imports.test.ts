import { describe, expect, it } from 'vitest';
import { documentToJSON, encodeDocument } from './encode';
import { restore } from './restore';
import { encodeShareLink } from './share-link';
import { richBundle } from './test-fixtures';
import { MAX_DEPTH } from './tree-guard';

const { bundle, blobs } = richBundle('c1');
const doc = JSON.parse(documentToJSON(encodeDocument([bundle], blobs))) as Record<string, unknown>;
/** Compact, so the cases below can edit it as text. */
const good = JSON.stringify(doc);
const link = encodeShareLink('http://app.test/', bundle, blobs).url;

/** An exported web page carrying `json` the way the app writes it (escaped in an inert template). */
const page = (json: string) =>
  `<!doctype html><html><body><h1>t</h1><template id="chat-playground-data" data-format="chat-playground">${json.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</template></body></html>`;

type Doc = { conversations: { messages: Record<string, unknown>[] }[] };
function edited(change: (d: Doc) => void): string {
  const copy = structuredClone(doc) as unknown as Doc;
  change(copy);
  return JSON.stringify(copy);
}

function errorOf(input: unknown): string {
  const r = restore(input);
  if (r.ok) throw new Error('expected the import to be refused');
  return r.error.message;
}

/** Each hostile input and the precise error it must get. */
const CASES: [name: string, input: unknown, error: string | RegExp][] = [
  ['a number', '42', 'Expected a conversation file, an OpenAI request body or a messages array.'],
  ['a string', '"hello"', 'Expected a conversation file, an OpenAI request body or a messages array.'],
  ['null', 'null', 'Expected a conversation file, an OpenAI request body or a messages array.'],
  [
    'an image renamed to .json',
    '\x89PNG\r\n\x1a\n\0\0\0\rIHDR',
    /^Not valid JSON \([\s\S]*\)\. The file may be cut short or not a conversation file\.$/,
  ],
  ['an empty file', '   ', 'The file is empty.'],
  ['another format', JSON.stringify({ ...doc, format: 'other-app' }), 'format: Unknown format "other-app"; expected "chat-playground".'],
  [
    'a future version',
    JSON.stringify({ ...doc, version: 3 }),
    /^version: This file was written by a newer version of the app \(format v3\)/,
  ],
  ['version 0', JSON.stringify({ ...doc, version: 0 }), 'version: Missing or not a positive whole number.'],
  ['version as a string', JSON.stringify({ ...doc, version: '2' }), 'version: Missing or not a positive whole number.'],
  ['conversations not a list', JSON.stringify({ ...doc, conversations: {} }), /^conversations: /],
  ['a message without a role', edited((d) => delete d.conversations[0]!.messages[0]!.role), /^conversations\[0\]\.messages\[0\]/],
  [
    'a text part that is a number',
    good.replace('"text":"Be brief."', '"text":42'),
    /^conversations\[0\]\.messages\[0\]\.content\[0\]\.text/,
  ],
  ['a truncated file', good.slice(0, good.length / 2), /^Not valid JSON/],
  ['deep arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, /Nested more than 100 levels deep/],
  ['deep objects', `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`, /^a\.a\.a.*: Nested more than 100 levels deep/],
  [
    'deep nesting inside a free-form field',
    good.replace('"extra":{', `"extra":{"deep":${'['.repeat(MAX_DEPTH + 5)}${']'.repeat(MAX_DEPTH + 5)},`),
    /^conversations\[0\]\.messages\[3\]\.extra\.deep…\[0\]\[0\] \(100 levels\): Nested more than 100 levels/,
  ],
  [
    'a __proto__ key at the top',
    good.replace('"conversations":', '"__proto__":{"polluted":"yes"},"conversations":'),
    '__proto__: A "__proto__" key is not allowed in an imported file.',
  ],
  [
    'a __proto__ key in parameter values',
    good.replace('"values":{', '"values":{"__proto__":{"polluted":"yes"},'),
    /^conversations\[0\]\.params\.values\.__proto__: A "__proto__" key is not allowed/,
  ],
  ['a __proto__ blob id', good.replace('"blobs":{', '"blobs":{"__proto__":{"mimeType":"image/png","data":"AAAA"},'), /^blobs\.__proto__: /],
  [
    'a __proto__ key in a request body',
    JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }).replace('"model"', '"__proto__":{"x":1},"model"'),
    /__proto__/,
  ],
  [
    'the same conversation twice',
    JSON.stringify({ ...doc, conversations: [(doc.conversations as unknown[])[0], (doc.conversations as unknown[])[0]] }),
    'conversations[1].id: Conversation id "c1" appears twice.',
  ],
  ['a blob that is not base64', good.replace(/"data":"[^"]+"/, '"data":"***not base64***"'), /^blobs\["c1-img"\]\.data: Not valid base64/],
  ['a cut share link', link.slice(0, link.length - 20), 'share link: the link is damaged or cut short (it does not decompress)'],
  ['a share link with a changed character', `${link.slice(0, 60)}${link[60] === 'A' ? 'B' : 'A'}${link.slice(61)}`, /^share link: /],
  ['an empty share link', 'http://app.test/#share=', 'share link: the link has no conversation in it'],
  ['a share link of garbage', 'http://app.test/#share=!!!!', 'share link: the link has no conversation in it'],
  ['an empty array', '[]', 'An empty list of messages: there is no conversation in it to import.'],
  [
    'a request body without messages',
    JSON.stringify({ model: 'm', messages: [] }),
    'messages: An empty list of messages: there is no conversation in it to import.',
  ],
  [
    'a javascript: image URL in a request body',
    JSON.stringify({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'javascript:alert(1)' } }] }] }),
    /^messages\[0\]\.content\[0\]\.image_url\.url: .*https:\/\//,
  ],
  [
    'an http: image URL in a request body',
    JSON.stringify({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'http://tracker.example/p.gif' } }] }] }),
    /image_url\.url: /,
  ],
  [
    'an HTML page dressed as an image',
    JSON.stringify({
      messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:text/html,<script>alert(1)</script>' } }] }],
    }),
    /image_url\.url: /,
  ],
  [
    'a javascript: URL as an image of our own format',
    good.replace(/"source":\{"kind":"blob","blobId":"c1-img"[^}]*\}/, '"source":{"kind":"url","url":"javascript:alert(1)"}'),
    /^conversations\[0\]\.messages\[\d+\]\.content\[\d+\]\.source\.url: must be an https:\/\/ address/,
  ],
  [
    'deep nesting under very long keys says so in one short line',
    `${('{"' + 'k'.repeat(2000) + '":').repeat(200)}1${'}'.repeat(200)}`,
    /^[^\n]{1,700}$/,
  ],
  [
    'a web page that is not one of ours',
    '<!doctype html><title>Hi</title><p>hello</p>',
    'This HTML page has no conversation data in it (only pages exported by this app can be imported).',
  ],
  [
    'an exported page cut short',
    page(good).slice(0, 2000),
    'This HTML page has no conversation data in it (only pages exported by this app can be imported).',
  ],
  ['an exported page whose data is cut short', page(good.slice(0, good.length / 2)), /^Not valid JSON/],
  ['an exported page from a newer app', page(JSON.stringify({ ...doc, version: 3 })), /^version: This file was written by a newer version/],
  [
    'an exported page with a __proto__ key in its data',
    page(good.replace('"conversations":', '"__proto__":{"polluted":"yes"},"conversations":')),
    '__proto__: A "__proto__" key is not allowed in an imported file.',
  ],
  [
    'an exported page whose data carrier holds markup',
    '<template id="chat-playground-data"><script>alert(1)</script></template>',
    'This HTML page has no conversation data in it (only pages exported by this app can be imported).',
  ],
  ['a non-string value', 12, 'Expected a conversation file, an OpenAI request body or a messages array.'],
];

describe('hostile imports: a precise error, never a throw', () => {
  for (const [name, input, error] of CASES) {
    it(name, () => {
      const message = errorOf(input);
      if (typeof error === 'string') expect(message).toBe(error);
      else expect(message).toMatch(error);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('keys named constructor or prototype stay plain data (a tool may have such a parameter)', () => {
    const body = {
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      tools: [
        {
          type: 'function',
          function: {
            name: 'f',
            parameters: { type: 'object', properties: { constructor: { type: 'string' }, prototype: { type: 'string' } } },
          },
        },
      ],
    };
    const r = restore(JSON.stringify(body));
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the valid file still imports', () => {
    expect(restore(good).ok).toBe(true);
    expect(restore(link).ok).toBe(true);
    expect(restore(page(good)).ok).toBe(true);
  });
});
