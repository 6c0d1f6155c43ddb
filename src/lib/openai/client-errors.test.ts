import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Completion } from '../../domain/types';
import { ApiError, listModels, runChatCompletion } from './client';
import { chunk, fetchSeq, finish, jsonResponse, opts, sseOf, sseResponse } from './test-support';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetch failures and error bodies', () => {
  it('classifies a cross-origin TypeError as CORS, and a same-origin one as network', async () => {
    vi.stubGlobal('location', { origin: 'http://localhost:5173' });
    const cors = await runChatCompletion(opts(fetchSeq(new TypeError('Failed to fetch')).fetch, { maxRetries: 0 }));
    expect(cors.error?.kind).toBe('cors');
    expect(cors.error?.message).toBe("Could not reach localhost:11434. The server is down, or it refused this page's origin (CORS).");
    expect(cors.error?.hint).toContain('OLLAMA_ORIGINS');
    const same = await runChatCompletion(
      opts(fetchSeq(new TypeError('Failed to fetch')).fetch, { maxRetries: 0, endpoint: { baseURL: '/v1' } }),
    );
    expect(same.error?.kind).toBe('network');
    vi.stubGlobal('location', { origin: 'https://app.example' });
    const mixed = await runChatCompletion(
      opts(fetchSeq(new TypeError('Failed to fetch')).fetch, { endpoint: { baseURL: 'http://10.0.0.2:8000/v1' } }),
    );
    expect(mixed.error?.message).toMatch(/mixed content/);
  });

  it('maps OpenAI, numeric-code, plain-text and HTML error bodies', async () => {
    const run = async (res: Response) => (await runChatCompletion(opts(fetchSeq(res).fetch, { maxRetries: 0 }))).error;
    expect(
      await run(jsonResponse({ error: { message: 'Bad key', type: 'invalid_request_error', code: 'invalid_api_key', param: null } }, 401)),
    ).toMatchObject({
      kind: 'http',
      status: 401,
      message: 'Bad key',
      code: 'invalid_api_key',
      hint: 'Check the API key.',
    });
    expect(await run(jsonResponse({ error: { code: 404, message: 'No endpoints' } }, 404))).toMatchObject({
      code: 404,
      message: 'No endpoints',
    });
    expect(await run(new Response('Internal error', { status: 500, headers: { 'content-type': 'text/plain' } }))).toMatchObject({
      message: 'Internal error',
      retryable: true,
    });
    const html = await run(
      new Response('<html><head><title>502 Bad Gateway</title></head></html>', {
        status: 502,
        statusText: 'Bad Gateway',
        headers: { 'content-type': 'text/html' },
      }),
    );
    expect(html?.message).toBe('The server answered with an HTML page (status 502: Bad Gateway) — probably a proxy or the wrong URL');
  });

  it('never leaks the API key into errors', async () => {
    const key = 'sk-secret-123456';
    const { fetch } = fetchSeq(jsonResponse({ error: { message: `Key ${key} is revoked` } }, 401));
    const r = await runChatCompletion(opts(fetch, { endpoint: { baseURL: 'http://h/v1', apiKey: key } }));
    expect(JSON.stringify(r.error)).not.toContain(key);
    expect(r.error?.message).toBe('Key *** is revoked');
  });

  it('never leaks a secret header value into errors: credential headers by name, and headers marked secret', async () => {
    const org = 'org-canary-7f3a';
    const team = 'team-canary-9c1d';
    const headers = { 'OpenAI-Organization': org, 'X-Team-Token': team, 'X-Title': 'Playground' };
    // OpenAI's 401 for a wrong organization repeats it (tom-doerr/zsh_codex#5: "No such organization: Personal.").
    const body = {
      error: { message: `No such organization: ${org}.`, type: 'invalid_request_error', param: team, code: 'invalid_organization' },
    };
    const endpoint = { baseURL: 'http://h/v1', apiKey: 'sk-1', headers, secretHeaders: ['x-team-token'] };
    const r = await runChatCompletion(opts(fetchSeq(jsonResponse(body, 401)).fetch, { endpoint, maxRetries: 0 }));
    expect(r.error?.message).toBe('No such organization: ***.');
    expect(JSON.stringify(r.error)).not.toContain(org);
    expect(JSON.stringify(r.error)).not.toContain(team);
    // A plain header is not a secret: a server repeating it is shown as it said.
    const plain = jsonResponse({ error: { message: 'Unknown title Playground' } }, 400);
    expect((await runChatCompletion(opts(fetchSeq(plain).fetch, { endpoint, maxRetries: 0 }))).error?.message).toBe(
      'Unknown title Playground',
    );
    // The model list (and so the connection test) too.
    const models = listModels(endpoint, undefined, fetchSeq(jsonResponse(body, 401)).fetch);
    await expect(models).rejects.toThrow('No such organization: ***.');
  });

  it('never throws, even when a callback does', async () => {
    const errors: unknown[] = [];
    const onUnhandled = (e: unknown) => errors.push(e);
    process.on('uncaughtException', onUnhandled);
    try {
      const r = await runChatCompletion(
        opts(fetchSeq(sseResponse(sseOf([chunk('a'), finish]))).fetch, {
          onUpdate: (_c: Completion) => {
            throw new Error('ui bug');
          },
        }),
      );
      expect(r.outcome).toBe('done');
      await new Promise((resolve) => setTimeout(resolve, 0));
    } finally {
      process.off('uncaughtException', onUnhandled);
    }
    expect(errors).toHaveLength(1);
  });
});

describe('listModels', () => {
  it('lists OpenAI-style models', async () => {
    const { fetch, calls } = fetchSeq(jsonResponse({ object: 'list', data: [{ id: 'a', owned_by: 'x' }, { id: 'b' }, { nope: 1 }] }));
    const models = await listModels({ baseURL: 'http://h/v1', apiKey: 'k' }, undefined, fetch);
    expect(models).toEqual([
      { id: 'a', raw: { id: 'a', owned_by: 'x' } },
      { id: 'b', raw: { id: 'b' } },
    ]);
    expect(calls[0]?.[0]).toBe('http://h/v1/models');
    expect(calls[0]?.[1]?.headers).toEqual({ Authorization: 'Bearer k' });
  });

  it('throws ApiError with the AppError', async () => {
    const { fetch } = fetchSeq(jsonResponse({ error: { message: 'Bad key' } }, 401));
    const err = await listModels({ baseURL: 'http://h/v1' }, undefined, fetch).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).error).toMatchObject({ kind: 'http', status: 401, message: 'Bad key' });
    const bad = await listModels({ baseURL: 'http://h/v1' }, undefined, fetchSeq(new Response('<html></html>')).fetch).catch(
      (e: unknown) => e,
    );
    expect((bad as ApiError).error.kind).toBe('malformed');
  });
});
