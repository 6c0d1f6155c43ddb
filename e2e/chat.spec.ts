import { expect, expectBeforeAndAfterReload, test } from './support/app';
import { waitForCheckpoint } from './support/idb';

const WEATHER_TOOL = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Weather of a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

test.describe('a first complete chat', () => {
  test('sends a message and streams the exact reply, with usage', async ({ app }) => {
    await app.open();
    const reply = await app.sendAndWait('[[reply:Hello from the **reference** endpoint.]]');
    await expect(reply).toHaveAttribute('data-status', 'done');
    await expect(reply).toHaveAttribute('data-finish-reason', 'stop');
    await expect(reply.getByTestId('message-content')).toHaveText('Hello from the reference endpoint.');
    await expect(reply.locator('strong')).toHaveText('reference');
    await expect(app.page.getByTestId('usage-completion-tokens')).toHaveText(/^[1-9]\d*$/);
    await expect(app.page.getByTestId('usage-prompt-tokens')).toHaveText(/^[1-9]\d*$/);
    await expect(app.messages.first()).toHaveAttribute('data-role', 'user');
  });

  test('renders markdown with tables and highlighted code blocks that can be copied', async ({ app }) => {
    await app.open();
    const reply = await app.sendAndWait('[[reply:Intro\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```js\nconst x = 1;\n```\n]]');
    await expect(reply.locator('table td').first()).toHaveText('1');
    await expect(reply.locator('pre code')).toContainText('const x = 1;');
    await expect(reply.locator('pre code .hljs-keyword').first()).toHaveText('const');
    await expect(reply.getByRole('button', { name: 'Copy code' })).toBeVisible();
  });

  test('never renders raw HTML from the model', async ({ app }) => {
    await app.open();
    const reply = await app.sendAndWait('[[reply:<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> done]]');
    await expect(reply.getByTestId('message-content')).toContainText('<script>');
    expect(await app.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(reply.locator('img')).toHaveCount(0);
  });

  test('Stop aborts the stream and keeps the partial reply, marked interrupted', async ({ app }) => {
    await app.open();
    await app.send('Go slowly. [[rate:15]] [[tokens:400]]');
    const reply = app.assistant();
    await expect(reply).toHaveAttribute('data-status', 'streaming');
    await expect(reply.getByTestId('message-content')).not.toHaveText('', { timeout: 10_000 });
    await app.stopButton.click();
    await expect(reply).toHaveAttribute('data-status', 'interrupted');
    const partial = await reply.getByTestId('message-content').innerText();
    expect(partial.length).toBeGreaterThan(0);
    await expect(app.sendButton).toBeVisible();
    await app.page.reload();
    await expect(app.assistant()).toHaveAttribute('data-status', 'interrupted');
    await expect(app.assistant().getByTestId('message-content')).toHaveText(partial);
  });

  test('a reload keeps the conversation and the sidebar', async ({ app }) => {
    await app.open();
    await app.sendAndWait('[[reply:First answer]]');
    await app.sendAndWait('[[reply:Second answer]]');
    await expectBeforeAndAfterReload(app.page, async () => {
      await expect(app.messages).toHaveCount(4);
      await expect(app.assistant(0).getByTestId('message-content')).toHaveText('First answer');
      await expect(app.assistant(1).getByTestId('message-content')).toHaveText('Second answer');
      await expect(app.conversations).toHaveCount(1);
    });
  });

  test('a reload mid-stream keeps what had arrived, marked interrupted', async ({ app }) => {
    await app.open();
    await app.send('Slow one. [[rate:20]] [[tokens:600]]');
    const reply = app.assistant();
    await expect(reply.getByTestId('message-content')).toContainText(/\w+ \w+ \w+ \w+ \w+/, { timeout: 10_000 });
    await waitForCheckpoint(app.page); // a throttled save holds them
    await app.page.reload();
    await expect(app.assistant()).toHaveAttribute('data-status', 'interrupted');
    await expect(app.assistant().getByTestId('message-content')).not.toHaveText('');
  });

  test('conversations: new, open, rename, delete', async ({ app }) => {
    await app.open();
    await app.sendAndWait('First topic [[reply:one]]');
    await app.page.getByTestId('new-conversation-button').click();
    await expect(app.messages).toHaveCount(0);
    await app.sendAndWait('Second topic [[reply:two]]');
    await expect(app.conversations).toHaveCount(2);
    await expect(app.conversations.first()).toContainText('Second topic');

    await app.conversations.nth(1).getByRole('button', { name: 'First topic' }).click();
    await expect(app.assistant().getByTestId('message-content')).toHaveText('one');

    await app.conversations.nth(1).hover();
    await app.conversations.nth(1).getByRole('button', { name: 'Rename' }).click();
    const title = app.page.getByRole('textbox', { name: 'Conversation title' });
    await title.fill('Renamed topic');
    await title.press('Enter');
    await expect(app.conversations.nth(1)).toContainText('Renamed topic');

    app.page.once('dialog', (d) => void d.accept());
    await app.conversations.nth(1).hover();
    await app.conversations.nth(1).getByRole('button', { name: 'Delete' }).click();
    await expect(app.conversations).toHaveCount(1);
    await app.page.reload();
    await expect(app.conversations).toHaveCount(1);
    await expect(app.conversations.first()).toContainText('Second topic');
  });

  test('shows reasoning, tool calls and a length finish', async ({ app }) => {
    await app.open('?model=ref-reasoner');
    const reply = await app.sendAndWait('Think first. [[reply:Done thinking.]]');
    await expect(reply.getByTestId('message-reasoning')).not.toBeEmpty();
    await expect(reply.getByTestId('message-content')).toHaveText('Done thinking.');

    await app.page.getByTestId('new-conversation-button').click();
    await app.page.getByTestId('model-input').fill('ref-chat');
    await app.page.getByTestId('param-max_completion_tokens-enabled').click();
    await app.page.getByTestId('param-max_completion_tokens').fill('5');
    const cut = await app.sendAndWait('[[reply:one two three four five six seven eight nine ten]]');
    await expect(cut).toHaveAttribute('data-finish-reason', 'length');
    await expect(cut.getByTestId('message-content')).toHaveText('one two three four five');

    // A tool call: its name, id and exact arguments, and the finish reason that says so.
    await app.page.getByTestId('new-conversation-button').click();
    await app.page.getByTestId('model-input').fill('ref-tools');
    await app.page.getByTestId('extra-body-input').fill(JSON.stringify({ tools: [WEATHER_TOOL] }));
    const call = await app.sendAndWait('What is the weather in Paris?');
    await expect(call).toHaveAttribute('data-finish-reason', 'tool_calls');
    const toolCall = call.getByTestId('tool-call');
    await expect(toolCall).toHaveCount(1);
    await expect(toolCall).toHaveAttribute('data-tool-name', 'get_weather');
    await expect(toolCall).toHaveAttribute('data-tool-call-id', /.+/);
    const args = JSON.parse((await toolCall.getByTestId('tool-call-arguments').textContent()) ?? '') as Record<string, unknown>;
    expect(args).toEqual({ city: 'San Francisco' }); // the reference endpoint fills each argument from its schema
  });

  test('opening ?baseURL=&model=&n= preconfigures the endpoint, model and n', async ({ app, baseURL }) => {
    await app.open(`?baseURL=${encodeURIComponent(`${baseURL}/v1/chat/completions`)}&model=ref-slow&n=2&stream=false`);
    await expect(app.page.getByTestId('endpoint-base-url')).toHaveValue(`${baseURL}/v1`);
    await expect(app.page.getByTestId('model-input')).toHaveValue('ref-slow');
    const preview = JSON.parse(await app.page.getByTestId('request-preview').innerText()) as Record<string, unknown>;
    expect(preview.model).toBe('ref-slow');
    expect(preview.n).toBe(2);
    expect(preview.stream).toBeUndefined();
  });

  test('the request preview shows exactly what is sent', async ({ app }) => {
    await app.open();
    const marker = `preview-${Date.now()}`;
    await app.composer.fill(`${marker} [[reply:ok]]`);
    // The preview follows the draft (a moment later on a busy machine).
    await expect
      .poll(async () => ((await app.previewBody()).messages as { content: string }[]).at(-1)?.content)
      .toBe(`${marker} [[reply:ok]]`);
    const preview = await app.previewBody();
    await app.composer.press('ControlOrMeta+Enter');
    await expect(app.assistant()).toHaveAttribute('data-status', 'done');
    const received = (await app.receivedRequests()).find((r) => JSON.stringify(r.body).includes(marker));
    expect(received?.body).toEqual(preview);
  });
});
