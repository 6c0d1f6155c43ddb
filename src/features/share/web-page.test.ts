import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../domain/types';
import { encodeDocument } from '../../lib/codec/encode';
import type { Restored, RestoreResult } from '../../lib/codec/format';
import { embeddedData, extractEmbeddedJSON } from '../../lib/codec/html';
import { PAGE_CSP } from '../../lib/codec/html-page/page';
import { restore } from '../../lib/codec/restore';
import { richBundle } from '../../lib/codec/test-fixtures';
import { webPage } from './web-page';

function ok(r: RestoreResult): Restored {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const withoutEndpointId = (b: ReturnType<typeof richBundle>['bundle']) => ({
  ...b,
  conversation: { ...b.conversation, endpointId: null },
});

/** Payloads that would become markup, close the carrier or a comment, or run, if anything were left unescaped. */
const HOSTILE = [
  '<img src=x onerror="alert(1)">',
  '</textarea><script>alert(2)</script>',
  '--> <!-- ',
  '</template><script>alert(3)</script>',
  '<template id="chat-playground-data">{}</template>',
  '" onmouseover=\'alert(4)\' x="',
  '&lt;b&gt; &amp;amp; &#x3C;',
  '<style>*{display:none}</style>',
  ']]> <![CDATA[ <svg onload=alert(5)>',
  '\u2028\u2029 <a href="javascript:alert(6)">x</a>',
].join('\n\n');

const ALLOWED_TAGS = new Set(
  'html head meta title style body main header footer bdi h1 h2 h3 h4 h5 h6 dl dt dd div article span details summary p strong b em del code pre a img table thead tbody tr th td ul ol li blockquote hr br input sup section template'.split(
    ' ',
  ),
);

const TAG = /<(\/?)([a-zA-Z][^\s/>]*)((?:\s+[^\s=/>]+(?:="[^"]*")?)*)\s*>/y;

/**
 * Every element in the page, read as a browser would: text between tags never holds a `<` (it is
 * escaped), so each `<` starts a tag, whose attribute values are quoted. A `<` that starts no
 * well-formed tag is a failure: something was left unescaped.
 */
function tagsOf(html: string): { name: string; attributes: [string, string][] }[] {
  const page = html.replace(/^<!doctype html>/i, '').replace(/<style>[^<]*<\/style>/, '<style></style>');
  const tags: { name: string; attributes: [string, string][] }[] = [];
  for (let at = page.indexOf('<'); at !== -1; at = page.indexOf('<', TAG.lastIndex)) {
    TAG.lastIndex = at;
    const m = TAG.exec(page);
    if (!m) throw new Error(`Not a tag at ${at}: ${page.slice(at, at + 60)}`);
    const attributes = [...m[3]!.matchAll(/\s+([^\s=/>]+)(?:="([^"]*)")?/g)].map((a): [string, string] => [
      a[1]!.toLowerCase(),
      a[2] ?? '',
    ]);
    tags.push({ name: m[2]!.toLowerCase(), attributes });
  }
  return tags;
}

function hostileBundle() {
  const { bundle, blobs } = richBundle();
  bundle.conversation.title = `Title ${HOSTILE}`;
  bundle.conversation.params.model = `model ${HOSTILE}`;
  bundle.endpoint = { baseURL: `http://x.test/${HOSTILE}`, name: HOSTILE };
  const a2 = bundle.messages.find((m) => m.id === 'conv-1-a2')! as Message;
  a2.content = [{ type: 'text', text: `# Reply\n\n${HOSTILE}\n\n![x" onerror="alert(7)](javascript:alert(8))` }];
  a2.reasoning = HOSTILE;
  a2.refusal = HOSTILE;
  a2.model = HOSTILE;
  a2.name = HOSTILE;
  a2.toolCalls = [{ id: HOSTILE, name: HOSTILE, arguments: JSON.stringify({ q: HOSTILE }) }];
  a2.usage = { promptTokens: 1, completionTokens: 2, totalTokens: 3, raw: {} };
  const user = bundle.messages.find((m) => m.id === 'conv-1-u')! as Message;
  user.content = [{ type: 'text', text: HOSTILE }, ...user.content.slice(1)];
  return { bundle, blobs };
}

describe('the rendered HTML page', () => {
  it('formats markdown, code, images, reasoning, tool calls and usage', async () => {
    const { bundle, blobs } = richBundle();
    const a2 = bundle.messages.find((m) => m.id === 'conv-1-a2')! as Message;
    a2.content = [
      {
        type: 'text',
        text: '# Heading\n\n**bold** and `tick`\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```python\ndef f(): return 1\n```\n\n![pic](https://img.example/p.png)\n\n[site](https://example.com)',
      },
    ];
    a2.toolCalls = [{ id: 'call_9', name: 'get_weather', arguments: '{"city":"Paris"}' }];
    a2.usage = { promptTokens: 1200, completionTokens: 34, totalTokens: 1234, reasoningTokens: 5, raw: {} };
    const html = await webPage(bundle, blobs, encodeDocument([bundle], blobs));
    expect(html).toContain('<h1>Heading</h1>');
    expect(html).toContain('<strong>bold</strong> and <code>tick</code>');
    expect(html).toMatch(/<table>[\s\S]*<th>a<\/th>[\s\S]*<td>2<\/td>/);
    expect(html).toContain('<code class="hljs language-python"><span class="hljs-keyword">def</span>');
    // A remote image is never loaded: a link naming its host.
    expect(html).toContain('Image “pic” from img.example (not loaded)');
    expect(html).not.toContain('src="https://img.example');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    // The user's image is inline bytes; reasoning is folded; the tool call is formatted JSON.
    expect(html).toMatch(/<img src="data:image\/png;base64,[^"]+" alt="dot.png">/);
    expect(html).toContain('<details class="reasoning"><summary>Reasoning');
    expect(html).toContain('<span class="hljs-attr">"city"</span>');
    expect(html).toContain('<b>1,200</b> prompt');
    expect(html).toContain('<b>5</b> reasoning');
    expect(html).toContain('<p class="status">Interrupted: Stopped.</p>');
    expect(html).toContain(`content="${PAGE_CSP}"`);
    expect(html).not.toMatch(/<script/i);
  });

  it('escapes hostile text everywhere: no element or attribute comes from a message, a title or a name', async () => {
    const { bundle, blobs } = hostileBundle();
    const html = await webPage(bundle, blobs, encodeDocument([bundle], blobs));
    const tags = tagsOf(html);
    expect(tags.filter((t) => !ALLOWED_TAGS.has(t.name)).map((t) => t.name)).toEqual([]);
    const attributes = tags.flatMap((t) => t.attributes);
    expect(attributes.filter(([name]) => name.startsWith('on') || name === 'style' || name === 'srcdoc')).toEqual([]);
    expect(attributes.filter(([name, value]) => name === 'href' && !/^(https?:|mailto:|#)/.test(value))).toEqual([]);
    expect(attributes.filter(([name, value]) => name === 'src' && !value.startsWith('data:image/png;'))).toEqual([]);
    // One carrier and one stylesheet (opening and closing tag each): none came from the text.
    expect(tags.filter((t) => t.name === 'template')).toHaveLength(2);
    expect(tags.filter((t) => t.name === 'style')).toHaveLength(2);
    // Each payload is there as text, for the reader to see.
    expect(html).toContain('&lt;img src=x onerror="alert(1)"&gt;');
  });

  it('shows the bidi and invisible controls of a title instead of obeying them', async () => {
    const { bundle, blobs } = richBundle();
    bundle.conversation.title = 'invoice\u202Efdp.exe';
    const html = await webPage(bundle, blobs, encodeDocument([bundle], blobs));
    expect(html).toContain('<title>invoice⟨U+202E⟩fdp.exe</title>');
    expect(html).toContain('<h1><bdi dir="auto">invoice⟨U+202E⟩fdp.exe</bdi></h1>');
    expect(ok(restore(html)).conversations[0]!.conversation.title).toBe('invoice\u202Efdp.exe');
  });

  it('carries the conversation, hostile text included, back through import unchanged', async () => {
    const { bundle, blobs } = hostileBundle();
    const html = await webPage(bundle, blobs, encodeDocument([bundle], blobs));
    const back = ok(restore(html));
    expect(back.source).toBe('html');
    expect(back.conversations[0]).toEqual(withoutEndpointId(bundle));
    expect(back.blobs).toEqual(blobs);
  });
});

describe('the data carrier', () => {
  it('round-trips any text, including entity look-alikes and closing tags', async () => {
    const { bundle, blobs } = richBundle();
    const doc = encodeDocument([bundle], blobs);
    doc.conversations[0]!.title = '&amp;lt; &lt; < > & </template> </TEMPLATE > &#60; \u2028';
    const carrier = embeddedData(doc);
    expect(carrier.slice(1)).not.toContain('<template');
    expect(carrier.match(/<\/template>/g)).toHaveLength(1);
    expect(JSON.parse(extractEmbeddedJSON(`<!doctype html><p>x</p>${carrier}`)!)).toEqual(doc);
  });

  it('imports a page exported before pages were rendered (its data in a script element)', async () => {
    const legacy = readFileSync(new URL('../../lib/codec/fixtures/legacy-page.html', import.meta.url), 'utf8');
    expect(legacy).toContain('<script type="application/json" id="chat-playground-data">');
    const back = ok(restore(legacy));
    const { bundle, blobs } = richBundle();
    expect(back.source).toBe('html');
    expect(back.conversations[0]).toEqual(withoutEndpointId(bundle));
    expect(back.blobs).toEqual(blobs);
  });

  it('refuses a page without data, and one whose data is cut short', async () => {
    expect(restore('<!doctype html><p>hello</p>')).toMatchObject({ ok: false, error: { reason: /no conversation data/ } });
    const { bundle, blobs } = richBundle();
    const html = await webPage(bundle, blobs, encodeDocument([bundle], blobs));
    const cut = html.replace(/("blobs":)[^<]*/, '$1{');
    expect(restore(cut)).toMatchObject({ ok: false, error: { reason: /Not valid JSON/ } });
  });
});
