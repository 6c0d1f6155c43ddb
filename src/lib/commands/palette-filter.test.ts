import { describe, expect, it } from 'vitest';
import { paletteScore } from './palette-filter';

describe('paletteScore', () => {
  it('needs every typed word, in the title or the keywords', () => {
    expect(paletteScore('Code for the next request share.code', 'alpha', ['curl', 'python', 'javascript'])).toBe(0);
    expect(paletteScore('conversation Alpha question c1', 'alpha')).toBe(0.8);
    expect(paletteScore('Code for the next request share.code', 'python', ['curl', 'python'])).toBe(0.5);
    expect(paletteScore('Use endpoint: Ollama endpoint.use.x', 'use endpoint ollama')).toBe(0.8);
    expect(paletteScore('Theme: dark theme.dark', 'theme light')).toBe(0);
  });

  it('ranks a title that starts with the query first', () => {
    expect(paletteScore('New conversation conversation.new', 'new conv')).toBe(1);
    expect(paletteScore('Rename this conversation conversation.rename', 'conv')).toBe(0.8);
    expect(paletteScore('Anything', '  ')).toBe(1);
  });
});
