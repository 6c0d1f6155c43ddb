import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_SHAPES, errorBodyInput, recogniseErrorBody } from '../src/lib/openai/error-shapes';
import { ERROR_SHAPE_CASES, VLLM_MIDSTREAM_CASE } from './error-shapes';
import { post, startServer, user } from './testkit';
import type { TestServer } from './testkit';

const WIRE = path.resolve(path.dirname(new URL(import.meta.url).pathname), 'wire/cases');
let server: TestServer;
beforeAll(async () => {
  server = await startServer({ wireDir: WIRE });
});
afterAll(() => server.close());

describe('[[error-shape:NAME]]', () => {
  it('answers from the client’s list of recognised shapes, plus one unknown shape', async () => {
    const fromShapes = Object.fromEntries(ERROR_SHAPES.map((s) => [s.name, s.example]));
    const { unknown, ...known } = ERROR_SHAPE_CASES;
    expect(known).toEqual(fromShapes);
    const text = await readFile(path.join(WIRE, unknown ?? ''), 'utf8');
    expect(recogniseErrorBody(errorBodyInput(text, 'application/json'))).toBeNull();
  });

  it('answers with each recorded body, its status from INDEX.md and its content type', async () => {
    for (const [name, file] of Object.entries(ERROR_SHAPE_CASES)) {
      const res = await post(server.url, { model: 'ref-chat', stream: true, messages: [user(`hi [[error-shape:${name}]]`)] });
      expect(res.status, name).toBe(Number(/-(\d{3})-/.exec(file)?.[1]));
      const type = file.endsWith('.html') ? 'text/html' : file.endsWith('.txt') ? 'text/plain' : 'application/json';
      expect(res.headers.get('content-type'), name).toContain(type);
      expect(Buffer.from(await res.arrayBuffer()).equals(await readFile(path.join(WIRE, file))), name).toBe(true);
    }
  });

  it('works from the X-Ref-Trigger header, and rejects unknown names', async () => {
    const res = await post(server.url, { model: 'ref-chat', messages: [user('hi')] }, { 'X-Ref-Trigger': 'error-shape:ollama' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'model "llama3.3:70b" not found, try pulling it first' });
    const bad = await post(server.url, { model: 'ref-chat', messages: [user('[[error-shape:nope]]')] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('Unknown error shape');
  });

  it('[[fault:vllm-midstream-error]] streams vLLM’s mid-stream error event', async () => {
    const res = await post(server.url, { model: 'ref-chat', stream: true, messages: [user('[[fault:vllm-midstream-error]]')] });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(Buffer.from(await res.arrayBuffer()).equals(await readFile(path.join(WIRE, VLLM_MIDSTREAM_CASE)))).toBe(true);
  });
});
