import { expect, test } from './support/app';

/** Issue #23 items 6–9: boolean switches, welcome examples, the command palette, the context bar. */
test.describe('boolean parameters', () => {
  test('switching logprobs and store on sends true; the value beside the switch shows it and can be changed', async ({ app }) => {
    await app.open();
    await app.setParamOn('logprobs', true);
    await app.setParamOn('store', true);
    await expect(app.param('logprobs')).toHaveValue('true');
    await expect(app.param('store')).toHaveValue('true');
    await app.sendAndWait('bool-on-5e2');
    expect((await app.receivedWith('bool-on-5e2')).body).toMatchObject({ logprobs: true, store: true });

    // The value beside the switch is what goes out.
    await app.param('store').selectOption('false');
    await app.sendAndWait('bool-false-5e2');
    expect((await app.receivedWith('bool-false-5e2')).body).toMatchObject({ logprobs: true, store: false });
  });

  test('parallel_tool_calls goes out as the person set it', async ({ app }) => {
    await app.open();
    await app.setParamOn('tools', true);
    await app.page.getByRole('button', { name: 'calculate' }).click();
    await app.param('parallel_tool_calls').selectOption('false');
    await app.setParamOn('parallel_tool_calls', true);
    await expect(app.param('parallel_tool_calls')).toHaveValue('false');
    await app.sendAndWait('parallel-set-5e2');
    expect((await app.receivedWith('parallel-set-5e2')).body).toMatchObject({ parallel_tool_calls: false });
  });
});
