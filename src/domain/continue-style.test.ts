import { describe, expect, it } from 'vitest';
import { CONTINUE_STYLES, effectiveContinue, isBetaBaseURL } from './continue-style';
import { continueStyleOf, ENDPOINT_PRESETS } from './endpoints';

describe('continue style of a profile', () => {
  it("presets name their server's mechanism; hosted APIs without one have none", () => {
    const byPreset = Object.fromEntries(ENDPOINT_PRESETS.map((p) => [p.id, continueStyleOf({ presetId: p.id })]));
    expect(byPreset).toEqual({
      reference: 'trailing-assistant',
      openai: 'none',
      azure: 'none',
      openrouter: 'none',
      groq: 'none',
      together: 'none',
      mistral: 'mistral-prefix',
      deepseek: 'deepseek-prefix',
      fireworks: 'none',
      xai: 'none',
      ollama: 'trailing-assistant',
      lmstudio: 'trailing-assistant',
      vllm: 'vllm',
      llamacpp: 'trailing-assistant',
    });
  });

  it("an unknown server asks in a new message; the profile's own choice wins over its preset", () => {
    expect(continueStyleOf({})).toBe('none');
    expect(continueStyleOf({ presetId: 'openai', continueStyle: 'vllm' })).toBe('vllm');
  });

  it('every style has a label and a one-line explanation', () => {
    for (const s of CONTINUE_STYLES) expect(s.label.length * s.explanation.length * s.sends.length).toBeGreaterThan(0);
  });
});

describe('DeepSeek prefix needs the beta base URL', () => {
  it.each([
    ['https://api.deepseek.com/beta', true],
    ['https://api.deepseek.com/beta/', true],
    ['http://127.0.0.1:4482/beta', true],
    ['https://api.deepseek.com/v1', false],
    ['https://api.deepseek.com', false],
    ['https://api.deepseek.com/beta/v1', false],
  ])('%s → %s', (url, beta) => expect(isBetaBaseURL(url)).toBe(beta));

  it('off /beta a DeepSeek profile asks in a new message and says why', () => {
    expect(effectiveContinue('deepseek-prefix', 'https://api.deepseek.com/beta')).toEqual({ style: 'deepseek-prefix' });
    const off = effectiveContinue('deepseek-prefix', 'https://api.deepseek.com/v1');
    expect(off.style).toBe('none');
    expect(off.blocked).toBe(
      'DeepSeek continues a reply only at its beta base URL (https://api.deepseek.com/beta); this profile uses https://api.deepseek.com/v1.',
    );
    expect(effectiveContinue('mistral-prefix', 'https://api.mistral.ai/v1')).toEqual({ style: 'mistral-prefix' });
  });
});
