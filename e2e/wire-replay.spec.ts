import { readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './support/app';

/**
 * Every recorded response in server/wire/cases (a copy of ../shared/wire), replayed byte-exactly by the reference endpoint
 * in small random network pieces, must show in the UI what INDEX.md says it assembles to.
 */
interface Expect {
  content?: string | RegExp;
  reasoning?: string | RegExp;
  refusal?: string;
  tools?: { id: string; name: string; args: string }[];
  finish?: string;
  usage?: [number, number];
  status?: 'done' | 'error' | 'interrupted';
  /** For error bodies and errors without any output: text in the banner. */
  banner?: (string | RegExp)[];
}

const CASES: Record<string, Expect> = {
  'openai-text-after-tool-result-usage.sse': { content: 'The capital of the UK is London.', finish: 'stop', usage: [78, 9] },
  'openai-tool-call-split-args-usage.sse': {
    tools: [{ id: 'call_ZR5UUuTt3pf61kjwAJIYdVMj', name: 'get_capital', args: '{"country":"UK"}' }],
    finish: 'tool_calls',
    usage: [53, 15],
  },
  'openai-parallel-tool-calls.sse': {
    tools: [
      { id: 'call_lQnnsesjFMWMQ5IeWPHzR4th', name: 'GetWeatherArgs', args: '{"city": "Edinburgh", "country": "UK", "units": "c"}' },
      { id: 'call_2xjOUgaCdiwAcl9ZBL9LyMUU', name: 'get_stock_price', args: '{"ticker": "AAPL", "exchange": "NASDAQ"}' },
    ],
    finish: 'tool_calls',
    usage: [149, 60],
  },
  'openai-logprobs.sse': { content: 'Foo.', finish: 'stop', usage: [9, 2] },
  'openai-refusal-structured-output.sse': {
    refusal: "I'm sorry, but I can't assist with that request.",
    content: '',
    finish: 'stop',
    usage: [17, 12],
  },
  'openai-nonstream-text.json': {
    content: /^Holiday Name: Galaxy Day[\s\S]*—[\s\S]*inspiring individuals to look up and dream beyond our world\.$/,
    finish: 'stop',
    usage: [16, 363],
  },
  'openai-401-invalid-api-key.error.json': {
    banner: [
      '401',
      'Incorrect API key provided: <not-a-r****key>. You can find your API key at https://platform.openai.com/account/api-keys.',
      'invalid_api_key',
    ],
  },
  'openai-400-unsupported-parameter.error.json': {
    banner: ['400', "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead."],
  },
  'azure-model-router-reasoning-usage.sse': { content: 'Capital of Denmark.', finish: 'stop', usage: [15, 78] },
  'azure-nonstream-content-filter-length.json': {
    content: "I'm sorry, as an AI language model, I do not have real-time information. Please check",
    finish: 'length',
    usage: [18, 20],
  },
  'groq-tool-call-x_groq.sse': { tools: [{ id: 'tk85n1k4m', name: 'weather', args: '{}' }], finish: 'tool_calls', usage: [210, 15] },
  'deepseek-reasoning-tool-call-split-args.sse': {
    reasoning: 'The user asks about the weather in San Francisco. I should use the weather tool.',
    tools: [{ id: 'call_00_IhCAliIHtM9gKpgfqbBV9873', name: 'weather', args: '{"location": "San Francisco"}' }],
    finish: 'tool_calls',
    usage: [374, 61],
  },
  'deepseek-reasoning-only-length.sse': { reasoning: 'We need', content: '', finish: 'length', usage: [87, 2] },
  'deepseek-json-mode.json': {
    content: '{"location":"San Francisco","condition":"cloudy","temperature":7}',
    finish: 'stop',
    usage: [483, 16],
  },
  'mistral-empty-choices-midstream.sse': { content: 'Hello!', finish: 'stop', usage: [5, 3] },
  'xai-reasoning-tool-call.sse': {
    reasoning: 'First, the user is',
    tools: [{ id: 'call_55117580', name: 'weather', args: '{"location":"San Francisco"}' }],
    finish: 'tool_calls',
    usage: [291, 26],
  },
  'xai-nonstream-reasoning-tool-call.json': {
    reasoning: /^First, the user is asking about the weather in San Francisco\./,
    tools: [{ id: 'call_46427107', name: 'weather', args: '{"location":"San Francisco"}' }],
    finish: 'tool_calls',
    usage: [307, 26],
  },
  'moonshot-midstream-error-object.sse': { content: 'Partial', status: 'error', banner: ['Stream failed', 'stream_failure'] },
  'moonshot-parallel-tool-calls-without-index.sse': {
    tools: [
      { id: 'weather_0', name: 'weather', args: '{"location":"San Francisco"}' },
      { id: 'time_1', name: 'time', args: '{"zone":"UTC"}' },
    ],
    finish: 'tool_calls',
    usage: [61, 25],
  },
  'openrouter-doc-midstream-error-finish-error.sse': { banner: ['Provider disconnected unexpectedly', 'server_error'] },
  'openrouter-doc-400-invalid-model.error.json': { banner: ['400', 'Invalid model specified'] },
  'openrouter-404-no-endpoints.error.json': { banner: ['404', 'No endpoints found for google/gemini-2.5-flash:free.'] },
  // One recorded body per recognised error shape (src/lib/openai/error-shapes.ts).
  'mistral-422-extra-forbidden.error.json': { banner: ['422', 'Extra inputs are not permitted', 'stream_options'] },
  'mistral-422-stream-options-include-usage.error.json': {
    banner: ['422', 'stream_options.include_usage: Extra inputs are not permitted'],
  },
  'groq-400-n-must-be-at-most-1.error.json': { banner: ['400', "'n' : number must be at most 1"] },
  'deepseek-400-reasoning-content-passed-back.error.json': {
    banner: ['400', 'The `reasoning_content` in the thinking mode must be passed back to the API.'],
  },
  'vllm-400-context-length.error.json': { banner: ['400', "This model's maximum context length is 4096 tokens."] },
  'vllm-midstream-error-object.sse': {
    content: 'Partial',
    status: 'error',
    banner: ['EngineCore encountered an issue. See stack trace (above) for the root cause.'],
  },
  'llamacpp-400-exceed-context-size.error.json': {
    banner: ['the request exceeds the available context size, try increasing it', 'n_ctx): 4096'],
  },
  'ollama-404-model-not-found.error.json': { banner: ['404', 'model "llama3.3:70b" not found, try pulling it first'] },
  'openrouter-400-provider-error-raw.error.json': {
    banner: [
      "Provider returned error (OpenAI): Unsupported value: 'temperature' does not support 0.2 with this model.",
      'provider: OpenAI',
    ],
  },
  'gemini-400-api-key-invalid.error.json': { banner: ['API key not valid. Please pass a valid API key.', 'reason: API_KEY_INVALID'] },
  'anthropic-400-invalid-request.error.json': {
    banner: ['max_tokens: 100000 > 64000, which is the maximum allowed number of output tokens for claude-sonnet-4-20250514'],
  },
  'azure-400-content-filter.error.json': {
    banner: ['content_filter', "Azure OpenAI's content management policy", 'filtered: self_harm (medium)'],
  },
  'nginx-502-bad-gateway.error.html': { banner: ['502', 'HTML page (status 502: Bad Gateway)'] },
  'ollama-404-page-not-found.error.txt': { banner: ['404', '404 page not found'] },
  'unknown-503-unrecognised-shape.error.json': { banner: ['503', 'the server is unavailable or overloaded', 'Raw response'] },
  'cerebras-nonstream-time_info.json': { content: 'The capital of France is Paris.', finish: 'stop', usage: [42, 8] },
  'llamacpp-nonstream-reasoning-timings.json': {
    reasoning: /^Okay, so I have this problem where a clock shows 6:00[\s\S]*So, the answer should be 180\.$/,
    content: /Answer: 180$/,
    finish: 'stop',
    usage: [63, 381],
  },
};

const casesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../server/wire/cases');

test('every recorded case has an expectation here', () => {
  expect(readdirSync(casesDir).sort()).toEqual(Object.keys(CASES).sort());
});

for (const [file, want] of Object.entries(CASES)) {
  // Each case only needs a new conversation: one app per worker serves them all.
  test(`replays ${file}`, async ({ sharedApp: app }) => {
    await app.fresh();
    await app.send(`[[replay:${file}]]`);
    const hasReply = want.content !== undefined || want.tools !== undefined || want.reasoning !== undefined || want.refusal !== undefined;
    if (hasReply) {
      const reply = app.assistant();
      await expect(reply).toHaveAttribute('data-status', want.status ?? 'done');
      if (want.finish) await expect(reply).toHaveAttribute('data-finish-reason', want.finish);
      if (want.content !== undefined) await expect(reply.getByTestId('message-content')).toHaveText(want.content);
      if (want.reasoning !== undefined)
        expect(await reply.getByTestId('message-reasoning').textContent()).toMatch(
          typeof want.reasoning === 'string' ? new RegExp(`^${escape(want.reasoning)}$`) : want.reasoning,
        );
      if (want.refusal !== undefined) await expect(reply.getByTestId('message-refusal')).toContainText(want.refusal);
      const calls = reply.getByTestId('tool-call');
      await expect(calls).toHaveCount(want.tools?.length ?? 0);
      for (const [i, t] of (want.tools ?? []).entries()) {
        await expect(calls.nth(i)).toHaveAttribute('data-tool-call-id', t.id);
        await expect(calls.nth(i)).toHaveAttribute('data-tool-name', t.name);
        expect(await calls.nth(i).getByTestId('tool-call-arguments').textContent()).toBe(t.args);
      }
      if (want.usage) {
        await expect(app.page.getByTestId('usage-prompt-tokens')).toHaveText(String(want.usage[0]));
        await expect(app.page.getByTestId('usage-completion-tokens')).toHaveText(String(want.usage[1]));
      }
    } else {
      await expect(app.page.locator('[data-role="assistant"]')).toHaveCount(0);
    }
    for (const text of want.banner ?? []) await expect(app.errorBanner).toContainText(text);
    if (!want.banner) await expect(app.errorBanner).toHaveCount(0);
  });
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
