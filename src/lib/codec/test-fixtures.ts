/** A conversation that exercises every field the format carries (tests only). */
import { defaultRequestParams } from '../../domain/params';
import type { Conversation, Message } from '../../domain/types';
import type { BlobData, ConversationBundle } from './format';
import type { MarkdownTools } from './html-page/markdown';

/** Markdown shown as plain paragraphs: for tests of the web page's carrier, not its formatting (features/share tests that). */
export const PLAIN_MARKDOWN: MarkdownTools = {
  tree: (markdown) => ({
    type: 'root',
    children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: markdown }] }],
  }),
  splitBlocks: (markdown) => [markdown],
  tooComplex: () => null,
  highlight: () => null,
};

/** A real 1×1 PNG. */
export const PNG_BYTES = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

export function richBundle(id = 'conv-1'): { bundle: ConversationBundle; blobs: Map<string, BlobData> } {
  const params = defaultRequestParams('ref-chat');
  params.enabled = { ...params.enabled, temperature: true, tools: true, tool_choice: true, seed: true };
  params.values.temperature = 0.3;
  params.values.tools = [
    {
      type: 'function',
      function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
    },
  ];
  params.extraBody = '{"top_k": 40}';
  const conversation: Conversation = {
    id,
    title: 'Weather <b>test</b>',
    createdAt: 1000,
    updatedAt: 2000,
    currentLeafId: `${id}-a2`,
    params,
    endpointId: 'reference',
    pinnedAt: 2000,
    tags: ['demo'],
  };
  const m = (suffix: string, parentId: string | null, fields: Partial<Message> & Pick<Message, 'role'>, t: number): Message => ({
    id: `${id}-${suffix}`,
    conversationId: id,
    parentId,
    content: [],
    status: 'done',
    createdAt: t,
    updatedAt: t,
    ...fields,
  });
  const messages: Message[] = [
    m('s', null, { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] }, 1001),
    m(
      'u',
      `${id}-s`,
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in this image? </script><img src=x onerror=alert(1)>' },
          {
            type: 'image',
            source: { kind: 'blob', blobId: `${id}-img`, mimeType: 'image/png', name: 'dot.png', size: PNG_BYTES.length },
            detail: 'high',
          },
        ],
      },
      1002,
    ),
    m(
      'a1',
      `${id}-u`,
      {
        role: 'assistant',
        content: [{ type: 'text', text: 'A dot.' }],
        finishReason: 'stop',
        model: 'ref-chat',
        usage: { promptTokens: 10, completionTokens: 3, totalTokens: 13, raw: { prompt_tokens: 10, x: 1 } },
        choiceIndex: 0,
        requestId: 'r1',
        requestedOutput: { tools: [{ name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }] },
        timing: { startedAt: 1, firstTokenAt: 2, finishedAt: 3 },
      },
      1003,
    ),
    m(
      'a2',
      `${id}-u`,
      {
        role: 'assistant',
        content: [],
        reasoning: 'Thinking…',
        toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Par' }],
        finishReason: 'tool_calls',
        // An emoji cut across three tokens (escaped token strings, real bytes) and a token without bytes.
        logprobs: [
          { token: 'A', logprob: -0.1, bytes: [65], topLogprobs: [{ token: 'A', logprob: -0.1, bytes: [65] }] },
          { token: ' \\xf0\\x9f', logprob: -0.2, bytes: [32, 240, 159], topLogprobs: [] },
          { token: '\\xa6', logprob: -0.3, bytes: [166], topLogprobs: [{ token: '\\xa5', logprob: -2.5, bytes: [165] }] },
          { token: '\\x9c', logprob: -0.01, bytes: [156], topLogprobs: [] },
          { token: '!', logprob: -0.5, bytes: null, topLogprobs: [] },
        ],
        status: 'interrupted',
        error: { kind: 'interrupted', message: 'Stopped.' },
        droppedEvents: { count: 2, samples: ['{"choices":[{"delta"', 'data: {oops'] },
        extra: { x_groq: { id: 'g' } },
      },
      1004,
    ),
  ];
  const blobs = new Map<string, BlobData>([[`${id}-img`, { mimeType: 'image/png', bytes: PNG_BYTES }]]);
  return {
    bundle: {
      conversation,
      messages,
      endpoint: { baseURL: 'http://127.0.0.1:8787/v1', name: 'Reference endpoint (built-in)', builtIn: 'reference' },
    },
    blobs,
  };
}
