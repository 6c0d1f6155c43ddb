import { describe, expect, it } from 'vitest';
import { checkReply, checkToolArguments, checkValue } from './check-output';

// The shape of OpenAI's own Structured Outputs example (a strict schema: every key required, no extras).
const person = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    age: { type: 'integer', minimum: 0 },
    tags: { type: 'array', items: { $ref: '#/$defs/tag' } },
    address: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
  },
  required: ['name', 'age', 'tags', 'address'],
  additionalProperties: false,
  $defs: { tag: { type: 'string', enum: ['a', 'b'] } },
};
const format = { type: 'json_schema' as const, name: 'person', schema: person, strict: true };

describe('checkReply', () => {
  it('passes a reply that matches the schema', () => {
    expect(checkReply('{"name":"Ada","age":36,"tags":["a"],"address":{"city":"London"}}', format)).toEqual({ kind: 'valid' });
  });

  it('lists each violation once, innermost, with its JSON path', () => {
    const text = '{"age":"x","tags":["a","c"],"address":{"town":"Bath"},"extra":1}';
    expect(checkReply(text, format)).toEqual({
      kind: 'invalid',
      violations: [
        { path: '$', message: 'Instance does not have required property "name".' },
        { path: '$.age', message: 'Instance type "string" is invalid. Expected "integer".' },
        { path: '$.tags[1]', message: 'Instance does not match any of ["a","b"].' },
        { path: '$.address', message: 'Instance does not have required property "city".' },
        { path: '$.address.town', message: 'Not allowed by the schema (additionalProperties is false).' },
        { path: '$.extra', message: 'Not allowed by the schema (additionalProperties is false).' },
      ],
    });
  });

  it('says when the reply is not JSON at all (a cut reply, prose around it)', () => {
    const cut = checkReply('{"name":"Ada","ag', format);
    expect(cut.kind).toBe('not-json');
    expect(checkReply('', format)).toEqual({ kind: 'not-json', message: 'The reply is empty, not JSON.' });
  });

  it('JSON mode asks only for a JSON object', () => {
    expect(checkReply('{"anything":[1,2]}', { type: 'json_object' })).toEqual({ kind: 'valid' });
    expect(checkReply('[1,2]', { type: 'json_object' })).toMatchObject({ kind: 'not-json' });
    expect(checkReply('Sure! {"a":1}', { type: 'json_object' })).toMatchObject({ kind: 'not-json' });
  });

  it('reports one failure for anyOf, not each branch', () => {
    const schema = { type: 'object', properties: { v: { anyOf: [{ type: 'string' }, { type: 'null' }] } } };
    expect(checkValue({ v: 3 }, schema)).toEqual({
      kind: 'invalid',
      violations: [{ path: '$.v', message: expect.stringContaining('any') as string }],
    });
  });

  it('names keys that are not identifiers in bracket form', () => {
    const schema = { type: 'object', properties: { 'a b': { type: 'number' } } };
    expect(checkValue({ 'a b': 'x' }, schema)).toMatchObject({ violations: [{ path: '$["a b"]' }] });
  });

  it('says when the schema itself cannot be used, instead of passing the reply', () => {
    const result = checkValue({ a: 1 }, { type: 'object', properties: { a: { $ref: '#/$defs/missing' } } });
    expect(result.kind).toBe('unusable-schema');
  });
});

describe('checkToolArguments', () => {
  const tools = [
    {
      name: 'get_capital',
      parameters: { type: 'object', properties: { country: { type: 'string', minLength: 3 } }, required: ['country', 'city'] },
    },
  ];

  it('checks arguments against the tool of that name', () => {
    expect(checkToolArguments('get_capital', '{"country":"UK"}', tools)).toEqual({
      kind: 'invalid',
      violations: [
        { path: '$', message: 'Instance does not have required property "city".' },
        { path: '$.country', message: 'String is too short (2 < 3).' },
      ],
    });
    expect(checkToolArguments('get_capital', '{"country":"France","city":"Paris"}', tools)).toEqual({ kind: 'valid' });
  });

  it('refuses arguments that are not a JSON object, and tools the request never offered', () => {
    expect(checkToolArguments('get_capital', '{"country":', tools)).toMatchObject({ kind: 'not-json' });
    expect(checkToolArguments('get_capital', '"UK"', tools)).toEqual({ kind: 'not-json', message: 'Arguments must be a JSON object.' });
    expect(checkToolArguments('delete_all', '{}', tools)).toEqual({
      kind: 'invalid',
      violations: [{ path: '$', message: 'The request offered no tool named "delete_all".' }],
    });
  });

  it('a tool without parameters takes any JSON object', () => {
    expect(checkToolArguments('ping', '{"x":1}', [{ name: 'ping' }])).toEqual({ kind: 'valid' });
  });
});
