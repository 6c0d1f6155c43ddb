import { expect, test } from './support/app';
import { PNG, PNG_BASE64, pasteImage, requestWith } from './support/editor';

test.describe('message editor', () => {
  // Long, person-paced flows on a shared two-core machine.
  test.describe.configure({ timeout: 60_000 });

  test('every role and field is edited in place and sent exactly, and survives a reload', async ({ app }) => {
    await app.open();
    const marker = `roles-${Date.now()}`;
    await app.addMessage('system', `You are terse. ${marker}`);
    await app.addMessage('developer', 'Prefer lists.');
    const user = await app.addMessage('user', 'What is the weather in Paris?');
    await user.getByRole('textbox', { name: 'Participant name' }).fill('alice');
    const assistant = await app.addMessage('assistant', '');
    await assistant.getByRole('button', { name: 'Add tool call' }).click();
    await assistant.getByRole('textbox', { name: 'Tool call 1 function name' }).fill('get_weather');
    await assistant.getByRole('textbox', { name: 'Tool call 1 id' }).fill('call_abc');
    const args = assistant.getByRole('textbox', { name: 'Tool call 1 arguments' });
    await args.fill('{"city": "Paris"');
    await expect(assistant.getByText(/Invalid JSON/)).toBeVisible();
    await args.fill('{"city":"Paris"}');
    await assistant.getByRole('button', { name: 'Format JSON' }).click();
    await expect(args).toHaveValue('{\n  "city": "Paris"\n}');
    const tool = await app.addMessage('tool', '{"temp": 21}');
    await tool.getByRole('combobox', { name: 'Tool call id' }).fill('call_abc');
    await expect(app.messages).toHaveCount(5);
    await expect(app.messages.nth(1)).toHaveAttribute('data-role', 'developer');

    await app.sendButton.click();
    const body = await requestWith(app, marker);
    expect(body.messages).toEqual([
      { role: 'system', content: `You are terse. ${marker}` },
      { role: 'developer', content: 'Prefer lists.' },
      { role: 'user', content: 'What is the weather in Paris?', name: 'alice' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_abc', type: 'function', function: { name: 'get_weather', arguments: '{\n  "city": "Paris"\n}' } }],
      },
      { role: 'tool', content: '{"temp": 21}', tool_call_id: 'call_abc' },
    ]);
    await expect(app.assistant()).toHaveAttribute('data-status', 'done');

    // A past assistant reply is editable too, and a refusal can be added.
    const reply = app.assistant();
    const input = await app.edit(reply);
    await input.fill('Edited reply text');
    await reply.getByRole('button', { name: 'Add refusal' }).click();
    await reply.getByRole('textbox', { name: 'Refusal' }).fill('I cannot do that.');
    await reply.getByTestId('done-editing-button').click();
    await expect(reply.getByTestId('message-content')).toHaveText('Edited reply text');

    await app.page.reload();
    await expect(app.messages).toHaveCount(6);
    await expect(app.messages.nth(2).getByTestId('message-role-select')).toHaveValue('user');
    await expect(app.messages.nth(2)).toContainText('alice');
    await expect(app.messages.nth(3).getByTestId('tool-call')).toHaveAttribute('data-tool-call-id', 'call_abc');
    await expect(app.messages.nth(4)).toContainText('answers call_abc');
    await expect(app.assistant().getByTestId('message-content')).toHaveText('Edited reply text');
    await expect(app.assistant().getByTestId('message-refusal')).toContainText('I cannot do that.');
  });

  test('images by file picker, paste and drop carry the chosen detail, as blobs that survive a reload', async ({ app }) => {
    await app.open();
    const marker = `images-${Date.now()}`;
    await app.page.getByTestId('image-file-input').setInputFiles({ name: 'picked.png', mimeType: 'image/png', buffer: PNG });
    await pasteImage(app.page, '[data-testid="composer-input"]', 'paste', 'pasted.png');
    await pasteImage(app.page, '[data-testid="composer-input"]', 'drop', 'dropped.png');
    const parts = app.page.getByTestId('image-part');
    await expect(parts).toHaveCount(3);
    await parts.nth(0).getByRole('combobox', { name: 'Image detail' }).selectOption('low');
    await parts.nth(2).getByRole('combobox', { name: 'Image detail' }).selectOption('high');
    await app.send(`Describe these. ${marker} [[reply:Three images.]]`);

    const body = await requestWith(app, marker);
    const content = body.messages.at(-1)!.content as { type: string; image_url?: { url: string; detail: string } }[];
    expect(content.map((p) => p.type)).toEqual(['text', 'image_url', 'image_url', 'image_url']);
    expect(content.slice(1).map((p) => p.image_url?.detail)).toEqual(['low', 'auto', 'high']);
    for (const p of content.slice(1)) expect(p.image_url?.url).toBe(`data:image/png;base64,${PNG_BASE64}`);

    const user = app.messages.first();
    await expect(user.getByTestId('image-part')).toHaveCount(3);
    await app.page.reload();
    const images = app.messages.first().getByTestId('image-part');
    await expect(images).toHaveCount(3);
    await expect(images.nth(0)).toHaveAttribute('data-detail', 'low');
    await expect(images.nth(2)).toHaveAttribute('data-detail', 'high');
    // Stored as a Blob, shown through an object URL, never as base64 in the message row.
    await expect(images.nth(1).locator('img').first()).toHaveAttribute('src', /^blob:/);
    const rowHasBase64 = await app.page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('chat-playground');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const rows = await new Promise<unknown[]>((resolve) => {
        const req = db.transaction('messages').objectStore('messages').getAll();
        req.onsuccess = () => resolve(req.result);
      });
      return JSON.stringify(rows).includes('base64');
    });
    expect(rowHasBase64).toBe(false);

    // The larger preview.
    await images
      .nth(0)
      .getByRole('button', { name: /Preview/ })
      .click();
    await expect(app.page.getByRole('dialog', { name: /Image/ }).locator('img')).toBeVisible();
    await app.page.keyboard.press('Escape');
  });

  test('a message editor takes image URL, audio and PDF parts, reorders and removes them; bad files get a clear error', async ({ app }) => {
    await app.open();
    const marker = `parts-${Date.now()}`;
    const user = await app.addMessage('user', `Parts ${marker}`);
    await user.getByTestId('image-file-input').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hi') });
    await expect(app.page.getByText(/notes\.txt \(text\/plain\) cannot be attached/)).toBeVisible();
    await user
      .getByTestId('image-file-input')
      .setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(21 * 1024 * 1024) });
    await expect(app.page.getByText(/huge\.png is 21\.0 MB; the limit is 20 MB/)).toBeVisible();

    await user.getByRole('button', { name: 'Image URL' }).click();
    await user.getByRole('textbox', { name: 'Image URL' }).fill('https://example.com/cat.png');
    await user.getByRole('button', { name: 'Add image' }).click();
    await user.getByLabel('Audio file').setInputFiles({ name: 'clip.wav', mimeType: 'audio/wav', buffer: Buffer.from('RIFFxxxxWAVE') });
    await user
      .getByLabel('PDF file')
      .setInputFiles({ name: 'paper.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 test') });
    await expect(user.getByTestId('audio-part')).toBeVisible();
    await expect(user.getByTestId('file-part')).toContainText('paper.pdf');
    // text, image, audio, pdf → move the PDF above the audio, remove the text-free image.
    await user.getByRole('button', { name: 'Move part 4 up' }).click();
    await user.getByRole('button', { name: 'Remove part 2' }).click();
    await expect(user.getByTestId('image-part')).toHaveCount(0);

    await app.sendButton.click();
    const body = await requestWith(app, marker);
    const content = body.messages.at(-1)!.content as Record<string, Record<string, string>>[];
    expect(content.map((p) => p.type)).toEqual(['text', 'file', 'input_audio']);
    expect(content[1]!.file).toEqual({
      filename: 'paper.pdf',
      file_data: `data:application/pdf;base64,${Buffer.from('%PDF-1.4 test').toString('base64')}`,
    });
    expect(content[2]!.input_audio).toEqual({ data: Buffer.from('RIFFxxxxWAVE').toString('base64'), format: 'wav' });
  });

  test('insert, duplicate, move (buttons and keyboard) and delete rearrange the conversation', async ({ app }) => {
    await app.open();
    await app.addMessage('system', 'A');
    await app.addMessage('user', 'B');
    await app.addMessage('user', 'C');
    for (const m of await app.messages.all()) {
      const done = m.getByTestId('done-editing-button');
      if (await done.isVisible()) await done.click();
    }
    const order = async () => (await app.messages.getByTestId('message-content').allInnerTexts()).map((t) => t.trim());
    await expect.poll(order).toEqual(['A', 'B', 'C']);

    await app.messages.nth(2).getByRole('button', { name: 'Move up' }).click();
    await expect.poll(order).toEqual(['A', 'C', 'B']);
    // Focus stays on the moved message: the keyboard moves it on.
    await expect(app.messages.nth(1).getByRole('button', { name: 'Move up' })).toBeFocused();
    await app.page.keyboard.press('Alt+ArrowUp');
    await expect.poll(order).toEqual(['C', 'A', 'B']);
    await app.messages.nth(0).getByTestId('message-role-select').focus();
    await app.page.keyboard.press('Alt+ArrowDown');
    await expect.poll(order).toEqual(['A', 'C', 'B']);

    await app.messages.nth(1).getByRole('button', { name: 'More actions' }).click();
    await app.messages.nth(1).getByRole('menuitem', { name: 'Duplicate' }).click();
    await expect.poll(order).toEqual(['A', 'C', 'C', 'B']);
    await app.messages.nth(0).getByRole('button', { name: 'More actions' }).click();
    await app.messages.nth(0).getByRole('menuitem', { name: 'Insert message below' }).click();
    await expect(app.messages).toHaveCount(5);
    await expect(app.messages.nth(1).getByTestId('message-text-input')).toBeFocused();
    await app.page.keyboard.type('Inserted');
    await app.page.keyboard.press('Escape');
    await expect.poll(order).toEqual(['A', 'Inserted', 'C', 'C', 'B']);
    await app.messages.nth(3).getByRole('button', { name: 'Delete message' }).click();
    await expect.poll(order).toEqual(['A', 'Inserted', 'C', 'B']);
    // Drag a message by its handle onto another.
    await app.messages.nth(3).hover();
    await app.messages.nth(3).locator('[title="Drag to move"]').hover();
    await app.page.mouse.down();
    const box = (await app.messages.nth(0).boundingBox())!;
    await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    await app.page.mouse.move(box.x + box.width / 2 + 2, box.y + box.height / 2, { steps: 2 });
    await app.page.mouse.up();
    await expect.poll(order).toEqual(['B', 'A', 'Inserted', 'C']);

    // Role switch by keyboard: Alt+R cycles the focused message's role.
    await app.messages.nth(3).getByTestId('message-role-select').focus();
    await app.page.keyboard.press('Alt+r');
    await expect(app.messages.nth(3).getByTestId('message-role-select')).toHaveValue('assistant');
    // Alt+N adds a message at the end.
    await app.page.keyboard.press('Alt+n');
    await expect(app.messages).toHaveCount(5);

    await app.page.reload();
    await expect.poll(order).toEqual(['B', 'A', 'Inserted', 'C', '']);
    await expect(app.messages.nth(3)).toHaveAttribute('data-role', 'assistant');
  });

  test('raw JSON: bad input gets a precise error and changes nothing; a pasted array or body replaces the conversation', async ({
    app,
  }) => {
    await app.open();
    await app.sendAndWait('[[reply:Original reply]]');
    await app.page.getByTestId('raw-json-button').click();
    const input = app.page.getByTestId('raw-json-input');
    const original = await input.inputValue();
    expect(JSON.parse(original)).toEqual([
      { role: 'user', content: '[[reply:Original reply]]' },
      { role: 'assistant', content: 'Original reply' },
    ]);
    const apply = app.page.getByTestId('raw-json-apply');
    const error = app.page.getByTestId('raw-json-error');

    await input.fill('[{"role": "user", "content": "hi"},');
    await apply.click();
    await expect(error).toContainText('Not valid JSON');
    await input.fill('[{"role": "robot", "content": "hi"}]');
    await apply.click();
    await expect(error).toHaveText('messages[0].role: must be one of system, developer, user, assistant, tool, not the string "robot"');
    await input.fill('[{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "https://x/y.png", "detail": "huge"}}]}]');
    await apply.click();
    await expect(error).toHaveText('messages[0].content[0].image_url.detail: must be "auto", "low" or "high", not the string "huge"');
    await expect(app.messages).toHaveCount(2);
    await expect(app.assistant().getByTestId('message-content')).toHaveText('Original reply');

    await input.fill(
      JSON.stringify({
        model: 'x',
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Pasted question' },
        ],
      }),
    );
    await apply.click();
    await expect(app.messages).toHaveCount(2);
    await expect(app.messages.nth(0)).toHaveAttribute('data-role', 'system');
    await expect(app.messages.nth(1).getByTestId('message-content')).toHaveText('Pasted question');
    // The previous version is kept as another branch of the first turn.
    await expect(app.messages.nth(0).getByTestId('branch-position')).toHaveText('2/2');

    // One message's raw JSON.
    await app.messages.nth(1).getByRole('button', { name: 'More actions' }).click();
    await app.messages.nth(1).getByRole('menuitem', { name: 'Raw JSON of this message' }).click();
    const one = app.messages.nth(1).getByTestId('raw-json-input');
    await one.fill('{"role": "user", "content": 5}');
    await app.messages.nth(1).getByTestId('raw-json-apply').click();
    await expect(app.messages.nth(1).getByTestId('raw-json-error')).toHaveText(
      'message.content: expected a string or an array of parts, got a number',
    );
    await one.fill('{"role": "user", "name": "bob", "content": "Rewritten"}');
    await app.messages.nth(1).getByTestId('raw-json-apply').click();
    await expect(app.messages.nth(1).getByTestId('message-content')).toHaveText('Rewritten');
    await app.page.reload();
    await expect(app.messages.nth(1).getByTestId('message-content')).toHaveText('Rewritten');
    await expect(app.messages.nth(1)).toContainText('bob');
  });

  test('checks warn before sending without blocking', async ({ app }) => {
    await app.open();
    await app.addMessage('user', '');
    const tool = await app.addMessage('tool', 'orphan result');
    await tool.getByRole('combobox', { name: 'Tool call id' }).fill('call_missing');
    const warnings = app.page.getByTestId('conversation-warnings');
    await expect(warnings).toBeVisible();
    await warnings.locator('summary').click();
    await expect(app.page.getByTestId('conversation-warning').filter({ hasText: 'Message 1 (user) is empty.' })).toBeVisible();
    await expect(
      app.page.getByTestId('conversation-warning').filter({ hasText: '"call_missing", which matches no earlier tool call' }),
    ).toBeVisible();
    await expect(app.sendButton).toBeEnabled();
  });

  test('the shortcuts are listed in the editor help and in the app shortcuts dialog', async ({ app }) => {
    await app.open();
    await app.page.getByRole('button', { name: 'Editor keyboard shortcuts' }).click();
    await expect(app.page.getByRole('dialog', { name: 'Editor shortcuts' })).toContainText('Move the focused message up');
    await app.page.getByRole('button', { name: 'Editor keyboard shortcuts' }).click();
    await app.page.locator('body').click({ position: { x: 700, y: 300 } });
    await app.page.keyboard.press('?');
    await expect(app.page.getByRole('dialog').filter({ hasText: 'Switch the role of the focused message' })).toBeVisible();
    await expect(app.page.getByRole('dialog').filter({ hasText: 'Add a message at the end' })).toBeVisible();
  });
});
