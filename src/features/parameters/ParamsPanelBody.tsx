import type { ReactNode } from 'react';
import {
  AUDIO_FORMATS,
  AUDIO_VOICES,
  NUMERIC_LIMITS,
  PARAM_GROUPS,
  REASONING_EFFORTS,
  resetParam,
  SERVICE_TIERS,
  switchParam,
  valueProblems,
} from '../../domain/params';
import type { NumericParamKey, ParamGroup } from '../../domain/params';
import { parseMetadata } from '../../domain/params-parse';
import type { ParamKey, ParamValues, ReasoningEffort, RequestParams } from '../../domain/types';
import { useModelFacts, useProviderRules } from '../endpoints/model-catalog';
import { BoolParam, JsonParam, NumberParam, SelectParam, Slider, TextParam } from './controls';
import { ExtraBodyEditor } from './ExtraBodyEditor';
import { LogitBiasEditor } from './LogitBiasEditor';
import { ParamRow } from './ParamRow';
import { ParamSection } from './ParamSection';
import { PresetsBar } from './PresetsBar';
import { ResponseFormatEditor } from './ResponseFormatEditor';
import { StopChips } from './StopChips';
import { ToolsEditor } from './ToolsEditor';

const LABELS: Record<NumericParamKey, [string, string?]> = {
  temperature: ['Temperature'],
  top_p: ['Top P', 'Nucleus sampling; change this or temperature, not both.'],
  presence_penalty: ['Presence penalty'],
  frequency_penalty: ['Frequency penalty'],
  seed: ['Seed', 'Best-effort determinism; compare system_fingerprint.'],
  max_completion_tokens: ['Max completion', 'Includes reasoning tokens. Reasoning models (o-series, GPT-5) require this name.'],
  max_tokens: ['Max tokens (old)', 'Older name; many non-OpenAI servers still expect it. Reasoning models reject it.'],
  n: ['Choices (n)'],
  top_logprobs: ['Top logprobs', 'Alternatives per token (0–20); needs logprobs.'],
};

const GROUP_OF: Record<ParamKey, ParamGroup> = {
  temperature: 'sampling',
  top_p: 'sampling',
  presence_penalty: 'sampling',
  frequency_penalty: 'sampling',
  seed: 'sampling',
  logit_bias: 'sampling',
  max_completion_tokens: 'output',
  max_tokens: 'output',
  n: 'output',
  stop: 'output',
  stream: 'output',
  include_usage: 'output',
  logprobs: 'output',
  top_logprobs: 'output',
  modalities: 'output',
  audio: 'output',
  tools: 'tools',
  tool_choice: 'tools',
  parallel_tool_calls: 'tools',
  response_format: 'format',
  reasoning_effort: 'advanced',
  service_tier: 'advanced',
  user: 'advanced',
  safety_identifier: 'advanced',
  store: 'advanced',
  metadata: 'advanced',
};

/** Every Chat Completions parameter, grouped; each has a send switch and keeps its value when off. */
export function ParamsPanelBody({ params, onChange }: { params: RequestParams; onChange: (next: RequestParams) => void }) {
  const facts = useModelFacts(params.model).facts;
  const v = params.values;
  const on = (key: ParamKey) => params.enabled[key] === true;
  const set = <K extends ParamKey>(key: K, value: ParamValues[K]) => onChange({ ...params, values: { ...params.values, [key]: value } });
  const toggle = (key: ParamKey, value: boolean) => onChange(switchParam(params, key, value));
  const row = (key: ParamKey, label: string, control: ReactNode, hint?: ReactNode, opts: { wire?: string; inline?: ReactNode } = {}) => (
    <ParamRow
      key={key}
      name={key}
      label={label}
      wire={opts.wire}
      inline={opts.inline}
      enabled={on(key)}
      onToggle={(x) => toggle(key, x)}
      onReset={() => onChange(resetParam(params, key))}
      problems={valueProblems(v, key)}
      hint={hint}
    >
      {control}
    </ParamRow>
  );
  const inline = (key: ParamKey, label: string, control: ReactNode, hint?: ReactNode, wire?: string) =>
    row(key, label, null, hint, { inline: control, wire });
  const num = (key: NumericParamKey, extraHint?: string) => {
    const lim = NUMERIC_LIMITS[key];
    const [label, hint] = LABELS[key];
    const box = (
      <NumberParam
        name={key}
        value={v[key]}
        min={lim.min}
        max={lim.max}
        step={lim.step}
        invalid={valueProblems(v, key).length > 0}
        onChange={(x) => set(key, x)}
      />
    );
    const slider =
      lim.max - lim.min <= 4 ? (
        <Slider name={key} value={v[key]} min={lim.min} max={lim.max} step={lim.step} onChange={(x) => set(key, x)} />
      ) : null;
    return row(key, label, slider, extraHint ?? hint, { inline: box });
  };
  // The endpoint's rule may send the one limit switched on under the other name: say so where it is set.
  const outputLimit = useProviderRules(params.model).outputLimit ?? 'as-set';
  const limitHint = (key: 'max_completion_tokens' | 'max_tokens') =>
    outputLimit !== 'as-set' && outputLimit !== key && on(key) && !on(outputLimit)
      ? `Sent as ${outputLimit}: this endpoint's provider rule (endpoint settings).`
      : key === 'max_completion_tokens' && facts.reasoning
        ? `${params.model} is a reasoning model: use max_completion_tokens.`
        : undefined;
  const toolNames = v.tools.map((t) => t.function.name);
  const toolChoiceValue = typeof v.tool_choice === 'string' ? v.tool_choice : `fn:${v.tool_choice.function.name}`;

  const sections: Record<ParamGroup, ReactNode[]> = {
    sampling: [
      num('temperature'),
      num('top_p'),
      num('presence_penalty'),
      num('frequency_penalty'),
      num('seed'),
      row(
        'logit_bias',
        'Logit bias',
        <LogitBiasEditor model={params.model} value={v.logit_bias} onChange={(x) => set('logit_bias', x)} />,
        'Token id → bias (−100 bans, 100 forces). Pick tokens by text below.',
      ),
    ],
    output: [
      num('max_completion_tokens', limitHint('max_completion_tokens')),
      num('max_tokens', limitHint('max_tokens')),
      num('n'),
      row(
        'stop',
        'Stop sequences',
        <StopChips value={v.stop} onChange={(x) => set('stop', x)} />,
        'Up to 4; not supported by some reasoning models.',
      ),
      inline('stream', 'Stream', <BoolParam name="stream" value={v.stream} onChange={(x) => set('stream', x)} />),
      inline(
        'include_usage',
        'Usage in stream',
        <BoolParam name="include_usage" value={v.include_usage} onChange={(x) => set('include_usage', x)} />,
        'stream_options.include_usage; sent when streaming.',
        'stream_options',
      ),
      inline('logprobs', 'Log probabilities', <BoolParam name="logprobs" value={v.logprobs} onChange={(x) => set('logprobs', x)} />),
      num('top_logprobs'),
      inline(
        'modalities',
        'Modalities',
        <SelectParam
          className="w-28! shrink-0"
          name="modalities"
          value={v.modalities.join(',')}
          onChange={(e) => set('modalities', e.target.value.split(','))}
        >
          <option value="text">text</option>
          <option value="text,audio">text, audio</option>
        </SelectParam>,
        'Audio output needs an audio model (gpt-4o-audio-preview, gpt-audio).',
      ),
      row(
        'audio',
        'Audio output',
        <div className="flex gap-1.5">
          <SelectParam name="audio" value={v.audio.voice} onChange={(e) => set('audio', { ...v.audio, voice: e.target.value })}>
            {AUDIO_VOICES.map((x) => (
              <option key={x}>{x}</option>
            ))}
          </SelectParam>
          <select
            aria-label="audio format"
            data-testid="param-audio-format"
            value={v.audio.format}
            onChange={(e) => set('audio', { ...v.audio, format: e.target.value })}
            className="h-7 w-24 shrink-0 rounded-md border border-line bg-raised px-1 text-[12px]"
          >
            {AUDIO_FORMATS.map((x) => (
              <option key={x}>{x}</option>
            ))}
          </select>
        </div>,
        'Voice and format; sent only with modalities including audio.',
      ),
    ],
    tools: [
      row('tools', 'Tools', <ToolsEditor value={v.tools} onChange={(x) => set('tools', x)} />),
      inline(
        'tool_choice',
        'Tool choice',
        <SelectParam
          className="w-32! shrink-0"
          name="tool_choice"
          value={toolChoiceValue}
          onChange={(e) =>
            set(
              'tool_choice',
              e.target.value.startsWith('fn:')
                ? { type: 'function', function: { name: e.target.value.slice(3) } }
                : (e.target.value as 'none' | 'auto' | 'required'),
            )
          }
        >
          <option value="auto">auto</option>
          <option value="none">none</option>
          <option value="required">required</option>
          {toolNames.map((n) => (
            <option key={n} value={`fn:${n}`}>
              function: {n}
            </option>
          ))}
          {typeof v.tool_choice === 'object' && !toolNames.includes(v.tool_choice.function.name) ? (
            <option value={toolChoiceValue}>function: {v.tool_choice.function.name} (missing)</option>
          ) : null}
        </SelectParam>,
      ),
      inline(
        'parallel_tool_calls',
        'Parallel tool calls',
        <BoolParam name="parallel_tool_calls" value={v.parallel_tool_calls} onChange={(x) => set('parallel_tool_calls', x)} />,
      ),
    ],
    format: [
      row(
        'response_format',
        'Response format',
        <ResponseFormatEditor value={v.response_format} onChange={(x) => set('response_format', x)} />,
      ),
    ],
    advanced: [
      inline(
        'reasoning_effort',
        'Reasoning effort',
        <SelectParam
          className="w-24! shrink-0"
          name="reasoning_effort"
          value={v.reasoning_effort}
          onChange={(e) => set('reasoning_effort', e.target.value as ReasoningEffort)}
        >
          {REASONING_EFFORTS.map((x) => (
            <option key={x}>{x}</option>
          ))}
        </SelectParam>,
        facts.reasoning === false ? 'This model is not listed as a reasoning model.' : undefined,
      ),
      inline(
        'service_tier',
        'Service tier',
        <SelectParam
          className="w-24! shrink-0"
          name="service_tier"
          value={v.service_tier}
          onChange={(e) => set('service_tier', e.target.value)}
        >
          {SERVICE_TIERS.map((x) => (
            <option key={x}>{x}</option>
          ))}
        </SelectParam>,
      ),
      row('user', 'User', <TextParam name="user" value={v.user} placeholder="end-user id (deprecated)" onChange={(x) => set('user', x)} />),
      row(
        'safety_identifier',
        'Safety identifier',
        <TextParam
          name="safety_identifier"
          value={v.safety_identifier}
          placeholder="hashed end-user id"
          onChange={(x) => set('safety_identifier', x)}
        />,
      ),
      inline(
        'store',
        'Store',
        <BoolParam name="store" value={v.store} onChange={(x) => set('store', x)} />,
        'Keep the completion for evals / distillation (OpenAI).',
      ),
      row(
        'metadata',
        'Metadata',
        <JsonParam
          name="metadata"
          value={v.metadata}
          parse={parseMetadata}
          onChange={(x) => set('metadata', x)}
          rows={2}
          placeholder='{"run": "baseline"}'
        />,
        'Up to 16 string pairs; stored with the completion.',
      ),
    ],
  };

  return (
    <section className="space-y-1" aria-label="Parameters">
      <PresetsBar params={params} onChange={onChange} />
      {PARAM_GROUPS.map((g) => (
        <ParamSection
          key={g.id}
          group={g.id}
          label={g.label}
          onCount={(Object.keys(GROUP_OF) as ParamKey[]).filter((k) => GROUP_OF[k] === g.id && on(k)).length}
        >
          {sections[g.id]}
          {g.id === 'advanced' ? (
            <ExtraBodyEditor value={params.extraBody} onChange={(extraBody) => onChange({ ...params, extraBody })} />
          ) : null}
        </ParamSection>
      ))}
    </section>
  );
}
