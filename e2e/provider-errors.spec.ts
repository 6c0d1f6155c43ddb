import { expect, test } from './support/app';

/**
 * Every recognised error shape of server/wire (see src/lib/openai/error-shapes.ts), sent by the reference
 * endpoint's `[[error-shape:NAME]]`: the banner shows the provider's own words, never only a status line.
 */
const SHAPES: { name: string; shows: (string | RegExp)[] }[] = [
  { name: 'openai', shows: ["Unsupported parameter: 'max_tokens' is not supported with this model."] },
  { name: 'fastapi', shows: ['Extra inputs are not permitted', 'stream_options'] },
  { name: 'vllm', shows: ["This model's maximum context length is 4096 tokens."] },
  {
    name: 'llamacpp',
    shows: ['the request exceeds the available context size, try increasing it', 'n_prompt_tokens): 4476', 'n_ctx): 4096'],
  },
  { name: 'ollama', shows: ['model "llama3.3:70b" not found, try pulling it first'] },
  {
    name: 'openrouter',
    shows: ["Provider returned error (OpenAI): Unsupported value: 'temperature' does not support 0.2", 'provider: OpenAI'],
  },
  { name: 'gemini', shows: ['API key not valid. Please pass a valid API key.', 'API_KEY_INVALID'] },
  { name: 'anthropic', shows: ['max_tokens: 100000 > 64000, which is the maximum allowed number of output tokens'] },
  { name: 'azure-content-filter', shows: ["triggering Azure OpenAI's content management policy", 'filtered: self_harm (medium)'] },
  { name: 'text', shows: ['404 page not found'] },
];

test.describe('provider error shapes', () => {
  for (const { name, shows } of SHAPES) {
    test(`${name}: the banner shows the server's own message`, async ({ sharedApp: app }) => {
      await app.fresh();
      await app.send(`hello [[error-shape:${name}]]`);
      for (const text of shows) await expect(app.errorBanner).toContainText(text);
      // The raw body stays collapsed (plain text is its own message, so it has none).
      const raw = app.errorBanner.getByTestId('error-raw');
      if (name === 'text') await expect(raw).toHaveCount(0);
      else await expect(raw).not.toHaveAttribute('open');
    });
  }

  test('vLLM’s mid-stream error event shows its message and keeps the partial text', async ({ sharedApp: app }) => {
    await app.fresh();
    await app.send('hello [[fault:vllm-midstream-error]]');
    await expect(app.errorBanner).toContainText('EngineCore encountered an issue. See stack trace (above) for the root cause.');
    await expect(app.errorBanner).toContainText('mid-stream');
    await expect(app.assistant().getByTestId('message-content')).toContainText('Partial');
  });

  test('an HTML page from a proxy is explained, its page kept behind "Raw response"', async ({ app, page }) => {
    await page.clock.install();
    await app.open();
    await app.send('hello [[error-shape:html]]');
    await app.skipRetryWaits(() => expect(app.errorBanner).toContainText('HTML page (status 502: Bad Gateway)', { timeout: 500 }));
    const raw = app.errorBanner.getByTestId('error-raw');
    await expect(raw.locator('pre')).toBeHidden();
    await raw.getByText('Raw response').click();
    await expect(raw.locator('pre')).toContainText('<center><h1>502 Bad Gateway</h1></center>');
  });

  test('an unknown shape says what the status means and shows its raw body once expanded', async ({ app, page }) => {
    await page.clock.install();
    await app.open();
    await app.send('hello [[error-shape:unknown]]');
    await app.skipRetryWaits(() => expect(app.errorBanner).toContainText('the server is unavailable or overloaded', { timeout: 500 }));
    await expect(app.errorBanner).toContainText('does not recognise');
    const raw = app.errorBanner.getByTestId('error-raw');
    await expect(raw).not.toHaveAttribute('open');
    await expect(raw.locator('pre')).toBeHidden();
    await raw.getByText('Raw response').click();
    await expect(raw.locator('pre')).toHaveText('{"status":"unavailable","reason":{"kind":"upstream_busy","retry_in_seconds":30}}');
  });
});
