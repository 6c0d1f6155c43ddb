/**
 * Each snippet is run for real against the reference endpoint and must send the very body the
 * app would send. Node runs the JavaScript (real `openai` package) and fetch snippets, the shell
 * runs curl, and Python runs when `python3 -c "import openai"` works.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './testkit';
import { buildChatRequest } from '../src/lib/openai/request';
import { toDataURL } from '../src/lib/codec/base64';
import { snippets, type SnippetLanguage } from '../src/lib/codec/snippets';
import { richBundle } from '../src/lib/codec/test-fixtures';

const run = promisify(execFile);
const CANARY = 'sk-canary-0123456789abcdef';

function hasPythonOpenAI(): boolean {
  try {
    execFileSync('python3', ['-c', 'import openai'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let server: TestServer;
const dir = mkdtempSync(join(process.cwd(), 'node_modules', '.snippet-test-'));

beforeAll(async () => {
  // The server demands the canary key: a snippet passes only if it reads the key from the environment.
  server = await startServer({ tokensPerSecond: 0, apiKey: CANARY });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await fetch(`${server.url}/__ref/requests`, { method: 'DELETE' });
});

function appBody(stream: boolean) {
  const { bundle, blobs } = richBundle();
  const params = structuredClone(bundle.conversation.params);
  params.enabled.stream = stream;
  params.extraBody = '{"top_k": 40, "x_vendor": {"a": [1, null, true]}}';
  const path = [bundle.messages[0]!, bundle.messages[1]!];
  const built = buildChatRequest(path, params, (s) => (s.kind === 'url' ? s.url : toDataURL(s.mimeType, blobs.get(s.blobId)!.bytes)));
  if (!built.ok) throw new Error(built.error.message);
  return built.body;
}

const COMMANDS: Record<SnippetLanguage, (file: string) => [string, string[]]> = {
  curl: (f) => ['bash', [f]],
  python: (f) => ['python3', [f]],
  javascript: (f) => ['node', [f]],
  fetch: (f) => ['node', [f]],
};

async function received(): Promise<Record<string, unknown>[]> {
  const res = await fetch(`${server.url}/__ref/requests`);
  return ((await res.json()) as { body: Record<string, unknown> }[]).map((r) => r.body);
}

describe.each([true, false])('code export (stream %s)', (stream) => {
  const languages: SnippetLanguage[] = ['curl', 'javascript', 'fetch', 'python'];
  for (const language of languages) {
    const skip = language === 'python' && !hasPythonOpenAI();
    it.skipIf(skip)(
      `${language} sends exactly the app's body${skip ? ' (skipped: python3 with the openai package is not installed)' : ''}`,
      async () => {
        const body = appBody(stream);
        const snippet = snippets({ baseURL: `${server.url}/v1`, body, headerNames: ['X-Title'] }).find((s) => s.language === language)!;
        expect(snippet.code).not.toContain(CANARY);
        const file = join(dir, `${language}-${stream}-${snippet.filename}`);
        writeFileSync(file, snippet.code);
        const [cmd, args] = COMMANDS[language](file);
        const { stdout } = await run(cmd, args, {
          env: { ...process.env, OPENAI_API_KEY: CANARY, X_TITLE: 'snippet-test' },
          timeout: 20_000,
        });
        expect(stdout.length).toBeGreaterThan(0);
        const bodies = await received();
        expect(bodies).toHaveLength(1);
        expect(bodies[0]).toEqual(body);
      },
      30_000,
    );
  }
});

function hasPython(): boolean {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

it.skipIf(!hasPython())('the Python snippet at least compiles where the openai package is missing', () => {
  const snippet = snippets({ baseURL: 'http://x/v1', body: appBody(true), headerNames: ['X-Title'] }).find((s) => s.language === 'python')!;
  const file = join(dir, 'compile-check.py');
  writeFileSync(file, snippet.code);
  execFileSync('python3', ['-m', 'py_compile', file]);
  expect(snippet.code).toContain('os.environ["OPENAI_API_KEY"]');
  expect(snippet.code).toContain('extra_body={');
});
