import { useState } from 'react';
import { BOOLEAN_FACTS, NUMERIC_FACTS, parseFactInput } from '../../domain/model-facts';
import type { FactKey } from '../../domain/model-facts';
import { overrideKey } from '../../domain/price-book';
import { PROVIDER_NAMES, providerOf } from '../../domain/providers';
import { SOURCE, sourcesLine } from './fact-sources';
import { useModelFacts } from './model-catalog';
import { useActiveEndpoint } from './endpoints-store';
import { useModelFactsStore } from './model-facts-store';

const LABEL: Record<FactKey, string> = {
  contextWindow: 'Context window',
  maxOutput: 'Max output',
  inputPrice: 'Input $/1M',
  cachedInputPrice: 'Cached input $/1M',
  cacheWritePrice: 'Cache write $/1M',
  outputPrice: 'Output $/1M',
  vision: 'Vision',
  tools: 'Tools',
  reasoning: 'Reasoning',
};
function compact(n: number): string {
  return n >= 1000 ? `${Number((n / 1000).toFixed(n % 1000 === 0 ? 0 : 1))}k` : String(n);
}

/** What is known about the model, where it came from, and the person's corrections (persisted). */
export function ModelFactsView({ model }: { model: string }) {
  const resolved = useModelFacts(model);
  const { facts, sources } = resolved;
  const provider = providerOf(useActiveEndpoint());
  // Edits go under the name the person already priced (e.g. `gpt-4o` for `gpt-4o-2024-08-06`), else this one.
  const key = useModelFactsStore((s) => overrideKey(s.overrides, model)) ?? model;
  const override = useModelFactsStore((s) => s.overrides[key]);
  const { setFact, clearModel } = useModelFactsStore.getState();
  const [editing, setEditing] = useState(false);
  if (model.trim() === '') return null;
  const caps = BOOLEAN_FACTS.filter((k) => facts[k] === true);
  return (
    <div data-testid="model-facts" className="rounded-md border border-line bg-sunken/50 px-2 py-1.5 text-[11.5px]">
      <div className="flex items-center gap-2">
        <span className="text-faint">
          {facts.contextWindow !== undefined ? `${compact(facts.contextWindow)} context` : 'context unknown'}
          {facts.maxOutput !== undefined ? ` · ${compact(facts.maxOutput)} out` : ''}
          {sources.inputPrice === 'local' && sources.outputPrice === 'local'
            ? ' · free (local server)'
            : facts.inputPrice !== undefined && facts.outputPrice !== undefined
              ? ` · $${facts.inputPrice}/$${facts.outputPrice} per 1M${facts.tiers ? ' (more above ' + compact(facts.tiers[0]!.above) + ' in)' : ''}`
              : ' · no price'}
          {caps.length > 0 ? ` · ${caps.join(', ')}` : ''}
        </span>
        <button
          type="button"
          data-testid="model-facts-edit"
          aria-expanded={editing}
          onClick={() => setEditing(!editing)}
          className="ml-auto shrink-0 text-accent hover:underline"
        >
          {editing ? 'Done' : 'Edit'}
        </button>
      </div>
      <p data-testid="model-facts-source" className="mt-0.5 truncate text-[10.5px] text-faint" title={sourcesLine(resolved)}>
        {sourcesLine(resolved) || `nothing known for ${model} on ${PROVIDER_NAMES[provider]}`}
      </p>
      {editing ? (
        <div className="mt-1.5 grid grid-cols-[1fr_6.5rem] items-center gap-x-2 gap-y-1">
          {NUMERIC_FACTS.map((k) => (
            <FactInput
              key={k}
              label={LABEL[k]}
              title={sources[k] ? `From ${SOURCE[sources[k]]}` : 'Unknown'}
              value={facts[k] === undefined ? '' : String(facts[k])}
              onCommit={(text) => {
                const v = parseFactInput(k, text);
                if (v !== 'invalid') setFact(key, k, v);
              }}
              testId={`model-fact-${k}`}
            />
          ))}
          {BOOLEAN_FACTS.map((k) => (
            <label key={k} className="contents">
              <span className="text-muted" title={sources[k] ? `From ${SOURCE[sources[k]]}` : 'Unknown'}>
                {LABEL[k]}
              </span>
              <select
                data-testid={`model-fact-${k}`}
                value={facts[k] === undefined ? '' : facts[k] ? 'yes' : 'no'}
                onChange={(e) => {
                  const v = parseFactInput(k, e.target.value);
                  if (v !== 'invalid') setFact(key, k, v);
                }}
                className="h-6 rounded border border-line bg-raised px-1 text-[11.5px]"
              >
                <option value="">unknown</option>
                <option value="yes">yes</option>
                <option value="no">no</option>
              </select>
            </label>
          ))}
          <span className="col-span-2 text-[10.5px] text-faint">
            {PROVIDER_NAMES[provider]} prices from {SOURCE.prices}, limits from {SOURCE.catalog}, then the server’s list. Your values (kept
            under <span className="font-mono">{key}</span> in this browser) win.{' '}
            {override ? (
              <button type="button" className="text-accent hover:underline" onClick={() => clearModel(key)}>
                Reset to catalog
              </button>
            ) : null}
          </span>
        </div>
      ) : null}
    </div>
  );
}

function FactInput({
  label,
  title,
  value,
  onCommit,
  testId,
}: {
  label: string;
  title: string;
  value: string;
  onCommit: (text: string) => void;
  testId: string;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <label className="contents">
      <span className="text-muted" title={title}>
        {label}
      </span>
      <input
        data-testid={testId}
        inputMode="decimal"
        value={draft ?? value}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          if (draft !== null) onCommit(draft);
          setDraft(null);
        }}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        className="h-6 rounded border border-line bg-raised px-1.5 text-right font-mono text-[11.5px]"
      />
    </label>
  );
}
