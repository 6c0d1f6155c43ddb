/**
 * Structured output checks: what a request asked its reply to be (JSON mode, a JSON Schema, tools
 * with `parameters` schemas), kept on the reply as `Message.requestedOutput`, and the result of
 * checking the reply against it. Pure: the schema validator itself is loaded on demand (lib/json-schema).
 */

type JsonObject = Record<string, unknown>;

export type RequestedFormat = { type: 'json_object' } | { type: 'json_schema'; name: string; schema: JsonObject; strict?: boolean };

/** One tool the request offered, with the schema its arguments must follow (none: any JSON object). */
export interface RequestedTool {
  name: string;
  parameters?: JsonObject;
}

/** What the request that produced a reply asked its output to be; absent when it asked for nothing checkable. */
export interface RequestedOutput {
  format?: RequestedFormat;
  tools?: RequestedTool[];
}

/** One way the output breaks the schema: where (a JSON path such as `$.items[2].name`) and why. */
export interface SchemaViolation {
  path: string;
  message: string;
}

export type OutputCheck =
  | { kind: 'valid' }
  /** Not JSON at all (or, for JSON mode and tool arguments, not a JSON object). */
  | { kind: 'not-json'; message: string }
  | { kind: 'invalid'; violations: SchemaViolation[] }
  /** The schema itself could not be used (an unresolved `$ref`, …): nothing was checked. */
  | { kind: 'unusable-schema'; message: string };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function formatOf(value: unknown): RequestedFormat | undefined {
  if (!isObject(value)) return undefined;
  if (value.type === 'json_object') return { type: 'json_object' };
  if (value.type !== 'json_schema' || !isObject(value.json_schema)) return undefined;
  const { name, schema, strict } = value.json_schema;
  // A schema may be `true`-like and absent in loose servers; the check then only asks for JSON.
  return {
    type: 'json_schema',
    name: typeof name === 'string' ? name : '',
    schema: isObject(schema) ? schema : {},
    ...(typeof strict === 'boolean' ? { strict } : {}),
  };
}

function toolsOf(value: unknown): RequestedTool[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const tools: RequestedTool[] = [];
  for (const tool of value) {
    if (!isObject(tool) || !isObject(tool.function) || typeof tool.function.name !== 'string') continue;
    const { name, parameters } = tool.function;
    tools.push(isObject(parameters) ? { name, parameters } : { name });
  }
  return tools.length > 0 ? tools : undefined;
}

/** What a request body (as sent, extra body merged) asks of its output. */
export function requestedOutputOf(body: unknown): RequestedOutput | undefined {
  if (!isObject(body)) return undefined;
  const format = formatOf(body.response_format);
  const tools = toolsOf(body.tools);
  if (!format && !tools) return undefined;
  return { ...(format ? { format } : {}), ...(tools ? { tools } : {}) };
}

/**
 * A stored `Message.requestedOutput` read back: IndexedDB rows are not validated on read, so a
 * damaged value reads as (part) absent instead of breaking the reply's view.
 */
export function storedRequestedOutput(value: unknown): RequestedOutput | undefined {
  if (!isObject(value)) return undefined;
  const tools = Array.isArray(value.tools)
    ? value.tools.map((t: unknown) => (isObject(t) && typeof t.name === 'string' ? { type: 'function', function: t } : null))
    : undefined;
  const format =
    isObject(value.format) && value.format.type === 'json_schema' ? { type: 'json_schema', json_schema: value.format } : value.format;
  return requestedOutputOf({ response_format: format, tools });
}

/** `#/items/2/na%20me` (a JSON Pointer as a URI fragment) → `$.items[2]["na me"]`. */
export function jsonPathOf(pointer: string): string {
  const tokens = pointer.replace(/^#/, '').split('/').slice(1);
  let path = '$';
  for (const raw of tokens) {
    let token: string;
    try {
      token = decodeURIComponent(raw);
    } catch {
      token = raw;
    }
    token = token.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^(0|[1-9]\d*)$/.test(token)) path += `[${token}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(token)) path += `.${token}`;
    else path += `[${JSON.stringify(token)}]`;
  }
  return path;
}

/** The reply text parsed as JSON, or why it is not JSON. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, message: text.trim() === '' ? 'The reply is empty, not JSON.' : `Not valid JSON: ${reason}` };
  }
}

export { isObject as isJsonObject };
