// The default reply: a short markdown answer (40–150 tokens) assembled from a
// fixed pool, echoing the user's words and the request's settings.
import { describeAttachments, describeToolResults, lastUserIndex, quote } from './context';
import type { Rng } from './prng';
import { countTokens } from './tokens';
import type { ChatRequest } from './types';

export interface ReplyInput {
  request: ChatRequest;
  /** Last user message text with triggers removed. */
  userText: string;
  /** The trailing assistant message this reply continues (a prefill), or null to answer anew. */
  prefill: string | null;
}

function facts(input: ReplyInput): Record<string, string> {
  const { request } = input;
  const last = request.messages[request.messages.length - 1];
  return {
    model: request.model,
    n: String(request.n),
    t: String(request.temperature),
    count: `${request.messages.length} message${request.messages.length === 1 ? '' : 's'}`,
    role: last?.role ?? 'user',
    seed: String(request.seed),
    stream: request.stream ? 'yes' : 'no',
  };
}

const fill = (template: string, f: Record<string, string>): string => template.replace(/\{(\w+)\}/g, (_m, key: string) => f[key] ?? key);

const HEADINGS = [
  '### Reference reply',
  '### Echo from `{model}`',
  '**Got it.**',
  '**Here is a deterministic answer.**',
  '### About your message',
];

const SENTENCES = [
  'This answer comes from the deterministic reference endpoint, so the same request always produces the same text.',
  'I received {count} for model `{model}`, with temperature {t} and n = {n}.',
  'The conversation so far has {count}, and the last one is from the {role}.',
  'Tokens are streamed one at a time at a steady pace, which makes it easy to watch the renderer keep up.',
  'Markdown, code blocks and tables all show up here, so the renderer gets a real workout.',
  'Nothing here was written by a language model; it is assembled from a fixed pool of sentences.',
  'Send `[[reply:your text]]` to get an exact reply back, or `[[tokens:2000]]` for a long one.',
  'Try `[[fault:429]]` or `[[fault:midstream-error]]` to see how the app copes with failures.',
  'Usage is counted with the o200k_base tokenizer, so the numbers are close to what the real API reports.',
];

const TEMPERATURE_NOTE = {
  zero: 'With temperature 0 every choice is identical, just like a greedy decode.',
  warm: 'With temperature {t} each choice gets its own seed, so asking for n > 1 gives differently worded answers.',
  warmMany: 'With temperature {t} each of the {n} choices gets its own seed, so their wording differs.',
};

const BULLETS = [
  'Model: `{model}`',
  'Choices requested: {n}',
  'Temperature: {t}',
  'Messages received: {count}',
  'Seed: {seed}',
  'Streaming: {stream}',
];

const CODE_BLOCKS = [
  "```ts\nconst stream = await client.chat.completions.create({\n  model: '{model}',\n  messages,\n  stream: true,\n});\n```",
  '```python\nresponse = client.chat.completions.create(\n    model="{model}",\n    messages=messages,\n    n={n},\n)\n```',
  '```bash\ncurl -N http://127.0.0.1:8787/v1/chat/completions \\\n  -H "Content-Type: application/json" \\\n  -d \'{"model": "{model}", "stream": true}\'\n```',
  '```json\n{ "model": "{model}", "n": {n}, "temperature": {t} }\n```',
];

const TABLE = '| Setting | Value |\n| --- | --- |\n| model | `{model}` |\n| temperature | {t} |\n| n | {n} |\n| messages | {count} |';

const CONTINUATIONS = [
  'and that is how the reference endpoint continues a prefilled answer.',
  'which the reference endpoint picks up exactly where the prefill stopped.',
  'so the reply carries on from the assistant text you supplied.',
];

function optionalBlock(rng: Rng, f: Record<string, string>): string | null {
  const roll = rng.next();
  if (roll < 0.4)
    return rng
      .sample(BULLETS, 3)
      .map((b) => `- ${fill(b, f)}`)
      .join('\n');
  if (roll < 0.65) return fill(rng.pick(CODE_BLOCKS), f);
  if (roll < 0.85) return fill(TABLE, f);
  return null;
}

/** A sentence that carries on from `prefill`, spaced so the two read as one text. */
export function continuationSentence(prefill: string, rng: Rng): string {
  const text = rng.pick(CONTINUATIONS);
  return prefill.length === 0 || /\s$/.test(prefill) ? text : ` ${text}`;
}

/**
 * What follows `prefill` in `whole`, the text this request would have answered: the rest of it when
 * the prefill is its beginning (a cut reply being continued), else a sentence carrying on from it.
 */
export function continueText(whole: string, prefill: string | null, rng: Rng): string {
  if (prefill === null) return whole;
  return whole.startsWith(prefill) ? whole.slice(prefill.length) : continuationSentence(prefill, rng);
}

/** Default markdown reply. Mandatory parts (attachments, tool results) are never trimmed. */
export function composeReply(input: ReplyInput, rng: Rng): string {
  const { request } = input;
  const f = facts(input);
  if (input.prefill !== null) return continuationSentence(input.prefill, rng);

  const fixed: string[] = [fill(rng.pick(HEADINGS), f)];
  const toolResults = describeToolResults(request.messages);
  if (toolResults) {
    fixed.push(toolResults, 'Based on that result, the answer above is complete; ask a follow-up to dig deeper.');
  } else if (input.userText.length > 0) {
    fixed.push(rng.chance(0.5) ? `You said: “${quote(input.userText)}”` : `> ${quote(input.userText)}`);
  } else if (lastUserIndex(request.messages) < 0) {
    fixed.push('There is no user message yet, so this reply answers the system prompt.');
  }
  const attachments = describeAttachments(request.messages[lastUserIndex(request.messages)]);
  if (attachments) fixed.push(attachments);

  const extra: string[] = rng.sample(SENTENCES, 2).map((s) => fill(s, f));
  const note = request.temperature === 0 ? TEMPERATURE_NOTE.zero : request.n > 1 ? TEMPERATURE_NOTE.warmMany : TEMPERATURE_NOTE.warm;
  // The note matters when choices are compared; otherwise it shows up now and then.
  if (request.n > 1 || request.temperature === 0 || rng.chance(0.4)) extra.push(fill(note, f));
  const block = optionalBlock(rng, f);
  if (block) extra.splice(1, 0, block);

  const build = (): string => [...fixed, ...extra].join('\n\n');
  while (countTokens(build()) > 150 && extra.length > 0) extra.pop();
  const spare = SENTENCES.map((s) => fill(s, f));
  while (countTokens(build()) < 40 && spare.length > 0) extra.push(spare.shift() ?? '');
  return build();
}

const THOUGHTS = [
  'The user wrote “{quote}”.',
  'There are {count} in the conversation, and the last one is from the {role}.',
  'I should answer in markdown and keep it short.',
  'A heading, a paragraph and maybe a list or a table will do.',
  'Temperature is {t}, so the wording may vary between choices.',
  'Let me check what the request asks for before answering.',
];

/** A short chain of thought (20–60 tokens) for ref-reasoner. */
export function composeReasoning(input: ReplyInput, rng: Rng, toolNames: string[]): string {
  const f = { ...facts(input), quote: quote(input.userText || '(nothing)', 60) };
  const parts = [fill(THOUGHTS[0] ?? '', f), ...rng.sample(THOUGHTS.slice(1), 3).map((s) => fill(s, f))];
  if (toolNames.length > 0) parts.push(`The \`${toolNames.join('`, `')}\` tool looks relevant, so I will call it.`);
  while (countTokens(parts.join(' ')) > 60 && parts.length > 2) parts.splice(parts.length - 2, 1);
  while (countTokens(parts.join(' ')) < 20) parts.push('Then I will answer.');
  return parts.join(' ');
}

export function composeJsonObject(input: ReplyInput): string {
  const { request } = input;
  const answer = input.userText ? `You said: ${quote(input.userText, 80)}` : 'Hello from the reference endpoint.';
  return JSON.stringify({ answer, model: request.model, messages: request.messages.length });
}
