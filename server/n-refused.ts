// [[persona:n-refused]]: a server that refuses `n` > 1, as Groq's OpenAI-compatible API does.
// Groq documents it (console.groq.com/docs/openai, "Currently Unsupported OpenAI Features": "If N
// is supplied, it must be equal to 1", "will result in a 400 error") and answers with the body its
// users quote (e.g. llamastack/llama-stack tests/integration/inference/test_openai_completion.py;
// recorded in wire/cases/groq-400-n-must-be-at-most-1.error.json): no `param`, the field is named
// only in the message. Streamed or not alike. `n` absent or 1 is answered normally.

export interface GroqError {
  error: { message: string; type: 'invalid_request_error' };
}

export const GROQ_N_REFUSAL: GroqError = { error: { message: "'n' : number must be at most 1", type: 'invalid_request_error' } };

/** Groq's 400 body when `body` asks for more than one choice, else null. */
export function nRefusal(body: unknown): GroqError | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const n = (body as Record<string, unknown>)['n'];
  return typeof n === 'number' && n > 1 ? GROQ_N_REFUSAL : null;
}
