import { expect, test, type PlaygroundPage } from './support/app';

/** How a person sets each parameter, and what the server must then receive under its wire name. */
const CASES: { name: string; set: (app: PlaygroundPage) => Promise<unknown>; key: string; expected: unknown }[] = [
  { name: 'temperature', set: (a) => a.param('temperature').fill('0.7'), key: 'temperature', expected: 0.7 },
  { name: 'top_p', set: (a) => a.param('top_p').fill('0.9'), key: 'top_p', expected: 0.9 },
  { name: 'presence_penalty', set: (a) => a.param('presence_penalty').fill('0.5'), key: 'presence_penalty', expected: 0.5 },
  { name: 'frequency_penalty', set: (a) => a.param('frequency_penalty').fill('-0.5'), key: 'frequency_penalty', expected: -0.5 },
  { name: 'seed', set: (a) => a.param('seed').fill('7'), key: 'seed', expected: 7 },
  { name: 'logit_bias', set: (a) => a.param('logit_bias').fill('{"1734": -100}'), key: 'logit_bias', expected: { '1734': -100 } },
  { name: 'max_completion_tokens', set: (a) => a.param('max_completion_tokens').fill('300'), key: 'max_completion_tokens', expected: 300 },
  { name: 'max_tokens', set: (a) => a.param('max_tokens').fill('200'), key: 'max_tokens', expected: 200 },
  { name: 'n', set: (a) => a.param('n').fill('2'), key: 'n', expected: 2 },
  {
    name: 'stop',
    set: async (a) => {
      await a.param('stop').fill('END');
      await a.param('stop').press('Enter');
      await a.param('stop').fill('\\n\\n');
      await a.param('stop').press('Enter');
    },
    key: 'stop',
    expected: ['END', '\n\n'],
  },
  {
    name: 'include_usage',
    set: (a) => a.param('include_usage').selectOption('true'),
    key: 'stream_options',
    expected: { include_usage: true },
  },
  { name: 'logprobs', set: (a) => a.param('logprobs').selectOption('true'), key: 'logprobs', expected: true },
  { name: 'top_logprobs', set: (a) => a.param('top_logprobs').fill('3'), key: 'top_logprobs', expected: 3 },
  {
    name: 'response_format',
    set: (a) => a.param('response_format').selectOption('json_object'),
    key: 'response_format',
    expected: { type: 'json_object' },
  },
  {
    name: 'tools',
    set: (a) => a.page.getByRole('button', { name: 'calculate' }).click(),
    key: 'tools',
    expected: [
      {
        type: 'function',
        function: {
          name: 'calculate',
          description: 'Evaluate an arithmetic expression.',
          parameters: { type: 'object', properties: { expression: { type: 'string' } }, required: ['expression'] },
        },
      },
    ],
  },
  { name: 'tool_choice', set: (a) => a.param('tool_choice').selectOption('required'), key: 'tool_choice', expected: 'required' },
  {
    name: 'parallel_tool_calls',
    set: (a) => a.param('parallel_tool_calls').selectOption('false'),
    key: 'parallel_tool_calls',
    expected: false,
  },
  { name: 'reasoning_effort', set: (a) => a.param('reasoning_effort').selectOption('low'), key: 'reasoning_effort', expected: 'low' },
  { name: 'service_tier', set: (a) => a.param('service_tier').selectOption('flex'), key: 'service_tier', expected: 'flex' },
  { name: 'user', set: (a) => a.param('user').fill('user-1'), key: 'user', expected: 'user-1' },
  { name: 'safety_identifier', set: (a) => a.param('safety_identifier').fill('sid-1'), key: 'safety_identifier', expected: 'sid-1' },
  { name: 'store', set: (a) => a.param('store').selectOption('true'), key: 'store', expected: true },
  { name: 'metadata', set: (a) => a.param('metadata').fill('{"run": "e2e"}'), key: 'metadata', expected: { run: 'e2e' } },
  { name: 'modalities', set: (a) => a.param('modalities').selectOption('text,audio'), key: 'modalities', expected: ['text', 'audio'] },
  { name: 'audio', set: (a) => a.param('audio').selectOption('nova'), key: 'audio', expected: { voice: 'nova', format: 'wav' } },
];

test.describe('parameters', () => {
  test('each switched-on parameter reaches the endpoint; switched off, none does', async ({ app }) => {
    test.setTimeout(180_000);
    await app.open();
    for (const c of CASES) {
      await app.setParamOn(c.name, true);
      await c.set(app);
    }
    await app.page.getByTestId('extra-body-input').fill('{"top_k": 40, "chat_template_kwargs": {"thinking": false}}');
    const on = `params-on-${Date.now()}`;
    await app.sendAndWait(`${on} json [[reply:ok]]`);
    const sent = (await app.receivedWith(on)).body;
    for (const c of CASES) expect(sent[c.key], c.name).toEqual(c.expected);
    expect(sent.stream).toBe(true);
    expect(sent.top_k).toBe(40);
    expect(sent.chat_template_kwargs).toEqual({ thinking: false });

    for (const c of CASES) await app.setParamOn(c.name, false);
    await app.setParamOn('stream', false);
    await app.page.getByTestId('extra-body-input').fill('');
    const off = `params-off-${Date.now()}`;
    await app.sendAndWait(`${off} [[reply:ok]]`);
    const bare = (await app.receivedWith(off)).body;
    expect(Object.keys(bare).sort()).toEqual(['messages', 'model']);
  });

  test('stream false is sent as chosen, and the values survive a switch-off', async ({ app }) => {
    await app.open();
    await app.param('stream').selectOption('false');
    expect((await app.previewBody()).stream).toBe(false);
    await app.setParamOn('temperature', true);
    await app.param('temperature').fill('1.3');
    await app.setParamOn('temperature', false);
    expect((await app.previewBody()).temperature).toBeUndefined();
    await app.setParamOn('temperature', true);
    expect((await app.previewBody()).temperature).toBe(1.3);
    const marker = `nostream-${Date.now()}`;
    const reply = await app.sendAndWait(`${marker} [[reply:whole]]`);
    await expect(reply.getByTestId('message-content')).toHaveText('whole');
    expect((await app.receivedWith(marker)).body).toMatchObject({ stream: false, temperature: 1.3 });
  });

  test('ranges are checked inline, with the documented limits', async ({ app }) => {
    await app.open();
    await app.setParamOn('temperature', true);
    await app.param('temperature').fill('2.5');
    await expect(app.param('temperature')).toHaveAttribute('aria-invalid', 'true');
    await expect(app.page.locator('[data-param="temperature"]').getByRole('alert')).toHaveText('Must be between 0 and 2.');
    await app.param('temperature').fill('1.5');
    await expect(app.param('temperature')).toHaveAttribute('aria-invalid', 'false');
    await app.param('top_logprobs').fill('21');
    await expect(app.page.locator('[data-param="top_logprobs"]').getByRole('alert')).toHaveText('Must be between 0 and 20.');
    await app.param('logit_bias').fill('{"abc": 1}');
    await expect(app.page.locator('[data-param="logit_bias"]').getByRole('alert')).toContainText('not a token id');
  });

  test('reset one parameter, and reset all', async ({ app }) => {
    await app.open();
    await app.setParamOn('temperature', true);
    await app.param('temperature').fill('1.7');
    await app.setParamOn('seed', true);
    await app.page.getByRole('button', { name: 'Reset temperature' }).click();
    await expect(app.param('temperature')).toHaveValue('1');
    await expect(app.paramSwitch('temperature')).toHaveAttribute('aria-checked', 'false');
    await expect(app.paramSwitch('seed')).toHaveAttribute('aria-checked', 'true');
    await app.page.getByTestId('params-reset-all').click();
    await expect(app.paramSwitch('seed')).toHaveAttribute('aria-checked', 'false');
    await expect(app.paramSwitch('stream')).toHaveAttribute('aria-checked', 'true');
    expect(Object.keys(await app.previewBody()).sort()).toEqual(['messages', 'model', 'stream', 'stream_options']);
  });

  test('presets: save, load, rename, delete, kept across a reload', async ({ app }) => {
    await app.open();
    await app.setParamOn('temperature', true);
    await app.param('temperature').fill('0.2');
    await app.page.getByTestId('preset-save').click();
    await app.page.getByTestId('preset-name-input').fill('Cold');
    await app.page.getByTestId('preset-name-input').press('Enter');
    await app.param('temperature').fill('1.9');
    await app.setParamOn('temperature', false);
    await app.page.reload();
    await app.page.getByTestId('preset-select').selectOption({ label: 'Cold' });
    await expect(app.param('temperature')).toHaveValue('0.2');
    await expect(app.paramSwitch('temperature')).toHaveAttribute('aria-checked', 'true');
    await app.page.getByTestId('preset-rename').click();
    await app.page.getByTestId('preset-name-input').fill('Colder');
    await app.page.getByTestId('preset-name-input').press('Enter');
    await expect(app.page.getByTestId('preset-select').locator('option', { hasText: 'Colder' })).toHaveCount(1);
    await app.page.getByTestId('preset-delete').click();
    await expect(app.page.getByTestId('preset-select').locator('option', { hasText: 'Colder' })).toHaveCount(0);
  });

  test('settings belong to the conversation; new ones start from the latest', async ({ app }) => {
    await app.open();
    await app.setParamOn('temperature', true);
    await app.param('temperature').fill('0.2');
    await app.sendAndWait('First [[reply:one]]');
    await app.page.getByTestId('new-conversation-button').click();
    await expect(app.param('temperature')).toHaveValue('0.2');
    await app.param('temperature').fill('1.8');
    await app.sendAndWait('Second [[reply:two]]');
    await app.conversations.nth(1).getByRole('button', { name: 'First' }).click();
    await expect(app.param('temperature')).toHaveValue('0.2');
    await app.page.reload();
    await expect(app.param('temperature')).toHaveValue('0.2');
    await app.conversations.nth(0).getByRole('button', { name: 'Second' }).click();
    await expect(app.param('temperature')).toHaveValue('1.8');
  });

  test('the preview warns where the body breaks the schema or a model rule', async ({ app }) => {
    await app.open('?model=ref-reasoner');
    const warnings = app.page.getByTestId('request-warning');
    await expect(app.page.getByTestId('request-preview')).toBeVisible();
    await expect(warnings).toHaveCount(0); // an empty conversation is not a schema problem
    await app.composer.fill('Hello');
    await expect(app.page.getByTestId('model-list-status')).toHaveAttribute('data-state', 'ok');
    await app.setParamOn('max_tokens', true);
    await app.setParamOn('temperature', true);
    // A reasoning model (by its facts, on an endpoint without a preset rule) gets the one limit as
    // max_completion_tokens: the app sends it under that name, so there is nothing to warn about.
    await expect
      .poll(async () => Object.keys(await app.previewBody()).filter((k) => k.startsWith('max_')))
      .toEqual(['max_completion_tokens']);
    await expect(app.page.locator('[data-param="max_tokens"]')).toContainText('Sent as max_completion_tokens');
    await expect(warnings.filter({ hasText: 'max_completion_tokens instead' })).toHaveCount(0);
    await expect(warnings.filter({ hasText: 'may reject temperature' })).toHaveCount(1);
    await expect(app.page.locator('[data-param="max_completion_tokens"]')).toContainText('reasoning model');
    await app.page.getByTestId('extra-body-input').fill('{"temperature": "hot"}');
    await expect(warnings.filter({ hasText: /^Schema: \/temperature/ })).toHaveCount(1);
    await app.page.getByTestId('extra-body-input').fill('{"temperature": ');
    await expect(app.page.getByTestId('request-preview')).toContainText('Extra body is not valid JSON');
  });

  test('response_format json_schema with name, strict and a checked schema; tools from a template and a file', async ({ app }) => {
    await app.open();
    await app.setParamOn('response_format', true);
    await app.param('response_format').selectOption('json_schema');
    const schema = app.page.getByTestId('param-response_format-schema');
    await schema.fill('{"type": "object", "properties": {"a": {"type": "string"}}}');
    await expect(app.page.getByTestId('request-warning').filter({ hasText: 'Strict schema' }).first()).toBeVisible();
    await schema.fill('{"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"], "additionalProperties": false}');
    await expect(app.page.getByTestId('request-warning').filter({ hasText: 'Strict schema' })).toHaveCount(0);
    await schema.fill('{"type": ');
    await expect(app.page.locator('[data-param="response_format"]').getByRole('alert')).toContainText('Not valid JSON');
    expect((await app.previewBody()).response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'answer', strict: true, schema: { required: ['a'] } },
    });

    await app.setParamOn('tools', true);
    await app.page.getByTestId('tools-import-input').setInputFiles({
      name: 'tools.json',
      mimeType: 'application/json',
      buffer: Buffer.from('[{"name": "lookup", "parameters": {"type": "object", "properties": {}}}]'),
    });
    await app.page.getByRole('button', { name: 'get_weather' }).click();
    await app.setParamOn('tool_choice', true);
    await app.param('tool_choice').selectOption('fn:lookup');
    const body = await app.previewBody();
    expect((body.tools as { function: { name: string } }[]).map((t) => t.function.name)).toEqual(['lookup', 'get_weather']);
    expect(body.tool_choice).toEqual({ type: 'function', function: { name: 'lookup' } });
  });
});

test('logit bias picks tokens by text through the tokenizer', async ({ app }) => {
  await app.open('?model=gpt-4o');
  await app.setParamOn('logit_bias', true);
  await app.page.getByTestId('logit-bias-text').fill(' hello world');
  await app.page.getByTestId('logit-bias-value').fill('-50');
  await app.page.getByTestId('logit-bias-add').click();
  await expect(app.page.locator('[data-param="logit_bias"]')).toContainText('o200k_base');
  const bias = (await app.previewBody()).logit_bias as Record<string, number>;
  // o200k_base: " hello" = 40617, " world" = 2375.
  expect(bias).toEqual({ '40617': -50, '2375': -50 });
});
