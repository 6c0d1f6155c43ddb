import { describe, expect, it } from 'vitest';
import {
  outputLimitFields,
  outputLimitFor,
  providerRulesFor,
  reasoningCarriers,
  reasoningSendBackFor,
  widerReasoningRule,
} from './provider-rules';

const user = { role: 'user' };
const call = { role: 'assistant', toolCalls: [{ id: 'c1' }] };
const tool = { role: 'tool' };
const answer = { role: 'assistant' };

describe('reasoningCarriers', () => {
  // user → call → tool → answer → user → answer → user (a tool-call turn, then a plain one, then the new question)
  const conversation = [user, call, tool, answer, user, answer, user];

  it('never: no message carries its reasoning', () => {
    expect(reasoningCarriers(conversation, 'never')).toEqual([false, false, false, false, false, false, false]);
  });

  it('tool-turns: every assistant message between the two user messages around a tool call, and only those', () => {
    expect(reasoningCarriers(conversation, 'tool-turns')).toEqual([false, true, false, true, false, false, false]);
  });

  it('tool-turns: the turn still running (tool results last) counts too', () => {
    expect(reasoningCarriers([user, answer, user, call, tool], 'tool-turns')).toEqual([false, false, false, true, false]);
  });

  it('always: every assistant message', () => {
    expect(reasoningCarriers(conversation, 'always')).toEqual([false, true, false, true, false, true, false]);
  });
});

describe('widerReasoningRule', () => {
  it('is the narrowest rule that sends more', () => {
    expect(widerReasoningRule([user, call, tool, answer, user], 'never')).toBe('tool-turns');
    expect(widerReasoningRule([user, answer, user], 'never')).toBe('always');
    expect(widerReasoningRule([user, call, tool, answer, user], 'tool-turns')).toBeNull();
    expect(widerReasoningRule([user, call, tool, answer, user, answer, user], 'tool-turns')).toBe('always');
    expect(widerReasoningRule([user], 'never')).toBeNull();
  });
});

describe('who decides', () => {
  it('reasoning sent back: the profile, else the preset (DeepSeek: tool-call turns), else never', () => {
    expect(reasoningSendBackFor({ presetId: 'deepseek' })).toEqual({ rule: 'tool-turns', source: 'preset' });
    expect(reasoningSendBackFor({ presetId: 'openai' })).toEqual({ rule: 'never', source: 'default' });
    expect(reasoningSendBackFor({})).toEqual({ rule: 'never', source: 'default' });
    expect(reasoningSendBackFor({ presetId: 'deepseek', reasoningSendBack: 'never' })).toEqual({ rule: 'never', source: 'profile' });
    expect(reasoningSendBackFor({ reasoningSendBack: 'always', learned: ['reasoningSendBack'] })).toEqual({
      rule: 'always',
      source: 'learned',
    });
  });

  it('output limit: the profile, else the preset, else the model facts, else as switched on', () => {
    expect(outputLimitFor({ presetId: 'openai' }, {})).toEqual({ rule: 'max_completion_tokens', source: 'preset' });
    expect(outputLimitFor({ presetId: 'azure' }, {})).toEqual({ rule: 'max_completion_tokens', source: 'preset' });
    // DeepSeek's reasoner is a reasoning model, but DeepSeek takes max_tokens: the provider wins.
    expect(outputLimitFor({ presetId: 'deepseek' }, { reasoning: true })).toEqual({ rule: 'max_tokens', source: 'preset' });
    expect(outputLimitFor({ presetId: 'ollama' }, {})).toEqual({ rule: 'max_tokens', source: 'preset' });
    expect(outputLimitFor({}, { reasoning: true })).toEqual({ rule: 'max_completion_tokens', source: 'model' });
    expect(outputLimitFor({ presetId: 'groq' }, { reasoning: false })).toEqual({ rule: 'as-set', source: 'default' });
    expect(outputLimitFor({ presetId: 'openai', outputLimit: 'as-set' }, {})).toEqual({ rule: 'as-set', source: 'profile' });
    expect(outputLimitFor({ outputLimit: 'max_completion_tokens', learned: ['outputLimit'] }, {}).source).toBe('learned');
  });

  it('an unknown or prototype preset id has no rules', () => {
    expect(providerRulesFor({ presetId: 'constructor' }, {})).toEqual({
      unsupported: [],
      reasoningSendBack: 'never',
      outputLimit: 'as-set',
    });
  });
});

describe('outputLimitFields', () => {
  const values = { max_completion_tokens: 300, max_tokens: 50 };

  it('sends the one limit switched on under the rule\u2019s name, with its value', () => {
    expect(outputLimitFields({ max_tokens: true }, values, 'max_completion_tokens')).toEqual({ max_completion_tokens: 50 });
    expect(outputLimitFields({ max_completion_tokens: true }, values, 'max_tokens')).toEqual({ max_tokens: 300 });
    expect(outputLimitFields({ max_tokens: true }, values, 'max_tokens')).toEqual({ max_tokens: 50 });
  });

  it('as-set, both switched on, or none: exactly what is switched on', () => {
    expect(outputLimitFields({ max_tokens: true }, values, 'as-set')).toEqual({ max_tokens: 50 });
    expect(outputLimitFields({ max_tokens: true, max_completion_tokens: true }, values, 'max_tokens')).toEqual(values);
    expect(outputLimitFields({}, values, 'max_tokens')).toEqual({});
  });
});
