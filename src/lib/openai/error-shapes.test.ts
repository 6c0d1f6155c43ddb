import { describe, expect, it } from 'vitest';
import { runChatCompletion } from './client';
import { ERROR_SHAPES, errorBodyInput, locPath, recogniseErrorBody } from './error-shapes';
import { errorFromHttp, errorFromStreamBody } from './errors';
import { assembleSSE, caseBytes, caseFiles, caseText, sseOf, sseResponse } from './test-support';

function contentTypeOf(file: string): string {
  if (file.endsWith('.html')) return 'text/html';
  if (file.endsWith('.txt')) return 'text/plain';
  return 'application/json';
}

describe('ERROR_SHAPES', () => {
  it('has unique names, each with a recorded example it recognises as itself', () => {
    const names = ERROR_SHAPES.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    const files = caseFiles();
    for (const shape of ERROR_SHAPES) {
      expect(files, shape.example).toContain(shape.example);
      const found = recogniseErrorBody(errorBodyInput(caseText(shape.example), contentTypeOf(shape.example)));
      expect(found?.shape.name, shape.example).toBe(shape.name);
      expect(Number(/-(\d{3})-/.exec(shape.example)?.[1]), shape.example).toBe(shape.exampleStatus);
    }
  });
});

describe('FastAPI detail lists', () => {
  it('joins each loc without the leading body', () => {
    expect(locPath(['body', 'messages', 0, 'content'])).toBe('messages.0.content');
    expect(locPath(['query', 'x'])).toBe('query.x');
    expect(locPath(['body'])).toBe('body');
  });

  it('names every field, and shows the first three in the message', () => {
    const detail = ['a', 'b', 'c', 'd'].map((f) => ({ type: 'missing', loc: ['body', f], msg: 'Field required' }));
    const e = errorFromHttp(422, 'Unprocessable Entity', 'application/json', JSON.stringify({ detail }));
    expect(e).toMatchObject({
      message: 'a: Field required; b: Field required; c: Field required (and 1 more)',
      param: 'a',
      type: 'missing',
      detailLines: ['a: Field required', 'b: Field required', 'c: Field required', 'd: Field required'],
    });
    expect(e.hint).toBe('The server rejected the parameter "a": switch it off or change its value.');
  });

  it('reads a detail list nested in an error message (Mistral-style wrapper)', () => {
    const body = {
      object: 'error',
      message: { detail: [{ type: 'extra_forbidden', loc: ['body', 'stream_options'], msg: 'Extra inputs are not permitted' }] },
      type: 'invalid_request_error',
      param: null,
      code: null,
    };
    expect(errorFromHttp(422, '', 'application/json', JSON.stringify(body))).toMatchObject({
      message: 'stream_options: Extra inputs are not permitted',
      param: 'stream_options',
      type: 'invalid_request_error',
    });
  });

  it('the issue’s Mistral 422 shows the message and the field, not just the status', () => {
    const e = errorFromHttp(422, 'Unprocessable Entity', 'application/json', caseText('mistral-422-extra-forbidden.error.json'));
    expect(e.message).toContain('Extra inputs are not permitted');
    expect(e.message).toContain('stream_options');
    expect(e.message).not.toContain('HTTP 422');
  });
});

describe('other shapes', () => {
  it('OpenRouter: a plain-text raw message and the provider', () => {
    const body = {
      error: { message: 'Provider returned error', code: 502, metadata: { raw: 'upstream timed out', provider_name: 'Together' } },
    };
    expect(errorFromHttp(502, '', 'application/json', JSON.stringify(body))).toMatchObject({
      message: 'Provider returned error (Together): upstream timed out',
      code: 502,
      detailLines: ['provider: Together'],
    });
  });

  it('Gemini: field violations become lines', () => {
    const body = [
      {
        error: {
          code: 400,
          message: 'Invalid value',
          status: 'INVALID_ARGUMENT',
          details: [
            {
              '@type': 'type.googleapis.com/google.rpc.BadRequest',
              fieldViolations: [{ field: 'temperature', description: 'must be <= 2' }],
            },
          ],
        },
      },
    ];
    expect(errorFromHttp(400, '', 'application/json', JSON.stringify(body)).detailLines).toEqual(['temperature: must be <= 2']);
  });

  it('an unknown shape says what the status means and keeps the raw body', () => {
    const raw = '{"errors":[{"reason":"nope"}]}';
    const e = errorFromHttp(500, 'Internal Server Error', 'application/json', raw);
    expect(e.message).toBe(
      'HTTP 500 Internal Server Error: the server had an internal error. The error body is in a shape this app does not recognise: see the raw response.',
    );
    expect(e.detail).toBe(raw);
    expect(errorFromHttp(418, '', 'application/json', '{"error":{}}').message).toMatch(
      /^HTTP 418: the server refused the request\. .*raw response/,
    );
  });
});

const VLLM_MIDSTREAM_CASE = 'vllm-midstream-error-object.sse';

describe('mid-stream error events', () => {
  const vllmError = { object: 'error', message: 'engine died', type: 'InternalServerError', param: null, code: 500 };
  const expected = { kind: 'stream', message: 'engine died', type: 'InternalServerError', code: 500, param: null };
  const start = { id: 'c1', model: 'm', choices: [{ index: 0, delta: { content: 'Hi' } }] };

  it('reads vLLM’s bare {object:"error"} event and its {error:{…}} wrapped form', async () => {
    const bare = await assembleSSE(new TextEncoder().encode(sseOf([start, vllmError])));
    expect(bare.error).toMatchObject(expected);
    expect(bare.choices[0]?.content).toBe('Hi');
    expect(bare.extra).not.toHaveProperty('message');
    const wrapped = await assembleSSE(new TextEncoder().encode(sseOf([start, { error: vllmError }])));
    expect(wrapped.error).toMatchObject(expected);
  });

  it('reads an Anthropic-style error event and FastAPI details mid-stream', async () => {
    const anthropic = { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } };
    const c = await assembleSSE(new TextEncoder().encode(`event: error\ndata: ${JSON.stringify(anthropic)}\n\n`));
    expect(c.error).toMatchObject({ kind: 'stream', message: 'Overloaded', type: 'overloaded_error' });
    expect(errorFromStreamBody({ detail: [{ loc: ['body', 'tools', 0], msg: 'bad tool' }] })).toMatchObject({
      message: 'tools.0: bad tool',
      param: 'tools.0',
    });
  });

  it('an unknown event shape keeps the raw event', () => {
    const e = errorFromStreamBody({ error: { why: 42 } });
    expect(e.message).toMatch(/does not recognise/);
    expect(e.detail).toBe('{"error":{"why":42}}');
  });

  it('the recorded vLLM event fails runChatCompletion with its message and keeps the partial text', async () => {
    const r = await runChatCompletion({
      endpoint: { baseURL: 'http://x/v1' },
      body: { model: 'm', messages: [], stream: true },
      signal: new AbortController().signal,
      fetch: async () => sseResponse(caseBytes(VLLM_MIDSTREAM_CASE)),
    });
    expect(r.outcome).toBe('error');
    expect(r.error).toMatchObject({
      kind: 'stream',
      message: 'EngineCore encountered an issue. See stack trace (above) for the root cause.',
      code: 500,
    });
    expect(r.completion.choices[0]?.content).toBe('Partial');
  });
});
