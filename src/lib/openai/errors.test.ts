import { describe, expect, it } from 'vitest';
import {
  errorFromFetchFailure,
  errorFromHttp,
  errorFromStreamObject,
  interruptedError,
  malformedChunkError,
  parseRetryAfter,
  timeoutError,
} from './errors';

const json = 'application/json';

describe('errorFromHttp', () => {
  it('reads OpenAI error objects', () => {
    const e = errorFromHttp(
      400,
      'Bad Request',
      json,
      JSON.stringify({ error: { message: 'Bad temp', type: 'invalid_request_error', param: 'temperature', code: null } }),
    );
    expect(e).toMatchObject({
      kind: 'http',
      status: 400,
      message: 'Bad temp',
      type: 'invalid_request_error',
      param: 'temperature',
      code: null,
      retryable: false,
    });
    expect(e.hint).toContain('"temperature"');
  });

  it('keeps numeric codes and OpenRouter provider details', () => {
    const e = errorFromHttp(
      502,
      '',
      json,
      JSON.stringify({ error: { code: 502, message: 'Provider returned error', metadata: { raw: 'upstream exploded' } } }),
    );
    expect(e).toMatchObject({ code: 502, message: 'Provider returned error: upstream exploded', retryable: true });
  });

  it('reads {error:"text"}, {message}, {detail} and FastAPI validation details', () => {
    expect(errorFromHttp(400, '', json, '{"error":"model not found"}').message).toBe('model not found');
    expect(errorFromHttp(400, '', json, '{"object":"error","message":"vLLM says no","type":"BadRequestError","code":400}')).toMatchObject({
      message: 'vLLM says no',
      type: 'BadRequestError',
      code: 400,
    });
    expect(errorFromHttp(404, '', json, '{"detail":"Not Found"}').message).toBe('Not Found');
    expect(errorFromHttp(422, '', json, '{"detail":[{"loc":["body","messages"],"msg":"field required"}]}').message).toBe(
      'messages: field required',
    );
    expect(errorFromHttp(400, '', json, '[{"error":{"message":"gemini style","code":400}}]').message).toBe('gemini style');
  });

  it('uses plain text bodies, or the status when the body is empty', () => {
    expect(errorFromHttp(500, 'Internal Server Error', 'text/plain', 'Something broke\n').message).toBe('Something broke');
    expect(errorFromHttp(503, 'Service Unavailable', '', '').message).toBe(
      'HTTP 503 Service Unavailable: the server is unavailable or overloaded. The body was empty.',
    );
  });

  it('explains HTML pages by their title', () => {
    const page =
      '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
    const e = errorFromHttp(502, 'Bad Gateway', 'text/html', page);
    expect(e.message).toBe('The server answered with an HTML page (status 502: Bad Gateway) — probably a proxy or the wrong URL');
    expect(e.retryable).toBe(true);
    const h1 = errorFromHttp(404, 'Not Found', '', '<!DOCTYPE html><body><h1>Page &amp; thing missing</h1></body>');
    expect(h1.message).toContain('(status 404: Page & thing missing)');
  });

  it('gives hints by status', () => {
    expect(errorFromHttp(401, '', json, '{}').hint).toBe('Check the API key.');
    expect(errorFromHttp(403, '', json, '{}').hint).toMatch(/permissions/);
    expect(errorFromHttp(404, '', json, '{}').hint).toBe('Check the base URL (it usually ends in /v1) and the model id.');
    expect(errorFromHttp(413, '', json, '{}').hint).toMatch(/too large/);
    expect(errorFromHttp(500, '', json, '{}').hint).toMatch(/try again later/);
  });

  it('tells quota from rate limits', () => {
    const quota = errorFromHttp(
      429,
      '',
      json,
      '{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","code":"insufficient_quota"}}',
    );
    expect(quota.hint).toMatch(/billing/);
    expect(quota.retryable).toBe(false);
    const rate = errorFromHttp(429, '', json, '{"error":{"message":"Rate limit reached","code":"rate_limit_exceeded"}}', '2');
    expect(rate.hint).toMatch(/Rate limited/);
    expect(rate).toMatchObject({ retryable: true, retryAfterMs: 2000 });
  });

  it('marks 408, 409, 429 and 5xx retryable', () => {
    for (const s of [408, 409, 429, 500, 502, 503, 504]) expect(errorFromHttp(s, '', '', '').retryable).toBe(true);
    for (const s of [400, 401, 403, 404, 413, 422]) expect(errorFromHttp(s, '', '', '').retryable).toBe(false);
  });

  it('truncates the detail to 2 KB', () => {
    const e = errorFromHttp(500, '', 'text/plain', 'x'.repeat(10_000));
    expect(e.detail?.length).toBeLessThan(2200);
    expect(e.detail?.startsWith('x'.repeat(2048))).toBe(true);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds, HTTP dates and retry-after-ms', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('0.5')).toBe(500);
    expect(parseRetryAfter(undefined, '250')).toBe(250);
    expect(parseRetryAfter('10', '250')).toBe(250);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:05 GMT', null, now)).toBe(5000);
    expect(parseRetryAfter('garbage')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('errorFromFetchFailure', () => {
  const failed = new TypeError('Failed to fetch');

  it('spots mixed content, except for loopback hosts', () => {
    const e = errorFromFetchFailure(failed, 'http://192.168.1.5:11434/v1/chat/completions', 'https://app.example');
    expect(e.kind).toBe('cors');
    expect(e.message).toMatch(/mixed content/);
    expect(errorFromFetchFailure(failed, 'http://localhost:11434/v1/chat/completions', 'https://app.example').message).not.toMatch(/mixed/);
    expect(errorFromFetchFailure(failed, 'http://127.0.0.1:8080/v1', 'https://app.example').message).not.toMatch(/mixed/);
  });

  it('suspects CORS for cross-origin URLs and lists fixes', () => {
    const e = errorFromFetchFailure(failed, 'http://localhost:11434/v1/chat/completions', 'http://localhost:5173');
    expect(e.kind).toBe('cors');
    expect(e.message).toBe("Could not reach localhost:11434. The server is down, or it refused this page's origin (CORS).");
    for (const fix of ['OLLAMA_ORIGINS=*', 'Enable CORS', `--allowed-origins '["*"]'`, 'llama-server', 'LiteLLM'])
      expect(e.hint).toContain(fix);
    expect(e.detail).toContain('Failed to fetch');
  });

  it('calls same-origin failures network errors', () => {
    expect(errorFromFetchFailure(failed, '/v1/chat/completions', 'http://localhost:5173')).toMatchObject({
      kind: 'network',
      retryable: true,
    });
    expect(errorFromFetchFailure(failed, 'http://localhost:5173/api', 'http://localhost:5173').kind).toBe('network');
    expect(errorFromFetchFailure(failed, 'http://x.test/v1', null).kind).toBe('network');
  });

  it('rejects URLs that do not parse', () => {
    expect(errorFromFetchFailure(failed, 'not a url', null).kind).toBe('invalid');
  });
});

describe('stream and local errors', () => {
  it('reads stream error objects', () => {
    expect(errorFromStreamObject({ message: 'x', code: 429, type: 't', param: 'p' })).toMatchObject({
      kind: 'stream',
      message: 'x',
      code: 429,
      type: 't',
      param: 'p',
    });
    expect(errorFromStreamObject('oops')).toMatchObject({ kind: 'stream', message: 'oops', code: null });
    expect(errorFromStreamObject({}).message).toMatch(/error/);
  });

  it('builds the local errors', () => {
    expect(interruptedError().kind).toBe('interrupted');
    expect(timeoutError(60_000)).toMatchObject({
      kind: 'timeout',
      retryable: false,
      message: 'The server did not start answering within 60 s.',
    });
    expect(malformedChunkError('{bad')).toMatchObject({ kind: 'malformed', detail: '{bad' });
  });
});
