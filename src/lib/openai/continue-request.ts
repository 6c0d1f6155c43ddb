/**
 * A built request turned into a "continue this reply" request for the server's own prefill
 * mechanism (see src/domain/continue-style.ts for the sources). Pure. The fields added here are
 * outside OpenAI's schema (`prefix` on a message; vLLM's top-level flags); `CONTINUE_FIELDS` names
 * them so a check against the OpenAI schema can validate the rest.
 */
import type { ContinueStyle } from '../../domain/continue-style';
import type { WireChatRequest } from './wire';

/** The vendor fields each style adds: on the last message, and at the top level. */
export const CONTINUE_FIELDS: Readonly<Record<ContinueStyle, { message: readonly string[]; topLevel: readonly string[] }>> = {
  'mistral-prefix': { message: ['prefix'], topLevel: [] },
  'deepseek-prefix': { message: ['prefix'], topLevel: [] },
  vllm: { message: [], topLevel: ['continue_final_message', 'add_generation_prompt'] },
  'trailing-assistant': { message: [], topLevel: [] },
  none: { message: [], topLevel: [] },
};

/**
 * `body` (whose last message is the partial reply) as `style` continues it. Null for 'none' and
 * when the last message is not an assistant message: there is nothing such a server would continue.
 */
export function continueRequest(body: WireChatRequest, style: ContinueStyle): WireChatRequest | null {
  const last = body.messages.at(-1);
  if (style === 'none' || last?.role !== 'assistant') return null;
  switch (style) {
    case 'mistral-prefix':
    case 'deepseek-prefix':
      // Only the last message, which must be the assistant's (both providers' documented rule).
      return { ...body, messages: [...body.messages.slice(0, -1), { ...last, prefix: true }] };
    case 'vllm':
      // vLLM's default add_generation_prompt is true, and the two may not both be true.
      return { ...body, continue_final_message: true, add_generation_prompt: false };
    case 'trailing-assistant':
      return body;
  }
}

/** `body` without the fields a continue style added: what OpenAI's schema can check. */
export function withoutContinueFields(body: WireChatRequest, style: ContinueStyle): WireChatRequest {
  const { message, topLevel } = CONTINUE_FIELDS[style];
  const out: WireChatRequest = { ...body };
  for (const field of topLevel) delete out[field];
  const last = out.messages.at(-1);
  if (last && message.length > 0) {
    const trimmed: Record<string, unknown> = { ...last };
    for (const field of message) delete trimmed[field];
    out.messages = [...out.messages.slice(0, -1), trimmed as unknown as typeof last];
  }
  return out;
}
