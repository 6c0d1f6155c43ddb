import { describe, expect, it } from 'vitest';
import { createMessage } from './factories';
import { asConversationId } from './ids';
import type { ContentPart, Message, Role } from './types';
import {
  hasVariables,
  missingVariablesMessage,
  substituteMessages,
  substituteText,
  variableNames,
  variableSpans,
  variablesOf,
} from './variables';

const msg = (role: Role, ...content: ContentPart[]): Message => createMessage(asConversationId('c'), null, { role, content }, 1);
const text = (t: string): ContentPart => ({ type: 'text', text: t });

describe('variableNames', () => {
  it('finds each name once, in order, with or without inner spaces', () => {
    expect(variableNames('Hi {{name}}, {{ city }} and {{name}} again; {{snake_case-1}}')).toEqual(['name', 'city', 'snake_case-1']);
  });
  it('ignores template syntax that is not a plain name', () => {
    expect(variableNames('{{#each items}} {{/each}} {{a.b}} {{}} {{1x}} {name} {{ two words }}')).toEqual([]);
  });
});

describe('variablesOf', () => {
  it('reads the text parts of every role, not image parts', () => {
    const messages = [
      msg('system', text('You answer in {{language}}.')),
      msg('user', text('Translate {{input}}'), { type: 'image', source: { kind: 'url', url: 'https://x/{{img}}.png' }, detail: 'auto' }),
      msg('assistant', text('Sure, {{input}}')),
      msg('developer', text('{{tone}}')),
    ];
    expect(variablesOf(messages)).toEqual(['language', 'input', 'tone']);
  });
});

describe('substituteText', () => {
  it('replaces known names in one pass and leaves unknown ones as written', () => {
    expect(substituteText('{{a}} {{ b }} {{c}}', { a: '1', b: '{{a}}' })).toBe('1 {{a}} {{c}}');
  });
  it('takes values literally ($& and $1 are not replacement patterns)', () => {
    expect(substituteText('x={{a}}', { a: '$& $1 $$' })).toBe('x=$& $1 $$');
  });
  it('does not take inherited properties as values', () => {
    expect(substituteText('{{constructor}} {{toString}}', {})).toBe('{{constructor}} {{toString}}');
  });
});

describe('substituteMessages', () => {
  it('substitutes every role and keeps messages without variables as the same object', () => {
    const plain = msg('user', text('no variables'));
    const templated = msg('system', text('Be {{tone}}.'), text('{{tone}}!'));
    const result = substituteMessages([templated, plain], { tone: 'brief' });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.messages[0]!.content).toEqual([text('Be brief.'), text('brief!')]);
    expect(result.messages[1]).toBe(plain);
    // The input (the stored conversation) is left as written.
    expect(templated.content).toEqual([text('Be {{tone}}.'), text('{{tone}}!')]);
  });
  it('refuses with every missing name; an empty string is a value', () => {
    const messages = [msg('user', text('{{a}} {{b}} {{c}}'))];
    expect(substituteMessages(messages, { b: '' })).toEqual({ ok: false, missing: ['a', 'c'] });
    expect(substituteMessages(messages, { a: '', b: '', c: '' })).toMatchObject({ ok: true });
  });
});

describe('missingVariablesMessage', () => {
  it('names the variables as written', () => {
    expect(missingVariablesMessage(['city'])).toContain('{{city}} has no value');
    expect(missingVariablesMessage(['a', 'b'])).toContain('{{a}}, {{b}} have no value');
  });
});

describe('hasVariables and variableSpans', () => {
  it('give the same answer however often they are called (no shared lastIndex)', () => {
    const text = 'a {{x}} b {{ y }}';
    for (let i = 0; i < 3; i++) {
      expect(hasVariables(text)).toBe(true);
      expect(variableSpans(text)).toEqual([
        { start: 2, written: '{{x}}', name: 'x' },
        { start: 10, written: '{{ y }}', name: 'y' },
      ]);
    }
    expect(hasVariables('{{#if}}')).toBe(false);
  });
});
