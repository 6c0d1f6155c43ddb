import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, startServer, user } from './testkit';
import type { TestServer } from './testkit';

const WIRE = path.resolve(path.dirname(new URL(import.meta.url).pathname), 'wire/cases');
let server: TestServer;
beforeAll(async () => {
  server = await startServer({ wireDir: WIRE });
});
afterAll(() => server.close());

async function readPieces(res: Response): Promise<Buffer[]> {
  const pieces: Buffer[] = [];
  const reader = res.body?.getReader();
  for (;;) {
    const result = await reader?.read();
    if (!result || result.done) return pieces;
    pieces.push(Buffer.from(result.value));
  }
}

describe('replay', () => {
  it('replays an .sse case byte-exactly in many pieces', async () => {
    const file = 'openai-text-after-tool-result-usage.sse';
    const res = await post(server.url, { model: 'ref-chat', stream: true, messages: [user(`[[replay:${file}]]`)] });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const pieces = await readPieces(res);
    expect(pieces.length).toBeGreaterThan(10);
    expect(Buffer.concat(pieces).equals(await readFile(path.join(WIRE, file)))).toBe(true);
  });

  it('replays .error.json cases with the status from INDEX.md (header trigger, any body)', async () => {
    for (const [file, status] of [
      ['openai-401-invalid-api-key.error.json', 401],
      ['openrouter-404-no-endpoints.error.json', 404],
      ['openai-400-unsupported-parameter.error.json', 400],
    ] as const) {
      const res = await post(server.url, { model: 'whatever' }, { 'X-Ref-Replay': file });
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(Buffer.from(await res.arrayBuffer()).equals(await readFile(path.join(WIRE, file)))).toBe(true);
    }
  });

  it('replays .json cases as 200 application/json', async () => {
    const file = 'openai-nonstream-text.json';
    const res = await post(server.url, { model: 'ref-chat', messages: [user(`[[replay:${file}]]`)] });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(await readFile(path.join(WIRE, file)))).toBe(true);
  });

  it('rejects names with path separators and unknown files', async () => {
    expect((await post(server.url, { model: 'ref-chat', messages: [user('[[replay:../INDEX.md]]')] })).status).toBe(400);
    expect((await post(server.url, { model: 'ref-chat', messages: [user('[[replay:nope.sse]]')] })).status).toBe(404);
  });
});

describe('static files', () => {
  let root: string;
  let site: TestServer;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'ref-static-'));
    const dist = path.join(root, 'dist');
    await mkdir(path.join(dist, 'assets'), { recursive: true });
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>app</title>');
    await writeFile(path.join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    await writeFile(path.join(dist, 'site.webmanifest'), '{}');
    await writeFile(path.join(root, 'secret.txt'), 'top secret');
    site = await startServer({ staticDir: dist });
  });
  afterAll(() => site.close());

  it('serves files with MIME types and falls back to index.html', async () => {
    const index = await fetch(`${site.url}/`);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const js = await fetch(`${site.url}/assets/app-1234.js`);
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect((await fetch(`${site.url}/site.webmanifest`)).headers.get('content-type')).toBe('application/manifest+json');
    expect(await (await fetch(`${site.url}/chat/123`)).text()).toContain('<title>app</title>');
    expect((await fetch(`${site.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${site.url}/v1/models`)).status).toBe(200);
  });

  it('never serves files outside the static directory', async () => {
    for (const p of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const body = await new Promise<string>((resolve, reject) => {
        const { port } = new URL(site.url);
        http
          .get({ host: '127.0.0.1', port, path: p }, (res) => {
            let text = '';
            res.on('data', (d: Buffer) => (text += d.toString()));
            res.on('end', () => resolve(text));
          })
          .on('error', reject);
      });
      expect(body).not.toContain('top secret');
    }
  });
});
