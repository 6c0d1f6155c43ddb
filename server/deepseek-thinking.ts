// [[persona:deepseek-thinking]]: api.deepseek.com in thinking mode (on by default; off with
// `thinking: {type: "disabled"}`), as its guide and its users' reports describe it:
// - it streams `reasoning_content` before the answer or the tool calls;
// - "Between two user messages, if the model performed a tool call, the intermediate assistant's
//   reasoning_content must participate in the context concatenation and must be passed back to the
//   API in all subsequent user interaction turns" (api-docs.deepseek.com/guides/thinking_mode);
//   otherwise it answers 400 with the body its users report (decolua/9router#773, QwenLM/qwen-code#3578,
//   recorded in wire/cases/deepseek-400-reasoning-content-passed-back.error.json). An empty string
//   is accepted (openclaw#73417's fix sends "" placeholders); a missing field is not;
// - outside tool-call turns earlier reasoning "will be ignored": neither required nor refused;
// - it documents only `max_tokens` and silently ignores `max_completion_tokens`
//   (earendil-works/pi#8018: `max_completion_tokens: 5` → 76 tokens, finish stop).
//
// [[persona:openai-reasoning]]: an OpenAI reasoning model (o-series, GPT-5): `max_tokens` is refused
// with OpenAI's recorded 400 (wire/cases/openai-400-unsupported-parameter.error.json, param
// max_tokens, "Use 'max_completion_tokens' instead."); `max_completion_tokens` is honoured.
import { isObject } from './types';

export const DEEPSEEK_REASONING_REFUSAL = {
  error: {
    message: 'The `reasoning_content` in the thinking mode must be passed back to the API.',
    type: 'invalid_request_error',
    param: null,
    code: 'invalid_request_error',
  },
} as const;

export const OPENAI_REASONING_CASE = 'openai-400-unsupported-parameter.error.json';

export function thinkingEnabled(body: Record<string, unknown>): boolean {
  const thinking = body['thinking'];
  return !(isObject(thinking) && thinking['type'] === 'disabled');
}

/** Whether a tool-call turn of `messages` has an assistant message without its `reasoning_content`. */
export function lacksToolTurnReasoning(messages: readonly unknown[]): boolean {
  const stretches: Record<string, unknown>[][] = [[]];
  for (const m of messages) {
    if (!isObject(m)) continue;
    if (m['role'] === 'user') stretches.push([]);
    else stretches.at(-1)!.push(m);
  }
  return stretches.some((stretch) => {
    const assistants = stretch.filter((m) => m['role'] === 'assistant');
    const calledTools = assistants.some((m) => Array.isArray(m['tool_calls']) && m['tool_calls'].length > 0);
    return calledTools && assistants.some((m) => typeof m['reasoning_content'] !== 'string');
  });
}

/** DeepSeek's 400 for `body`, or null when it would answer it. */
export function deepseekThinkingRefusal(body: unknown): typeof DEEPSEEK_REASONING_REFUSAL | null {
  if (!isObject(body) || !thinkingEnabled(body)) return null;
  const messages = body['messages'];
  return Array.isArray(messages) && lacksToolTurnReasoning(messages) ? DEEPSEEK_REASONING_REFUSAL : null;
}

/** The output limit DeepSeek applies: `max_tokens` only. */
export function deepseekMaxTokens(body: Record<string, unknown>): number | null {
  const value = body['max_tokens'];
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}
