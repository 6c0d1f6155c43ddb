import { describe, expect, it } from 'vitest';
import { jsonPathOf, requestedOutputOf, storedRequestedOutput } from './structured-output';

describe('requestedOutputOf', () => {
  it('keeps the response_format schema and each tool parameters schema of the body as sent', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    const body = {
      model: 'm',
      response_format: { type: 'json_schema', json_schema: { name: 'thing', schema, strict: true } },
      tools: [
        { type: 'function', function: { name: 'f', parameters: { type: 'object' } } },
        { type: 'function', function: { name: 'g' } },
      ],
    };
    expect(requestedOutputOf(body)).toEqual({
      format: { type: 'json_schema', name: 'thing', schema, strict: true },
      tools: [{ name: 'f', parameters: { type: 'object' } }, { name: 'g' }],
    });
  });

  it('is absent when nothing checkable was asked (text, no tools)', () => {
    expect(requestedOutputOf({ model: 'm', response_format: { type: 'text' } })).toBeUndefined();
    expect(requestedOutputOf({ model: 'm' })).toBeUndefined();
  });

  it('reads damaged stored values without throwing', () => {
    expect(requestedOutputOf('x')).toBeUndefined();
    expect(requestedOutputOf({ response_format: { type: 'json_schema' }, tools: [null, { function: {} }] })).toBeUndefined();
    expect(requestedOutputOf({ format: { type: 'json_object' } })).toBeUndefined();
    expect(requestedOutputOf({ response_format: { type: 'json_object' } })).toEqual({ format: { type: 'json_object' } });
  });
});

describe('jsonPathOf', () => {
  it('turns a JSON Pointer fragment into a JSON path', () => {
    expect(jsonPathOf('#')).toBe('$');
    expect(jsonPathOf('#/items/2/name')).toBe('$.items[2].name');
    expect(jsonPathOf('#/a~1b/c~0d')).toBe('$["a/b"]["c~d"]');
    expect(jsonPathOf('#/na%20me')).toBe('$["na me"]');
  });
});

describe('storedRequestedOutput', () => {
  it('reads back what requestedOutputOf stored, and drops damaged parts', () => {
    const stored = requestedOutputOf({
      response_format: { type: 'json_schema', json_schema: { name: 'n', schema: { type: 'object' }, strict: false } },
      tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }],
    });
    expect(storedRequestedOutput(stored)).toEqual(stored);
    expect(storedRequestedOutput({ format: { type: 'nope' }, tools: [{ name: 3 }, { name: 'g', parameters: 'x' }] })).toEqual({
      tools: [{ name: 'g' }],
    });
    expect(storedRequestedOutput(null)).toBeUndefined();
  });
});
