/**
 * Checks a reply (or a tool call's arguments) against the schema its request gave. Uses
 * @cfworker/json-schema, which interprets schemas instead of compiling them to code: the page's
 * CSP forbids `eval`, and a person's schema is only known at run time. Loaded on demand (import()
 * this module), so the first screen never pays for it.
 */
import { Validator } from '@cfworker/json-schema';
import type { OutputUnit } from '@cfworker/json-schema';
import { isJsonObject, jsonPathOf, parseJson } from '../../domain/structured-output';
import type { OutputCheck, RequestedFormat, RequestedTool, SchemaViolation } from '../../domain/structured-output';

// Keywords whose own error only says "a subschema failed": the subschema's error says what failed.
const WRAPPERS = new Set([
  'properties',
  'patternProperties',
  'items',
  'prefixItems',
  'additionalItems',
  '$ref',
  '$dynamicRef',
  'allOf',
  'dependentSchemas',
  'contains',
  'if',
  'then',
  'else',
  'not',
]);
// Keywords whose branches' errors would be noise: "matched none of the alternatives" is the finding.
const ALTERNATIVES = new Set(['anyOf', 'oneOf']);

const under = (location: string, parent: string) => location.startsWith(`${parent}/`);

/** The errors a person needs: the innermost failure of each branch, with its JSON path. */
export function violationsOf(errors: readonly OutputUnit[]): SchemaViolation[] {
  const alternatives = errors.filter((e) => ALTERNATIVES.has(e.keyword));
  const kept = errors.filter((e) => {
    if (alternatives.some((a) => under(e.keywordLocation, a.keywordLocation))) return false;
    if (WRAPPERS.has(e.keyword)) return !errors.some((other) => other !== e && under(other.keywordLocation, e.keywordLocation));
    return true;
  });
  const seen = new Set<string>();
  const out: SchemaViolation[] = [];
  for (const e of kept) {
    const violation = describe(e, kept);
    if (!violation) continue;
    const key = `${violation.path}\n${violation.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(violation);
  }
  return out;
}

function describe(error: OutputUnit, all: readonly OutputUnit[]): SchemaViolation | null {
  const path = jsonPathOf(error.instanceLocation);
  if (error.keyword === 'false') {
    // `additionalProperties: false` (or a `false` subschema): the property itself is the problem.
    return { path, message: 'Not allowed by the schema (additionalProperties is false).' };
  }
  if (error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties') {
    // Said once, on the property, by its `false` child when there is one.
    const hasChild = all.some((o) => o.keyword === 'false' && under(o.instanceLocation, error.instanceLocation));
    return hasChild ? null : { path, message: error.error };
  }
  return { path, message: error.error };
}

/** `value` against `schema` (JSON Schema 2020-12, the draft OpenAI's Structured Outputs follow). */
export function checkValue(value: unknown, schema: Record<string, unknown>): OutputCheck {
  try {
    const result = new Validator(schema as never, '2020-12', false).validate(value);
    if (result.valid) return { kind: 'valid' };
    const violations = violationsOf(result.errors);
    return violations.length > 0
      ? { kind: 'invalid', violations }
      : { kind: 'invalid', violations: [{ path: '$', message: 'Does not match the schema.' }] };
  } catch (err) {
    return { kind: 'unusable-schema', message: `The schema could not be used: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** A reply's text against the `response_format` of its request. */
export function checkReply(text: string, format: RequestedFormat): OutputCheck {
  const parsed = parseJson(text);
  if (!parsed.ok) return { kind: 'not-json', message: parsed.message };
  if (format.type === 'json_object')
    return isJsonObject(parsed.value)
      ? { kind: 'valid' }
      : { kind: 'not-json', message: 'Valid JSON, but not an object, which JSON mode promises.' };
  return checkValue(parsed.value, format.schema);
}

/** A tool call's arguments against the `parameters` of the tool of that name the request offered. */
export function checkToolArguments(name: string, args: string, tools: readonly RequestedTool[]): OutputCheck {
  const tool = tools.find((t) => t.name === name);
  if (!tool) return { kind: 'invalid', violations: [{ path: '$', message: `The request offered no tool named "${name}".` }] };
  const parsed = parseJson(args);
  if (!parsed.ok) return { kind: 'not-json', message: parsed.message.replace('The reply is', 'The arguments are') };
  if (!isJsonObject(parsed.value)) return { kind: 'not-json', message: 'Arguments must be a JSON object.' };
  return tool.parameters ? checkValue(parsed.value, tool.parameters) : { kind: 'valid' };
}
