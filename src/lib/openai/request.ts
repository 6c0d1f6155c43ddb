/**
 * Building the request body from the conversation and the parameter panel.
 * Only switched-on parameters are sent; everything else is left to the server's defaults.
 */
import type { AppError, Message, ParamKey, RequestParams } from '../../domain/types';
import { appAddedFields } from './app-added';
import { isRecord, isSafeKey } from './guards';
import { placeholderResolver, toWireMessages } from './mapping';
import type { BinaryURLResolver } from './mapping';
import type { WireChatRequest } from './wire';
import { errorMessage } from '../../domain/errors';
import { outputLimitFields } from '../../domain/provider-rules';
import type { ProviderRules } from '../../domain/provider-rules';

export type BuildResult = { ok: true; body: WireChatRequest; warnings: string[] } | { ok: false; error: AppError };

type ExtraBody = { ok: true; value: Record<string, unknown> } | { ok: false; error: AppError };

export function parseExtraBody(text: string): ExtraBody {
  if (text.trim() === '') return { ok: true, value: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const reason = errorMessage(e);
    return { ok: false, error: { kind: 'invalid', message: `Extra body is not valid JSON: ${reason}` } };
  }
  if (!isRecord(parsed)) {
    const what = Array.isArray(parsed) ? 'an array' : parsed === null ? 'null' : `a ${typeof parsed}`;
    return {
      ok: false,
      error: { kind: 'invalid', message: `Extra body must be a JSON object like {"top_k": 40}, not ${what}.` },
    };
  }
  return { ok: true, value: parsed };
}

function isEmptyObject(value: object): boolean {
  return Object.keys(value).length === 0;
}

export function buildChatRequest(
  messages: readonly Message[],
  params: RequestParams,
  resolveBinaryURL: BinaryURLResolver = placeholderResolver,
  /** The endpoint's rules (domain/provider-rules.ts): refused app-added fields, reasoning sent back, the output limit's name. */
  rules: ProviderRules = {},
): BuildResult {
  const unsupported = rules.unsupported ?? [];
  const extra = parseExtraBody(params.extraBody);
  if (!extra.ok) return extra;

  const on = (key: ParamKey): boolean => params.enabled[key] === true;
  const v = params.values;
  const warnings: string[] = [];
  const body: WireChatRequest = {
    model: params.model,
    messages: toWireMessages(messages, resolveBinaryURL, rules.reasoningSendBack),
  };

  if (on('stream')) body.stream = v.stream; // `stream: false` is sent on purpose when chosen
  if (body.stream === true) {
    if (on('include_usage')) body.stream_options = { include_usage: v.include_usage };
  } else if (on('include_usage') && v.include_usage) {
    warnings.push('include_usage is only sent with streaming on.');
  }
  if (on('temperature')) body.temperature = v.temperature;
  if (on('top_p')) body.top_p = v.top_p;
  // The one output limit the person switched on, under the name this endpoint takes.
  Object.assign(body, outputLimitFields(params.enabled, v, rules.outputLimit ?? 'as-set'));
  if (on('n')) body.n = v.n;
  if (on('stop')) {
    const stop = v.stop.filter((s) => s !== '');
    if (stop.length > 0) body.stop = stop;
  }
  if (on('presence_penalty')) body.presence_penalty = v.presence_penalty;
  if (on('frequency_penalty')) body.frequency_penalty = v.frequency_penalty;
  if (on('seed')) body.seed = v.seed;
  if (on('logprobs')) body.logprobs = v.logprobs;
  if (on('top_logprobs')) {
    if (body.logprobs === true) body.top_logprobs = v.top_logprobs;
    else warnings.push('top_logprobs is only sent when logprobs is on.');
  }
  if (on('logit_bias') && !isEmptyObject(v.logit_bias)) body.logit_bias = v.logit_bias;
  if (on('response_format')) body.response_format = v.response_format;

  const hasTools = on('tools') && v.tools.length > 0;
  if (hasTools) body.tools = v.tools;
  if (on('tool_choice')) {
    if (hasTools) body.tool_choice = v.tool_choice;
    else warnings.push('tool_choice is not sent because no tools are defined.');
  }
  if (on('parallel_tool_calls')) {
    if (hasTools) body.parallel_tool_calls = v.parallel_tool_calls;
    else warnings.push('parallel_tool_calls is not sent because no tools are defined.');
  }

  if (on('reasoning_effort')) body.reasoning_effort = v.reasoning_effort;
  if (on('service_tier') && v.service_tier !== '') body.service_tier = v.service_tier;
  if (on('user') && v.user !== '') body.user = v.user;
  if (on('safety_identifier') && v.safety_identifier !== '') body.safety_identifier = v.safety_identifier;
  if (on('store')) body.store = v.store;
  if (on('metadata') && !isEmptyObject(v.metadata)) body.metadata = v.metadata;
  if (on('modalities') && v.modalities.length > 0) body.modalities = v.modalities;
  if (on('audio')) {
    if (body.modalities?.includes('audio')) body.audio = v.audio;
    else warnings.push('audio is only sent when modalities include "audio".');
  }

  // Vendor parameters go last, at the top level, and may override ours on purpose.
  for (const [key, value] of Object.entries(extra.value)) {
    if (!isSafeKey(key)) continue;
    if (key === 'model' || key === 'messages') warnings.push(`Extra body overrides "${key}".`);
    body[key] = value;
  }
  for (const field of appAddedFields(params, extra.value)) {
    if (!unsupported.includes(field) || !(field in body)) continue;
    delete body[field];
    warnings.push(`${field} is left out: this endpoint refuses it (reset in the endpoint profile).`);
  }
  return { ok: true, body, warnings };
}
