// Generates a plausible JSON instance from a JSON schema: tool-call arguments
// and json_schema structured output. Deterministic: the same schema always
// gives the same value, and the value validates against the schema.
import { isObject } from './types';
import type { Json } from './types';

type Schema = Record<string, unknown>;

const STRING_BY_NAME: [RegExp, string][] = [
  [/location|city|place|address/, 'San Francisco'],
  [/country/, 'United States'],
  [/first_?name/, 'Ada'],
  [/last_?name|surname/, 'Lovelace'],
  [/user_?name|handle/, 'ada'],
  [/name|author/, 'Ada Lovelace'],
  [/e_?mail/, 'ada@example.com'],
  [/url|link|website|href/, 'https://example.com/'],
  [/phone/, '+1-555-0100'],
  [/unit/, 'celsius'],
  [/lang/, 'en'],
  [/currency/, 'USD'],
  [/zone|tz/, 'UTC'],
  [/ticker|symbol/, 'AAPL'],
  [/exchange/, 'NASDAQ'],
  [/date/, '2024-05-01'],
  [/time/, '12:00'],
  [/query|search|keyword|^q$/, 'reference endpoint'],
  [/title|heading|subject/, 'Reference reply'],
  [/desc|summary|reason|explanation|answer|text|content|message|comment/, 'A deterministic sample value from the reference endpoint.'],
  [/color|colour/, 'blue'],
  [/status|state/, 'active'],
  [/category|type|kind/, 'general'],
  [/id$/, 'id_001'],
];

const NUMBER_BY_NAME: [RegExp, number][] = [
  [/temp/, 21],
  [/age/, 36],
  [/year/, 2024],
  [/price|cost|amount/, 19.99],
  [/lat/, 37.7749],
  [/lon|lng/, -122.4194],
  [/rating|score/, 4.5],
  [/percent|ratio|confidence|probability/, 0.8],
  [/count|limit|quantity|num|size|max|top|days|page/, 3],
];

const FORMATS: Record<string, string> = {
  date: '2024-05-01',
  'date-time': '2024-05-01T12:00:00Z',
  time: '12:00:00Z',
  email: 'ada@example.com',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  'uri-reference': 'https://example.com/',
  uuid: '123e4567-e89b-12d3-a456-426614174000',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  duration: 'PT1H',
};

function resolveRef(ref: string, root: unknown): unknown {
  if (!ref.startsWith('#')) return {};
  let node: unknown = root;
  for (const raw of ref
    .slice(1)
    .split('/')
    .filter((s) => s.length > 0)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[key] : undefined;
  }
  return node ?? {};
}

function mergeAllOf(schema: Schema, root: unknown): Schema {
  const parts = Array.isArray(schema['allOf']) ? schema['allOf'] : [];
  const merged: Schema = { ...schema, allOf: undefined };
  for (const part of parts) {
    const resolved = isObject(part) && typeof part['$ref'] === 'string' ? resolveRef(part['$ref'], root) : part;
    if (!isObject(resolved)) continue;
    const props = {
      ...(isObject(merged['properties']) ? merged['properties'] : {}),
      ...(isObject(resolved['properties']) ? resolved['properties'] : {}),
    };
    Object.assign(merged, resolved, { properties: props });
  }
  return merged;
}

function schemaType(schema: Schema): string {
  const type = schema['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) {
    const first = type.find((t) => t !== 'null') ?? type[0];
    return typeof first === 'string' ? first : 'string';
  }
  if (isObject(schema['properties'])) return 'object';
  if (schema['items'] !== undefined || schema['prefixItems'] !== undefined) return 'array';
  return 'string';
}

const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

function sampleString(schema: Schema, name: string, index: number): string {
  const format = typeof schema['format'] === 'string' ? FORMATS[schema['format']] : undefined;
  const lower = name.toLowerCase();
  const base = format ?? STRING_BY_NAME.find(([re]) => re.test(lower))?.[1] ?? (name ? `example ${name}` : 'example');
  // Array items get a numeric suffix so uniqueItems holds even after truncation.
  const suffix = index > 0 && format === undefined ? ` ${index + 1}` : '';
  const max = num(schema['maxLength']);
  let value = (max !== undefined ? base.slice(0, Math.max(0, max - suffix.length)) : base) + suffix;
  const min = num(schema['minLength']) ?? 0;
  while (value.length < min) value += 'x';
  return max !== undefined ? value.slice(0, max) : value;
}

function sampleNumber(schema: Schema, name: string, integer: boolean, index: number): number {
  const lower = name.toLowerCase();
  let value = (NUMBER_BY_NAME.find(([re]) => re.test(lower))?.[1] ?? (integer ? 42 : 3.14)) + index;
  const step = integer ? 1 : 0.5;
  const exMin = num(schema['exclusiveMinimum']);
  const exMax = num(schema['exclusiveMaximum']);
  const min = num(schema['minimum']) ?? (exMin !== undefined ? exMin + step : undefined);
  const max = num(schema['maximum']) ?? (exMax !== undefined ? exMax - step : undefined);
  if (integer) value = Math.round(value);
  if (min !== undefined && value < min) value = integer ? Math.ceil(min) : min;
  if (max !== undefined && value > max) value = integer ? Math.floor(max) : max;
  return value;
}

/** One JSON instance for `schema`; `name` is the property name it will sit under. */
export function sampleFromSchema(input: unknown, root: unknown = input, name = '', depth = 0, index = 0): Json {
  if (!isObject(input)) return name ? sampleString({}, name, index) : {};
  let schema: Schema = input;
  if (typeof schema['$ref'] === 'string') {
    const target = resolveRef(schema['$ref'], root);
    schema = isObject(target) ? target : {};
  }
  if (Array.isArray(schema['allOf'])) schema = mergeAllOf(schema, root);
  if (schema['const'] !== undefined) return schema['const'] as Json;
  if (Array.isArray(schema['enum']) && schema['enum'].length > 0) {
    return schema['enum'][index % schema['enum'].length] as Json;
  }
  const options = schema['anyOf'] ?? schema['oneOf'];
  if (Array.isArray(options) && options.length > 0) return sampleFromSchema(options[0], root, name, depth + 1, index);

  switch (schemaType(schema)) {
    case 'null':
      return null;
    case 'boolean':
      return index % 2 === 0;
    case 'integer':
      return sampleNumber(schema, name, true, index);
    case 'number':
      return sampleNumber(schema, name, false, index);
    case 'array': {
      const minItems = num(schema['minItems']) ?? 0;
      const maxItems = num(schema['maxItems']) ?? Infinity;
      const count = Math.min(maxItems, Math.max(minItems, depth > 4 ? 0 : 2));
      const prefix = Array.isArray(schema['prefixItems']) ? schema['prefixItems'] : [];
      const items: Json[] = [];
      for (let i = 0; i < Math.max(count, prefix.length); i++) {
        const itemSchema = prefix[i] ?? schema['items'];
        items.push(sampleFromSchema(itemSchema ?? { type: 'string' }, root, singular(name), depth + 1, i));
      }
      return items;
    }
    case 'object': {
      const props = isObject(schema['properties']) ? schema['properties'] : {};
      const required = Array.isArray(schema['required']) ? schema['required'].filter((r): r is string => typeof r === 'string') : [];
      const out: { [key: string]: Json } = {};
      // Deep recursive schemas: past a depth only the required keys are filled.
      const keys = depth > 6 ? required : [...new Set([...Object.keys(props), ...required])];
      for (const key of keys) out[key] = sampleFromSchema(props[key] ?? { type: 'string' }, root, key, depth + 1);
      return out;
    }
    default:
      return sampleString(schema, name, index);
  }
}

function singular(name: string): string {
  return name.endsWith('ies') ? `${name.slice(0, -3)}y` : name.endsWith('s') ? name.slice(0, -1) : name;
}
