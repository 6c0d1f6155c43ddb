import { describe, expect, it } from 'vitest';
import { textContent } from '../../domain/messages';
import type { Message } from '../../domain/types';
import { placeholderResolver, toWireMessages } from './mapping';
import { parseMessagesJSON } from './parse-messages';

describe('parsing pasted messages', () => {
  it('round-trips every role and part through the wire mapping', () => {
    const now = 1;
    const base = { conversationId: 'c', parentId: null, status: 'done' as const, createdAt: now, updatedAt: now };
    const messages: Message[] = [
      { ...base, id: '1', role: 'system', content: textContent('sys'), name: 'ops' },
      {
        ...base,
        id: '2',
        role: 'user',
        content: [
          { type: 'text', text: 'hi' },
          { type: 'image', source: { kind: 'url', url: 'https://x/a.png' }, detail: 'high' },
        ],
      },
      { ...base, id: '3', role: 'assistant', content: [], toolCalls: [{ id: 'k', name: 'f', arguments: '{"a":1}' }], refusal: 'no' },
      { ...base, id: '4', role: 'tool', content: textContent('42'), toolCallId: 'k' },
    ];
    const wire = toWireMessages(messages, placeholderResolver);
    const parsed = parseMessagesJSON(JSON.stringify(wire));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(
      toWireMessages(
        parsed.messages.map((m, i) => ({ ...base, id: String(i), ...m })),
        placeholderResolver,
      ),
    ).toEqual(wire);
  });

  it('accepts a whole request body and reports the other fields', () => {
    const parsed = parseMessagesJSON('{"model":"m","temperature":1,"messages":[{"role":"user","content":"x"}]}');
    expect(parsed).toMatchObject({ ok: true, params: { model: 'm', temperature: 1 } });
  });

  it.each([
    ['[1', /^Not valid JSON/],
    ['{"a":1}', /^Expected a messages array or a request body with "messages", got an object\.$/],
    ['[{"role":"user"}]', /^messages\[0\]\.content: is required for a user message$/],
    [
      '[{"role":"system","content":[{"type":"image_url","image_url":{"url":"u"}}]}]',
      /^messages\[0\]\.content\[0\]: a system message may hold text parts only$/,
    ],
    [
      '[{"role":"assistant","content":null,"tool_calls":[{"id":"k","function":{"name":1}}]}]',
      /^messages\[0\]\.tool_calls\[0\]\.function\.name: expected a string, got a number$/,
    ],
    ['[{"role":"tool","content":"x"}]', /^messages\[0\]\.tool_call_id: expected a string, got nothing$/],
    ['[{"role":"user","content":[{"type":"input_audio","input_audio":{"data":"AA","format":"ogg"}}]}]', /format: must be "wav" or "mp3"/],
  ])('rejects %s precisely', (text, error) => {
    const parsed = parseMessagesJSON(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });
});
