import type { Locator, Page } from '@playwright/test';
import { expect, test, type PlaygroundPage } from './support/app';

// "Continue" on a cut reply uses each server's own prefill mechanism, chosen per endpoint profile,
// and for a server without one (OpenAI) it says so and offers to ask in a new message instead.
// Each server is a reference-endpoint persona written from that provider's docs (server/prefill.ts):
// a request it would refuse or answer anew would show here as an error or a glued text.

const FULL = 'one two three four five six seven eight';
const PARTIAL = 'one two three four';

type Received = { url: string; body: { messages: Record<string, unknown>[] } & Record<string, unknown> };

/** Adds a profile from `preset` pointed at the reference endpoint under `path` (/v1, /beta). */
async function profileAt(page: Page, preset: string, url: string): Promise<void> {
  await page.getByTestId('endpoint-add').selectOption({ label: preset });
  const field = page.getByTestId('endpoint-base-url');
  await field.fill(url);
  await field.press('Enter');
  await expect(field).toHaveValue(url);
}

/** Sends a message whose reply the token limit cuts after four words. */
async function cutReply(app: PlaygroundPage, persona: string, marker: string): Promise<Locator> {
  await app.page.getByTestId('param-max_completion_tokens-enabled').click();
  await app.page.getByTestId('param-max_completion_tokens').fill('4');
  const cut = await app.sendAndWait(`Count [[reply:${FULL}]] [[persona:${persona}]] ${marker}`);
  await expect(cut).toHaveAttribute('data-finish-reason', 'length');
  await expect(cut.getByTestId('message-content')).toHaveText(PARTIAL);
  return cut;
}

/** Presses Continue on `cut` and waits for the joined alternative. */
async function continueIt(app: PlaygroundPage, cut: Locator, title: RegExp): Promise<void> {
  await cut.hover();
  const button = cut.getByRole('button', { name: 'Continue', exact: true });
  await expect(button).toHaveAttribute('title', title);
  await button.click();
  const reply = app.assistant();
  await expect(reply.getByTestId('branch-position')).toHaveText('2/2');
  await expect(reply).toHaveAttribute('data-status', 'done');
  // One coherent text: the partial reply and what the server added after it.
  await expect(reply.getByTestId('message-content')).toHaveText(FULL);
  await expect(reply).toHaveAttribute('data-finish-reason', 'stop');
  await expect(app.errorBanner).toHaveCount(0);
}

/** The continue request: the one with `marker` whose last message is the cut reply. */
async function continueRequest(app: PlaygroundPage, marker: string): Promise<Received> {
  const all = (await app.receivedRequests()) as unknown as Received[];
  const found = all.filter((r) => JSON.stringify(r.body).includes(marker) && r.body.messages.at(-1)?.['role'] === 'assistant');
  expect(found).toHaveLength(1);
  return found[0]!;
}

test('Mistral: the cut reply is sent last with prefix: true and the continuation joins it', async ({ app, page, baseURL }) => {
  await app.open();
  await profileAt(page, 'Mistral', `${baseURL}/v1`);
  await expect(page.getByTestId('endpoint-continue-style')).toHaveValue('mistral-prefix');
  await expect(page.getByTestId('endpoint-continue-style-explanation')).toHaveText(
    'The cut reply is sent last with "prefix": true; Mistral writes only what follows it.',
  );
  const marker = `mistral-${Date.now()}`;
  const cut = await cutReply(app, 'mistral-prefix', marker);
  await continueIt(app, cut, /"prefix": true \(Mistral\)/);
  const sent = await continueRequest(app, marker);
  expect(sent.body.messages.at(-1)).toEqual({ role: 'assistant', content: PARTIAL, prefix: true });
  expect(sent.body.messages.slice(0, -1).some((m) => 'prefix' in m)).toBe(false);
});

test('DeepSeek: off /beta the form warns and Continue asks instead; on /beta the prefix continues', async ({ app, page, baseURL }) => {
  await app.open();
  await profileAt(page, 'DeepSeek', `${baseURL}/v1`);
  await expect(page.getByTestId('endpoint-continue-style')).toHaveValue('deepseek-prefix');
  const warning = page.getByTestId('endpoint-continue-style-warning');
  await expect(warning).toContainText(
    `DeepSeek continues a reply only at its beta base URL (https://api.deepseek.com/beta); this profile uses ${baseURL}/v1.`,
  );
  await page.locator('section[aria-label="Endpoint"]').screenshot({ path: test.info().outputPath('profile-deepseek-warning.png') });

  const marker = `deepseek-${Date.now()}`;
  const cut = await cutReply(app, 'deepseek-prefix', marker);
  // Off /beta a prefix would only be refused: no Continue, the offer says why.
  await cut.hover();
  await expect(cut.getByRole('button', { name: 'Continue', exact: true })).toHaveCount(0);
  await expect(cut.getByTestId('continue-offer')).toContainText('DeepSeek continues a reply only at its beta base URL');

  const field = page.getByTestId('endpoint-base-url');
  await field.fill(`${baseURL}/beta`);
  await field.press('Enter');
  await expect(warning).toHaveCount(0);
  await expect(cut.getByTestId('continue-offer')).toHaveCount(0);
  await continueIt(app, cut, /"prefix": true \(DeepSeek beta\)/);
  const sent = await continueRequest(app, marker);
  expect(new URL(sent.url, 'http://x').pathname).toBe('/beta/chat/completions');
  expect(sent.body.messages.at(-1)).toEqual({ role: 'assistant', content: PARTIAL, prefix: true });
});

test('vLLM: continue_final_message and add_generation_prompt false are sent with the cut reply last', async ({ app, page, baseURL }) => {
  await app.open();
  await profileAt(page, 'vLLM', `${baseURL}/v1`);
  await expect(page.getByTestId('endpoint-continue-style')).toHaveValue('vllm');
  const marker = `vllm-${Date.now()}`;
  const cut = await cutReply(app, 'vllm', marker);
  await continueIt(app, cut, /continue_final_message: true and add_generation_prompt: false \(vLLM\)/);
  const sent = await continueRequest(app, marker);
  expect(sent.body).toMatchObject({ continue_final_message: true, add_generation_prompt: false });
  expect(sent.body.messages.at(-1)).toEqual({ role: 'assistant', content: PARTIAL });
});

test('llama.cpp (the built-in endpoint): the cut reply is sent last as it is and continued', async ({ app, page }) => {
  await app.open();
  await expect(page.getByTestId('endpoint-continue-style')).toHaveValue('trailing-assistant');
  const marker = `llamacpp-${Date.now()}`;
  const cut = await cutReply(app, 'llamacpp-prefill', marker);
  await continueIt(app, cut, /the cut reply as the last message \(llama\.cpp, LM Studio, Ollama continue it\)/);
  const sent = await continueRequest(app, marker);
  expect(sent.body.messages.at(-1)).toEqual({ role: 'assistant', content: PARTIAL });
  expect('continue_final_message' in sent.body).toBe(false);
});

test('OpenAI: no prefill, so no glued Continue; Ask to continue sends a new message and gets a reply of its own', async ({
  app,
  page,
  baseURL,
}) => {
  await app.open();
  await profileAt(page, 'OpenAI', `${baseURL}/v1`);
  await expect(page.getByTestId('endpoint-continue-style')).toHaveValue('none');
  const marker = `openai-${Date.now()}`;
  const cut = await cutReply(app, 'openai-no-prefill', marker);
  await cut.hover();
  await expect(cut.getByRole('button', { name: 'Continue', exact: true })).toHaveCount(0);
  const offer = cut.getByTestId('continue-offer');
  await expect(offer).toContainText('This reply was cut off by the token limit.');
  await expect(offer).toContainText('OpenAI cannot continue a reply from where it stopped (no assistant prefill)');
  await offer.screenshot({ path: test.info().outputPath('continue-offer.png') });

  await app.setParamOn('max_completion_tokens', false);
  await offer.getByRole('button', { name: 'Ask to continue' }).click();
  const asked = page.locator('[data-testid="message"][data-role="user"]').last();
  await expect(asked.getByTestId('message-content')).toHaveText('Continue exactly where you stopped, without repeating anything.');
  const answer = app.assistant();
  await expect(answer).toHaveAttribute('data-status', 'done');
  await expect(answer).toHaveAttribute('data-finish-reason', 'stop');
  // The cut reply is untouched (no alternative was made of it) and the answer is a reply of its own.
  await expect(app.messages).toHaveCount(4);
  await expect(app.assistant(0).getByTestId('message-content')).toHaveText(PARTIAL);
  await expect(app.assistant(0).getByTestId('branch-position')).toHaveCount(0);
  await expect(app.assistant(0).getByTestId('continue-offer')).toHaveCount(0);
  const sent = (await app.receivedRequests()).filter((r) => JSON.stringify(r.body).includes(marker)) as unknown as Received[];
  expect(sent.map((r) => r.body.messages.map((m) => m['role']))).toEqual([['user'], ['user', 'assistant', 'user']]);
  expect(sent[1]!.body.messages.at(-1)).toEqual({
    role: 'user',
    content: 'Continue exactly where you stopped, without repeating anything.',
  });
  expect(sent[1]!.body.messages[1]).toEqual({ role: 'assistant', content: PARTIAL });
});

test('the continue style is chosen in the profile form, with one line on each, and kept', async ({ app, page }) => {
  await app.open();
  const select = page.getByTestId('endpoint-continue-style');
  await select.selectOption('none');
  await expect(page.getByTestId('endpoint-continue-style-explanation')).toContainText('answer a trailing assistant message anew');
  await page.reload();
  await expect(select).toHaveValue('none');
  const marker = `choice-${Date.now()}`;
  const cut = await cutReply(app, 'openai-no-prefill', marker);
  await expect(cut.getByTestId('continue-offer')).toContainText('Reference endpoint (built-in) cannot continue a reply');
  await select.selectOption('trailing-assistant');
  await expect(cut.getByTestId('continue-offer')).toHaveCount(0);
  await page.locator('section[aria-label="Endpoint"]').screenshot({ path: test.info().outputPath('profile-form.png') });
});
