import { describe, expect, it } from 'vitest';
import { ENDPOINT_PRESETS } from './endpoints';
import { providerOf } from './providers';

describe('the provider of an endpoint profile', () => {
  it('comes from the preset, whatever the address (a proxy for OpenAI still bills as OpenAI)', () => {
    expect(providerOf({ presetId: 'openai', baseURL: 'http://127.0.0.1:4000/v1' })).toBe('openai');
    expect(providerOf({ presetId: 'ollama', baseURL: 'http://gpu-box:11434/v1' })).toBe('local');
    expect(providerOf({ presetId: 'reference', baseURL: '' })).toBe('local');
  });

  it('every preset has a provider: the hosted ones their own, the local ones none', () => {
    const got = Object.fromEntries(ENDPOINT_PRESETS.map((p) => [p.id, providerOf({ presetId: p.id, baseURL: p.baseURL })]));
    expect(got).toEqual({
      reference: 'local',
      openai: 'openai',
      azure: 'azure',
      openrouter: 'openrouter',
      groq: 'groq',
      together: 'together',
      mistral: 'mistral',
      deepseek: 'deepseek',
      fireworks: 'fireworks',
      xai: 'xai',
      ollama: 'local',
      lmstudio: 'local',
      vllm: 'local',
      llamacpp: 'local',
    });
  });

  it('comes from the host without a preset', () => {
    const of = (baseURL: string) => providerOf({ baseURL });
    expect(of('https://api.openai.com/v1')).toBe('openai');
    expect(of('https://my-res.openai.azure.com/openai/deployments/prod-4o?api-version=2024-10-21')).toBe('azure');
    expect(of('https://openrouter.ai/api/v1')).toBe('openrouter');
    expect(of('https://api.groq.com/openai/v1')).toBe('groq');
    expect(of('https://api.together.xyz/v1')).toBe('together');
    expect(of('https://api.mistral.ai/v1')).toBe('mistral');
    expect(of('https://api.deepseek.com/beta')).toBe('deepseek');
    expect(of('https://api.fireworks.ai/inference/v1')).toBe('fireworks');
    expect(of('https://api.x.ai/v1')).toBe('xai');
    expect(of('http://localhost:11434/v1')).toBe('local');
    expect(of('http://192.168.1.20:8000/v1')).toBe('local');
    expect(of('https://llm.example.com/v1')).toBe('unknown');
    expect(of('https://notopenai.com.evil.example/v1')).toBe('unknown');
  });
});
