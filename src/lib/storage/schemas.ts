/**
 * valibot pieces shared by the persisted stores' schemas (see persisted.ts). They accept every
 * shape the stores have written: JSON turns NaN into null (an emptied number field holds NaN),
 * and state saved before a parameter existed lacks its value.
 */
import * as v from 'valibot';
import { DEFAULT_ENABLED, DEFAULT_PARAM_VALUES } from '../../domain/params';
import type { ParamValues, RequestParams } from '../../domain/types';

/** A number as JSON stored it: `null` was NaN (or ±Infinity) in memory and becomes NaN again. */
export const storedNumber = v.pipe(
  v.nullable(v.number()),
  v.transform((n) => n ?? Number.NaN),
);

const json = v.record(v.string(), v.unknown());

// Typed per key, so a parameter added to ParamValues without a schema here fails the typecheck.
const paramValueEntries = {
  stream: v.boolean(),
  include_usage: v.boolean(),
  temperature: storedNumber,
  top_p: storedNumber,
  max_completion_tokens: storedNumber,
  max_tokens: storedNumber,
  n: storedNumber,
  stop: v.array(v.string()),
  presence_penalty: storedNumber,
  frequency_penalty: storedNumber,
  seed: storedNumber,
  logprobs: v.boolean(),
  top_logprobs: storedNumber,
  logit_bias: v.record(v.string(), storedNumber),
  response_format: v.variant('type', [
    v.object({ type: v.literal('text') }),
    v.object({ type: v.literal('json_object') }),
    v.object({
      type: v.literal('json_schema'),
      json_schema: v.object({ name: v.string(), schema: json, strict: v.optional(v.boolean()), description: v.optional(v.string()) }),
    }),
  ]),
  tools: v.array(
    v.object({
      type: v.literal('function'),
      function: v.object({
        name: v.string(),
        description: v.optional(v.string()),
        parameters: v.optional(json),
        strict: v.optional(v.boolean()),
      }),
    }),
  ),
  tool_choice: v.union([
    v.picklist(['none', 'auto', 'required']),
    v.object({ type: v.literal('function'), function: v.object({ name: v.string() }) }),
  ]),
  parallel_tool_calls: v.boolean(),
  reasoning_effort: v.picklist(['minimal', 'low', 'medium', 'high']),
  service_tier: v.string(),
  user: v.string(),
  safety_identifier: v.string(),
  store: v.boolean(),
  metadata: v.record(v.string(), v.string()),
  modalities: v.array(v.string()),
  audio: v.object({ voice: v.string(), format: v.string() }),
} satisfies { [K in keyof ParamValues]-?: v.GenericSchema<unknown, ParamValues[K]> };

/** Parameter values; a value missing from older state gets its default. */
export const paramValuesSchema = v.pipe(
  v.partial(v.object(paramValueEntries)),
  v.transform((values): ParamValues => ({ ...structuredClone(DEFAULT_PARAM_VALUES), ...values })),
);

/** A conversation's request parameters (RequestParams) as a store saved them. */
export const requestParamsSchema = v.object({
  model: v.string(),
  values: v.optional(paramValuesSchema, () => structuredClone(DEFAULT_PARAM_VALUES)),
  enabled: v.optional(v.record(v.string(), v.boolean()), () => ({ ...DEFAULT_ENABLED })),
  extraBody: v.optional(v.string(), ''),
}) satisfies v.GenericSchema<unknown, RequestParams>;
