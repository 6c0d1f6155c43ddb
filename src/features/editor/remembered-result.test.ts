import { describe, expect, it } from 'vitest';
import { rememberedResult } from './editor-store';

describe('rememberedResult', () => {
  it('finds only results remembered under that exact name, never inherited members', () => {
    const results: Record<string, string> = JSON.parse('{"get_weather":"sunny","__proto__":"own proto"}') as Record<string, string>;
    expect(rememberedResult(results, 'get_weather')).toBe('sunny');
    expect(rememberedResult(results, 'constructor')).toBeUndefined();
    expect(rememberedResult(results, 'toString')).toBeUndefined();
    expect(rememberedResult(results, 'hasOwnProperty')).toBeUndefined();
    expect(rememberedResult(results, '__proto__')).toBe('own proto');
    expect(rememberedResult({}, '__proto__')).toBeUndefined();
  });
});
