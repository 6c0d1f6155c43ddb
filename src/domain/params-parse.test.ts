import { describe, expect, it } from 'vitest';
import { escapeStop, parseLogitBias, parseMetadata, parseTools, TOOL_TEMPLATES, unescapeStop } from './params-parse';
import { toolsProblems } from './params-rules';

describe('parsing parameter JSON', () => {
  it('logit_bias needs token ids and biases in range', () => {
    expect(parseLogitBias({ '1734': -100, '9': 5 })).toEqual({ ok: true, value: { '1734': -100, '9': 5 } });
    expect(parseLogitBias({ hello: 1 }).ok).toBe(false);
    expect(parseLogitBias({ '1': 101 }).ok).toBe(false);
    expect(parseLogitBias([1]).ok).toBe(false);
  });

  it('metadata needs string values', () => {
    expect(parseMetadata({ a: 'b' })).toEqual({ ok: true, value: { a: 'b' } });
    expect(parseMetadata({ a: 1 }).ok).toBe(false);
  });

  it('tools accept the wire shape, bare functions, one or a list, and {tools:[…]}', () => {
    const wire = { type: 'function', function: { name: 'f', parameters: { type: 'object' } } };
    expect(parseTools([wire])).toEqual({ ok: true, value: [wire] });
    expect(parseTools({ name: 'g', description: 'd' })).toEqual({
      ok: true,
      value: [{ type: 'function', function: { name: 'g', description: 'd' } }],
    });
    expect(parseTools({ tools: [wire] })).toEqual({ ok: true, value: [wire] });
    expect(parseTools([{ type: 'web_search' }])).toMatchObject({ ok: false });
    expect(parseTools([{ function: { name: 'f', parameters: 'x' } }])).toMatchObject({ ok: false });
    expect(parseTools([{}])).toMatchObject({ ok: false, error: 'Tool 1 needs a "name".' });
  });

  it('templates are valid tools', () => {
    expect(toolsProblems(TOOL_TEMPLATES.map((t) => t.tool))).toEqual([]);
  });

  it('stop sequences round-trip escapes', () => {
    expect(unescapeStop('a\\nb\\t\\\\')).toBe('a\nb\t\\');
    for (const s of ['\n\n', 'END', 'a\\b', '\t']) expect(unescapeStop(escapeStop(s))).toBe(s);
  });
});
