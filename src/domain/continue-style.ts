/**
 * How a server continues a reply from where it stopped (a prefill), per endpoint profile. Pure.
 *
 * OpenAI's Chat Completions has no prefill: a trailing assistant message is read as history and the
 * model answers anew, so "partial + answer" is two unrelated texts glued together. The providers
 * that do continue each have their own documented switch:
 * - Mistral: `prefix: true` on the last (assistant) message (docs.mistral.ai, AssistantMessage.prefix);
 *   without it a trailing assistant message is refused: "Expected last role User or Tool (or
 *   Assistant with prefix True) for serving but got assistant".
 * - DeepSeek "Chat Prefix Completion (Beta)": the same `prefix: true`, and only at the beta base URL
 *   `https://api.deepseek.com/beta` (api-docs.deepseek.com/guides/chat_prefix_completion); elsewhere
 *   "prefix is only available when using beta api (set base_url=\"https://api.deepseek.com/beta\")".
 * - vLLM: top-level `continue_final_message: true` with `add_generation_prompt: false` (the two
 *   cannot both be true; its default for `add_generation_prompt` is true).
 * - llama.cpp, LM Studio, Ollama: a trailing assistant message is continued as it is (llama.cpp's
 *   `--no-prefill-assistant` turns that off).
 * Each server answers with the continuation only; the app joins it to the partial reply.
 */

export type ContinueStyle = 'mistral-prefix' | 'deepseek-prefix' | 'vllm' | 'trailing-assistant' | 'none';

export interface ContinueStyleInfo {
  id: ContinueStyle;
  label: string;
  /** One line for the profile form. */
  explanation: string;
  /** What the Continue button's tooltip says it sends. */
  sends: string;
}

export const CONTINUE_STYLES: readonly ContinueStyleInfo[] = [
  {
    id: 'mistral-prefix',
    label: 'Mistral prefix',
    explanation: 'The cut reply is sent last with "prefix": true; Mistral writes only what follows it.',
    sends: 'the cut reply as the last message with "prefix": true (Mistral)',
  },
  {
    id: 'deepseek-prefix',
    label: 'DeepSeek prefix (beta)',
    explanation: 'Like Mistral\'s "prefix": true, but DeepSeek accepts it only at https://api.deepseek.com/beta.',
    sends: 'the cut reply as the last message with "prefix": true (DeepSeek beta)',
  },
  {
    id: 'vllm',
    label: 'vLLM continue_final_message',
    explanation: 'Adds continue_final_message: true and add_generation_prompt: false, so vLLM continues the last message.',
    sends: 'the cut reply last, with continue_final_message: true and add_generation_prompt: false (vLLM)',
  },
  {
    id: 'trailing-assistant',
    label: 'Trailing assistant message',
    explanation: 'The cut reply is sent as the last message as it is; llama.cpp, LM Studio and Ollama continue it.',
    sends: 'the cut reply as the last message (llama.cpp, LM Studio, Ollama continue it)',
  },
  {
    id: 'none',
    label: 'None: ask in a new message',
    explanation:
      'OpenAI, Azure, Groq and most hosted APIs answer a trailing assistant message anew, so the app asks to continue in a new message instead.',
    sends: 'a new user message asking to continue',
  },
];

export function continueStyleInfo(style: ContinueStyle): ContinueStyleInfo {
  return CONTINUE_STYLES.find((s) => s.id === style) ?? CONTINUE_STYLES[CONTINUE_STYLES.length - 1]!;
}

/** What "Ask to continue" sends as a new user message to a server without a prefill. */
export const ASK_TO_CONTINUE_TEXT = 'Continue exactly where you stopped, without repeating anything.';

export const DEEPSEEK_BETA_BASE_URL = 'https://api.deepseek.com/beta';

/** Whether `baseURL` is DeepSeek's beta base URL (the only one where `prefix` is accepted); any host whose path is `/beta`. */
export function isBetaBaseURL(baseURL: string): boolean {
  try {
    return /^\/beta\/?$/i.test(new URL(baseURL).pathname);
  } catch {
    return /(^|\/)beta\/?$/i.test(baseURL);
  }
}

export interface EffectiveContinue {
  style: ContinueStyle;
  /** Why a chosen prefill style cannot be used with this profile as it stands (then `style` is 'none'). */
  blocked?: string;
}

/**
 * The style a Continue uses with this profile. A DeepSeek prefix profile that is not on the beta base
 * URL would only get DeepSeek's refusal, so it asks in a new message and says why.
 */
export function effectiveContinue(style: ContinueStyle, baseURL: string): EffectiveContinue {
  if (style === 'deepseek-prefix' && !isBetaBaseURL(baseURL)) {
    return {
      style: 'none',
      blocked: `DeepSeek continues a reply only at its beta base URL (${DEEPSEEK_BETA_BASE_URL}); this profile uses ${baseURL || 'no base URL'}.`,
    };
  }
  return { style };
}
