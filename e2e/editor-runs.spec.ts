import { expect, expectBeforeAndAfterReload, test } from './support/app';
import { requestWith } from './support/editor';

const WEATHER_TOOL = {
  tools: [
    {
      type: 'function',
      function: {
        name: 'get_weather',
        description: 'Weather of a city',
        parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
      },
    },
  ],
};

test.describe('running an edited conversation', () => {
  test.describe.configure({ timeout: 60_000 });

  test('regenerate keeps the old reply as an alternative; the branch switch sticks after a reload', async ({ app }) => {
    await app.open();
    await app.sendAndWait('Tell me something. [[tokens:12]]');
    const first = await app.assistant().getByTestId('message-content').innerText();
    await app.assistant().getByRole('button', { name: 'Regenerate' }).click();
    await expect(app.assistant().getByTestId('branch-position')).toHaveText('2/2');
    await expect(app.assistant()).toHaveAttribute('data-status', 'done');
    await app.assistant().getByRole('button', { name: 'Previous alternative' }).click();
    await expectBeforeAndAfterReload(app.page, async () => {
      await expect(app.assistant().getByTestId('branch-position')).toHaveText('1/2');
      await expect(app.assistant().getByTestId('message-content')).toHaveText(first);
    });
  });

  test('editing an earlier message and running from it forks; both versions stay', async ({ app }) => {
    await app.open();
    await app.sendAndWait('[[reply:First answer]]');
    await app.sendAndWait('[[reply:Second answer]]');
    const firstUser = app.messages.nth(0);
    const input = await app.edit(firstUser);
    await input.fill('[[reply:Forked answer]]');
    await firstUser.getByRole('button', { name: 'Run from here' }).click();
    await expect(app.messages).toHaveCount(2);
    await expect(app.assistant()).toHaveAttribute('data-status', 'done');
    await expect(app.assistant().getByTestId('message-content')).toHaveText('Forked answer');
    await expect(app.messages.nth(0).getByTestId('branch-position')).toHaveText('2/2');
    await app.messages.nth(0).getByRole('button', { name: 'Previous alternative' }).click();
    await expect(app.messages).toHaveCount(4);
    await expect(app.messages.nth(0).getByTestId('message-content')).toHaveText('[[reply:First answer]]');
    await expect(app.assistant().getByTestId('message-content')).toHaveText('Second answer');
    await app.page.reload();
    await expect(app.messages).toHaveCount(4);
    await expect(app.messages.nth(0).getByTestId('branch-position')).toHaveText('1/2');
  });

  test('tool round trip: the reply calls a tool, the editor adds a result slot, and one action sends results back', async ({ app }) => {
    await app.open('?model=ref-tools');
    await app.page.getByTestId('extra-body-input').fill(JSON.stringify(WEATHER_TOOL));
    const reply = await app.sendAndWait('What is the weather in Paris?');
    await expect(reply).toHaveAttribute('data-finish-reason', 'tool_calls');
    const call = reply.getByTestId('tool-call');
    await expect(call).toHaveAttribute('data-tool-name', 'get_weather');
    const callId = (await call.getAttribute('data-tool-call-id'))!;

    // One tool message per call id, open for the person to fill in.
    const tool = app.page.locator('[data-testid="message"][data-role="tool"]');
    await expect(tool).toHaveCount(1);
    await expect(tool.getByRole('combobox', { name: 'Tool call id' })).toHaveValue(callId);
    await expect(tool.getByTestId('message-text-input')).toBeFocused();
    await tool.getByTestId('message-text-input').fill('{"temperature_c": 21, "sky": "clear"}');
    await app.page.getByTestId('send-tool-results-button').click();

    const final = app.assistant();
    await expect(final).toHaveAttribute('data-status', 'done');
    await expect(final).toHaveAttribute('data-finish-reason', 'stop');
    await expect(app.messages).toHaveCount(4);
    const body = await requestWith(app, 'temperature_c');
    expect(body.messages.at(-2)).toMatchObject({ role: 'assistant', tool_calls: [{ id: callId, function: { name: 'get_weather' } }] });
    expect(body.messages.at(-1)).toEqual({ role: 'tool', tool_call_id: callId, content: '{"temperature_c": 21, "sky": "clear"}' });

    // The result is remembered per function name and offered for the next call.
    await app.page.getByTestId('new-conversation-button').click();
    await app.page.getByTestId('extra-body-input').fill(JSON.stringify(WEATHER_TOOL));
    await app.sendAndWait('And in Rome? get_weather');
    await expect(app.page.locator('[data-testid="message"][data-role="tool"]').getByTestId('message-text-input')).toHaveValue(
      '{"temperature_c": 21, "sky": "clear"}',
    );
  });

  test('continue a length-cut reply: the continuation joins it as a new alternative', async ({ app }) => {
    await app.open();
    await app.page.getByTestId('param-max_completion_tokens-enabled').click();
    await app.page.getByTestId('param-max_completion_tokens').fill('4');
    const cut = await app.sendAndWait('[[reply:one two three four five six seven eight]]');
    await expect(cut).toHaveAttribute('data-finish-reason', 'length');
    const partial = await cut.getByTestId('message-content').innerText();
    await cut.hover();
    await cut.getByRole('button', { name: 'Continue' }).click();
    await expect(app.assistant().getByTestId('branch-position')).toHaveText('2/2');
    await expect(app.assistant()).toHaveAttribute('data-status', /done/);
    const joined = await app.assistant().getByTestId('message-content').innerText();
    expect(joined.startsWith(partial.trim())).toBe(true);
    expect(joined.length).toBeGreaterThan(partial.length);
    const body = await requestWith(app, partial.trim());
    expect(body.messages.at(-1)).toMatchObject({ role: 'assistant' });
  });
});
