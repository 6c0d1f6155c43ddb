// Seed data built in Node: linear conversations (a parentId chain) following src/domain/types.ts.
import { asConversationId, asMessageId } from '../../src/domain/ids';
import { defaultRequestParams } from '../../src/domain/params';
import type { Conversation, Message } from '../../src/domain/types';

/** A word the markdown renderer leaves intact, put at the end of the last message. */
export const END_MARKER = 'BENCHENDMARKER';

const SENTENCES = [
  'Streaming keeps the first token on screen quickly while the rest of the answer is still being generated.',
  'A virtualized list renders only what is visible, so a long conversation scrolls as smoothly as a short one.',
  'IndexedDB writes are asynchronous and batched in transactions, which keeps the interface responsive.',
  'Markdown is parsed block by block; finished blocks never need to be parsed again.',
  'The tokenizer runs in a worker so that counting a long prompt never blocks typing.',
  'Every choice of a response streams independently and is routed by its index.',
  'Reasonable budgets make regressions visible before users notice them.',
  'Code fences are highlighted once they are closed, not on every token.',
];

const EXTRAS = [
  '- first point with `inline code`\n- second point with **bold** text\n- third point',
  '```ts\nconst total = items.reduce((sum, x) => sum + x.size, 0);\nconsole.log(total);\n```',
  '| name | value |\n| --- | --- |\n| alpha | 1 |\n| beta | 2 |',
  '> A quoted remark that spans a single line of text.',
];

/** Deterministic markdown of about `chars` characters (paragraphs, sometimes a list, code or table). */
export function markdownText(seed: number, chars: number): string {
  const parts: string[] = [];
  let length = 0;
  let k = seed;
  while (length < chars) {
    k = (k * 1103515245 + 12345) % 2147483648;
    const sentence = SENTENCES[k % SENTENCES.length]!;
    const block = k % 7 === 0 ? `${sentence}\n\n${EXTRAS[k % EXTRAS.length]!}\n\n` : `${sentence} `;
    parts.push(block);
    length += block.length;
  }
  return parts.join('').trim();
}

/** A conversation whose messages alternate user/assistant, each the parent of the next; the last holds END_MARKER. */
export function chainConversation(id: string, title: string, texts: string[]): { conversation: Conversation; messages: Message[] } {
  const start = Date.now() - texts.length * 60_000;
  const messages: Message[] = texts.map((text, i) => {
    const role = i % 2 === 0 ? 'user' : 'assistant';
    const at = start + i * 60_000;
    const last = i === texts.length - 1;
    return {
      id: asMessageId(`${id}-m${i}`),
      conversationId: asConversationId(id),
      parentId: i === 0 ? null : asMessageId(`${id}-m${i - 1}`),
      role,
      content: [{ type: 'text', text: last ? `${text}\n\nThe end: ${END_MARKER}.` : text }],
      status: 'done',
      ...(role === 'assistant' ? { model: 'ref-chat', finishReason: 'stop' } : {}),
      createdAt: at,
      updatedAt: at,
    };
  });
  const conversation: Conversation = {
    id: asConversationId(id),
    title,
    createdAt: start,
    updatedAt: Date.now(),
    currentLeafId: messages.at(-1)?.id ?? null,
    params: defaultRequestParams('ref-chat'),
    endpointId: 'reference',
  };
  return { conversation, messages };
}
