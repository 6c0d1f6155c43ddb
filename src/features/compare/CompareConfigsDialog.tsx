import { useState } from 'react';
import { newId } from '../../domain/ids';
import type { Conversation } from '../../domain/types';
import { compareConfigurations } from '../generation/runs';
import { lanesFor } from '../generation/lanes';
import { useEndpointsStore } from '../endpoints/endpoints-store';
import { Dialog } from '../../components/ui/Dialog';
import { useCompareStore, type CompareConfig } from './compare-store';

const MAX = 4;
const input = 'h-8 rounded-md border border-line bg-bg px-2 text-[12.5px] min-w-0';

/** Up to four configurations (endpoint, model, body overrides), saved, sent side by side. */
export default function CompareConfigsDialog({ conversation, onClose }: { conversation: Conversation; onClose: () => void }) {
  const saved = useCompareStore((s) => s.configs);
  const setConfigs = useCompareStore((s) => s.setConfigs);
  const endpoints = useEndpointsStore((s) => s.endpoints);
  const [rows, setRows] = useState<CompareConfig[]>(() =>
    saved.length > 0 ? saved : [0, 1].map(() => ({ id: newId(), endpointId: null, model: conversation.params.model, overrides: '' })),
  );
  const [error, setError] = useState<string | null>(null);
  const patch = (id: string, p: Partial<CompareConfig>) => setRows((r) => r.map((c) => (c.id === id ? { ...c, ...p } : c)));

  const run = () => {
    const lanes = lanesFor(conversation, rows);
    if (typeof lanes === 'string') return setError(lanes);
    setConfigs(rows);
    onClose();
    void compareConfigurations(conversation.id, lanes);
  };

  return (
    <Dialog
      onClose={onClose}
      label="Compare configurations"
      testId="compare-configs-dialog"
      className="max-h-[85vh] w-[min(94vw,760px)] p-0 overflow-hidden rounded-xl border border-line bg-raised shadow-2xl backdrop:bg-black/40"
    >
      <div className="border-b border-line px-4 py-3">
        <h2 className="text-[14px] font-semibold">Compare configurations</h2>
        <p className="text-[12px] text-muted">
          The conversation as it stands, sent to each column at once; a last reply is run again and kept as an alternative.
        </p>
      </div>
      <div className="space-y-2 px-4 py-3">
        {rows.map((c, i) => (
          <div key={c.id} data-testid="compare-config" className="grid grid-cols-[1.5rem_1fr_1fr_1.4fr_auto] items-center gap-2">
            <span className="text-[12px] font-semibold text-muted">{i + 1}</span>
            <select
              aria-label={`Column ${i + 1} endpoint`}
              className={input}
              value={c.endpointId ?? ''}
              onChange={(e) => patch(c.id, { endpointId: e.target.value || null })}
            >
              <option value="">Active endpoint</option>
              {endpoints.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
            <input
              aria-label={`Column ${i + 1} model`}
              className={`${input} font-mono`}
              value={c.model}
              onChange={(e) => patch(c.id, { model: e.target.value })}
            />
            <input
              aria-label={`Column ${i + 1} overrides`}
              placeholder='{"temperature": 0.2}'
              spellCheck={false}
              className={`${input} font-mono`}
              value={c.overrides}
              onChange={(e) => patch(c.id, { overrides: e.target.value })}
            />
            <button
              type="button"
              aria-label={`Remove column ${i + 1}`}
              disabled={rows.length <= 2}
              onClick={() => setRows((r) => r.filter((x) => x.id !== c.id))}
              className="h-7 w-7 rounded text-faint hover:bg-sunken hover:text-fg disabled:opacity-30"
            >
              ×
            </button>
          </div>
        ))}
        {rows.length < MAX ? (
          <button
            type="button"
            onClick={() => setRows((r) => [...r, { id: newId(), endpointId: null, model: conversation.params.model, overrides: '' }])}
            className="text-[12.5px] font-medium text-accent hover:underline"
          >
            + Add a column
          </button>
        ) : null}
        {error ? (
          <p role="alert" className="text-[12px] text-danger">
            {error}
          </p>
        ) : null}
      </div>
      <div className="flex justify-end gap-2 border-t border-line px-4 py-3">
        <button type="button" onClick={onClose} className="rounded-md px-3 py-1.5 text-[13px] text-muted hover:bg-sunken">
          Cancel
        </button>
        <button
          type="button"
          data-testid="compare-run-button"
          onClick={run}
          className="rounded-md bg-accent px-3 py-1.5 text-[13px] font-medium text-accent-fg hover:bg-accent-hover"
        >
          Run side by side
        </button>
      </div>
    </Dialog>
  );
}
