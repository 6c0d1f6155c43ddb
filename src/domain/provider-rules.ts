/**
 * Rules that differ by provider (not by model-name guesses), kept on the endpoint profile:
 *
 * - **Reasoning sent back** (`reasoningSendBack`): which earlier assistant messages carry their
 *   `reasoning_content` in the next request. `never` (OpenAI and most servers: history keeps the
 *   answer only), `tool-turns` (DeepSeek's thinking mode: "Between two user messages, if the model
 *   performed a tool call, the intermediate assistant's reasoning_content must participate in the
 *   context concatenation and must be passed back to the API in all subsequent user interaction
 *   turns" — api-docs.deepseek.com/guides/thinking_mode), or `always` (every assistant message).
 * - **Output limit name** (`outputLimit`): the person sets one "max output tokens" (either switch
 *   of the parameters panel); it is sent as `max_completion_tokens` (OpenAI, Azure: reasoning models
 *   refuse `max_tokens`) or `max_tokens` (DeepSeek documents only it and ignores the new name; Mistral
 *   and local servers list only it), or `as-set` (exactly the switch the person turned on).
 *
 * Who decides, first match wins: the profile's own value (set by the person, or learned from a
 * server's refusal), then the provider preset, then (output limit only) the model's facts (a
 * reasoning model takes `max_completion_tokens`), then the default (`never` / `as-set`).
 */
import type { ModelFacts } from './model-facts';

export type ReasoningSendBack = 'never' | 'tool-turns' | 'always';
export const REASONING_SEND_BACK: readonly ReasoningSendBack[] = ['never', 'tool-turns', 'always'];

export type OutputLimitName = 'max_completion_tokens' | 'max_tokens';
export type OutputLimitRule = OutputLimitName | 'as-set';
export const OUTPUT_LIMIT_RULES: readonly OutputLimitRule[] = ['max_completion_tokens', 'max_tokens', 'as-set'];

/** The rules a profile can hold; `learned` lists the ones the app set from a refusal. */
export type RuleKey = 'reasoningSendBack' | 'outputLimit';
export const RULE_KEYS: readonly RuleKey[] = ['reasoningSendBack', 'outputLimit'];

export interface RuleFields {
  presetId?: string;
  reasoningSendBack?: ReasoningSendBack;
  outputLimit?: OutputLimitRule;
  learned?: RuleKey[];
}

/**
 * What each provider preset starts with (by preset id). Sources: OpenAI's API reference
 * (`max_tokens` "is not compatible with o-series models"; the 400 in server/wire/cases), DeepSeek's
 * thinking-mode guide (reasoning back in tool-call turns) and API reference (only `max_tokens`; the
 * new name is silently ignored, earendil-works/pi#8018), Mistral's and Ollama's request field lists
 * (only `max_tokens`), LM Studio and llama.cpp's OpenAI-compatible servers (`max_tokens`).
 */
const PRESET_RULES: Readonly<Record<string, { reasoningSendBack?: ReasoningSendBack; outputLimit?: OutputLimitRule }>> = {
  openai: { outputLimit: 'max_completion_tokens' },
  azure: { outputLimit: 'max_completion_tokens' },
  deepseek: { reasoningSendBack: 'tool-turns', outputLimit: 'max_tokens' },
  mistral: { outputLimit: 'max_tokens' },
  ollama: { outputLimit: 'max_tokens' },
  lmstudio: { outputLimit: 'max_tokens' },
  llamacpp: { outputLimit: 'max_tokens' },
};

export function presetRules(presetId: string | undefined): { reasoningSendBack?: ReasoningSendBack; outputLimit?: OutputLimitRule } {
  return (presetId !== undefined && Object.hasOwn(PRESET_RULES, presetId) ? PRESET_RULES[presetId] : undefined) ?? {};
}

export type RuleSource = 'profile' | 'learned' | 'preset' | 'model' | 'default';

export interface Decided<T> {
  rule: T;
  source: RuleSource;
}

/** The rules a request is built with (derived from the profile and the model's facts). */
export interface ProviderRules {
  /** Fields the app adds on its own that the server refuses (`Endpoint.unsupported`). */
  unsupported?: readonly string[];
  reasoningSendBack?: ReasoningSendBack;
  outputLimit?: OutputLimitRule;
}

function own(endpoint: RuleFields, key: RuleKey): RuleSource {
  return endpoint.learned?.includes(key) ? 'learned' : 'profile';
}

export function reasoningSendBackFor(endpoint: RuleFields): Decided<ReasoningSendBack> {
  if (endpoint.reasoningSendBack) return { rule: endpoint.reasoningSendBack, source: own(endpoint, 'reasoningSendBack') };
  const preset = presetRules(endpoint.presetId).reasoningSendBack;
  return preset ? { rule: preset, source: 'preset' } : { rule: 'never', source: 'default' };
}

export function outputLimitFor(endpoint: RuleFields, facts: Pick<ModelFacts, 'reasoning'>): Decided<OutputLimitRule> {
  if (endpoint.outputLimit) return { rule: endpoint.outputLimit, source: own(endpoint, 'outputLimit') };
  const preset = presetRules(endpoint.presetId).outputLimit;
  if (preset) return { rule: preset, source: 'preset' };
  if (facts.reasoning === true) return { rule: 'max_completion_tokens', source: 'model' };
  return { rule: 'as-set', source: 'default' };
}

export function providerRulesFor(
  endpoint: RuleFields & { unsupported?: readonly string[] },
  facts: Pick<ModelFacts, 'reasoning'>,
): ProviderRules {
  return {
    unsupported: endpoint.unsupported ?? [],
    reasoningSendBack: reasoningSendBackFor(endpoint).rule,
    outputLimit: outputLimitFor(endpoint, facts).rule,
  };
}

/**
 * For each message, whether it carries its reasoning back under `rule`. A tool-call turn is the
 * stretch between two user messages in which an assistant message has tool calls: every assistant
 * message of that stretch carries it (the call, and the answer after the tool results).
 */
export function reasoningCarriers(
  messages: readonly { role: string; toolCalls?: readonly unknown[] }[],
  rule: ReasoningSendBack,
): boolean[] {
  if (rule === 'never') return messages.map(() => false);
  if (rule === 'always') return messages.map((m) => m.role === 'assistant');
  const out = messages.map(() => false);
  let start = 0;
  const close = (end: number) => {
    const stretch = messages.slice(start, end);
    if (!stretch.some((m) => m.role === 'assistant' && (m.toolCalls?.length ?? 0) > 0)) return;
    for (let i = start; i < end; i++) if (messages[i]!.role === 'assistant') out[i] = true;
  };
  messages.forEach((m, i) => {
    if (m.role !== 'user') return;
    close(i);
    start = i + 1;
  });
  close(messages.length);
  return out;
}

/** The narrowest rule wider than `current` that sends more for these messages (null: none would). */
export function widerReasoningRule(
  messages: readonly { role: string; toolCalls?: readonly unknown[] }[],
  current: ReasoningSendBack,
): ReasoningSendBack | null {
  const count = (rule: ReasoningSendBack) => reasoningCarriers(messages, rule).filter(Boolean).length;
  const wider = REASONING_SEND_BACK.slice(REASONING_SEND_BACK.indexOf(current) + 1);
  return wider.find((rule) => count(rule) > count(current)) ?? null;
}

/**
 * The output-limit fields to send: the one limit the person switched on, under the rule's name.
 * With both switches on (or `as-set`) each is sent as switched: the person asked for exactly that.
 */
export function outputLimitFields(
  enabled: Partial<Record<OutputLimitName, boolean>>,
  values: Record<OutputLimitName, number>,
  rule: OutputLimitRule,
): Partial<Record<OutputLimitName, number>> {
  const on = (['max_completion_tokens', 'max_tokens'] as const).filter((k) => enabled[k] === true);
  if (rule === 'as-set' || on.length !== 1) return Object.fromEntries(on.map((k) => [k, values[k]]));
  return { [rule]: values[on[0]!] };
}

export function otherOutputLimitName(name: OutputLimitName): OutputLimitName {
  return name === 'max_tokens' ? 'max_completion_tokens' : 'max_tokens';
}

/** How each rule is named in the profile form and notices. */
export const REASONING_SEND_BACK_LABEL: Readonly<Record<ReasoningSendBack, string>> = {
  never: 'Never',
  'tool-turns': 'In tool-call turns',
  always: 'Always',
};

export const OUTPUT_LIMIT_LABEL: Readonly<Record<OutputLimitRule, string>> = {
  max_completion_tokens: 'max_completion_tokens',
  max_tokens: 'max_tokens',
  'as-set': 'As switched on',
};

export const RULE_SOURCE_LABEL: Readonly<Record<RuleSource, string>> = {
  profile: 'set in this profile',
  learned: 'learned from a refusal',
  preset: 'the provider preset',
  model: 'a reasoning model',
  default: 'the default',
};
