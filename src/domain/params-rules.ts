/**
 * Rules the OpenAI schema cannot express: what reasoning models refuse, JSON mode's demand that the
 * messages mention JSON, and Structured Outputs' strict-mode rules for a schema. Pure.
 */
import type { ModelFacts } from './model-facts';
import type { OutputLimitRule } from './provider-rules';
import type { ParamKey, RequestParams, ToolDefinition } from './types';

const NAME_RE = /^[a-zA-Z0-9_-]{1,64}$/;

/** Parameters reasoning models (o-series, GPT-5) reject with a 400. */
const REASONING_UNSUPPORTED: readonly ParamKey[] = [
  'temperature',
  'top_p',
  'presence_penalty',
  'frequency_penalty',
  'logprobs',
  'top_logprobs',
  'logit_bias',
];

/** `outputLimit`: the endpoint's rule for the output limit's name; only `as-set` sends max_tokens as the person switched it. */
export function modelRuleWarnings(
  params: RequestParams,
  facts: ModelFacts,
  messagesText = '',
  outputLimit: OutputLimitRule = 'as-set',
): string[] {
  const on = (k: ParamKey) => params.enabled[k] === true;
  const out: string[] = [];
  if (facts.reasoning === true) {
    if (on('max_tokens') && outputLimit === 'as-set') out.push('Reasoning models reject max_tokens: send max_completion_tokens instead.');
    const bad = REASONING_UNSUPPORTED.filter(on);
    if (bad.length > 0) out.push(`Reasoning models (o-series, GPT-5) may reject ${bad.join(', ')}.`);
  } else if (facts.reasoning === false && on('reasoning_effort')) {
    out.push('reasoning_effort is only accepted by reasoning models.');
  }
  if (on('max_tokens') && on('max_completion_tokens')) out.push('Both max_tokens and max_completion_tokens are on; send one of them.');
  const cap = facts.maxOutput;
  if (cap !== undefined) {
    for (const k of ['max_completion_tokens', 'max_tokens'] as const) {
      if (on(k) && params.values[k] > cap) out.push(`${k} ${params.values[k]} is above this model's output limit of ${cap}.`);
    }
  }
  if (facts.tools === false && on('tools') && params.values.tools.length > 0) out.push('This model is listed without tool support.');
  if (on('response_format')) {
    const rf = params.values.response_format;
    if (rf.type === 'json_object' && !/json/i.test(messagesText))
      out.push('JSON mode needs the word "JSON" somewhere in the messages, or the server answers 400.');
    if (rf.type === 'json_schema') out.push(...jsonSchemaFormatProblems(rf.json_schema));
  }
  if (on('tools')) out.push(...toolsProblems(params.values.tools));
  const tc = params.values.tool_choice;
  if (on('tool_choice') && typeof tc === 'object' && !params.values.tools.some((t) => t.function.name === tc.function.name)) {
    out.push(`tool_choice names "${tc.function.name}", which is not among the tools.`);
  }
  if (on('top_logprobs') && !on('logprobs')) out.push('top_logprobs needs logprobs switched on.');
  return out;
}

export function jsonSchemaFormatProblems(f: { name: string; schema: Record<string, unknown>; strict?: boolean }): string[] {
  const out: string[] = [];
  if (!NAME_RE.test(f.name)) out.push('response_format name must be 1–64 letters, digits, _ or -.');
  if (f.strict === true) out.push(...strictSchemaProblems(f.schema).map((p) => `Strict schema: ${p}`));
  return out;
}

export function toolsProblems(tools: readonly ToolDefinition[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const t of tools) {
    const name = t.function.name;
    if (!NAME_RE.test(name)) out.push(`Tool name "${name}" must be 1–64 letters, digits, _ or -.`);
    if (seen.has(name)) out.push(`Two tools are named "${name}".`);
    seen.add(name);
    if (t.function.strict === true && t.function.parameters)
      out.push(...strictSchemaProblems(t.function.parameters).map((p) => `Tool ${name} (strict): ${p}`));
  }
  if (tools.length > 128) out.push('At most 128 tools.');
  return out;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Structured Outputs' strict mode: every object sets additionalProperties: false and lists every
 * property as required; the root is an object. Returns the first few problems with their path.
 */
export function strictSchemaProblems(schema: unknown): string[] {
  const out: string[] = [];
  if (!isObj(schema) || schema.type !== 'object') out.push('the root must be {"type": "object", …}.');
  const walk = (node: unknown, path: string): void => {
    if (out.length >= 5) return;
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}[${i}]`));
    if (!isObj(node)) return;
    const isObject = node.type === 'object' || (Array.isArray(node.type) && node.type.includes('object')) || isObj(node.properties);
    if (isObject) {
      if (node.additionalProperties !== false) out.push(`${path || '/'} needs "additionalProperties": false.`);
      const props = isObj(node.properties) ? Object.keys(node.properties) : [];
      const required = Array.isArray(node.required) ? node.required : [];
      const missing = props.filter((p) => !required.includes(p));
      if (missing.length > 0) out.push(`${path || '/'} must list ${missing.join(', ')} in "required".`);
    }
    for (const [k, v] of Object.entries(node)) {
      if (k === 'properties' && isObj(v)) for (const [pk, pv] of Object.entries(v)) walk(pv, `${path}/${pk}`);
      else if (k === 'items' || k === 'anyOf' || k === '$defs' || k === 'definitions')
        walk(isObj(v) && (k === '$defs' || k === 'definitions') ? Object.values(v) : v, `${path}/${k}`);
    }
  };
  walk(schema, '');
  return out.slice(0, 5);
}
