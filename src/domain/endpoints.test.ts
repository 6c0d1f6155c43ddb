import { describe, expect, it } from 'vitest';
import {
  analyzeBaseURL,
  corsFixes,
  ENDPOINT_PRESETS,
  keyHeaderFor,
  normalizeBaseURL,
  offersKeyHeaderChoice,
  serverKind,
} from './endpoints';

describe('normalizeBaseURL', () => {
  it.each([
    ['https://api.openai.com/v1/', 'https://api.openai.com/v1'],
    ['  https://api.openai.com/v1///  ', 'https://api.openai.com/v1'],
    ['https://api.openai.com/v1/chat/completions', 'https://api.openai.com/v1'],
    ['https://api.openai.com/v1/chat/completions/', 'https://api.openai.com/v1'],
    ['https://api.openai.com/v1/models', 'https://api.openai.com/v1'],
    ['https://api.openai.com/v1/v1', 'https://api.openai.com/v1'],
    ['https://api.openai.com/v1/v1/chat/completions', 'https://api.openai.com/v1'],
    ['https://api.openai.com', 'https://api.openai.com/v1'],
    ['http://localhost:11434', 'http://localhost:11434/v1'],
    ['http://localhost:11434/', 'http://localhost:11434/v1'],
    ['localhost:1234', 'http://localhost:1234/v1'],
    ['127.0.0.1:8080/v1', 'http://127.0.0.1:8080/v1'],
    ['api.groq.com/openai/v1', 'https://api.groq.com/openai/v1'],
    ['https://openrouter.ai/api/v1/', 'https://openrouter.ai/api/v1'],
    ['https://api.fireworks.ai/inference/v1/chat/completions', 'https://api.fireworks.ai/inference/v1'],
    // Servers with a path of their own and no /v1 are left alone.
    ['https://myres.openai.azure.com/openai/deployments/gpt4o', 'https://myres.openai.azure.com/openai/deployments/gpt4o'],
    ['https://example.com/api', 'https://example.com/api'],
    // A bare Azure origin gets Azure's v1 path; Perplexity serves at the root.
    ['https://myres.openai.azure.com', 'https://myres.openai.azure.com/openai/v1'],
    ['https://myres.openai.azure.com/openai/v1/?api-version=preview', 'https://myres.openai.azure.com/openai/v1'],
    ['https://myres.openai.azure.com?api-version=2024-10-21', 'https://myres.openai.azure.com/openai/v1'],
    // Classic deployment URLs keep api-version (only that parameter); a pasted full URL loses its suffix.
    [
      'https://myres.openai.azure.com/openai/deployments/gpt4o?api-version=2024-10-21',
      'https://myres.openai.azure.com/openai/deployments/gpt4o?api-version=2024-10-21',
    ],
    [
      'https://myres.openai.azure.com/openai/deployments/gpt4o/chat/completions?api-version=2024-10-21&foo=1#x',
      'https://myres.openai.azure.com/openai/deployments/gpt4o?api-version=2024-10-21',
    ],
    ['https://api.openai.com/v1?foo=bar', 'https://api.openai.com/v1'],
    ['https://api.perplexity.ai', 'https://api.perplexity.ai'],
    // Relative addresses (a same-origin proxy) stay relative.
    ['/v1/', '/v1'],
    ['/v1/chat/completions', '/v1'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(normalizeBaseURL(input)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const input of [
      'https://api.openai.com/v1/chat/completions',
      'localhost:11434',
      'https://x.openai.azure.com',
      '/v1/v1/',
      'https://x.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-10-21',
    ]) {
      const once = normalizeBaseURL(input);
      expect(normalizeBaseURL(once)).toBe(once);
    }
  });

  it('says what it changed', () => {
    expect(analyzeBaseURL('https://api.openai.com/v1/chat/completions').changes).toEqual(['removed the pasted /chat/completions']);
    expect(analyzeBaseURL('localhost:11434').changes).toEqual(['added http://', 'added /v1']);
    expect(analyzeBaseURL('https://api.openai.com/v1').changes).toEqual([]);
    expect(analyzeBaseURL('https://x.openai.azure.com/openai/deployments/d?api-version=2024-10-21&a=1').changes).toEqual([
      'kept only api-version from the query string',
    ]);
    expect(analyzeBaseURL('https://x.openai.azure.com/openai/deployments/d?api-version=2024-10-21').changes[0]).toMatch(
      /kept the api-version/,
    );
  });

  it('refuses a key pasted into the URL instead of storing it', () => {
    for (const input of [
      'https://x.openai.azure.com/openai/deployments/d?api-version=2024-10-21&api-key=abc123',
      'https://h/v1?key=abc123',
      'https://h/v1?token=abc123',
      'https://h/v1?access_token=abc123',
    ]) {
      const r = analyzeBaseURL(input);
      expect(r.refused).toMatch(/carries a key/);
      expect(r.url).not.toContain('abc123');
      expect(r.refused).not.toContain('abc123');
    }
    expect(analyzeBaseURL('https://x.openai.azure.com/openai/deployments/d?api-version=2024-10-21').refused).toBeUndefined();
  });
});

describe('key header', () => {
  it('defaults to api-key for the Azure preset and classic deployment URLs; the profile choice wins', () => {
    expect(keyHeaderFor({ baseURL: 'https://x.openai.azure.com/openai/v1', presetId: 'azure' })).toBe('api-key');
    expect(keyHeaderFor({ baseURL: 'https://x.openai.azure.com/openai/deployments/d?api-version=2024-10-21' })).toBe('api-key');
    expect(keyHeaderFor({ baseURL: 'http://127.0.0.1:5/openai/deployments/d?api-version=2024-10-21' })).toBe('api-key');
    expect(keyHeaderFor({ baseURL: 'https://x.openai.azure.com/openai/v1' })).toBe('authorization');
    expect(keyHeaderFor({ baseURL: 'https://api.openai.com/v1' })).toBe('authorization');
    expect(keyHeaderFor({ baseURL: 'https://x.openai.azure.com/openai/v1', presetId: 'azure', keyHeader: 'authorization' })).toBe(
      'authorization',
    );
  });

  it('is offered for Azure profiles only', () => {
    expect(offersKeyHeaderChoice({ baseURL: 'https://x.openai.azure.com/openai/v1' })).toBe(true);
    expect(offersKeyHeaderChoice({ baseURL: 'https://y.cognitiveservices.azure.com/openai/deployments/d?api-version=1' })).toBe(true);
    expect(offersKeyHeaderChoice({ baseURL: 'https://whatever/v1', presetId: 'azure' })).toBe(true);
    expect(offersKeyHeaderChoice({ baseURL: 'https://api.openai.com/v1' })).toBe(false);
  });
});

describe('presets', () => {
  it('every preset but the built-in one has a normalised https or local base URL', () => {
    for (const p of ENDPOINT_PRESETS) {
      if (p.id === 'reference') continue;
      expect(normalizeBaseURL(p.baseURL)).toBe(p.baseURL);
      expect(p.baseURL).toMatch(/^(https:\/\/|http:\/\/localhost:)/);
    }
    expect(new Set(ENDPOINT_PRESETS.map((p) => p.id)).size).toBe(ENDPOINT_PRESETS.length);
  });

  it('guesses the server kind for CORS advice, the matching fix first', () => {
    expect(serverKind('http://localhost:11434/v1')).toBe('ollama');
    expect(serverKind('http://192.168.1.5:1234/v1')).toBe('lmstudio');
    expect(serverKind('http://gpu:8000/v1')).toBe('vllm');
    expect(serverKind('http://localhost:8080/v1')).toBe('llamacpp');
    expect(serverKind('https://api.openai.com/v1')).toBe('hosted');
    expect(serverKind('http://whatever/v1', 'lmstudio')).toBe('lmstudio');
    expect(corsFixes('vllm')[0]).toContain('--allowed-origins');
    expect(corsFixes('ollama')[0]).toContain('OLLAMA_ORIGINS');
    expect(corsFixes('lmstudio')[0]).toContain('Enable CORS');
    expect(corsFixes('unknown').join('\n')).toContain('llama.cpp');
  });
});
