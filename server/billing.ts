// What a response says about its billing: the model it names and the usage it reports.
//
// OpenAI answers a request for an alias with the dated snapshot that served it: "gpt-4o currently
// points to gpt-4o-2024-08-06" (https://platform.openai.com/docs/models/gpt-4o), and the response's
// `model` is that snapshot. `[[model:gpt-4o-2024-08-06]]` makes the reference endpoint do the same,
// so the app's pricing of names as servers return them is tested. `[[usage:P/C/CACHED]]` reports
// exact figures (prompt_tokens P, completion_tokens C, prompt_tokens_details.cached_tokens CACHED)
// so a cost can be checked against a provider's published price.
import type { Plan } from './plan';
import type { Triggers } from './triggers';

export function withBillingTriggers(plan: Plan, triggers: Triggers): Plan {
  const out: Plan = { ...plan };
  if (triggers.model !== undefined) out.model = triggers.model;
  if (triggers.usage) {
    const { prompt, completion, cached } = triggers.usage;
    out.usage = {
      ...plan.usage,
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: prompt + completion,
      prompt_tokens_details: { ...plan.usage.prompt_tokens_details, cached_tokens: cached },
    };
  }
  return out;
}
