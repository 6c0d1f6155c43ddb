/**
 * Refusals that a provider rule of the endpoint profile answers (domain/provider-rules.ts): the
 * request is sent once more under the rule that fixes it, and the profile remembers.
 */
import type { OutputLimitName } from '../../domain/provider-rules';
import type { AppError } from '../../domain/types';
import { refusedField } from './app-added';

/**
 * DeepSeek's thinking mode refusing a follow-up whose earlier replies lack their reasoning:
 * 400 `The \`reasoning_content\` in the thinking mode must be passed back to the API.` (DeepSeek V4,
 * server/wire/cases/deepseek-400-reasoning-content-passed-back.error.json), or the V3.2 wording
 * `Missing \`reasoning_content\` field in the assistant message at message index N` (zed#44301).
 * Also when a router wraps it (OpenRouter's "Provider returned error" keeps the upstream body).
 */
export function isReasoningSendBackRefusal(error: AppError | null, status: number | null): boolean {
  if (!error || status !== 400) return false;
  const text = `${error.message}\n${error.detail ?? ''}`;
  return /reasoning_content`? in the thinking mode must be passed back/i.test(text) || /missing `?reasoning_content`? field/i.test(text);
}

/**
 * Whether the server refused the output limit under the name `sent`: OpenAI's 400
 * `Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens'
 * instead.` (`param: "max_tokens"`), an `Unrecognized request argument supplied: max_completion_tokens`
 * (older Azure API versions), or a FastAPI `extra_forbidden` entry at it (Mistral).
 */
export function refusedOutputLimit(error: AppError | null, status: number | null, sent: OutputLimitName): boolean {
  if (refusedField(error, status, [sent]) !== null) return true;
  if (!error || (status !== 400 && status !== 422)) return false;
  const quoted = new RegExp(`(unsupported parameter|unrecognized request argument supplied|unknown parameter)\\W+${sent}\\b`, 'i');
  return quoted.test(error.message);
}
