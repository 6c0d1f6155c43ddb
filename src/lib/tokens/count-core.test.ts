import { describe, expect, it } from 'vitest';
import { messageCountItems, messageFraming, messageTextTokens, REPLY_PRIMING, sumPrompt } from '../../domain/tokens';
import type { Message } from '../../domain/types';
import { handleCount, loadCounter } from './count-core';

// OpenAI cookbook "How to count tokens with tiktoken": the example chat below is 129 prompt
// tokens for gpt-4-0613 / gpt-3.5-turbo-0613 (cl100k_base) and 124 for gpt-4o / gpt-4o-mini (o200k_base).
const EXAMPLE: { role: Message['role']; name?: string; text: string }[] = [
  { role: 'system', text: 'You are a helpful, pattern-following assistant that translates corporate jargon into plain English.' },
  { role: 'system', name: 'example_user', text: 'New synergies will help drive top-line growth.' },
  { role: 'system', name: 'example_assistant', text: 'Things working well together will increase revenue.' },
  {
    role: 'system',
    name: 'example_user',
    text: "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage.",
  },
  { role: 'system', name: 'example_assistant', text: "Let's talk later when we're less busy about how to do better." },
  { role: 'user', text: "This late pivot means we don't have time to boil the ocean for the client deliverable." },
];

function messages(): Message[] {
  return EXAMPLE.map((e, i) => ({
    id: `m${i}`,
    conversationId: 'c',
    parentId: null,
    role: e.role,
    ...(e.name ? { name: e.name } : {}),
    content: [{ type: 'text', text: e.text }],
    status: 'done',
    createdAt: i,
    updatedAt: i,
  }));
}

async function promptTokens(encoding: 'o200k_base' | 'cl100k_base'): Promise<number> {
  const list = messages();
  const res = await handleCount({ id: 1, encoding, items: list.flatMap(messageCountItems) }, () => 0);
  const counts = new Map(res.counts);
  return sumPrompt({
    messageTexts: list.map((m) => messageTextTokens(m, counts) ?? 0),
    framing: list.reduce((s, m) => s + messageFraming(m), 0),
    imageTokens: 0,
    toolsTokens: 0,
    schemaTokens: 0,
    draftTokens: null,
  }).total;
}

describe('token counts', () => {
  it('cl100k_base: "tiktoken is great!" is 6 tokens (cookbook)', async () => {
    expect((await loadCounter('cl100k_base'))('tiktoken is great!')).toBe(6);
  });
  it('o200k_base: "hello world" is 2 tokens, "tiktoken is great!" 6', async () => {
    const count = await loadCounter('o200k_base');
    expect(count('hello world')).toBe(2);
    expect(count('tiktoken is great!')).toBe(6);
  });
  it('counts special-token strings in user text as plain text instead of throwing', async () => {
    expect((await loadCounter('o200k_base'))('<|endoftext|>')).toBeGreaterThan(1);
  });
  it('the cookbook chat is 129 tokens in cl100k_base', async () => {
    expect(await promptTokens('cl100k_base')).toBe(129);
  });
  it('the cookbook chat is 124 tokens in o200k_base', async () => {
    expect(await promptTokens('o200k_base')).toBe(124);
    expect(REPLY_PRIMING).toBe(3);
  });
});
