import { describe, expect, it } from 'vitest';
import { analyzeBaseURL, corsFixes, ENDPOINT_PRESETS, normalizeBaseURL, serverKind } from './endpoints';

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
    ['https://api.perplexity.ai', 'https://api.perplexity.ai'],
    // Relative addresses (a same-origin proxy) stay relative.
    ['/v1/', '/v1'],
    ['/v1/chat/completions', '/v1'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(normalizeBaseURL(input)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const input of ['https://api.openai.com/v1/chat/completions', 'localhost:11434', 'https://x.openai.azure.com', '/v1/v1/']) {
      const once = normalizeBaseURL(input);
      expect(normalizeBaseURL(once)).toBe(once);
    }
  });

  it('says what it changed', () => {
    expect(analyzeBaseURL('https://api.openai.com/v1/chat/completions').changes).toEqual(['removed the pasted /chat/completions']);
    expect(analyzeBaseURL('localhost:11434').changes).toEqual(['added http://', 'added /v1']);
    expect(analyzeBaseURL('https://api.openai.com/v1').changes).toEqual([]);
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
