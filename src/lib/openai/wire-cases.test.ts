import { describe, expect, it } from 'vitest';
import type { AppError, Completion, ToolCall } from '../../domain/types';
import { runChatCompletion } from './client';
import { errorFromHttp } from './errors';
import { completionFromJSON } from './mapping';
import { assembleSSE, caseBytes, caseFiles, caseText, everyByte, jsonResponse, sseResponse } from './test-support';

/** A long text: checked by its beginning and end. */
type Long = { begins: string; ends: string; includes?: string };

interface Expected {
  model: string;
  content: string | null | Long;
  reasoning?: string | null | Long;
  refusal?: string | null;
  toolCalls?: ToolCall[];
  finishReason: string | null;
  usage: [number, number, number] | null;
  reasoningTokens?: number;
  cachedTokens?: number;
  error?: Partial<AppError> | null;
  check?: (c: Completion) => void;
}

const call = (id: string, name: string, args: string): ToolCall => ({ id, name, arguments: args });

// Exactly what server/wire/INDEX.md (copied from ../shared/wire) says each case assembles to.
const COMPLETIONS: Record<string, Expected> = {
  'openai-text-after-tool-result-usage.sse': {
    model: 'gpt-4o-mini-2024-07-18',
    content: 'The capital of the UK is London.',
    finishReason: 'stop',
    usage: [78, 9, 87],
    check: (c) => {
      expect(c.serviceTier).toBe('default');
      expect(c.extra.obfuscation).toBeTypeOf('string');
    },
  },
  'openai-tool-call-split-args-usage.sse': {
    model: 'gpt-4o-mini-2024-07-18',
    content: null,
    finishReason: 'tool_calls',
    usage: [53, 15, 68],
    toolCalls: [call('call_ZR5UUuTt3pf61kjwAJIYdVMj', 'get_capital', '{"country":"UK"}')],
  },
  'openai-parallel-tool-calls.sse': {
    model: 'gpt-4o-2024-08-06',
    content: null,
    finishReason: 'tool_calls',
    usage: [149, 60, 209],
    toolCalls: [
      call('call_lQnnsesjFMWMQ5IeWPHzR4th', 'GetWeatherArgs', '{"city": "Edinburgh", "country": "UK", "units": "c"}'),
      call('call_2xjOUgaCdiwAcl9ZBL9LyMUU', 'get_stock_price', '{"ticker": "AAPL", "exchange": "NASDAQ"}'),
    ],
  },
  'openai-logprobs.sse': {
    model: 'gpt-4o-2024-08-06',
    content: 'Foo.',
    finishReason: 'stop',
    usage: [9, 2, 11],
    check: (c) =>
      expect(c.choices[0]?.logprobs).toEqual([
        { token: 'Foo', logprob: -0.0067602484, bytes: [70, 111, 111], topLogprobs: [] },
        { token: '.', logprob: -2.4962392, bytes: [46], topLogprobs: [] },
      ]),
  },
  'openai-refusal-structured-output.sse': {
    model: 'gpt-4o-2024-08-06',
    content: null,
    refusal: "I'm sorry, but I can't assist with that request.",
    finishReason: 'stop',
    usage: [17, 12, 29],
  },
  'openai-nonstream-text.json': {
    model: 'gpt-4.1-nano-2025-04-14',
    finishReason: 'stop',
    usage: [16, 363, 379],
    content: {
      begins: '**Holiday Name:** Galaxy Day',
      ends: 'inspiring individuals to look up and dream beyond our world.',
      includes: '—',
    },
    check: (c) => expect(c.choices[0]?.extra.annotations).toEqual([]),
  },
  'azure-model-router-reasoning-usage.sse': {
    model: 'gpt-5-nano-2025-08-07',
    content: 'Capital of Denmark.',
    finishReason: 'stop',
    usage: [15, 78, 93],
    reasoningTokens: 64,
    check: (c) => {
      expect(c.id).toBe('chatcmpl-CYPS1lijGoK8gd9lYzY3r9Sx50nbt');
      expect(c.created).toBe(1762317021);
      expect(c.extra.prompt_filter_results).toBeDefined();
    },
  },
  'azure-nonstream-content-filter-length.json': {
    model: 'gpt-35-turbo',
    finishReason: 'length',
    usage: [18, 20, 38],
    content: "I'm sorry, as an AI language model, I do not have real-time information. Please check",
    check: (c) => expect(c.choices[0]?.extra.content_filter_results).toBeDefined(),
  },
  'groq-tool-call-x_groq.sse': {
    model: 'llama-3.3-70b-versatile',
    content: null,
    finishReason: 'tool_calls',
    usage: [210, 15, 225],
    toolCalls: [call('tk85n1k4m', 'weather', '{}')],
    check: (c) => expect(c.extra.x_groq).toMatchObject({ id: 'req_01kh52nj5yfcat8hrmvrk2j2hj' }),
  },
  'deepseek-reasoning-tool-call-split-args.sse': {
    model: 'deepseek-v4-flash',
    content: '',
    finishReason: 'tool_calls',
    usage: [374, 61, 435],
    reasoningTokens: 17,
    cachedTokens: 256,
    reasoning: 'The user asks about the weather in San Francisco. I should use the weather tool.',
    toolCalls: [call('call_00_IhCAliIHtM9gKpgfqbBV9873', 'weather', '{"location": "San Francisco"}')],
  },
  'deepseek-reasoning-only-length.sse': {
    model: 'deepseek-v4-pro',
    content: '',
    reasoning: 'We need',
    finishReason: 'length',
    usage: [87, 2, 89],
  },
  'deepseek-json-mode.json': {
    model: 'deepseek-v4-flash',
    content: '{"location":"San Francisco","condition":"cloudy","temperature":7}',
    reasoning: '',
    finishReason: 'stop',
    usage: [483, 16, 499],
    cachedTokens: 0,
  },
  'mistral-empty-choices-midstream.sse': {
    model: 'mistral-small-latest',
    content: 'Hello!',
    finishReason: 'stop',
    usage: [5, 3, 8],
  },
  'xai-reasoning-tool-call.sse': {
    model: 'grok-3-mini',
    content: null,
    reasoning: 'First, the user is',
    finishReason: 'tool_calls',
    usage: [291, 26, 513],
    reasoningTokens: 196,
    toolCalls: [call('call_55117580', 'weather', '{"location":"San Francisco"}')],
  },
  'xai-nonstream-reasoning-tool-call.json': {
    model: 'grok-3-mini',
    content: '',
    finishReason: 'tool_calls',
    usage: [307, 26, 588],
    reasoning: { begins: 'First, the user is asking about the weather in San Francisco.', ends: '' },
    toolCalls: [call('call_46427107', 'weather', '{"location":"San Francisco"}')],
    check: (c) => expect(c.usage?.raw.cost_in_usd_ticks).toBe(1777000),
  },
  'moonshot-midstream-error-object.sse': {
    model: 'kimi-k3',
    content: 'Partial',
    finishReason: null,
    usage: null,
    error: { kind: 'stream', message: 'Stream failed', type: 'server_error', code: 'stream_failure' },
  },
  'moonshot-parallel-tool-calls-without-index.sse': {
    model: 'kimi-k2.5',
    content: '',
    finishReason: 'tool_calls',
    usage: [61, 25, 86],
    toolCalls: [call('weather_0', 'weather', '{"location":"San Francisco"}'), call('time_1', 'time', '{"zone":"UTC"}')],
    check: (c) => expect(c.choices[0]?.usage?.totalTokens).toBe(86),
  },
  'vllm-midstream-error-object.sse': {
    model: 'Qwen/Qwen2.5-7B-Instruct',
    content: 'Partial',
    finishReason: null,
    usage: null,
    error: {
      kind: 'stream',
      message: 'EngineCore encountered an issue. See stack trace (above) for the root cause.',
      type: 'InternalServerError',
      code: 500,
      param: null,
    },
    check: (c) => expect(c.extra).not.toHaveProperty('message'),
  },
  'openrouter-doc-midstream-error-finish-error.sse': {
    model: 'gpt-3.5-turbo',
    content: '',
    finishReason: 'error',
    usage: null,
    error: { kind: 'stream', code: 'server_error', message: 'Provider disconnected unexpectedly' },
    check: (c) => expect(c.extra.provider).toBe('openai'),
  },
  'cerebras-nonstream-time_info.json': {
    model: 'llama-3.3-70b',
    content: 'The capital of France is Paris.',
    finishReason: 'stop',
    usage: [42, 8, 50],
    check: (c) => expect(c.extra.time_info).toBeDefined(),
  },
  'llamacpp-nonstream-reasoning-timings.json': {
    model: 'DeepSeek-R1-Distill-Qwen-1.5B-Q4_K_M',
    finishReason: 'stop',
    usage: [63, 381, 444],
    reasoning: { begins: 'Okay, so I have this problem where a clock shows 6:00', ends: 'So, the answer should be 180.' },
    content: { begins: 'The angle between the hour and minute hands', ends: '**Answer:** 180' },
    check: (c) => {
      expect(c.id).toBe('chatcmpl-apbKyhgpDWbByNkuUPEffVotX6P2aLsd');
      expect(c.extra.timings).toMatchObject({ predicted_n: 381 });
      const perSecond = (c.extra.timings as { predicted_per_second?: number }).predicted_per_second;
      expect(perSecond).toBeCloseTo(35.58, 2);
    },
  },
};

const ERRORS: Record<string, { status: number } & Partial<AppError>> = {
  'openai-401-invalid-api-key.error.json': {
    status: 401,
    type: 'invalid_request_error',
    code: 'invalid_api_key',
    param: null,
    message: 'Incorrect API key provided: <not-a-r****key>. You can find your API key at https://platform.openai.com/account/api-keys.',
  },
  'openai-400-unsupported-parameter.error.json': {
    status: 400,
    code: 'unsupported_parameter',
    param: 'max_tokens',
    type: 'invalid_request_error',
    message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
  },
  'openrouter-doc-400-invalid-model.error.json': { status: 400, code: 400, message: 'Invalid model specified', type: null, param: null },
  'openrouter-404-no-endpoints.error.json': { status: 404, code: 404, message: 'No endpoints found for google/gemini-2.5-flash:free.' },
  // One recorded body per recognised error shape (error-shapes.ts), as server/wire/INDEX.md describes them.
  'mistral-422-extra-forbidden.error.json': {
    status: 422,
    message: 'stream_options: Extra inputs are not permitted',
    param: 'stream_options',
    type: 'extra_forbidden',
    code: null,
    detailLines: ['stream_options: Extra inputs are not permitted'],
  },
  // As Mistral's API answers today (reported by its users): the detail list inside its error envelope.
  'mistral-422-stream-options-include-usage.error.json': {
    status: 422,
    message: 'stream_options.include_usage: Extra inputs are not permitted',
    param: 'stream_options.include_usage',
    type: 'invalid_request_error',
    code: null,
    detailLines: ['stream_options.include_usage: Extra inputs are not permitted'],
  },
  // Groq refusing n > 1: the field is named only in the message (no param).
  'groq-400-n-must-be-at-most-1.error.json': { status: 400, message: "'n' : number must be at most 1", type: 'invalid_request_error' },
  // DeepSeek's thinking mode refusing a follow-up whose tool-call turn lacks reasoning_content (as its users report it).
  'deepseek-400-reasoning-content-passed-back.error.json': {
    status: 400,
    message: 'The `reasoning_content` in the thinking mode must be passed back to the API.',
    param: null,
    type: 'invalid_request_error',
    code: 'invalid_request_error',
  },
  'vllm-400-context-length.error.json': {
    status: 400,
    message:
      "This model's maximum context length is 4096 tokens. However, you requested 4296 tokens (3272 in the messages, 1024 in the completion). Please reduce the length of the messages or completion.",
    type: 'BadRequestError',
    code: 400,
    param: null,
  },
  'llamacpp-400-exceed-context-size.error.json': {
    status: 400,
    message: 'the request exceeds the available context size, try increasing it',
    type: 'exceed_context_size_error',
    code: 400,
    detailLines: ['prompt tokens (n_prompt_tokens): 4476', 'context size (n_ctx): 4096'],
  },
  'ollama-404-model-not-found.error.json': { status: 404, message: 'model "llama3.3:70b" not found, try pulling it first', code: null },
  'openrouter-400-provider-error-raw.error.json': {
    status: 400,
    code: 400,
    message:
      "Provider returned error (OpenAI): Unsupported value: 'temperature' does not support 0.2 with this model. Only the default (1) value is supported.",
    param: 'temperature',
    type: 'invalid_request_error',
    detailLines: ['provider: OpenAI'],
  },
  'gemini-400-api-key-invalid.error.json': {
    status: 400,
    code: 400,
    message: 'API key not valid. Please pass a valid API key.',
    type: 'INVALID_ARGUMENT',
    detailLines: ['reason: API_KEY_INVALID'],
  },
  'anthropic-400-invalid-request.error.json': {
    status: 400,
    message: 'max_tokens: 100000 > 64000, which is the maximum allowed number of output tokens for claude-sonnet-4-20250514',
    type: 'invalid_request_error',
    detailLines: ['request id: req_011CSHoEeqs5C35K2UUqR7Fy'],
  },
  'azure-400-content-filter.error.json': {
    status: 400,
    code: 'content_filter',
    param: 'prompt',
    type: null,
    message:
      "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766",
    detailLines: ['filtered: self_harm (medium)', 'inner code: ResponsibleAIPolicyViolation'],
  },
  'nginx-502-bad-gateway.error.html': {
    status: 502,
    message: 'The server answered with an HTML page (status 502: Bad Gateway) — probably a proxy or the wrong URL',
    retryable: true,
  },
  'ollama-404-page-not-found.error.txt': { status: 404, message: '404 page not found', detail: '404 page not found' },
  'unknown-503-unrecognised-shape.error.json': {
    status: 503,
    message:
      'HTTP 503: the server is unavailable or overloaded. The error body is in a shape this app does not recognise: see the raw response.',
    detail: '{"status":"unavailable","reason":{"kind":"upstream_busy","retry_in_seconds":30}}',
    retryable: true,
  },
};

function errorContentType(file: string): string {
  if (file.endsWith('.html')) return 'text/html';
  if (file.endsWith('.txt')) return 'text/plain; charset=utf-8';
  return 'application/json';
}

function expectText(actual: string | null | undefined, expected: string | null | Long): void {
  if (expected === null || typeof expected === 'string') {
    expect(actual).toBe(expected);
    return;
  }
  expect(actual).toBeTypeOf('string');
  expect(actual?.startsWith(expected.begins)).toBe(true);
  expect(actual?.endsWith(expected.ends)).toBe(true);
  if (expected.includes) expect(actual).toContain(expected.includes);
}

function expectCompletion(c: Completion, e: Expected): void {
  expect(c.model).toBe(e.model);
  expect(c.choices).toHaveLength(1);
  const choice = c.choices[0];
  expectText(choice?.content, e.content);
  expectText(choice?.reasoning, e.reasoning ?? null);
  expect(choice?.refusal).toBe(e.refusal ?? null);
  expect(choice?.toolCalls).toEqual(e.toolCalls ?? []);
  expect(choice?.finishReason).toBe(e.finishReason);
  if (e.usage === null) expect(c.usage).toBeNull();
  else {
    expect([c.usage?.promptTokens, c.usage?.completionTokens, c.usage?.totalTokens]).toEqual(e.usage);
    expect(c.usage?.raw).toBeTypeOf('object');
  }
  if (e.reasoningTokens !== undefined) expect(c.usage?.reasoningTokens).toBe(e.reasoningTokens);
  if (e.cachedTokens !== undefined) expect(c.usage?.cachedPromptTokens).toBe(e.cachedTokens);
  if (e.error) expect(c.error).toMatchObject(e.error);
  else expect(c.error).toBeNull();
  e.check?.(c);
}

const files = caseFiles();

describe('wire cases', () => {
  it('has an expectation for every file in the cases folder', () => {
    const known = new Set([...Object.keys(COMPLETIONS), ...Object.keys(ERRORS)]);
    expect(files.filter((f) => !known.has(f))).toEqual([]);
    expect([...known].filter((f) => !files.includes(f))).toEqual([]);
  });

  for (const file of files.filter((f) => f.endsWith('.sse'))) {
    const expected = COMPLETIONS[file];
    if (!expected) continue;
    describe(file, () => {
      it('assembles from one chunk', async () => {
        const c = await assembleSSE(caseBytes(file));
        expectCompletion(c, expected);
        expect(c.sawDone).toBe(!file.startsWith('openrouter-doc'));
      });
      it('assembles from 1-byte chunks', async () => {
        const bytes = caseBytes(file);
        expectCompletion(await assembleSSE(bytes, everyByte(bytes.length)), expected);
      });
      it('runs through runChatCompletion', async () => {
        const fetch = async () => sseResponse(caseBytes(file));
        const r = await runChatCompletion({
          endpoint: { baseURL: 'http://x/v1' },
          body: { model: 'm', messages: [], stream: true },
          signal: new AbortController().signal,
          fetch,
        });
        expectCompletion(r.completion, expected);
        expect(r.outcome).toBe(expected.error ? 'error' : 'done');
        if (expected.error) expect(r.error).toMatchObject(expected.error);
      });
    });
  }

  for (const file of files.filter((f) => f.endsWith('.json') && !f.endsWith('.error.json'))) {
    const expected = COMPLETIONS[file];
    if (!expected) continue;
    describe(file, () => {
      it('maps with completionFromJSON', () => {
        const c = completionFromJSON(JSON.parse(caseText(file)));
        expectCompletion(c, expected);
        expect(c.sawDone).toBe(false);
      });
      it('runs through runChatCompletion', async () => {
        const fetch = async () => jsonResponse(caseText(file));
        const r = await runChatCompletion({
          endpoint: { baseURL: 'http://x/v1' },
          body: { model: 'm', messages: [] },
          signal: new AbortController().signal,
          fetch,
        });
        expect(r.outcome).toBe('done');
        expectCompletion(r.completion, expected);
      });
    });
  }

  for (const [file, { status, ...expected }] of Object.entries(ERRORS)) {
    it(`${file} maps with errorFromHttp`, () => {
      const error = errorFromHttp(status, '', errorContentType(file), caseText(file));
      expect(error).toMatchObject({ kind: 'http', status, ...expected });
      expect(error.hint).toBeTruthy();
    });
    it(`${file} fails runChatCompletion${expected.retryable ? ' (retries off)' : ' without retrying'}`, async () => {
      let calls = 0;
      const fetch = async () => {
        calls++;
        return jsonResponse(caseText(file), status, { 'content-type': errorContentType(file) });
      };
      const r = await runChatCompletion({
        endpoint: { baseURL: 'http://x/v1' },
        body: { model: 'm', messages: [] },
        signal: new AbortController().signal,
        fetch,
        ...(expected.retryable ? { maxRetries: 0 } : {}),
      });
      expect(r.outcome).toBe('error');
      expect(r.error).toMatchObject({ status, ...expected });
      expect(calls).toBe(1);
    });
  }
});
