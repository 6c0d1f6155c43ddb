// [[persona:strict-fields]]: a server whose request schema forbids unknown fields, as Mistral's
// does (pydantic `extra="forbid"`): any top-level field outside its list, `stream_options`
// included, is a 422 with FastAPI's `detail` list. Without unknown fields it answers normally.

/** The top-level fields Mistral's chat completion request accepts. */
export const STRICT_FIELDS: ReadonlySet<string> = new Set([
  'model',
  'messages',
  'temperature',
  'top_p',
  'max_tokens',
  'stream',
  'stop',
  'random_seed',
  'response_format',
  'tools',
  'tool_choice',
  'presence_penalty',
  'frequency_penalty',
  'n',
  'prediction',
  'parallel_tool_calls',
  'prompt_mode',
  'safe_prompt',
]);

export interface FastApiDetail {
  detail: { type: string; loc: (string | number)[]; msg: string; input: unknown }[];
}

/** The 422 body for `body`'s unknown top-level fields, or null when there are none. */
export function strictFieldsRefusal(body: unknown): FastApiDetail | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const detail = Object.entries(body)
    .filter(([key]) => !STRICT_FIELDS.has(key))
    .map(([key, input]) => ({ type: 'extra_forbidden', loc: ['body', key], msg: 'Extra inputs are not permitted', input }));
  return detail.length > 0 ? { detail } : null;
}
