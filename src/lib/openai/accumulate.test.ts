import { describe, expect, it } from 'vitest';
import { messageFieldsFromChoice } from '../../domain/completion';
import { createMessage } from '../../domain/factories';
import { DROPPED_SAMPLE_CHARS, DROPPED_SAMPLES, createCompletionAccumulator, pushEventData, snapshotCompletion } from './accumulate';
import { completionFromJSON, placeholderResolver, toWireMessages } from './mapping';

function run(chunks: unknown[]) {
  const acc = createCompletionAccumulator();
  for (const c of chunks) acc.push(c);
  return acc;
}
const delta = (d: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ choices: [{ index: 0, delta: d, ...extra }] });
const tc = (frag: Record<string, unknown>) => delta({ tool_calls: [frag] });

describe('tool calls', () => {
  it('maps indices that start at 1 to call order', () => {
    const { completion } = run([
      tc({ index: 1, id: 'a', type: 'function', function: { name: 'one', arguments: '' } }),
      tc({ index: 1, function: { arguments: '{"x":' } }),
      tc({ index: 2, id: 'b', function: { name: 'two', arguments: '{}' } }),
      tc({ index: 1, function: { arguments: '1}' } }),
    ]);
    expect(completion.choices[0]?.toolCalls).toEqual([
      { id: 'a', name: 'one', arguments: '{"x":1}' },
      { id: 'b', name: 'two', arguments: '{}' },
    ]);
  });

  it('treats a reused index with a new id as a new call', () => {
    const { completion } = run([
      tc({ index: 0, id: 'a', function: { name: 'f', arguments: '{}' } }),
      tc({ index: 0, id: 'b', function: { name: 'g', arguments: '' } }),
      tc({ index: 0, function: { arguments: '[]' } }),
    ]);
    expect(completion.choices[0]?.toolCalls.map((t) => [t.id, t.name, t.arguments])).toEqual([
      ['a', 'f', '{}'],
      ['b', 'g', '[]'],
    ]);
  });

  it('follows indexless calls that arrive one at a time', () => {
    const { completion } = run([
      tc({ id: 'a', function: { name: 'f', arguments: '' } }),
      tc({ function: { arguments: '{"a":1}' } }),
      tc({ id: 'b', function: { name: 'g', arguments: '' } }),
      tc({ function: { arguments: '{"b":2}' } }),
    ]);
    expect(completion.choices[0]?.toolCalls.map((t) => t.arguments)).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('concatenates split names but not repeated ones', () => {
    const { completion } = run([
      tc({ index: 0, id: 'a', function: { name: 'get_' } }),
      tc({ index: 0, function: { name: 'weather' } }),
      tc({ index: 1, id: 'b', function: { name: 'time' } }),
      tc({ index: 1, id: 'b', function: { name: 'time', arguments: '{}' } }),
    ]);
    expect(completion.choices[0]?.toolCalls.map((t) => t.name)).toEqual(['get_weather', 'time']);
  });

  it('keeps object arguments as JSON text', () => {
    const { completion } = run([{ choices: [{ message: { tool_calls: [{ id: 'a', function: { name: 'f', arguments: { x: 1 } } }] } }] }]);
    expect(completion.choices[0]?.toolCalls[0]?.arguments).toBe('{"x":1}');
  });
});

describe('usage', () => {
  it('is never erased by null or missing usage', () => {
    const { completion } = run([
      { choices: [], usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } },
      { ...delta({ content: 'x' }), usage: null },
      delta({ content: 'y' }),
    ]);
    expect(completion.usage?.totalTokens).toBe(3);
  });

  it('comes from x_groq, and top level beats choice level', () => {
    const groq = run([{ choices: [], x_groq: { usage: { prompt_tokens: 4, completion_tokens: 5, total_tokens: 9 } } }]);
    expect(groq.completion.usage?.totalTokens).toBe(9);
    const mixed = run([
      delta({}, { usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }),
      { choices: [], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 7 } },
      delta({}, { usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 5 } }),
    ]);
    expect(mixed.completion.usage?.totalTokens).toBe(7);
    expect(mixed.completion.choices[0]?.usage?.totalTokens).toBe(5);
  });

  it('maps details, DeepSeek cache hits and audio tokens', () => {
    const { completion } = run([
      {
        usage: {
          prompt_tokens: 10,
          completion_tokens: 5,
          total_tokens: 15,
          prompt_cache_hit_tokens: 8,
          prompt_tokens_details: { audio_tokens: 2 },
          completion_tokens_details: { reasoning_tokens: 3, audio_tokens: 1 },
        },
      },
    ]);
    expect(completion.usage).toMatchObject({ reasoningTokens: 3, cachedPromptTokens: 8, audioPromptTokens: 2, audioCompletionTokens: 1 });
  });
});

describe('header fields', () => {
  it('lets a later non-empty value fill Azure empty id/model/created', () => {
    const { completion } = run([
      { id: '', model: '', created: 0, choices: [] },
      { id: 'c1', model: 'gpt', created: 5, system_fingerprint: 'fp', service_tier: 'default', choices: [] },
      { id: 'c2', model: 'other', created: 6, choices: [] },
    ]);
    expect(completion).toMatchObject({ id: 'c1', model: 'gpt', created: 5, systemFingerprint: 'fp', serviceTier: 'default' });
  });
});

describe('content', () => {
  it('stays null until a string arrives, and "" counts', () => {
    expect(run([delta({ content: null })]).completion.choices[0]?.content).toBeNull();
    expect(run([delta({ content: null }), delta({ content: '' })]).completion.choices[0]?.content).toBe('');
  });

  it('splits Mistral parts into content and reasoning', () => {
    const { completion } = run([
      delta({ content: [{ type: 'thinking', thinking: [{ type: 'text', text: 'hmm' }] }] }),
      delta({ content: [{ type: 'text', text: 'Hi' }] }),
    ]);
    expect(completion.choices[0]).toMatchObject({ content: 'Hi', reasoning: 'hmm' });
  });

  it('takes one of reasoning / reasoning_content when both carry the same text', () => {
    const { completion } = run([delta({ reasoning: 'a', reasoning_content: 'a' }), delta({ reasoning: 'b' })]);
    expect(completion.choices[0]?.reasoning).toBe('ab');
  });

  it('concatenates audio data and transcript', () => {
    const { completion } = run([
      delta({ audio: { id: 'au', data: 'AA', transcript: 'he' } }),
      delta({ audio: { data: 'BB', transcript: 'llo', expires_at: 99 } }),
    ]);
    expect(completion.choices[0]?.audio).toEqual({ id: 'au', data: 'AABB', transcript: 'hello', expiresAt: 99 });
  });

  it('keeps logprobs and finish_reason when later chunks send null', () => {
    const { completion } = run([
      delta(
        { content: 'a' },
        { logprobs: { content: [{ token: 'a', logprob: -1, bytes: null, top_logprobs: [{ token: 'b', logprob: -2, bytes: [98] }] }] } },
      ),
      delta({ refusal: 'no' }, { logprobs: { content: null, refusal: [{ token: 'no', logprob: -3, bytes: [110, 111] }] } }),
      delta({}, { finish_reason: 'stop', logprobs: null }),
      delta({}, { finish_reason: null, logprobs: null }),
    ]);
    expect(completion.choices[0]?.finishReason).toBe('stop');
    expect(completion.choices[0]?.logprobs).toEqual([
      { token: 'a', logprob: -1, bytes: null, topLogprobs: [{ token: 'b', logprob: -2, bytes: [98] }] },
      { token: 'no', logprob: -3, bytes: [110, 111], topLogprobs: [] },
    ]);
  });

  it('keeps every token of a chunk that completes a split character, and drops bytes that are not byte values', () => {
    const entry = (token: string, bytes: unknown) => ({ token, logprob: -0.5, bytes, top_logprobs: [] });
    const { completion } = run([
      delta(
        { content: ' 🦜' },
        { logprobs: { content: [entry(' \\xf0\\x9f', [32, 240, 159]), entry('\\xa6', [166]), entry('\\x9c', [156])] } },
      ),
      delta({ content: '!' }, { logprobs: { content: [entry('!', [300]), entry('?', [1.5]), entry('.', ['46'])] } }),
    ]);
    expect(completion.choices[0]?.logprobs?.map((t) => [t.token, t.bytes])).toEqual([
      [' \\xf0\\x9f', [32, 240, 159]],
      ['\\xa6', [166]],
      ['\\x9c', [156]],
      ['!', null],
      ['?', null],
      ['.', null],
    ]);
  });
});

describe('choices', () => {
  it('sorts by index and defaults a missing index to 0', () => {
    const { completion } = run([
      { choices: [{ index: 2, delta: { content: 'c' } }] },
      { choices: [{ delta: { content: 'a' } }] },
      { choices: [{ index: 1, delta: { content: 'b' } }] },
    ]);
    expect(completion.choices.map((c) => [c.index, c.content])).toEqual([
      [0, 'a'],
      [1, 'b'],
      [2, 'c'],
    ]);
  });
});

describe('errors and unknown fields', () => {
  it('records an error object, numeric codes included, with or without choices', () => {
    const { completion } = run([
      { error: { message: 'boom', code: 500, type: 'server_error', param: null }, choices: [{ index: 0, delta: { content: 'x' } }] },
    ]);
    expect(completion.error).toMatchObject({ kind: 'stream', message: 'boom', code: 500, type: 'server_error', param: null });
    expect(completion.choices[0]?.content).toBe('x');
    expect(run([{ error: 'plain text' }]).completion.error?.message).toBe('plain text');
  });

  it('keeps unknown fields in extra without prototype pollution', () => {
    const chunk = JSON.parse(
      '{"__proto__":{"polluted":1},"constructor":{"x":1},"timings":{"n":1},"choices":[{"index":0,"__proto__":{"polluted":2},"content_filter_results":{},"delta":{"__proto__":{"polluted":3},"prototype":1,"content":"x","weird":true}}]}',
    ) as unknown;
    const { completion } = run([chunk]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(completion.extra)).toBe(Object.prototype);
    expect(Object.keys(completion.extra)).toEqual(['timings']);
    const choice = completion.choices[0];
    expect(Object.getPrototypeOf(choice?.extra)).toBe(Object.prototype);
    expect(Object.keys(choice?.extra ?? {}).sort()).toEqual(['content_filter_results', 'weird']);
    expect((choice?.extra as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('event data', () => {
  it('handles [DONE], ignores later data, counts malformed chunks and wraps event: error', () => {
    const acc = createCompletionAccumulator();
    pushEventData(acc, JSON.stringify(delta({ content: 'a' })));
    pushEventData(acc, '{not json');
    pushEventData(acc, '');
    pushEventData(acc, '{"message":"overloaded"}', 'error');
    pushEventData(acc, '[DONE]');
    pushEventData(acc, JSON.stringify(delta({ content: 'b' })));
    expect(acc.completion.choices[0]?.content).toBe('a');
    expect(acc.completion.dropped).toEqual({ count: 1, samples: ['{not json'] });
    expect(acc.malformedSample).toBe('{not json');
    expect(acc.completion.error?.message).toBe('overloaded');
    expect(acc.completion.sawDone).toBe(true);
  });

  it('keeps the count of every dropped event and the raw text of the first few, cut to a readable length', () => {
    const acc = createCompletionAccumulator();
    pushEventData(acc, JSON.stringify(delta({ content: 'a' })));
    const long = `{${'x'.repeat(DROPPED_SAMPLE_CHARS + 50)}`;
    pushEventData(acc, long);
    for (let i = 0; i < 5; i++) pushEventData(acc, `{bad ${i}`);
    pushEventData(acc, JSON.stringify(delta({ content: 'b' })));
    const dropped = acc.completion.dropped!;
    expect(dropped.count).toBe(6);
    expect(dropped.samples).toHaveLength(DROPPED_SAMPLES);
    expect(dropped.samples[0]).toBe(`${long.slice(0, DROPPED_SAMPLE_CHARS)}…`);
    expect(dropped.samples[1]).toBe('{bad 0');
    expect(acc.completion.choices[0]?.content).toBe('ab');
    // A snapshot does not share the live list.
    const snap = snapshotCompletion(acc.completion);
    pushEventData(acc, '{later');
    expect(snap.dropped?.count).toBe(6);
  });

  it('counts text characters for time-to-first-token', () => {
    const acc = createCompletionAccumulator();
    acc.push(delta({ role: 'assistant', content: '' }));
    expect(acc.textChars).toBe(0);
    acc.push(tc({ index: 0, id: 'a', function: { name: 'f', arguments: '{}' } }));
    expect(acc.textChars).toBe(3);
  });
});

describe('snapshotCompletion', () => {
  it('is not affected by later pushes', () => {
    const acc = createCompletionAccumulator();
    acc.push(delta({ content: 'a', tool_calls: [{ index: 0, id: 't', function: { name: 'f', arguments: '{' } }] }));
    const snap = snapshotCompletion(acc.completion);
    acc.push(delta({ content: 'b', tool_calls: [{ index: 0, function: { arguments: '}' } }] }));
    expect(snap.choices[0]?.content).toBe('a');
    expect(snap.choices[0]?.toolCalls[0]?.arguments).toBe('{');
    expect(acc.completion.choices[0]?.content).toBe('ab');
  });
});

describe('inline reasoning', () => {
  // Ollama / LM Studio / vLLM without a reasoning parser: the thinking is inside `content`.
  const RAW = '<think>\nI should greet.\n</think>\n\nHello!';
  const PIECES = ['', '<th', 'ink>', '\nI sh', 'ould greet.', '\n</', 'think', '>\n', '\nHel', 'lo!'];

  it('puts the thinking in reasoning while it streams and keeps the raw content', () => {
    const acc = createCompletionAccumulator();
    acc.push({ id: 'x', choices: [{ index: 0, delta: { role: 'assistant', content: PIECES[0] } }] });
    const seen: [string | null, string | null][] = [];
    for (const p of PIECES.slice(1)) {
      acc.push(delta({ content: p }));
      seen.push([acc.completion.choices[0]!.reasoning, acc.completion.choices[0]!.content]);
    }
    expect(seen).toEqual([
      [null, ''],
      ['', ''],
      ['I sh', ''],
      ['I should greet.', ''],
      ['I should greet.\n', ''],
      ['I should greet.\n', ''],
      ['I should greet.', ''],
      ['I should greet.', 'Hel'],
      ['I should greet.', 'Hello!'],
    ]);
    acc.push(delta({}, { finish_reason: 'stop' }));
    acc.pushDone();
    const choice = acc.completion.choices[0]!;
    expect(choice).toMatchObject({ reasoning: 'I should greet.', content: 'Hello!', finishReason: 'stop' });
    expect(choice.extra).toEqual({ rawContent: RAW });
    expect(acc.textChars).toBe(RAW.length);
  });

  it('marks thinking that never closed, and releases a tag cut at the end', () => {
    const acc = run([delta({ content: '<think>Let me see' }), delta({ content: ' </thi' })]);
    expect(acc.completion.choices[0]).toMatchObject({ reasoning: 'Let me see ', content: '' });
    expect(acc.completion.choices[0]!.extra.reasoningUnclosed).toBeUndefined();
    acc.finish();
    expect(acc.completion.choices[0]).toMatchObject({ reasoning: 'Let me see </thi', content: '' });
    expect(acc.completion.choices[0]!.extra).toEqual({ rawContent: '<think>Let me see </thi', reasoningUnclosed: true });
  });

  it('leaves content alone when the server sends reasoning separately', () => {
    const first = run([delta({ reasoning_content: 'parsed' }), delta({ content: '<think>x</think>y' })]);
    first.finish();
    expect(first.completion.choices[0]).toMatchObject({ reasoning: 'parsed', content: '<think>x</think>y', extra: {} });
    // Separate reasoning arriving late still wins: the content goes back to what was sent.
    const late = run([delta({ content: '<think>x</think>y' }), delta({ reasoning: 'late' })]);
    expect(late.completion.choices[0]).toMatchObject({ reasoning: 'late', content: '<think>x</think>y', extra: {} });
    // Empty reasoning fields (sent by some servers on every chunk) do not count.
    const empty = run([delta({ content: '<think>x</think>y', reasoning_content: '' })]);
    expect(empty.completion.choices[0]).toMatchObject({ reasoning: 'x', content: 'y' });
  });

  it('splits each choice on its own, and non-streamed replies too', () => {
    const acc = run([
      { choices: [{ index: 0, delta: { content: '<think>a</think>A' } }] },
      { choices: [{ index: 1, delta: { content: 'plain <think>' } }] },
    ]);
    acc.finish();
    expect(acc.completion.choices.map((c) => [c.reasoning, c.content])).toEqual([
      ['a', 'A'],
      [null, 'plain <think>'],
    ]);
    const body = completionFromJSON({ choices: [{ index: 0, message: { role: 'assistant', content: 'thinking…\n</think>\n\nHi' } }] });
    expect(body.choices[0]).toMatchObject({ reasoning: 'thinking…', content: 'Hi' });
  });

  it('never sends the thinking (or its tags) back', () => {
    const acc = run(PIECES.map((p) => delta({ content: p })));
    acc.pushDone();
    const reply = createMessage('c', null, { role: 'assistant', ...messageFieldsFromChoice(acc.completion.choices[0]!, acc.completion) });
    expect(reply.reasoning).toBe('I should greet.');
    const body = JSON.stringify(toWireMessages([reply], placeholderResolver));
    expect(body).not.toMatch(/think|greet/i);
    expect(toWireMessages([reply], placeholderResolver)).toEqual([{ role: 'assistant', content: 'Hello!' }]);
  });
});
