/** Wire usage objects (OpenAI, DeepSeek, Groq, xAI, …) to the domain Usage. */
import type { Usage } from '../../domain/types';
import { asRecord, num } from './guards';

export function usageFromWire(value: unknown): Usage | null {
  const u = asRecord(value);
  if (!u) return null;
  const prompt = num(u.prompt_tokens) ?? num(u.input_tokens) ?? null;
  const completion = num(u.completion_tokens) ?? num(u.output_tokens) ?? null;
  const total = num(u.total_tokens) ?? (prompt !== null && completion !== null ? prompt + completion : null);
  const usage: Usage = { promptTokens: prompt, completionTokens: completion, totalTokens: total, raw: u };

  const promptDetails = asRecord(u.prompt_tokens_details) ?? asRecord(u.input_tokens_details);
  const completionDetails = asRecord(u.completion_tokens_details) ?? asRecord(u.output_tokens_details);
  const reasoning = num(completionDetails?.reasoning_tokens) ?? num(u.reasoning_tokens);
  if (reasoning !== undefined) usage.reasoningTokens = reasoning;
  // DeepSeek reports cache hits at the top level.
  const cached = num(promptDetails?.cached_tokens) ?? num(u.prompt_cache_hit_tokens);
  if (cached !== undefined) usage.cachedPromptTokens = cached;
  const audioIn = num(promptDetails?.audio_tokens);
  if (audioIn !== undefined) usage.audioPromptTokens = audioIn;
  const audioOut = num(completionDetails?.audio_tokens);
  if (audioOut !== undefined) usage.audioCompletionTokens = audioOut;
  return usage;
}
