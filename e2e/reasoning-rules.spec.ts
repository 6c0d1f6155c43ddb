import type { Page } from '@playwright/test';
import { expect, expectBeforeAndAfterReload, test, type PlaygroundPage } from './support/app';

// Provider rules of the endpoint profile, against reference-endpoint personas written from the
// providers' documentation: DeepSeek's thinking mode wants reasoning_content back in tool-call
// turns (and takes only max_tokens); OpenAI's reasoning models refuse max_tokens.

const WEATHER_TOOL = {
  tools: [
    { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } },
  ],
};

/** A profile from `preset` whose address is the reference endpoint, so its personas answer. */
async function presetProfileOnReference(page: Page, preset: string, baseURL: string): Promise<void> {
  await page.getByTestId('endpoint-add').selectOption({ label: preset });
  await page.getByTestId('endpoint-base-url').fill(`${baseURL}/v1`);
  await page.getByTestId('endpoint-base-url').press('Enter');
  await expect(page.getByTestId('endpoint-base-url')).toHaveValue(`${baseURL}/v1`);
}

/** Asks for the weather (the persona calls get_weather, with its reasoning), then sends a tool result back. */
async function toolTurn(app: PlaygroundPage, marker: string): Promise<void> {
  await app.page.getByTestId('extra-body-input').fill(JSON.stringify(WEATHER_TOOL));
  const call = await app.sendAndWait(`Weather in Paris? get_weather [[persona:deepseek-thinking]] ${marker}-ask`);
  await expect(call).toHaveAttribute('data-finish-reason', 'tool_calls');
  await expect(call.getByTestId('message-reasoning')).toBeAttached();
  const tool = app.page.locator('[data-testid="message"][data-role="tool"]');
  await tool.getByTestId('message-text-input').fill(`{"sky": "clear", "marker": "${marker}-result"}`);
  await app.page.getByTestId('send-tool-results-button').click();
  await expect(app.assistant()).toHaveAttribute('data-status', 'done');
  await expect(app.assistant()).toHaveAttribute('data-finish-reason', 'stop');
}

/** The requests whose body holds `tag`, oldest first. */
async function sent(app: PlaygroundPage, tag: string) {
  return (await app.receivedRequests()).filter((r) => JSON.stringify(r.body).includes(tag));
}

const reasoningOf = (body: Record<string, unknown>) =>
  (body.messages as { role: string; reasoning_content?: string }[]).filter((m) => m.role === 'assistant').map((m) => m.reasoning_content);

test.describe('reasoning sent back', () => {
  test.describe.configure({ timeout: 60_000 });

  test('DeepSeek preset: the tool-call turn carries its reasoning, so every request is right the first time', async ({ app, baseURL }) => {
    await app.open('?model=ref-chat');
    await presetProfileOnReference(app.page, 'DeepSeek', baseURL!);
    await expect(app.page.getByTestId('endpoint-reasoning-send-back')).toHaveValue('tool-turns');
    await expect(app.page.getByTestId('endpoint-reasoning-send-back-source')).toHaveText('From the DeepSeek preset');
    const marker = `ds-${Date.now()}`;
    await toolTurn(app, marker);
    expect(await sent(app, `${marker}-result`)).toHaveLength(1);

    // The follow-up: the preview shows the reasoning going back, exactly as it is then sent.
    const shown = await app.assistant(0).getByTestId('message-reasoning').textContent();
    await app.composer.fill(`And tomorrow? [[persona:deepseek-thinking]] ${marker}-next`);
    await expect.poll(async () => reasoningOf(await app.previewBody())).toEqual([expect.any(String), expect.any(String)]);
    await app.composer.press('ControlOrMeta+Enter');
    await expect(app.assistant()).toHaveAttribute('data-finish-reason', 'stop');
    await expect(app.errorBanner).toHaveCount(0);
    const next = await sent(app, `${marker}-next`);
    expect(next).toHaveLength(1);
    const carried = reasoningOf(next[0]!.body);
    expect(carried).toHaveLength(2);
    expect(shown).toContain(carried[0]!.slice(0, 20));
  });

  test('a profile without the rule is refused once, sends again with it, and remembers (visible, resettable)', async ({ app }) => {
    await app.open('?model=ref-chat');
    await expect(app.page.getByTestId('endpoint-reasoning-send-back')).toHaveValue('never');
    const marker = `gen-${Date.now()}`;
    await toolTurn(app, marker);
    // The refusal was answered by one more request, with the tool-call turn's reasoning.
    const results = await sent(app, `${marker}-result`);
    expect(results.map((r) => reasoningOf(r.body))).toEqual([[undefined], [expect.any(String)]]);
    await expect(app.errorBanner).toHaveCount(0);
    await expect(app.page.getByTestId('toast').filter({ hasText: 'wants reasoning sent back' })).toBeVisible();

    await expectBeforeAndAfterReload(app.page, async () => {
      await expect(app.page.getByTestId('endpoint-reasoning-send-back')).toHaveValue('tool-turns');
      await expect(app.page.getByTestId('endpoint-reasoning-send-back-source')).toHaveText('Learned from the server’s refusal · Reset');
    });
    await app.page.getByRole('region', { name: 'Endpoint' }).screenshot({ path: test.info().outputPath('endpoint-profile-learned.png') });

    // Later requests are right from the start.
    await app.sendAndWait(`And tomorrow? [[persona:deepseek-thinking]] ${marker}-next`);
    expect(await sent(app, `${marker}-next`)).toHaveLength(1);

    await app.page.getByTestId('endpoint-reasoning-send-back-reset').click();
    await expect(app.page.getByTestId('endpoint-reasoning-send-back')).toHaveValue('never');
    await expect(app.page.getByTestId('endpoint-reasoning-send-back-source')).toHaveText('Default');
  });
});

test.describe('the output limit', () => {
  test('set once, sent under the name each preset takes, as the request preview shows', async ({ app, baseURL }) => {
    await app.open('?model=ref-chat');
    await app.setParamOn('max_tokens', true);
    await app.param('max_tokens').fill('5');
    const limits = async () => {
      const body = await app.previewBody();
      return { max_tokens: body.max_tokens, max_completion_tokens: body.max_completion_tokens };
    };
    // The built-in endpoint has no rule: as switched on.
    await expect.poll(limits).toEqual({ max_tokens: 5, max_completion_tokens: undefined });
    await app.page.getByTestId('endpoint-add').selectOption({ label: 'OpenAI' });
    await expect(app.page.getByTestId('endpoint-output-limit')).toHaveValue('max_completion_tokens');
    await expect.poll(limits).toEqual({ max_tokens: undefined, max_completion_tokens: 5 });
    await expect(app.page.getByText('Sent as max_completion_tokens: this endpoint')).toBeVisible();
    await app.page.getByTestId('endpoint-provider-rules').screenshot({ path: test.info().outputPath('provider-rules-openai.png') });

    // DeepSeek takes max_tokens and ignores the other name: the limit holds only under max_tokens.
    await presetProfileOnReference(app.page, 'DeepSeek', baseURL!);
    await expect.poll(limits).toEqual({ max_tokens: 5, max_completion_tokens: undefined });
    const marker = `limit-${Date.now()}`;
    const cut = await app.sendAndWait(`Hi [[persona:deepseek-thinking]] ${marker}-a`);
    await expect(cut).toHaveAttribute('data-finish-reason', 'length');
    expect((await app.receivedWith(`${marker}-a`)).body.max_tokens).toBe(5);

    // The person can override it; the preview follows, and DeepSeek then ignores the limit.
    await app.page.getByTestId('endpoint-output-limit').selectOption('max_completion_tokens');
    await expect(app.page.getByTestId('endpoint-output-limit-source')).toHaveText('Set in this profile · Reset');
    await expect.poll(limits).toEqual({ max_tokens: undefined, max_completion_tokens: 5 });
    const uncut = await app.sendAndWait(`Hi [[persona:deepseek-thinking]] ${marker}-b`);
    await expect(uncut).toHaveAttribute('data-finish-reason', 'stop');
  });

  test("OpenAI's 400 for max_tokens is answered by sending max_completion_tokens, and the profile remembers", async ({ app }) => {
    await app.open('?model=ref-chat');
    await app.setParamOn('max_tokens', true);
    await app.param('max_tokens').fill('5');
    const marker = `oai-${Date.now()}`;
    const reply = await app.sendAndWait(`Hi [[persona:openai-reasoning]] ${marker}`);
    await expect(reply).toHaveAttribute('data-finish-reason', 'length');
    await expect(app.errorBanner).toHaveCount(0);
    expect((await sent(app, marker)).map((r) => [r.body.max_tokens, r.body.max_completion_tokens])).toEqual([
      [5, undefined],
      [undefined, 5],
    ]);
    await expect(app.page.getByTestId('endpoint-output-limit')).toHaveValue('max_completion_tokens');
    await expect(app.page.getByTestId('endpoint-output-limit-source')).toHaveText('Learned from the server’s refusal · Reset');
    await expect.poll(async () => (await app.previewBody()).max_completion_tokens).toBe(5);
  });
});
