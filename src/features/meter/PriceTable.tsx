import { useRef, useState } from 'react';
import { parseFactInput } from '../../domain/model-facts';
import type { ResolvedFacts } from '../../domain/model-facts';
import { overrideKey } from '../../domain/price-book';
import { parsePriceFile, priceFileJSON } from '../../domain/price-file';
import { notify } from '../../lib/notify/notify';
import { SOURCE } from '../endpoints/fact-sources';
import { useFactsResolver } from '../endpoints/model-catalog';
import { useModelFactsStore } from '../endpoints/model-facts-store';
import { download } from '../../lib/files/download';
import { Section } from './parts';

const PRICE_KEYS = ['inputPrice', 'cachedInputPrice', 'outputPrice'] as const;
type PriceKey = (typeof PRICE_KEYS)[number];
const HEAD: Record<PriceKey, string> = { inputPrice: 'input', cachedInputPrice: 'cached in', outputPrice: 'output' };

/**
 * Prices per 1M tokens of the models in view and of every model the person priced, each with where
 * it came from (the catalog and its date, the server's list, the person). Search filters; a name
 * typed that is not listed gets a row of its own, to price a model before using it. Edits are the
 * person's model-facts overrides (persisted), kept under the name they already priced
 * (`gpt-4o` for `gpt-4o-2024-08-06`) so one edit re-prices every snapshot.
 */
export function PriceTable({ models }: { models: string[] }) {
  const resolve = useFactsResolver();
  const overrides = useModelFactsStore((s) => s.overrides);
  const [query, setQuery] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const all = [...new Set([...models, ...Object.keys(overrides)].filter((m) => m.trim() !== ''))];
  const q = query.trim().toLowerCase();
  const list = q === '' ? all : all.filter((m) => m.toLowerCase().includes(q));
  if (q !== '' && !all.some((m) => m.toLowerCase() === q)) list.push(query.trim());

  const importFile = async (file: File) => {
    const parsed = parsePriceFile(await file.text());
    if (!parsed.ok) return notify(`Prices not imported: ${parsed.error}`, 'error');
    useModelFactsStore.getState().importFacts(parsed.models);
    const n = Object.keys(parsed.models).length;
    notify(
      `Imported prices for ${n} model${n === 1 ? '' : 's'}${parsed.skipped.length > 0 ? `; skipped ${parsed.skipped.join(', ')}` : ''}`,
      'success',
    );
  };

  return (
    <Section title="Prices (USD per 1M tokens)">
      <div className="mb-1 flex items-center gap-1.5">
        <input
          data-testid="price-search"
          type="search"
          aria-label="Search prices or type a model to price"
          placeholder="Search, or type a model to price…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="h-6 min-w-0 flex-1 rounded border border-line bg-raised px-1.5 text-[11.5px]"
        />
        <button
          type="button"
          data-testid="price-export"
          className="rounded px-1.5 py-0.5 text-accent hover:bg-sunken disabled:text-faint"
          disabled={Object.keys(overrides).length === 0}
          title="Download your prices and model facts as JSON"
          onClick={() => download('model-prices.json', priceFileJSON(overrides), 'application/json')}
        >
          Export
        </button>
        <button
          type="button"
          data-testid="price-import"
          className="rounded px-1.5 py-0.5 text-accent hover:bg-sunken"
          title="Add prices from an exported JSON file"
          onClick={() => fileInput.current?.click()}
        >
          Import
        </button>
        <input
          ref={fileInput}
          data-testid="price-import-file"
          type="file"
          accept="application/json,.json"
          className="hidden"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      <table data-testid="price-table" className="w-full text-left">
        <thead className="text-[11px] text-faint">
          <tr>
            <th className="font-normal">model</th>
            {PRICE_KEYS.map((k) => (
              <th key={k} className="text-right font-normal">
                {HEAD[k]}
              </th>
            ))}
            <th className="pl-2 font-normal">from</th>
          </tr>
        </thead>
        <tbody>
          {list.map((model) => (
            <PriceRow key={model} model={model} resolved={resolve(model)} editedAs={overrideKey(overrides, model)} />
          ))}
        </tbody>
      </table>
      <p className="mt-1 text-[10.5px] text-faint">
        Empty a field, or Reset, to fall back to the catalog or server price. Your prices are kept in this browser.
      </p>
    </Section>
  );
}

function PriceRow({ model, resolved, editedAs }: { model: string; resolved: ResolvedFacts; editedAs: string | undefined }) {
  const { facts, sources } = resolved;
  const key = editedAs ?? model;
  const mine = useModelFactsStore((s) => s.overrides[key]);
  const clearPrices = () => {
    const { setFact } = useModelFactsStore.getState();
    for (const k of ['inputPrice', 'cachedInputPrice', 'cacheWritePrice', 'outputPrice'] as const) setFact(key, k, undefined);
  };
  const priced = facts.inputPrice !== undefined && facts.outputPrice !== undefined;
  const from = sources.inputPrice ?? sources.outputPrice;
  return (
    <tr data-testid="price-row" data-model={model}>
      <td
        className="max-w-[10rem] truncate font-mono text-[11.5px]"
        title={editedAs && editedAs !== model ? `${model} (your price for ${editedAs})` : model}
      >
        {model}
        {priced ? null : <span className="ml-1 font-sans text-warn">no price</span>}
      </td>
      {PRICE_KEYS.map((k) => (
        <td key={k} className="py-0.5 pl-2">
          <PriceInput model={model} storeAs={key} field={k} value={facts[k]} mine={sources[k] === 'person'} />
        </td>
      ))}
      <td
        data-testid="price-source"
        className="max-w-[12rem] truncate whitespace-nowrap pl-2 text-[10.5px] text-faint"
        title={from ? SOURCE[from] : 'no price known'}
      >
        {from === 'person' && mine ? (
          <button
            type="button"
            data-testid="price-reset"
            className="text-accent hover:underline"
            onClick={clearPrices}
            title="Reset to the catalog or server price"
          >
            yours · Reset
          </button>
        ) : from ? (
          SOURCE[from]
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}

function PriceInput({
  model,
  storeAs,
  field,
  value,
  mine,
}: {
  model: string;
  storeAs: string;
  field: PriceKey;
  value: number | undefined;
  mine: boolean;
}) {
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
          if (v !== 'invalid') setFact(storeAs, field, v);
        }
        setDraft(null);
      }}
      onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
      className={`h-6 w-full min-w-14 rounded border border-line bg-raised px-1.5 text-right font-mono text-[11.5px] ${mine ? 'text-accent' : ''}`}
    />
  );
}
