// [[persona:strict-fields]]: a server whose request schema forbids unknown fields, as Mistral's
// does (pydantic `extra="forbid"`). Written from the 422 bodies Mistral's users report (e.g.
// avante.nvim#2347, anon-kode#53, eca#231): the FastAPI `detail` list inside Mistral's error
// envelope; an unknown top-level field has `loc` ["body", field]; `stream_options` is in the schema
// but `include_usage` inside it is not, so its `loc` is ["body", "stream_options", "include_usage"].
// Without unknown fields it answers normally.

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

type Forbidden = { type: string; loc: (string | number)[]; msg: string; input: unknown };

export interface MistralValidationError {
  object: 'error';
  message: { detail: Forbidden[] };
  type: 'invalid_request_error';
  param: null;
  code: null;
}

const forbidden = (loc: (string | number)[], input: unknown): Forbidden => ({
  type: 'extra_forbidden',
  loc,
  msg: 'Extra inputs are not permitted',
  input,
});

/** The 422 body for `body`'s unknown top-level fields, or null when there are none. */
export function strictFieldsRefusal(body: unknown): MistralValidationError | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const detail = Object.entries(body).flatMap(([key, input]): Forbidden[] => {
    if (key === 'stream_options' && typeof input === 'object' && input !== null && !Array.isArray(input))
      return Object.entries(input).map(([inner, value]) => forbidden(['body', key, inner], value));
    return STRICT_FIELDS.has(key) ? [] : [forbidden(['body', key], input)];
  });
  return detail.length > 0 ? { object: 'error', message: { detail }, type: 'invalid_request_error', param: null, code: null } : null;
}
