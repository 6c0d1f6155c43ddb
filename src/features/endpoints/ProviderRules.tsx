import type { ReactNode } from 'react';
import { findPreset } from '../../domain/endpoints';
import {
  OUTPUT_LIMIT_LABEL,
  OUTPUT_LIMIT_RULES,
  outputLimitFor,
  REASONING_SEND_BACK,
  REASONING_SEND_BACK_LABEL,
  reasoningSendBackFor,
} from '../../domain/provider-rules';
import type { Decided, RuleKey } from '../../domain/provider-rules';
import type { Endpoint } from '../../domain/types';
import { useEndpointsStore } from './endpoints-store';
import { useModelFacts } from './model-catalog';

const select = 'h-7 w-full min-w-0 rounded-md border border-line bg-raised px-1.5 text-[12px]';

/** Why a rule has its value, in words (and whether the profile's own value can be reset). */
function origin(decided: Decided<unknown>, presetName: string | undefined, model: string): string {
  switch (decided.source) {
    case 'learned':
      return 'Learned from the server’s refusal';
    case 'profile':
      return 'Set in this profile';
    case 'preset':
      return `From the ${presetName ?? 'provider'} preset`;
    case 'model':
      return `${model} is a reasoning model`;
    case 'default':
      return 'Default';
  }
}

/**
 * The profile's provider rules (domain/provider-rules.ts): whether earlier replies carry their
 * reasoning back, and the name the output limit is sent under. Each says where its value comes
 * from; a value the profile holds (chosen, or learned from a refusal) can be reset to the preset's.
 */
export function ProviderRules({ endpoint, model }: { endpoint: Endpoint; model: string }) {
  const facts = useModelFacts(model).facts;
  const { setRule, resetRule } = useEndpointsStore.getState();
  const presetName = findPreset(endpoint.presetId)?.name;
  const reasoning = reasoningSendBackFor(endpoint);
  const limit = outputLimitFor(endpoint, facts);

  const row = (key: RuleKey, label: string, decided: Decided<string>, control: ReactNode) => {
    const id = key === 'reasoningSendBack' ? 'endpoint-reasoning-send-back' : 'endpoint-output-limit';
    const own = decided.source === 'learned' || decided.source === 'profile';
    return (
      <div className="space-y-0.5">
        <label className="block space-y-0.5 text-[12px] text-muted">
          <span className="block">{label}</span>
          {control}
        </label>
        <p
          data-testid={`${id}-source`}
          data-source={decided.source}
          className={`text-[11px] ${decided.source === 'learned' ? 'font-medium text-accent' : 'text-faint'}`}
        >
          {origin(decided, presetName, model)}
          {own ? (
            <>
              {' · '}
              <button
                type="button"
                data-testid={`${id}-reset`}
                title="Forget this profile's own value: the preset (or the model's facts) decides again"
                onClick={() => resetRule(endpoint.id, key)}
                className="text-accent hover:underline"
              >
                Reset
              </button>
            </>
          ) : null}
        </p>
      </div>
    );
  };

  return (
    <fieldset className="min-w-0 space-y-2 rounded-md border border-line px-2.5 pt-1 pb-2" data-testid="endpoint-provider-rules">
      <legend className="px-1 text-[12px] font-medium text-muted">Provider rules</legend>
      {row(
        'reasoningSendBack',
        'Send reasoning back',
        reasoning,
        <select
          data-testid="endpoint-reasoning-send-back"
          value={reasoning.rule}
          title="Which earlier replies carry their reasoning (reasoning_content) in the next request. DeepSeek's thinking mode needs it in tool-call turns; most servers want it left out."
          onChange={(e) => setRule(endpoint.id, 'reasoningSendBack', e.target.value as (typeof REASONING_SEND_BACK)[number])}
          className={select}
        >
          {REASONING_SEND_BACK.map((r) => (
            <option key={r} value={r}>
              {REASONING_SEND_BACK_LABEL[r]}
            </option>
          ))}
        </select>,
      )}
      {row(
        'outputLimit',
        'Send max output as',
        limit,
        <select
          data-testid="endpoint-output-limit"
          value={limit.rule}
          title="The name the output limit (either switch of the Output parameters) is sent under. OpenAI's reasoning models refuse max_tokens; DeepSeek and local servers take only max_tokens."
          onChange={(e) => setRule(endpoint.id, 'outputLimit', e.target.value as (typeof OUTPUT_LIMIT_RULES)[number])}
          className={`${select} font-mono`}
        >
          {OUTPUT_LIMIT_RULES.map((r) => (
            <option key={r} value={r}>
              {OUTPUT_LIMIT_LABEL[r]}
            </option>
          ))}
        </select>,
      )}
    </fieldset>
  );
}
