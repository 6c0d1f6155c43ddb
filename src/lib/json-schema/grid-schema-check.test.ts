import { describe, expect, it } from 'vitest';
import { emptyCell } from '../../domain/grid';
import { runCheck } from '../../domain/grid-checks';
import { checkValue } from './check-output';

// The grid's schema check with the validator structured outputs use (the one the grid loads).
describe('grid schema check with the structured-outputs validator', () => {
  const schema = JSON.stringify({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] });
  const cell = (text: string) => ({ ...emptyCell('c', 'r', 'k', 0), status: 'done' as const, text });
  const run = (text: string, value = schema) =>
    runCheck({ id: 'x', kind: 'json-schema', value }, cell(text), { id: 'r', values: {} }, checkValue);

  it('passes a matching reply and names the path of a violation', () => {
    expect(run('{"city":"Paris"}')).toEqual({ pass: true, reason: 'Matches the schema.' });
    expect(run('{"city":3}')).toEqual({ pass: false, reason: '$.city: Instance type "number" is invalid. Expected "string".' });
    expect(run('{}')?.reason).toMatch(/^\$: .*city/);
  });

  it('a schema the validator cannot use is the check’s own error', () => {
    expect(run('{}', JSON.stringify({ $ref: '#/$defs/missing' }))).toMatchObject({ pass: false, broken: true });
  });
});
