import { describe, expect, it } from 'vitest';
import { emptyCell, type GridCell, type GridRow } from './grid';
import type { OutputCheck } from './structured-output';
import { checkLabel, compileCheckRegex, hasNestedRepetition, REGEX_TEXT_CAP, runCheck, storedChecks, type GridCheck } from './grid-checks';

// A stand-in for the structured-outputs validator (the real one is tested with these checks in lib/json-schema).
const checkValue = (value: unknown, schema: Record<string, unknown>): OutputCheck =>
  JSON.stringify(value) === JSON.stringify(schema['const'] ?? value)
    ? { kind: 'valid' }
    : {
        kind: 'invalid',
        violations: [
          { path: '$.city', message: 'Wrong.' },
          { path: '$', message: 'Also wrong.' },
        ],
      };

const row: GridRow = { id: 'r', values: {}, expected: '  Paris \n' };
const done = (fields: Partial<GridCell>): GridCell => ({
  ...emptyCell('c', 'r', 'k', 0),
  status: 'done',
  text: 'The capital of France is Paris.',
  finishReason: 'stop',
  promptTokens: 10,
  completionTokens: 7,
  ttftMs: 120,
  totalMs: 900,
  cost: 0.0004,
  ...fields,
});
const check = (kind: GridCheck['kind'], value = '', more: Partial<GridCheck> = {}): GridCheck => ({ id: 'x', kind, value, ...more });
const run = (c: GridCheck, cell: Partial<GridCell> = {}, r: GridRow = row) => runCheck(c, done(cell), r, checkValue);

describe('grid checks', () => {
  it('give no result for a cell that has not finished, or that ended in an error', () => {
    for (const status of ['idle', 'queued', 'streaming', 'interrupted', 'error'] as const)
      expect(runCheck(check('contains', 'Paris'), done({ status }), row, checkValue)).toBeNull();
    expect(runCheck(check('contains', 'Paris'), undefined, row, checkValue)).toBeNull();
  });

  it('contains / does not contain, with and without case', () => {
    expect(run(check('contains', 'Paris'))).toEqual({ pass: true, reason: 'Contains “Paris”.' });
    expect(run(check('contains', 'paris'))).toEqual({ pass: false, reason: 'Does not contain “paris”.' });
    expect(run(check('contains', 'paris', { ignoreCase: true }))?.pass).toBe(true);
    expect(run(check('not-contains', 'London'))).toEqual({ pass: true, reason: 'Does not contain “London”.' });
    expect(run(check('not-contains', 'France'))).toEqual({ pass: false, reason: 'Contains “France” at character 16.' });
    expect(run(check('contains', ''))).toMatchObject({ pass: false, broken: true, reason: 'Write the text to look for.' });
  });

  it('regex: a match quotes what matched; an invalid pattern is the check’s own error and never throws', () => {
    expect(run(check('regex', '\\bP\\w+'))).toEqual({ pass: true, reason: 'Matches /\\bP\\w+/: “Paris”.' });
    expect(run(check('regex', '/^the/i'))?.pass).toBe(true);
    expect(run(check('regex', '^the', { ignoreCase: true }))?.pass).toBe(true);
    expect(run(check('regex', '^\\d+$'))).toEqual({ pass: false, reason: 'No match for /^\\d+$/.' });
    const bad = run(check('regex', '(unclosed'));
    expect(bad).toMatchObject({ pass: false, broken: true });
    expect(bad?.reason).toMatch(/^Not a valid regular expression: .*(unterminated|Unterminated)/);
    expect(run(check('regex', '/a/g'))).toMatchObject({ broken: true, reason: 'Flag g is not allowed here (use i, m, s or u).' });
    expect(run(check('regex', ''))).toMatchObject({ broken: true });
  });

  it('regex: nested repetition is refused before it runs, and long replies are tried on their first characters only', () => {
    for (const p of ['(a+)+$', '(\\w*)*x', '((ab)+)+', '(x{2,})*', '(?:a|b+)+c']) expect(hasNestedRepetition(p)).toBe(true);
    for (const p of ['(a+)b', 'a+b*', '(abc)+', '[(a+)]+', '\\(a+\\)+', '(a|b){3}']) expect(hasNestedRepetition(p)).toBe(false);
    const refused = run(check('regex', '(a+)+$'), { text: `${'a'.repeat(40)}!` });
    expect(refused).toMatchObject({ pass: false, broken: true });
    expect(refused?.reason).toMatch(/exponential time/);
    const long = `${'x'.repeat(REGEX_TEXT_CAP)}needle`;
    expect(run(check('regex', 'needle'), { text: long })).toEqual({
      pass: false,
      reason: 'No match for /needle/ in the first 20,000 characters.',
    });
    expect(compileCheckRegex('a'.repeat(501), false)).toEqual({ ok: false, message: 'The pattern is longer than 500 characters.' });
  });

  it('equals the row’s expected output, trimmed by default', () => {
    expect(run(check('equals-expected'), { text: 'Paris' })).toEqual({ pass: true, reason: 'Equals the expected output.' });
    expect(run(check('equals-expected', '', { trim: false }), { text: 'Paris' })?.pass).toBe(false);
    expect(run(check('equals-expected'), { text: 'Parish' })).toEqual({
      pass: false,
      reason: 'Differs from the expected output at character 6 (ends trimmed).',
    });
    expect(run(check('equals-expected'), {}, { id: 'r', values: {} })).toMatchObject({
      broken: true,
      reason: 'This row has no expected output.',
    });
  });

  it('valid JSON', () => {
    expect(run(check('valid-json'), { text: '{"a":1}' })).toEqual({ pass: true, reason: 'Valid JSON.' });
    expect(run(check('valid-json'), { text: '```json\n{}\n```' })?.reason).toMatch(/^Not valid JSON: /);
    expect(run(check('valid-json'), { text: '' })).toEqual({ pass: false, reason: 'The reply is empty, not JSON.' });
  });

  it('JSON schema: the written schema, else the one the request sent; the first violation and how many more', () => {
    const schema = JSON.stringify({ const: { city: 'Paris' } });
    expect(run(check('json-schema', schema), { text: '{"city":"Paris"}' })).toEqual({ pass: true, reason: 'Matches the schema.' });
    expect(run(check('json-schema', schema), { text: '{"city":3}' })).toEqual({ pass: false, reason: '$.city: Wrong. (and 1 more)' });
    expect(run(check('json-schema', schema), { text: 'Paris' })?.reason).toMatch(/^Not valid JSON/);
    expect(run(check('json-schema', '{nope'))).toMatchObject({ broken: true, reason: 'The schema is not a JSON object.' });
    const request = { response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { const: 1 } } } };
    expect(run(check('json-schema'), { text: '1', request })?.pass).toBe(true);
    expect(run(check('json-schema'), { text: '2', request })?.pass).toBe(false);
    expect(run(check('json-schema'), { text: '{}' })).toMatchObject({ broken: true });
    // Without the validator loaded there is no result yet.
    expect(runCheck(check('json-schema', schema), done({}), row, null)).toBeNull();
  });

  it('finish reason is (one of)', () => {
    expect(run(check('finish-reason', 'stop'))).toEqual({ pass: true, reason: 'Finish reason is stop.' });
    expect(run(check('finish-reason', 'stop, tool_calls'), { finishReason: 'length' })).toEqual({
      pass: false,
      reason: 'Finish reason is length, not stop or tool_calls.',
    });
    expect(run(check('finish-reason', 'stop'), { finishReason: null })?.pass).toBe(false);
  });

  it('at most N tokens, T seconds, $C', () => {
    expect(run(check('max-tokens', '7'))).toEqual({ pass: true, reason: '7 tokens (at most 7).' });
    expect(run(check('max-tokens', '5'))).toEqual({ pass: false, reason: '7 tokens, more than 5.' });
    expect(run(check('max-tokens', '5'), { completionTokens: null })).toEqual({
      pass: false,
      reason: 'The server reported no token count.',
    });
    expect(run(check('max-tokens', 'lots'))).toMatchObject({ broken: true, reason: '“lots” is not a limit: write a number of tokens.' });
    expect(run(check('max-seconds', '1'))).toEqual({ pass: true, reason: '0.90 s (at most 1 s).' });
    expect(run(check('max-seconds', '0.5'))).toEqual({ pass: false, reason: '0.90 s, more than 0.5 s.' });
    expect(run(check('max-cost', '$0.001'))).toEqual({ pass: true, reason: '$0.00040 (at most $0.001).' });
    expect(run(check('max-cost', '0.0001'))).toEqual({ pass: false, reason: '$0.00040, more than $0.0001.' });
    expect(run(check('max-cost', '1'), { cost: null })?.reason).toBe('No price is known for this model: the cost is unknown.');
  });

  it('labels', () => {
    expect(checkLabel(check('contains', 'Alpha'))).toBe('Contains “Alpha”');
    expect(checkLabel(check('max-tokens', '50'))).toBe('≤ 50 tokens');
    expect(checkLabel(check('regex', '^A'))).toBe('Matches /^A/');
  });

  it('stored checks: an older grid has none, and malformed entries are left out', () => {
    expect(storedChecks(undefined)).toEqual([]);
    expect(storedChecks('x')).toEqual([]);
    expect(
      storedChecks([
        { id: 'a', kind: 'contains', value: 'x', ignoreCase: true },
        { id: 'b', kind: 'sorcery', value: 'x' },
        { id: 'c', kind: 'regex' },
        null,
        { id: 'd', kind: 'equals-expected', value: '', trim: 'yes' },
      ]),
    ).toEqual([
      { id: 'a', kind: 'contains', value: 'x', ignoreCase: true },
      { id: 'd', kind: 'equals-expected', value: '' },
    ]);
  });
});
