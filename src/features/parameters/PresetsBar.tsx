import { useState } from 'react';
import { resetAllParams } from '../../domain/params';
import type { RequestParams } from '../../domain/types';
import { applyPreset, usePresetsStore } from './presets-store';

const btn = 'h-7 rounded-md border border-line bg-raised px-2 text-[12px] text-muted hover:bg-sunken hover:text-fg disabled:opacity-40';

/** Named parameter presets: save the current settings, load, rename, delete; and reset everything. */
export function PresetsBar({ params, onChange }: { params: RequestParams; onChange: (next: RequestParams) => void }) {
  const presets = usePresetsStore((s) => s.presets);
  const { save, rename, remove, overwrite } = usePresetsStore.getState();
  const [selected, setSelected] = useState('');
  const [naming, setNaming] = useState<{ mode: 'save' | 'rename'; text: string } | null>(null);
  const current = presets.find((p) => p.id === selected);

  const finish = () => {
    if (!naming || naming.text.trim() === '') return setNaming(null);
    if (naming.mode === 'save') setSelected(save(naming.text, params));
    else if (current) rename(current.id, naming.text);
    setNaming(null);
  };

  return (
    <div className="space-y-1.5 px-1 pb-1">
      <div className="flex items-center gap-1">
        <select
          aria-label="Parameter preset"
          data-testid="preset-select"
          value={current ? current.id : ''}
          onChange={(e) => {
            const p = presets.find((x) => x.id === e.target.value);
            setSelected(e.target.value);
            if (p) onChange(applyPreset(params, p));
          }}
          className="h-7 min-w-0 flex-1 rounded-md border border-line bg-raised px-1.5 text-[12px]"
        >
          <option value="">{presets.length === 0 ? 'No presets yet' : 'Load a preset…'}</option>
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <button type="button" className={btn} data-testid="preset-save" onClick={() => setNaming({ mode: 'save', text: '' })}>
          Save as…
        </button>
        <button
          type="button"
          className={btn}
          data-testid="params-reset-all"
          title="Every parameter back to its default (the model stays)"
          onClick={() => onChange(resetAllParams(params))}
        >
          Reset all
        </button>
      </div>
      {current ? (
        <div className="flex items-center gap-2 text-[11.5px]">
          <span className="text-faint">Preset “{current.name}”:</span>
          <button type="button" className="text-accent hover:underline" onClick={() => overwrite(current.id, params)}>
            update
          </button>
          <button
            type="button"
            className="text-accent hover:underline"
            data-testid="preset-rename"
            onClick={() => setNaming({ mode: 'rename', text: current.name })}
          >
            rename
          </button>
          <button
            type="button"
            className="text-danger hover:underline"
            data-testid="preset-delete"
            onClick={() => {
              remove(current.id);
              setSelected('');
            }}
          >
            delete
          </button>
        </div>
      ) : null}
      {naming ? (
        <form
          className="flex items-center gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            finish();
          }}
        >
          <input
            autoFocus
            aria-label={naming.mode === 'save' ? 'New preset name' : 'Preset name'}
            data-testid="preset-name-input"
            value={naming.text}
            placeholder="e.g. Deterministic JSON"
            onChange={(e) => setNaming({ ...naming, text: e.target.value })}
            onKeyDown={(e) => e.key === 'Escape' && setNaming(null)}
            className="h-7 min-w-0 flex-1 rounded-md border border-line bg-raised px-2 text-[12px]"
          />
          <button type="submit" className={btn}>
            {naming.mode === 'save' ? 'Save' : 'Rename'}
          </button>
          <button type="button" className={btn} onClick={() => setNaming(null)}>
            Cancel
          </button>
        </form>
      ) : null}
    </div>
  );
}
