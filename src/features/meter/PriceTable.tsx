import { useState } from 'react';
import { parseFactInput } from '../../domain/model-facts';
import type { ModelFacts } from '../../domain/model-facts';
import { useModelFactsStore } from '../endpoints/model-facts-store';
import { Section } from './parts';

const PRICE_KEYS = ['inputPrice', 'cachedInputPrice', 'outputPrice'] as const;
type PriceKey = (typeof PRICE_KEYS)[number];
const HEAD: Record<PriceKey, string> = { inputPrice: 'input', cachedInputPrice: 'cached in', outputPrice: 'output' };

/**
 * Prices per 1M tokens of the models in view. OpenAI models come priced from gpt-tokenizer's data;
 * any model can be priced or corrected here. Edits are the person's model-facts overrides (persisted).
 */
export function PriceTable({ models, factsFor }: { models: string[]; factsFor: (model: string) => ModelFacts }) {
  const overrides = useModelFactsStore((s) => s.overrides);
  const list = [...new Set([...models, ...Object.keys(overrides)].filter((m) => m.trim() !== ''))];
  return (
    <Section title="Prices (USD per 1M tokens)">
      <table data-testid="price-table" className="w-full text-left">
        <thead className="text-[11px] text-faint">
          <tr>
            <th className="font-normal">model</th>
            {PRICE_KEYS.map((k) => (
              <th key={k} className="text-right font-normal">
                {HEAD[k]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {list.map((model) => {
            const facts = factsFor(model);
            const mine = overrides[model] ?? {};
            return (
              <tr key={model} data-testid="price-row" data-model={model}>
                <td className="max-w-[12rem] truncate font-mono text-[11.5px]" title={model}>
                  {model}
                  {facts.inputPrice === undefined || facts.outputPrice === undefined ? (
                    <span className="ml-1 font-sans text-warn">no price known</span>
                  ) : null}
                </td>
                {PRICE_KEYS.map((k) => (
                  <td key={k} className="py-0.5 pl-2">
                    <PriceInput model={model} field={k} value={facts[k]} mine={mine[k] !== undefined} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="mt-1 text-[10.5px] text-faint">Empty a field to fall back to the catalog or server price. Kept in this browser.</p>
    </Section>
  );
}

function PriceInput({ model, field, value, mine }: { model: string; field: PriceKey; value: number | undefined; mine: boolean }) {
  const [draft, setDraft] = useState<string | null>(null);
  const setFact = useModelFactsStore((s) => s.setFact);
  return (
    <input
      data-testid={`price-${field}`}
      aria-label={`${HEAD[field]} price of ${model}`}
      inputMode="decimal"
      placeholder="—"
      value={draft ?? (value === undefined ? '' : String(value))}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => {
        if (draft !== null) {
          const v = parseFactInput(field, draft);
          if (v !== 'invalid') setFact(model, field, v);
        }
        setDraft(null);
      }}
      onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
      className={`h-6 w-full min-w-14 rounded border border-line bg-raised px-1.5 text-right font-mono text-[11.5px] ${mine ? 'text-accent' : ''}`}
    />
  );
}
