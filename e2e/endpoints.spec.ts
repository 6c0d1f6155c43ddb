import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createReferenceServer } from '../server/app';
import { expect, expectBeforeAndAfterReload, test, type PlaygroundPage } from './support/app';

/** Written out here, not imported, so a wrong preset in the app fails the test. */
const PRESET_URLS: Record<string, string> = {
  OpenAI: 'https://api.openai.com/v1',
  'Azure OpenAI': 'https://your-resource.openai.azure.com/openai/v1',
  OpenRouter: 'https://openrouter.ai/api/v1',
  Groq: 'https://api.groq.com/openai/v1',
  'Together AI': 'https://api.together.xyz/v1',
  Mistral: 'https://api.mistral.ai/v1',
  DeepSeek: 'https://api.deepseek.com/v1',
  Fireworks: 'https://api.fireworks.ai/inference/v1',
  xAI: 'https://api.x.ai/v1',
  Ollama: 'http://localhost:11434/v1',
  'LM Studio': 'http://localhost:1234/v1',
  vLLM: 'http://localhost:8000/v1',
  'llama.cpp server': 'http://localhost:8080/v1',
};

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function addBlankEndpoint(app: PlaygroundPage, baseURL: string, name?: string): Promise<void> {
  await app.page.getByTestId('endpoint-add').selectOption('blank');
  if (name) await app.page.getByTestId('endpoint-name').fill(name);
  await app.page.getByTestId('endpoint-base-url').fill(baseURL);
  await app.page.getByTestId('endpoint-base-url').press('Enter');
}

test.describe('endpoints and models', () => {
  test('every preset fills in its base URL, and the built-in endpoint is the playground itself', async ({ app, baseURL }) => {
    await app.open();
    await expect(app.page.getByTestId('endpoint-base-url')).toHaveValue(`${baseURL}/v1`);
    for (const [name, url] of Object.entries(PRESET_URLS)) {
      await app.page.getByTestId('endpoint-add').selectOption({ label: name });
      await expect(app.page.getByTestId('endpoint-base-url'), name).toHaveValue(url);
      await expect(app.page.getByTestId('endpoint-select').locator('option:checked')).toHaveText(name);
    }
    await expect(app.page.getByTestId('endpoint-select').locator('option')).toHaveCount(Object.keys(PRESET_URLS).length + 1);
  });

  test('a pasted URL is normalised, and the rule is explained', async ({ app }) => {
    await app.open();
    await app.page.getByTestId('endpoint-add').selectOption('blank');
    const field = app.page.getByTestId('endpoint-base-url');
    await field.fill('localhost:11434/v1/v1/chat/completions/');
    await expect(app.page.getByText(/Will be saved as http:\/\/localhost:11434\/v1/)).toBeVisible();
    await field.press('Enter');
    await expect(field).toHaveValue('http://localhost:11434/v1');
  });

  test('switching endpoints sends to the chosen one, with its headers', async ({ app, baseURL }) => {
    await app.open();
    await addBlankEndpoint(app, `${baseURL}/v1`, 'Same server, other profile');
    await app.page.getByRole('button', { name: /Extra headers/ }).click();
    await app.page.getByTestId('endpoint-header-name').fill('X-Profile');
    await app.page.getByTestId('endpoint-header-value').fill('second');
    await app.page.getByTestId('endpoint-header-value').press('Enter');
    const a = `profile-a-${Date.now()}`;
    await app.sendAndWait(`${a} [[reply:ok]]`);
    expect((await app.receivedWith(a)).headers['x-profile']).toBe('second');

    await app.page.getByTestId('endpoint-select').selectOption({ label: 'Reference endpoint (built-in)' });
    await expect(app.page.getByTestId('endpoint-base-url')).toHaveValue(`${baseURL}/v1`);
    const b = `profile-b-${Date.now()}`;
    await app.sendAndWait(`${b} [[reply:ok]]`);
    expect((await app.receivedWith(b)).headers['x-profile']).toBeUndefined();

    await app.page.getByTestId('endpoint-select').selectOption({ label: 'Same server, other profile' });
    app.page.once('dialog', (d) => void d.accept());
    await app.page.getByTestId('endpoint-delete').click();
    await expect(app.page.getByTestId('endpoint-select').locator('option')).toHaveCount(1);
  });

  test('model list: search and pick, free text, and a failing list', async ({ app }) => {
    await app.open();
    const input = app.page.getByTestId('model-input');
    await expect(app.page.getByTestId('model-list-status')).toHaveText('4 models listed; any id can be typed.');
    await input.fill('');
    await expect(app.page.getByTestId('model-option')).toHaveText(['ref-chat', 'ref-reasoner', 'ref-tools', 'ref-slow']);
    await input.fill('reas');
    await expect(app.page.getByTestId('model-option')).toHaveText(['ref-reasoner']);
    await input.press('Enter');
    await expect(input).toHaveValue('ref-reasoner');
    await expect(app.page.getByTestId('model-facts')).toContainText('128k context');
    await expect(app.page.getByTestId('model-facts')).toContainText('reasoning');

    await input.fill('my-own-model');
    await app.composer.click();
    const marker = `free-${Date.now()}`;
    await app.send(`${marker} [[reply:ok]]`);
    await expect(app.errorBanner).toContainText('my-own-model'); // the reference server knows only its four
    expect((await app.receivedWith(marker)).body.model).toBe('my-own-model');

    await addBlankEndpoint(app, 'http://127.0.0.1:9/v1');
    await expect(app.page.getByTestId('model-list-status')).toHaveAttribute('data-state', 'error');
    await expect(app.page.getByTestId('model-list-status')).toContainText('Could not list models');
    await input.fill('typed-anyway');
    expect((await app.previewBody()).model).toBe('typed-anyway');
  });

  test('model facts come from the server and can be corrected, kept across a reload', async ({ app }) => {
    await app.open();
    const facts = app.page.getByTestId('model-facts');
    await expect(facts).toContainText('128k context · 16.4k out · free (local server)');
    await app.page.getByTestId('model-facts-edit').click();
    await app.page.getByTestId('model-fact-inputPrice').fill('1.5');
    await app.page.getByTestId('model-fact-outputPrice').fill('6');
    await app.page.getByTestId('model-fact-outputPrice').press('Enter');
    await app.page.getByTestId('model-fact-vision').selectOption('yes');
    await expectBeforeAndAfterReload(app.page, async () => {
      await expect(facts).toContainText('$1.5/$6 per 1M');
      await expect(facts).toContainText('vision');
    });
  });

  test.describe('connection test', () => {
    let keyed: http.Server;
    let bare: http.Server;
    let keyedURL = '';
    let bareURL = '';
    test.beforeAll(async () => {
      keyed = createReferenceServer({ apiKey: 'sk-right-key' });
      keyedURL = await listen(keyed);
      // Answers without CORS headers (like Ollama without OLLAMA_ORIGINS); 404 JSON with CORS under /missing.
      bare = http.createServer((req, res) => {
        if (req.url?.startsWith('/missing')) {
          res.writeHead(404, {
            'Content-Type': 'application/json',
            'Access-Control-Allow-Origin': '*',
            'Access-Control-Allow-Headers': '*',
          });
          res.end(JSON.stringify({ error: { message: 'Not found', type: 'invalid_request_error' } }));
          return;
        }
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"data":[]}');
      });
      bareURL = await listen(bare);
    });
    test.afterAll(async () => {
      await new Promise((r) => keyed.close(r));
      await new Promise((r) => bare.close(r));
    });

    async function runTest(app: PlaygroundPage): Promise<void> {
      await app.page.getByTestId('endpoint-test-button').click();
      await expect(app.page.getByTestId('endpoint-test-result')).toBeVisible();
    }

    test('explains success, a wrong key, a wrong URL, CORS and an unreachable host', async ({ app }) => {
      await app.open();
      const result = app.page.getByTestId('endpoint-test-result');
      await runTest(app);
      await expect(result).toHaveAttribute('data-ok', 'true');
      await expect(result).toContainText('4 models listed');

      await addBlankEndpoint(app, `${keyedURL}/v1`);
      await app.page.getByTestId('endpoint-api-key').fill('sk-wrong-key');
      await runTest(app);
      await expect(result).toContainText('The server refused the key (401)');
      await expect(result).not.toContainText('sk-wrong-key');
      await app.page.getByTestId('endpoint-api-key').fill('sk-right-key');
      await runTest(app);
      await expect(result).toHaveAttribute('data-ok', 'true');

      await addBlankEndpoint(app, `${bareURL}/missing/v1`);
      await runTest(app);
      await expect(result).toContainText('(404)');
      await expect(result).toContainText('Check the base URL');

      await addBlankEndpoint(app, `${bareURL}/v1`);
      await runTest(app);
      await expect(result).toContainText('blocked the reply (CORS)');
      for (const fix of ['OLLAMA_ORIGINS', 'Enable CORS', '--allowed-origins', 'llama.cpp']) await expect(result).toContainText(fix);

      await addBlankEndpoint(app, 'http://127.0.0.1:9/v1');
      await runTest(app);
      await expect(result).toContainText('Cannot reach 127.0.0.1:9');
    });

    test('a "this session only" key is never in localStorage or IndexedDB, and is sent', async ({ app }) => {
      await app.open();
      await addBlankEndpoint(app, `${keyedURL}/v1`, 'Keyed');
      const secret = 'sk-right-key'; // the keyed server answers only with it
      await app.page.getByTestId('endpoint-key-session').check();
      await app.page.getByTestId('endpoint-api-key').fill(secret);
      const marker = `key-${Date.now()}`;
      const reply = await app.sendAndWait(`${marker} [[reply:ok]]`);
      await expect(reply.getByTestId('message-content')).toHaveText('ok'); // so the key went out in the header

      const stored = await app.page.evaluate(async () => {
        const local = JSON.stringify({ ...localStorage });
        const session = JSON.stringify({ ...sessionStorage });
        const idb = await new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('chat-playground');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const names = [...db.objectStoreNames];
            const tx = db.transaction(names, 'readonly');
            const out: unknown[] = [];
            for (const n of names) tx.objectStore(n).getAll().onsuccess = (e) => out.push((e.target as IDBRequest).result);
            tx.oncomplete = () => resolve(JSON.stringify(out));
          };
        });
        return { local, session, idb };
      });
      expect(stored.local).not.toContain(secret);
      expect(stored.idb).not.toContain(secret);
      expect(stored.idb).toContain(marker); // the scan did read the saved conversation
      expect(stored.session).toContain(secret);
      await expect(app.page.getByTestId('request-preview')).not.toContainText(secret);

      // "Remember on this device" moves it to localStorage; back to session removes it again.
      await app.page.getByTestId('endpoint-key-device').check();
      expect(await app.page.evaluate(() => JSON.stringify({ ...localStorage }))).toContain(secret);
      await app.page.getByTestId('endpoint-key-session').check();
      expect(await app.page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(secret);
    });
  });
});
