/**
 * Turning JSON a person typed or imported into parameter values, with readable reasons. Pure.
 */
import type { ToolDefinition } from './types';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseLogitBias(json: unknown): Parsed<Record<string, number>> {
  if (!isObj(json)) return { ok: false, error: 'logit_bias is an object of token id → bias, e.g. {"1734": -100}.' };
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(json)) {
    if (!/^\d+$/.test(k)) return { ok: false, error: `"${k}" is not a token id (a whole number).` };
    if (typeof v !== 'number' || v < -100 || v > 100) return { ok: false, error: `The bias of ${k} must be a number from −100 to 100.` };
    out[k] = v;
  }
  return { ok: true, value: out };
}

export function parseMetadata(json: unknown): Parsed<Record<string, string>> {
  if (!isObj(json)) return { ok: false, error: 'metadata is an object of string keys and string values.' };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(json)) {
    if (typeof v !== 'string') return { ok: false, error: `The value of "${k}" must be a string.` };
    out[k] = v;
  }
  return { ok: true, value: out };
}

export function parseJsonSchema(json: unknown): Parsed<Record<string, unknown>> {
  if (!isObj(json)) return { ok: false, error: 'A JSON Schema is an object, e.g. {"type": "object", "properties": {…}}.' };
  return { ok: true, value: json };
}

/**
 * Tool definitions: the Chat Completions shape `{type: "function", function: {...}}`, or bare
 * function objects `{name, description, parameters}` (as many docs show them), one or a list.
 */
export function parseTools(json: unknown): Parsed<ToolDefinition[]> {
  const list = Array.isArray(json) ? json : isObj(json) && Array.isArray(json.tools) ? json.tools : [json];
  const tools: ToolDefinition[] = [];
  for (const [i, item] of list.entries()) {
    const fn = isObj(item) && isObj(item.function) ? item.function : item;
    if (!isObj(fn)) return { ok: false, error: `Tool ${i + 1} is not an object.` };
    if (isObj(item) && item.type !== undefined && item.type !== 'function')
      return { ok: false, error: `Tool ${i + 1}: only "function" tools can be sent to Chat Completions.` };
    if (typeof fn.name !== 'string' || fn.name === '') return { ok: false, error: `Tool ${i + 1} needs a "name".` };
    if (fn.parameters !== undefined && !isObj(fn.parameters))
      return { ok: false, error: `Tool ${fn.name}: "parameters" must be a JSON Schema object.` };
    if (fn.description !== undefined && typeof fn.description !== 'string')
      return { ok: false, error: `Tool ${fn.name}: "description" must be a string.` };
    const def: ToolDefinition['function'] = { name: fn.name };
    if (typeof fn.description === 'string') def.description = fn.description;
    if (isObj(fn.parameters)) def.parameters = fn.parameters;
    if (typeof fn.strict === 'boolean') def.strict = fn.strict;
    tools.push({ type: 'function', function: def });
  }
  return { ok: true, value: tools };
}

/** Starting points for the tools editor. */
export const TOOL_TEMPLATES: readonly { id: string; label: string; tool: ToolDefinition }[] = [
  {
    id: 'weather',
    label: 'get_weather',
    tool: {
      type: 'function',
      function: {
        name: 'get_weather',
        description: 'Current weather for a city.',
        parameters: {
          type: 'object',
          properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
          required: ['city', 'unit'],
          additionalProperties: false,
        },
        strict: true,
      },
    },
  },
  {
    id: 'search',
    label: 'search_web',
    tool: {
      type: 'function',
      function: {
        name: 'search_web',
        description: 'Search the web and return the top results.',
        parameters: {
          type: 'object',
          properties: { query: { type: 'string' }, limit: { type: 'integer', minimum: 1, maximum: 10 } },
          required: ['query'],
        },
      },
    },
  },
  {
    id: 'calc',
    label: 'calculate',
    tool: {
      type: 'function',
      function: {
        name: 'calculate',
        description: 'Evaluate an arithmetic expression.',
        parameters: { type: 'object', properties: { expression: { type: 'string' } }, required: ['expression'] },
      },
    },
  },
];

/** Stop sequences as typed: `\n` and `\t` mean a newline and a tab. */
export function unescapeStop(text: string): string {
  return text.replace(/\\(n|t|\\)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
}
export function escapeStop(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}
