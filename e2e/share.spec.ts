import { expect, test, type PlaygroundPage } from './support/app';

const CANARY = 'sk-canary-e2e-7f3a9c1d';

// Each test is a whole round trip (chat, export, wipe, reload, import, export again).
test.describe.configure({ timeout: 60_000 });
/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

type Doc = {
  format: string;
  version: number;
  exportedAt?: string;
  conversations: { id: string; messages: unknown[] }[];
  blobs: Record<string, unknown>;
};

function parse(text: string): Doc {
  const doc = JSON.parse(text) as Doc;
  delete doc.exportedAt;
  return doc;
}

/** A file with two conversations, one holding an image on a user turn and two branches. */
function fixtureBackup(): string {
  const msg = (id: string, parentId: string | null, role: string, content: unknown[], t: number, extra = {}) => ({
    id,
    parentId,
    role,
    content,
    status: 'done',
    createdAt: t,
    updatedAt: t,
    ...extra,
  });
  const params = {
    model: 'ref-chat',
    values: { temperature: 0.5 },
    enabled: { stream: true, include_usage: true, temperature: true },
    extraBody: '',
  };
  return JSON.stringify({
    format: 'chat-playground',
    version: 2,
    conversations: [
      {
        id: 'fx-1',
        title: 'Picture question',
        createdAt: 1_700_000_000_000,
        updatedAt: 1_700_000_000_010,
        currentLeafId: 'fx-1-a2',
        params,
        endpoint: { baseURL: 'http://x/v1', name: 'Ref', builtIn: 'reference' },
        messages: [
          msg(
            'fx-1-u',
            null,
            'user',
            [
              { type: 'text', text: 'What is this?' },
              {
                type: 'image',
                source: { kind: 'blob', blobId: 'fx-img', mimeType: 'image/png', name: 'dot.png', size: 70 },
                detail: 'low',
              },
            ],
            1_700_000_000_001,
          ),
          msg('fx-1-a1', 'fx-1-u', 'assistant', [{ type: 'text', text: 'A dot.' }], 1_700_000_000_002, {
            finishReason: 'stop',
            model: 'ref-chat',
          }),
          msg('fx-1-a2', 'fx-1-u', 'assistant', [{ type: 'text', text: 'A single pixel.' }], 1_700_000_000_003, {
            finishReason: 'stop',
            model: 'ref-chat',
          }),
        ],
      },
      {
        id: 'fx-2',
        title: 'Plain chat',
        createdAt: 1_700_000_001_000,
        updatedAt: 1_700_000_001_010,
        currentLeafId: 'fx-2-a',
        params,
        endpoint: null,
        messages: [
          msg('fx-2-u', null, 'user', [{ type: 'text', text: 'Hello there' }], 1_700_000_001_001),
          msg('fx-2-a', 'fx-2-u', 'assistant', [{ type: 'text', text: 'Hi!' }], 1_700_000_001_002),
        ],
      },
    ],
    blobs: { 'fx-img': { mimeType: 'image/png', data: PNG } },
  });
}

async function chatOnce(app: PlaygroundPage): Promise<void> {
  await app.open();
  await app.sendAndWait('Say hello [[reply:Hello **world**]]');
  await expect(app.assistant()).toContainText('Hello world');
  await app.meter.replySettled();
}

test('conversation file: export → wipe → import gives back the same conversation', async ({ app, page }) => {
  await chatOnce(app);
  const original = await app.share.exportJSON();
  expect(original.name).toMatch(/\.chat\.json$/);
  const doc = parse(original.text);
  expect(doc.format).toBe('chat-playground');
  expect(doc.conversations[0]!.messages).toHaveLength(2);

  await app.wipeStorage();
  await expect(app.conversations).toHaveCount(0);
  await app.share.importFile(original.name, original.text);
  await expect(page.getByTestId('toast').filter({ hasText: 'Imported 1 conversation' })).toBeVisible();
  await expect(app.conversations).toHaveCount(1);
  await expect(app.assistant()).toContainText('Hello world');
  expect(parse((await app.share.exportJSON()).text)).toEqual(doc);

  // Importing it again merges by id: still one conversation.
  await app.share.importFile(original.name, original.text);
  await expect(page.getByTestId('toast').filter({ hasText: 'already here' })).toBeVisible();
  await expect(app.conversations).toHaveCount(1);
});

test('share link: open → read-only preview → save gives back the same conversation', async ({ app, page }) => {
  await chatOnce(app);
  const original = parse((await app.share.exportJSON()).text);
  const link = await app.share.link();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#share=[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId('share-link-length')).toContainText(`${link.length.toLocaleString('en-US')} characters`);
  await page.keyboard.press('Escape');

  await app.wipeStorage();
  await page.goto(link);
  const preview = page.getByTestId('share-preview');
  await expect(preview).toBeVisible();
  await expect(preview.getByTestId('share-preview-message')).toHaveCount(2);
  await expect(preview.locator('[data-role=assistant]')).toHaveText(/^Assistant\s*Hello world$/i); // markdown rendered, never raw HTML
  await expect(app.conversations).toHaveCount(0); // nothing stored before the person chooses
  await page.getByTestId('share-save-button').click();
  await expect(preview).toBeHidden();
  await expect(app.conversations).toHaveCount(1);
  expect(page.url()).not.toContain('#share=');
  await app.conversations.first().click();
  expect(parse((await app.share.exportJSON()).text)).toEqual(original);
});

test('offline HTML page and a pasted share link both import back to the same conversation', async ({ app, page }) => {
  await chatOnce(app);
  const original = parse((await app.share.exportJSON()).text);
  const html = await app.share.exportMenu(/Web page/);
  expect(html.name).toMatch(/\.html$/);
  expect(html.text).toContain('Hello <strong>world</strong>'); // formatted as in the app
  expect(html.text).not.toContain('<script'); // no script at all: the data rides in an inert <template>
  const link = await app.share.link();
  await page.keyboard.press('Escape');

  await app.wipeStorage();
  await app.share.importFile(html.name, html.text);
  await expect(app.conversations).toHaveCount(1);
  expect(parse((await app.share.exportJSON()).text)).toEqual(original);

  await app.wipeStorage();
  await app.share.pasteImport(link);
  await expect(app.conversations).toHaveCount(1);
  expect(parse((await app.share.exportJSON()).text)).toEqual(original);
});

test('share link with a large image leaves it out with a notice; Open in playground opens it', async ({ app, page }) => {
  await app.open();
  const big = Buffer.alloc(40_000, 7).toString('base64');
  const file = JSON.parse(fixtureBackup()) as Doc;
  file.conversations = [file.conversations[0]!];
  file.blobs = { 'fx-img': { mimeType: 'image/png', data: big } };
  await app.share.importFile('big.chat.json', JSON.stringify(file));
  await expect(app.conversations).toHaveCount(1);
  const link = await app.share.link();
  await expect(page.getByTestId('share-link-dropped')).toContainText('dot.png');
  expect(link.length).toBeLessThan(big.length);
  await page.keyboard.press('Escape');
  await app.wipeStorage();
  await page.goto(link);
  await expect(page.getByTestId('share-preview')).toContainText('[image left out of the share link: dot.png, 39 KB]');
  await page.getByTestId('share-open-button').click();
  await expect(app.messages).toHaveCount(2);
  await expect(app.messages.first()).toContainText('left out of the share link');
});

test('a damaged share link says so and stores nothing', async ({ app, page }) => {
  await chatOnce(app);
  const link = await app.share.link();
  await page.keyboard.press('Escape');
  await app.wipeStorage();
  await page.goto(link.slice(0, link.length - 30));
  await expect(page.getByTestId('share-preview-error')).toContainText(/cut short|damaged/);
  await expect(app.conversations).toHaveCount(0);
});

test('backup: export all → wipe → import all keeps every message and image', async ({ app, page }) => {
  await app.open();
  await app.share.importFile('fixture.chat.json', fixtureBackup());
  await expect(app.conversations).toHaveCount(2);
  await app.sendAndWait('A third conversation [[reply:Yes.]]'); // a multi-conversation import opens none: this starts a third
  await app.meter.replySettled();
  const backup = await app.share.exportMenu(/Export all conversations/);
  expect(backup.name).toMatch(/^chat-playground-backup-\d{4}-\d{2}-\d{2}\.chat\.json$/);
  const before = parse(backup.text);
  expect(before.conversations).toHaveLength(3);
  expect(Object.keys(before.blobs)).toEqual(['fx-img']);

  await app.wipeStorage();
  await app.share.importFile(backup.name, backup.text);
  await expect(page.getByTestId('toast').filter({ hasText: 'Imported 3 conversations (3 new)' })).toBeVisible();
  await expect(app.conversations).toHaveCount(3);
  const after = parse((await app.share.exportMenu(/Export all conversations/)).text);
  expect(after).toEqual(before);
});

test('plain request body: export → import → the next request is the same body', async ({ app, page }) => {
  await chatOnce(app);
  await page.getByTestId('param-temperature-enabled').click();
  const body = await app.share.exportMenu(/OpenAI request body/);
  const preview = JSON.parse((await page.getByTestId('request-preview').textContent()) ?? '') as unknown;
  expect(JSON.parse(body.text)).toEqual(preview);
  await app.wipeStorage();
  await app.share.pasteImport(body.text);
  await expect(app.conversations).toHaveCount(1);
  await expect(app.messages).toHaveCount(2);
  expect(JSON.parse((await page.getByTestId('request-preview').textContent()) ?? '')).toEqual(preview);
});

test('hostile and truncated files are rejected with the exact place, and nothing is written', async ({ app, page }) => {
  await chatOnce(app);
  const good = (await app.share.exportJSON()).text;
  const hostile = JSON.parse(good) as Doc;
  (hostile.conversations[0]!.messages[1] as Record<string, unknown>).role = '<img src=x onerror=alert(1)>';
  await app.share.importFile('hostile.chat.json', JSON.stringify(hostile));
  await expect(page.getByTestId('toast').filter({ hasText: 'conversations[0].messages[1].role' })).toBeVisible();
  await app.share.importFile('cut.chat.json', good.slice(0, Math.floor(good.length * 0.6)));
  await expect(page.getByTestId('toast').filter({ hasText: 'Not valid JSON' })).toBeVisible();
  await app.share.importFile('future.chat.json', JSON.stringify({ ...hostile, version: 9 }));
  await expect(page.getByTestId('toast').filter({ hasText: 'newer version' })).toBeVisible();
  await expect(app.conversations).toHaveCount(1);
  await expect(app.messages).toHaveCount(2);
  expect(await page.locator('img[src=x]').count()).toBe(0);
});

test('code export: curl, Python, JavaScript and fetch carry the preview body and never the key', async ({ app, page }) => {
  await app.open();
  await page.getByTestId('endpoint-api-key').fill(CANARY);
  await app.sendAndWait('Code please [[reply:ok]]');
  await page.getByTestId('composer-input').fill('next turn draft');
  // The preview follows the stored conversation: the reply's final text is written just after it shows.
  await expect(page.getByTestId('request-preview')).toContainText('"ok"');
  await expect(page.getByTestId('request-preview')).toContainText('next turn draft');
  const preview = JSON.parse((await page.getByTestId('request-preview').textContent()) ?? '') as unknown;
  await page.getByTestId('code-export-button').click();
  const output = page.getByTestId('code-export-output');
  await expect(output).toHaveAttribute('data-language', 'curl');
  const curl = (await output.textContent()) ?? '';
  expect(curl).toContain('Authorization: Bearer $OPENAI_API_KEY');
  const body = curl.slice(curl.indexOf("<<'REQUEST_BODY'\n") + 17, curl.lastIndexOf('REQUEST_BODY'));
  expect(JSON.parse(body)).toEqual(preview);
  const seen = [curl];
  for (const [tab, language] of [
    ['Python', 'python'],
    ['JavaScript', 'javascript'],
    ['fetch', 'javascript'],
  ] as const) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await expect(output).toHaveAttribute('data-language', language);
    seen.push((await output.textContent()) ?? '');
  }
  expect(seen[1]).toContain('os.environ["OPENAI_API_KEY"]');
  expect(seen[2]).toContain("from 'openai'");
  expect(seen[3]).toContain('fetch(');
  for (const code of seen) {
    expect(code).toContain('next turn draft');
    expect(code).not.toContain(CANARY);
  }
});

test('a canary API key and custom header value never appear in any export, link, snippet or backup', async ({ app, page }) => {
  const HEADER_CANARY = 'hdr-canary-55e1b2';
  await app.open();
  await page.getByTestId('endpoint-api-key').fill(CANARY);
  await page.getByRole('button', { name: /Extra headers/ }).click();
  await page.getByTestId('endpoint-header-name').fill('X-Secret-Auth');
  await page.getByTestId('endpoint-header-value').fill(HEADER_CANARY);
  await page.getByTestId('endpoint-header-value').press('Enter');
  await app.sendAndWait('Secret test [[reply:fine]]');
  // Found by its text: the request log is shared by the tests running beside this one.
  const sent = await app.receivedWith('Secret test');
  expect(sent.headers.authorization).toBe('Bearer ***'); // a key was sent (the log masks it)
  expect(sent.headers['x-secret-auth']).toBe(HEADER_CANARY); // and the header is in use
  const outputs = await app.share.everyOutput();
  // The code (the last four) sends the header by environment variable.
  for (const code of outputs.slice(6)) expect(code).toContain('X_SECRET_AUTH');
  for (const text of outputs) {
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain(HEADER_CANARY);
  }
  expect(outputs[2]).toContain('Secret test');
});
