import type { ParamKey, ParamValues, RequestParams } from './types';

export const DEFAULT_PARAM_VALUES: ParamValues = {
  stream: true,
  include_usage: true,
  temperature: 1,
  top_p: 1,
  max_completion_tokens: 1024,
  max_tokens: 1024,
  n: 1,
  stop: [],
  presence_penalty: 0,
  frequency_penalty: 0,
  seed: 42,
  logprobs: false,
  top_logprobs: 5,
  logit_bias: {},
  response_format: { type: 'text' },
  tools: [],
  tool_choice: 'auto',
  parallel_tool_calls: true,
  reasoning_effort: 'medium',
  service_tier: 'auto',
  user: '',
  safety_identifier: '',
  store: false,
  metadata: {},
  modalities: ['text'],
  audio: { voice: 'alloy', format: 'wav' },
};

/** Streaming with usage is on by default; everything else is sent only when switched on. */
export const DEFAULT_ENABLED: Partial<Record<ParamKey, boolean>> = { stream: true, include_usage: true };

export function defaultRequestParams(model: string): RequestParams {
  return {
    model,
    values: structuredClone(DEFAULT_PARAM_VALUES),
    enabled: { ...DEFAULT_ENABLED },
    extraBody: '',
  };
}

export function isEnabled(params: RequestParams, key: ParamKey): boolean {
  return params.enabled[key] === true;
}
