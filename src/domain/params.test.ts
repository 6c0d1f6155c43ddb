import { describe, expect, it } from 'vitest';
import { defaultRequestParams, numericProblem, resetAllParams, resetParam, switchParam, valueProblems } from './params';
import { modelRuleWarnings, strictSchemaProblems, toolsProblems } from './params-rules';
import type { RequestParams } from './types';

function withOn(patch: Partial<RequestParams['values']>, on: string[]): RequestParams {
  const p = defaultRequestParams('m');
  return { ...p, values: { ...p.values, ...patch }, enabled: { ...p.enabled, ...Object.fromEntries(on.map((k) => [k, true])) } };
}

describe('parameter ranges', () => {
  it('checks the documented limits', () => {
    expect(numericProblem('temperature', 2)).toBeNull();
    expect(numericProblem('temperature', 2.1)).toMatch(/between 0 and 2/);
    expect(numericProblem('top_p', -0.1)).toMatch(/between 0 and 1/);
    expect(numericProblem('presence_penalty', -2)).toBeNull();
    expect(numericProblem('frequency_penalty', 2.5)).not.toBeNull();
    expect(numericProblem('n', 1.5)).toMatch(/whole/);
    expect(numericProblem('top_logprobs', 21)).not.toBeNull();
    expect(numericProblem('max_completion_tokens', 0)).not.toBeNull();
    expect(numericProblem('seed', Number.NaN)).toMatch(/number/);
  });

  it('checks stop, logit_bias, metadata and user', () => {
    const v = defaultRequestParams('m').values;
    expect(valueProblems({ ...v, stop: ['a', 'b', 'c', 'd', 'e'] }, 'stop')).toHaveLength(1);
    expect(valueProblems({ ...v, logit_bias: { '123': 101, abc: 1 } }, 'logit_bias')).toHaveLength(2);
    expect(valueProblems({ ...v, metadata: { k: 'x'.repeat(513) } }, 'metadata')).toHaveLength(1);
    expect(valueProblems({ ...v, user: 'u'.repeat(65) }, 'user')).toHaveLength(1);
    expect(valueProblems(v, 'temperature')).toEqual([]);
  });

  it('resets one parameter or all, keeping the model', () => {
    const p = withOn({ temperature: 1.7, top_p: 0.3 }, ['temperature', 'top_p']);
    const r = resetParam(p, 'temperature');
    expect(r.values.temperature).toBe(1);
    expect(r.enabled.temperature).toBeUndefined();
    expect(r.values.top_p).toBe(0.3);
    expect(resetParam({ ...p, enabled: {} }, 'stream').enabled.stream).toBe(true);
    const all = resetAllParams({ ...p, model: 'gpt-x', extraBody: '{"a":1}' });
    expect(all).toEqual(defaultRequestParams('gpt-x'));
  });
});

describe('model rules', () => {
  it('warns about what reasoning models reject', () => {
    const w = modelRuleWarnings(withOn({}, ['temperature', 'max_tokens']), { reasoning: true });
    expect(w.join('\n')).toContain('max_completion_tokens instead');
    expect(w.join('\n')).toContain('temperature');
    expect(modelRuleWarnings(withOn({}, ['max_completion_tokens']), { reasoning: true })).toEqual([]);
    // An endpoint rule that sends the limit under its own name (max_completion_tokens, or DeepSeek's max_tokens) settles it.
    for (const rule of ['max_completion_tokens', 'max_tokens'] as const) {
      expect(modelRuleWarnings(withOn({}, ['max_tokens']), { reasoning: true }, '', rule)).toEqual([]);
    }
    expect(modelRuleWarnings(withOn({}, ['reasoning_effort']), { reasoning: false })).toEqual([
      'reasoning_effort is only accepted by reasoning models.',
    ]);
  });

  it('warns above the output limit, both token limits, JSON mode without "JSON", top_logprobs alone', () => {
    expect(modelRuleWarnings(withOn({ max_completion_tokens: 20000 }, ['max_completion_tokens']), { maxOutput: 16384 })[0]).toContain(
      'above',
    );
    expect(modelRuleWarnings(withOn({}, ['max_completion_tokens', 'max_tokens']), {})[0]).toContain('Both');
    const json = withOn({ response_format: { type: 'json_object' } }, ['response_format']);
    expect(modelRuleWarnings(json, {}, 'say hi')[0]).toContain('JSON');
    expect(modelRuleWarnings(json, {}, 'answer in json')).toEqual([]);
    expect(modelRuleWarnings(withOn({}, ['top_logprobs']), {})).toEqual(['top_logprobs needs logprobs switched on.']);
  });

  it('checks tool names and a named tool_choice', () => {
    const tools = [
      { type: 'function' as const, function: { name: 'get weather' } },
      { type: 'function' as const, function: { name: 'x' } },
      { type: 'function' as const, function: { name: 'x' } },
    ];
    expect(toolsProblems(tools)).toHaveLength(2);
    const p = withOn(
      { tools: [{ type: 'function', function: { name: 'a' } }], tool_choice: { type: 'function', function: { name: 'b' } } },
      ['tools', 'tool_choice'],
    );
    expect(modelRuleWarnings(p, {})).toEqual(['tool_choice names "b", which is not among the tools.']);
  });

  it('checks strict-mode schemas', () => {
    expect(
      strictSchemaProblems({ type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false }),
    ).toEqual([]);
    const problems = strictSchemaProblems({
      type: 'object',
      properties: { a: { type: 'object', properties: { b: { type: 'number' } } } },
      required: [],
    });
    expect(problems).toEqual([
      '/ needs "additionalProperties": false.',
      '/ must list a in "required".',
      '/a needs "additionalProperties": false.',
      '/a must list b in "required".',
    ]);
    expect(strictSchemaProblems({ type: 'array' })[0]).toContain('root');
  });
});

describe('switching a boolean parameter on', () => {
  it('sends its meaningful value: logprobs and store true even when their value was the no-op false', () => {
    const stale = defaultRequestParams('m');
    stale.values = { ...stale.values, logprobs: false, store: false, stream: false };
    stale.enabled = {};
    for (const key of ['logprobs', 'store', 'stream'] as const) {
      const on = switchParam(stale, key, true);
      expect(on.enabled[key]).toBe(true);
      expect(on.values[key]).toBe(true);
    }
  });

  it('a fresh conversation shows true beside the logprobs and store switches before they are on', () => {
    expect(defaultRequestParams('m').values).toMatchObject({ logprobs: true, store: true });
  });

  it('keeps a value set while on, and parallel_tool_calls goes out as set', () => {
    const params = switchParam(defaultRequestParams('m'), 'logprobs', true);
    const setFalse = { ...params, values: { ...params.values, logprobs: false } };
    expect(switchParam(setFalse, 'logprobs', true).values.logprobs).toBe(false);
    const off = switchParam(setFalse, 'logprobs', false);
    expect(off.enabled.logprobs).toBe(false);
    expect(off.values.logprobs).toBe(false);
    const parallelFalse = { ...params, values: { ...params.values, parallel_tool_calls: false } };
    expect(switchParam(parallelFalse, 'parallel_tool_calls', true).values.parallel_tool_calls).toBe(false);
  });
});
