import { Button } from '../../components/ui/Button';
import type { ImportProgress as Progress } from '../../lib/codec/import-core';

export type FileProgress = (Progress | { phase: 'saving' }) & { name: string };

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

function describe(p: FileProgress): { text: string; value: number | null } {
  if (p.phase === 'reading')
    return { text: `Reading ${mb(p.bytes)} of ${mb(p.total)}`, value: p.total > 0 ? Math.round((p.bytes / p.total) * 100) : null };
  if (p.phase === 'checking') return { text: `Checking ${mb(p.total)}…`, value: null };
  if (p.phase === 'receiving')
    return {
      text: `${p.conversations.toLocaleString()} of ${p.total.toLocaleString()} conversations checked`,
      value: p.total > 0 ? Math.round((p.conversations / p.total) * 100) : null,
    };
  return { text: 'Saving, all or nothing…', value: null };
}

/** An import file on its way in: what is happening, how far, and Cancel until saving starts. */
export function ImportProgress({ progress, onCancel }: { progress: FileProgress; onCancel: () => void }) {
  const { text, value } = describe(progress);
  return (
    <div data-testid="import-progress" className="space-y-2 rounded-md border border-line bg-sunken px-3 py-2.5">
      <div className="flex items-baseline gap-2 text-[12px]">
        <span className="min-w-0 flex-1 truncate font-medium text-fg">{progress.name}</span>
        <span data-testid="import-progress-text" className="shrink-0 tabular-nums text-muted">
          {text}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={`Importing ${progress.name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(value !== null ? { 'aria-valuenow': value } : {})}
        aria-valuetext={text}
        className="relative h-1.5 overflow-hidden rounded-full bg-line"
      >
        <div
          className={`absolute inset-y-0 left-0 rounded-full bg-accent transition-[width] ${value === null ? 'w-1/3 animate-pulse' : ''}`}
          style={value !== null ? { width: `${value}%` } : undefined}
        />
      </div>
      <div className="flex items-center justify-between gap-2 text-[11.5px] text-muted">
        <span>Read and checked in the background: the page stays usable. Nothing is saved until every conversation has passed.</span>
        <Button data-testid="import-cancel" disabled={progress.phase === 'saving'} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
