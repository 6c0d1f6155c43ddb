import { describe, expect, it } from 'vitest';
import { buildChatRequest } from '../openai/request';
import { toDataURL } from './base64';
import { documentToJSON, encodeDocument } from './encode';
import type { Restored } from './format';
import { toHTML } from './html-page/page';
import { toMarkdown } from './markdown';
import { restore } from './restore';
import { encodeShareLink, LINK_IMAGE_LIMIT } from './share-link';
import { PLAIN_MARKDOWN, PNG_BYTES, richBundle } from './test-fixtures';

function ok(result: ReturnType<typeof restore>): Restored {
  if (!result.ok) throw new Error(`restore failed: ${result.error.message}`);
  return result.value;
}

const withoutEndpointId = <T extends { conversation: { endpointId: string | null } }>(b: T) => ({
  ...b,
  conversation: { ...b.conversation, endpointId: null },
});

describe('conversation file round trips', () => {
  it('our JSON: export → import gives back every field, branch and image', () => {
    const { bundle, blobs } = richBundle();
    const json = documentToJSON(encodeDocument([bundle], blobs));
    const back = ok(restore(json));
    expect(back.source).toBe('app');
    expect(back.conversations).toHaveLength(1);
    expect(back.conversations[0]).toEqual(withoutEndpointId(bundle));
    expect(back.blobs).toEqual(blobs);
  });

  it('HTML page: renders escaped text, no script runs, and imports back equal', () => {
    const { bundle, blobs } = richBundle();
    const html = toHTML(bundle, blobs, encodeDocument([bundle], blobs), PLAIN_MARKDOWN);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<script');
    expect(html).toContain('<template id="chat-playground-data"');
    expect(html).toContain("default-src 'none'");
    expect(html).toContain(`src="${toDataURL('image/png', PNG_BYTES)}"`);
    const back = ok(restore(html));
    expect(back.source).toBe('html');
    expect(back.conversations[0]).toEqual(withoutEndpointId(bundle));
    expect(back.blobs).toEqual(blobs);
  });

  it('HTML page that quotes a share link in a message imports as the page (found by the structural fuzz)', () => {
    const { bundle, blobs } = richBundle();
    bundle.messages[0]!.content = [{ type: 'text', text: 'Open http://app.test/#share=eJwDAAAAAAE to see it' }];
    const back = ok(restore(toHTML(bundle, blobs, encodeDocument([bundle], blobs), PLAIN_MARKDOWN)));
    expect(back.source).toBe('html');
    expect(back.conversations[0]).toEqual(withoutEndpointId(bundle));
  });

  it('share link: small images travel, the link decodes back to the same conversation', () => {
    const { bundle, blobs } = richBundle();
    const link = encodeShareLink('http://app.test/?x=1#old', bundle, blobs);
    expect(link.url.startsWith('http://app.test/?x=1#share=')).toBe(true);
    expect(link.dropped).toEqual([]);
    const back = ok(restore(link.url));
    expect(back.source).toBe('share-link');
    expect(back.conversations[0]).toEqual(withoutEndpointId(bundle));
    expect(back.blobs).toEqual(blobs);
  });

  it('share link: large images are replaced by a notice and listed', () => {
    const { bundle } = richBundle();
    const big = new Uint8Array(LINK_IMAGE_LIMIT + 1).map((_, i) => (i * 7919) % 251);
    const link = encodeShareLink('http://app.test/', bundle, new Map([['conv-1-img', { mimeType: 'image/png', bytes: big }]]));
    expect(link.dropped).toEqual([{ messageId: 'conv-1-u', name: 'dot.png', size: big.length }]);
    const back = ok(restore(link.url));
    const user = back.conversations[0]!.messages.find((m) => m.id === 'conv-1-u')!;
    expect(user.content[1]).toEqual({ type: 'text', text: '[image left out of the share link: dot.png, 12 KB]' });
    expect(back.blobs.size).toBe(0);
    expect(link.length).toBeLessThan(big.length);
  });

  it('share link: web-address images and audio are counted with their hosts; large inline data is left out', () => {
    const { bundle, blobs } = richBundle();
    const user = bundle.messages.find((m) => m.id === 'conv-1-u')!;
    const bigInline = `data:image/png;base64,${'A'.repeat(Math.ceil(((LINK_IMAGE_LIMIT + 10) * 4) / 3))}`;
    user.content = [
      ...user.content,
      { type: 'image', source: { kind: 'url', url: 'https://cdn.example/cat.png' }, detail: 'auto' },
      { type: 'audio', source: { kind: 'url', url: 'https://media.example:8443/a.wav' }, format: 'wav' },
      { type: 'image', source: { kind: 'url', url: bigInline }, detail: 'auto' },
    ];
    const link = encodeShareLink('http://app.test/', bundle, blobs);
    expect(link.linked).toEqual([
      { messageId: 'conv-1-u', type: 'image', host: 'cdn.example' },
      { messageId: 'conv-1-u', type: 'audio', host: 'media.example:8443' },
    ]);
    expect(link.dropped).toEqual([{ messageId: 'conv-1-u', name: 'image (image/png)', size: LINK_IMAGE_LIMIT + 10 }]);
    expect(link.length).toBeLessThan(LINK_IMAGE_LIMIT);
  });

  it("share link: a spoken reply's audio is left out and counted; its transcript travels", () => {
    const { bundle, blobs } = richBundle();
    const reply = bundle.messages.find((m) => m.role === 'assistant')!;
    reply.audio = { id: 'audio_1', transcript: 'Hello there', blobId: 'conv-1-img' };
    const link = encodeShareLink('http://app.test/', bundle, blobs);
    expect(link.audioRepliesLeftOut).toBe(1);
    const back = ok(restore(link.url)).conversations[0]!.messages.find((m) => m.id === reply.id)!;
    expect(back.audio).toEqual({ id: 'audio_1', transcript: 'Hello there' });
  });

  it('plain request body: import → rebuild sends the same body', () => {
    const { bundle, blobs } = richBundle();
    const path = [bundle.messages[0]!, bundle.messages[1]!, bundle.messages[3]!];
    const resolve = (s: { kind: string; blobId?: string; url?: string }) =>
      s.kind === 'url' ? s.url! : toDataURL('image/png', blobs.get(s.blobId!)!.bytes);
    const built = buildChatRequest(path, bundle.conversation.params, resolve);
    if (!built.ok) throw new Error('build failed');
    const back = ok(restore(JSON.stringify(built.body)));
    expect(back.source).toBe('openai-body');
    const c = back.conversations[0]!;
    expect(c.messages).toHaveLength(3);
    const rebuilt = buildChatRequest(c.messages, c.conversation.params, (s) =>
      s.kind === 'url' ? s.url : toDataURL(s.mimeType, back.blobs.get(s.blobId)!.bytes),
    );
    expect(rebuilt.ok && rebuilt.body).toEqual(built.body);
    expect(c.conversation.currentLeafId).toBe(c.messages[2]!.id);
  });

  it('a bare messages array becomes a conversation with a title from the first user turn', () => {
    const back = ok(
      restore('[{"role":"system","content":"Hi"},{"role":"user","content":"Tell me a joke"},{"role":"assistant","content":"No."}]'),
    );
    expect(back.source).toBe('openai-messages');
    const c = back.conversations[0]!;
    expect(c.conversation.title).toBe('Tell me a joke');
    expect(c.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
    expect(c.messages[1]!.parentId).toBe(c.messages[0]!.id);
  });

  it('migrates a version 1 file (linear, inline images) to the current format', () => {
    const v1 = {
      format: 'chat-playground',
      version: 1,
      title: 'Old',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Look' },
            { type: 'image', url: toDataURL('image/png', PNG_BYTES) },
          ],
        },
        { role: 'assistant', content: 'A dot', futureField: 1 },
      ],
    };
    const back = ok(restore(JSON.stringify(v1), { now: 5000 }));
    expect(back.fromVersion).toBe(1);
    const c = back.conversations[0]!;
    expect(c.conversation.title).toBe('Old');
    expect(c.messages[1]!.parentId).toBe(c.messages[0]!.id);
    expect(c.conversation.currentLeafId).toBe(c.messages[1]!.id);
    const image = c.messages[0]!.content[1]!;
    expect(image.type === 'image' && image.source.kind === 'blob' && back.blobs.get(image.source.blobId)?.bytes).toEqual(PNG_BYTES);
    expect(c.messages[1]).not.toHaveProperty('futureField');
  });
});

describe('hostile and broken input', () => {
  const good = () =>
    JSON.parse(documentToJSON(encodeDocument([richBundle().bundle], richBundle().blobs))) as Record<string, unknown> & {
      conversations: Record<string, unknown>[];
    };

  it('drops unknown fields and never pollutes prototypes', () => {
    const doc = good();
    doc.surprise = 1;
    (doc.conversations[0] as Record<string, unknown>).evil = 'x';
    const back = ok(restore(JSON.stringify(doc)));
    expect(back.conversations[0]!.conversation).not.toHaveProperty('evil');
    // A "__proto__" key anywhere is refused outright, with its place (see hostile-imports.test.ts).
    const text = JSON.stringify(doc).replace('"x_groq"', '"__proto__":{"polluted":true},"x_groq"');
    const refused = restore(text);
    expect(refused.ok ? null : refused.error.message).toBe(
      'conversations[0].messages[3].extra.__proto__: A "__proto__" key is not allowed in an imported file.',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(back.conversations[0]!.messages[3]!.extra)).toBe(Object.prototype);
  });

  it.each([
    [
      'a wrong role',
      (d: ReturnType<typeof good>) => ((d.conversations[0]!.messages as Record<string, unknown>[])[1]!.role = 'admin'),
      'conversations[0].messages[1].role',
    ],
    [
      'a missing parent',
      (d: ReturnType<typeof good>) => ((d.conversations[0]!.messages as Record<string, unknown>[])[1]!.parentId = 'nope'),
      'conversations[0].messages[1].parentId',
    ],
    ['a missing image', (d: ReturnType<typeof good>) => (d.blobs = {}), 'conversations[0].messages[1].content[1].source.blobId'],
    ['a dangling leaf', (d: ReturnType<typeof good>) => (d.conversations[0]!.currentLeafId = 'gone'), 'conversations[0].currentLeafId'],
    [
      'a text that is a number',
      (d: ReturnType<typeof good>) =>
        (((d.conversations[0]!.messages as Record<string, unknown>[])[0]!.content as Record<string, unknown>[])[0]!.text = 5),
      'conversations[0].messages[0].content[0].text',
    ],
    ['a newer version', (d: ReturnType<typeof good>) => (d.version = 99), 'version'],
    ['another format', (d: ReturnType<typeof good>) => (d.format = 'sharegpt'), 'format'],
    [
      'duplicated message ids',
      (d: ReturnType<typeof good>) => ((d.conversations[0]!.messages as Record<string, unknown>[])[2]!.id = 'conv-1-u'),
      'conversations[0].messages[2].id',
    ],
  ])('rejects %s with the exact path', (_name, mutate, path) => {
    const doc = good();
    mutate(doc);
    const result = restore(JSON.stringify(doc));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.path).toBe(path);
      expect(result.error.message).toContain(path);
    }
  });

  it('reads logprob bytes that are not byte values, or missing, as null instead of refusing the file', () => {
    const doc = good();
    const reply = (doc.conversations[0]!.messages as Record<string, unknown>[]).find((m) => m.id === 'conv-1-a2')!;
    const tokens = reply.logprobs as Record<string, unknown>[];
    tokens[0]!.bytes = [300];
    delete tokens[1]!.bytes;
    tokens[2]!.bytes = 'f0';
    const back = ok(restore(JSON.stringify(doc)));
    const logprobs = back.conversations[0]!.messages.find((m) => m.id === 'conv-1-a2')!.logprobs!;
    expect(logprobs.map((t) => t.bytes)).toEqual([null, null, null, [156], null]);
    expect(logprobs.map((t) => t.token)).toEqual(['A', ' \\xf0\\x9f', '\\xa6', '\\x9c', '!']);
    expect(logprobs[2]!.topLogprobs).toEqual([{ token: '\\xa5', logprob: -2.5, bytes: [165] }]);
  });

  it('rejects truncated files and links, bad JSON and non-conversations', () => {
    const json = documentToJSON(encodeDocument([richBundle().bundle], richBundle().blobs));
    const cut = restore(json.slice(0, json.length / 2));
    expect(!cut.ok && cut.error.message).toMatch(/Not valid JSON/);
    const link = encodeShareLink('http://a/', richBundle().bundle, richBundle().blobs).url;
    const cutLink = restore(link.slice(0, link.length - 40));
    expect(!cutLink.ok && cutLink.error.message).toMatch(/share link: .*(cut short|damaged)/);
    expect(restore('http://a/#share=%%%').ok).toBe(false);
    expect(restore('{"hello": 1}').ok).toBe(false);
    expect(restore('42').ok).toBe(false);
    expect(restore('').ok).toBe(false);
    expect(restore('<html><script>alert(1)</script></html>').ok).toBe(false);
    const badBody = restore('{"model":"m","messages":[{"role":"user","content":"x"}],"temperature":"hot"}');
    expect(!badBody.ok && badBody.error.path).toBe('temperature');
  });

  it('Markdown shows the current branch with the image inline', () => {
    const { bundle, blobs } = richBundle();
    const md = toMarkdown(bundle, blobs);
    expect(md).toContain('# Weather <b>test</b>');
    expect(md).toContain(`![dot.png](${toDataURL('image/png', PNG_BYTES)})`);
    expect(md).toContain('**Tool call** `get_weather`');
    expect(md).not.toContain('A dot.'); // the other branch
  });
});

describe('request body parameters', () => {
  it.each([
    [{ stream: false }],
    [{ stream: true, stream_options: { include_usage: false } }],
    [{ stream: true, stream_options: { include_usage: true } }],
    [{ temperature: 0.2, stop: ['x'], top_k: 40, seed: 7 }],
  ])('body %j comes back unchanged', (extra) => {
    const body = { model: 'm', messages: [{ role: 'user', content: 'hi' }], ...extra };
    const back = ok(restore(JSON.stringify(body)));
    const c = back.conversations[0]!;
    const rebuilt = buildChatRequest(c.messages, c.conversation.params);
    expect(rebuilt.ok && rebuilt.body).toEqual(body);
  });
});
