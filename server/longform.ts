// "[[tokens:N]]": a long, realistic markdown document of at least N tokens
// for benchmarks (the caller cuts it to exactly N). Built from a fixed pool
// whose token counts are cached, so 200,000 tokens take milliseconds to plan.
import type { Rng } from './prng';
import { countTokens } from './tokens';

const HEADINGS = [
  'Streaming pipeline',
  'Rendering markdown incrementally',
  'Virtualized message lists',
  'Token accounting',
  'Retry and backoff',
  'Error surfaces',
  'Keyboard and accessibility',
  'Persistence',
  'Performance budget',
  'Cancellation',
  'Structured output',
  'Tool calls',
];

const SENTENCES = [
  'Each server-sent event carries a small JSON chunk with a delta for one choice.',
  'The parser has to cope with events that are split across network reads, even inside a UTF-8 character.',
  'Rendering every token synchronously would block the main thread, so updates are batched per animation frame.',
  'A virtualized list keeps only the visible messages in the DOM, which keeps scrolling smooth in long chats.',
  'Code blocks are highlighted once they close; while they stream, a plain monospace block is good enough.',
  'Usage numbers arrive in the last chunk when the request asks for them with stream_options.',
  'When the connection drops halfway, the partial answer should stay visible together with a clear error.',
  'A 429 response includes a Retry-After header, and a well-behaved client waits at least that long.',
  'Cancelling a request aborts the fetch, which closes the socket and stops the server from generating more.',
  'Tables are parsed only when the separator row has arrived, so early rows may briefly render as text.',
  'Keeping the markdown parser incremental avoids quadratic work as the message grows.',
  'The tokenizer used for counting is o200k_base, the same family the current OpenAI models use.',
  'Every choice streams independently, so a client must route each delta by its index.',
  'Reasoning content arrives before the answer and is usually shown collapsed by default.',
  'Tool call arguments are streamed as string fragments that only form valid JSON once complete.',
  'Saving the conversation after each finished message keeps the history safe across reloads.',
  'Measuring time to first token and tokens per second helps compare endpoints fairly.',
  'Large pastes should be accepted without freezing the input box.',
  'Deterministic output makes visual regression tests practical, because the same prompt renders the same page.',
  'A good default is to show the model name and the finish reason under each answer.',
  'Copy buttons on code blocks save the reader from selecting text by hand.',
  'Screen readers benefit from a polite live region that announces when an answer is complete.',
  'Back-pressure matters: a slow consumer must not make the server buffer an unbounded amount of text.',
  'Errors from the provider should be shown verbatim, since their messages are often the most useful clue.',
];

const BULLETS = [
  'Parse events incrementally and never assume one event per read.',
  'Batch DOM updates per frame.',
  'Keep partial text when the stream fails.',
  'Honour `Retry-After` before retrying.',
  'Route deltas by `choices[].index`.',
  'Show `finish_reason` when it is not `stop`.',
  'Count tokens with the same tokenizer as the model.',
  'Abort the fetch when the user presses Stop.',
  'Highlight code only after the fence closes.',
  'Persist drafts between reloads.',
  'Render tables once the separator row is known.',
  'Keep the scroll pinned to the bottom only while the user is there.',
];

const CODE = [
  '```ts\nfor await (const chunk of stream) {\n  const delta = chunk.choices[0]?.delta;\n  if (delta?.content) append(delta.content);\n}\n```',
  '```python\nfor chunk in client.chat.completions.create(model="ref-chat", messages=messages, stream=True):\n    print(chunk.choices[0].delta.content or "", end="")\n```',
  '```bash\ncurl -N http://127.0.0.1:8787/v1/chat/completions \\\n  -H \'Content-Type: application/json\' \\\n  -d \'{"model":"ref-chat","stream":true,"messages":[{"role":"user","content":"hi"}]}\'\n```',
  '```json\n{\n  "model": "ref-chat",\n  "stream": true,\n  "stream_options": { "include_usage": true }\n}\n```',
  '```ts\nfunction backoff(attempt: number, retryAfterMs?: number): number {\n  const base = Math.min(30_000, 500 * 2 ** attempt);\n  return Math.max(retryAfterMs ?? 0, base / 2 + Math.random() * base / 2);\n}\n```',
  '```css\n.message pre {\n  overflow-x: auto;\n  border-radius: 0.5rem;\n  padding: 0.75rem 1rem;\n}\n```',
];

const TABLES = [
  '| Metric | Target | Notes |\n| --- | --- | --- |\n| Time to first token | < 300 ms | network included |\n| Render cost per token | < 0.2 ms | batched per frame |\n| Memory per 100k tokens | < 50 MB | virtualized list |',
  '| Status | Meaning | Retry? |\n| --- | --- | --- |\n| 400 | invalid request | no |\n| 401 | bad API key | no |\n| 429 | rate limited | yes, after Retry-After |\n| 500 | server error | yes, with backoff |',
  '| Field | Where | Example |\n| --- | --- | --- |\n| `delta.content` | text chunks | `"Hello"` |\n| `delta.tool_calls` | tool chunks | `[{ "index": 0 }]` |\n| `finish_reason` | last chunk | `"stop"` |',
];

const tokenCache = new Map<string, number>();
function tokensOf(text: string): number {
  let n = tokenCache.get(text);
  if (n === undefined) {
    n = countTokens(text);
    tokenCache.set(text, n);
  }
  return n;
}

function paragraph(rng: Rng): string[] {
  return Array.from({ length: rng.range(2, 5) }, () => rng.pick(SENTENCES));
}

/** Markdown of at least `target` tokens, ending in a paragraph so a cut lands in prose. */
export function longMarkdown(target: number, rng: Rng): string {
  const out: string[] = [];
  let tokens = 0;
  const add = (block: string, sep: string): void => {
    // Counting separator + block together keeps the estimate within a few tokens of the real count.
    const text = out.length === 0 ? block : sep + block;
    out.push(text);
    tokens += tokensOf(text);
  };
  const budget = target + 40;
  let section = 1;
  while (tokens < target - 400) {
    add(`## ${section++}. ${rng.pick(HEADINGS)}`, '\n\n');
    add(paragraph(rng).join(' '), '\n\n');
    for (let i = rng.range(1, 2); i > 0; i--) {
      const roll = rng.next();
      if (roll < 0.3)
        add(
          rng
            .sample(BULLETS, rng.range(3, 5))
            .map((b) => `- ${b}`)
            .join('\n'),
          '\n\n',
        );
      else if (roll < 0.55) add(rng.pick(CODE), '\n\n');
      else if (roll < 0.7) add(rng.pick(TABLES), '\n\n');
      else add(paragraph(rng).join(' '), '\n\n');
    }
  }
  // Close with plain prose so an exact cut never leaves a fence open. Block
  // estimates drift slightly (tokens merge across boundaries), so measure once.
  add(rng.pick(SENTENCES), '\n\n');
  tokens = countTokens(out.join(''));
  while (tokens < budget) add(rng.pick(SENTENCES), ' ');
  return out.join('');
}
