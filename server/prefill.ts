// How each kind of server treats an assistant message at the end of `messages` (a prefill), for the
// [[persona:…]] triggers that stand for them. Each answers as the provider documents it, or as its
// users report its errors, and is as strict as the real one:
//
// - mistral-prefix (api.mistral.ai): `prefix: true` on the last message, which must be the
//   assistant's (docs.mistral.ai AssistantMessage: "Set this to `true` when adding an assistant
//   message as prefix"). A trailing assistant message without it is a 400, reported verbatim in
//   langchain-ai/langchain#28846 and NEKOparapa/AiNiee#641. `prefix` on another role is outside that
//   role's schema, which forbids extra fields: pydantic's 422 `extra_forbidden` in Mistral's envelope
//   (as the strict-fields persona; `loc` carries the message index and its role, as pydantic's tagged unions do).
// - deepseek-prefix (api.deepseek.com): "Chat Prefix Completion (Beta)": the last message is the
//   assistant's with `prefix: true`, and `base_url="https://api.deepseek.com/beta"`
//   (api-docs.deepseek.com/guides/chat_prefix_completion). Off /beta, `prefix` is a 400 (reported in
//   QuantumNous/new-api#999); a trailing assistant message without it is a 400 for deepseek-reasoner
//   (gptme/gptme#467, BerriAI/litellm#8090). The answer is the continuation only (the docs' example).
// - vllm: `continue_final_message: true` needs `add_generation_prompt: false` (vLLM's ChatCompletionRequest
//   validator refuses both true; left out, the default true reaches transformers' apply_chat_template,
//   whose error users of vLLM 0.19 report). Without the flag the chat template adds a new assistant
//   turn after the trailing one: the model answers anew.
// - llamacpp-prefill (llama-server): a trailing assistant message is continued (its
//   `--no-prefill-assistant` flag: "whether to prefill the assistant's response if the last message is
//   an assistant message (default: prefill enabled)"), but not with thinking on: "Assistant response
//   prefill is incompatible with enable_thinking." (reported in lyc-aon/successor-agent v0.1.32).
// - openai-no-prefill (api.openai.com): Chat Completions has no prefill; a trailing assistant message
//   is history, and the model answers the conversation anew.
// Without one of these personas the reference endpoint continues a trailing assistant message, as
// llama.cpp, LM Studio and Ollama do.
import { isObject } from './types';
import type { ChatRequest } from './types';

export const PREFILL_PERSONAS = ['mistral-prefix', 'deepseek-prefix', 'vllm', 'llamacpp-prefill', 'openai-no-prefill'] as const;

/** `continue`: the reply carries on from the trailing assistant message; `anew`: it answers the conversation again. */
export type PrefillMode = 'continue' | 'anew';

export type PrefillDecision = { mode: PrefillMode } | { refusal: { status: number; body: unknown } };

const MISTRAL_LAST_ROLE = 'Expected last role User or Tool (or Assistant with prefix True) for serving but got assistant';
const DEEPSEEK_BETA_ONLY = 'prefix is only available when using beta api (set base_url="https://api.deepseek.com/beta")';
const DEEPSEEK_REASONER_LAST =
  'The last message of deepseek-reasoner must be a user message, or an assistant message with prefix mode on (refer to https://api-docs.deepseek.com/guides/chat_prefix_completion).';
const VLLM_BOTH = 'Cannot set both `continue_final_message` and `add_generation_prompt` to True.';
const VLLM_DEFAULT_PROMPT =
  'continue_final_message and add_generation_prompt are not compatible. Use continue_final_message when you want the model to continue the final message, and add_generation_prompt when you want to add a header that will prompt it to start a new assistant message instead.';
const LLAMACPP_THINKING = 'Assistant response prefill is incompatible with enable_thinking.';

const mistralError = (message: unknown) => ({ object: 'error', message, type: 'invalid_request_error', param: null, code: null });
const deepseekError = (message: string) => ({
  error: { message, type: 'invalid_request_error', param: null, code: 'invalid_request_error' },
});
const vllmError = (message: string) => ({ object: 'error', message, type: 'BadRequestError', param: null, code: 400 });
const refuse = (status: number, body: unknown): PrefillDecision => ({ refusal: { status, body } });

function rawMessages(body: unknown): Record<string, unknown>[] {
  const messages = isObject(body) ? body['messages'] : undefined;
  return Array.isArray(messages) ? messages.filter(isObject) : [];
}

function mistral(raw: Record<string, unknown>[]): PrefillDecision {
  const misplaced = raw.findIndex((m) => 'prefix' in m && m['role'] !== 'assistant');
  if (misplaced >= 0) {
    const m = raw[misplaced]!;
    const detail = [
      {
        type: 'extra_forbidden',
        loc: ['body', 'messages', misplaced, String(m['role']), 'prefix'],
        msg: 'Extra inputs are not permitted',
        input: m['prefix'],
      },
    ];
    return refuse(422, mistralError({ detail }));
  }
  const last = raw.at(-1);
  if (last?.['role'] !== 'assistant') return { mode: 'anew' };
  return last['prefix'] === true ? { mode: 'continue' } : refuse(400, mistralError(MISTRAL_LAST_ROLE));
}

function deepseek(raw: Record<string, unknown>[], model: string, beta: boolean): PrefillDecision {
  if (raw.some((m) => m['prefix'] === true) && !beta) return refuse(400, deepseekError(DEEPSEEK_BETA_ONLY));
  const last = raw.at(-1);
  if (last?.['role'] !== 'assistant') return { mode: 'anew' };
  if (last['prefix'] === true) return { mode: 'continue' };
  return /reasoner/i.test(model) ? refuse(400, deepseekError(DEEPSEEK_REASONER_LAST)) : { mode: 'anew' };
}

function vllm(body: Record<string, unknown>): PrefillDecision {
  if (body['continue_final_message'] !== true) return { mode: 'anew' };
  if (body['add_generation_prompt'] === true) return refuse(400, vllmError(VLLM_BOTH));
  if (body['add_generation_prompt'] !== false) return refuse(400, vllmError(VLLM_DEFAULT_PROMPT));
  return { mode: 'continue' };
}

function llamacpp(body: Record<string, unknown>, lastIsAssistant: boolean): PrefillDecision {
  const kwargs = body['chat_template_kwargs'];
  if (lastIsAssistant && isObject(kwargs) && kwargs['enable_thinking'] === true)
    return refuse(400, { error: { code: 400, message: LLAMACPP_THINKING, type: 'invalid_request_error' } });
  return { mode: 'continue' };
}

/** What the server `persona` stands for does with this request's trailing assistant message, or its refusal. */
export function prefillDecision(
  persona: string | undefined,
  body: unknown,
  request: ChatRequest,
  options: { beta?: boolean } = {},
): PrefillDecision {
  const raw = rawMessages(body);
  const top = isObject(body) ? body : {};
  const lastIsAssistant = request.messages.at(-1)?.role === 'assistant';
  switch (persona) {
    case 'mistral-prefix':
      return mistral(raw);
    case 'deepseek-prefix':
      return deepseek(raw, request.model, options.beta === true);
    case 'vllm':
      return vllm(top);
    case 'llamacpp-prefill':
      return llamacpp(top, lastIsAssistant);
    case 'openai-no-prefill':
      return { mode: 'anew' };
    default:
      return { mode: 'continue' };
  }
}
