import { describe, expect, it } from 'vitest';
import { testConnection } from './connection';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('testConnection', () => {
  it('counts the models of a working endpoint', async () => {
    const r = await testConnection({ baseURL: 'http://x/v1' }, undefined, () =>
      Promise.resolve(json(200, { data: [{ id: 'a' }, { id: 'b' }] })),
    );
    expect(r).toMatchObject({ ok: true, models: 2 });
  });

  it('reports a 401 as an http error with its status, key redacted', async () => {
    const r = await testConnection({ baseURL: 'http://x/v1', apiKey: 'sk-secret-123' }, undefined, () =>
      Promise.resolve(
        json(401, {
          error: { message: 'Incorrect API key provided: sk-secret-123', type: 'invalid_request_error', code: 'invalid_api_key' },
        }),
      ),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.status).toBe(401);
    expect(r.error.message).not.toContain('sk-secret-123');
    expect(r.reachable).toBeNull();
  });

  it('tells a CORS refusal (server answers no-cors) from an unreachable host', async () => {
    const corsOnly: typeof fetch = (_url, init) =>
      init?.mode === 'no-cors' ? Promise.resolve(new Response(null, { status: 200 })) : Promise.reject(new TypeError('Failed to fetch'));
    const down: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const a = await testConnection({ baseURL: 'http://localhost:11434/v1' }, undefined, corsOnly);
    const b = await testConnection({ baseURL: 'http://localhost:11434/v1' }, undefined, down);
    expect(a.ok === false && a.reachable).toBe(true);
    expect(b.ok === false && b.reachable).toBe(false);
    expect(b.ok === false && b.url).toBe('http://localhost:11434/v1/models');
  });
});
