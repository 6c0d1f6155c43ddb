import { useEffect, useState } from 'react';
import { Button } from '../../components/ui/Button';
import { Dialog } from '../../components/ui/Dialog';
import { toast } from '../../components/ui/toast';
import { storageUsage, type StorageUsage } from '../../lib/db/repo';
import { deleteWithUndo, removeImages } from './library-actions';
import { collectUnusedFiles, useCollectedBlobs } from './blob-collector';
import { useStorageDialog } from './storage-dialog-store';
import { TitleText } from '../../components/ui/TitleText';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

/** Loaded when first opened (see StorageButton). */
export function StorageDialog() {
  const open = useStorageDialog((s) => s.open);
  const setOpen = useStorageDialog((s) => s.setOpen);
  const [usage, setUsage] = useState<StorageUsage | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!open) return;
    let live = true;
    storageUsage().then(
      (u) => live && setUsage(u),
      (err: unknown) => toast(`Reading storage use failed: ${String(err)}`, 'error'),
    );
    return () => {
      live = false;
    };
  }, [open, tick]);

  const pct = usage?.usage != null && usage.quota ? Math.min(100, (usage.usage / usage.quota) * 100) : null;
  return (
    <Dialog
      open={open}
      onClose={() => setOpen(false)}
      labelledBy="storage-title"
      testId="storage-dialog"
      className="w-[460px] rounded-lg p-0 border border-line bg-panel shadow-xl backdrop:bg-black/30"
    >
      <div className="flex h-11 items-center justify-between border-b border-line px-4">
        <h2 id="storage-title" className="text-[14px] font-semibold">
          Storage
        </h2>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Close
        </Button>
      </div>
      <div className="space-y-3 p-4 text-[13px]">
        {usage === null ? (
          <p className="text-faint">Measuring…</p>
        ) : (
          <>
            <div>
              <div className="flex justify-between">
                <span data-testid="storage-usage">
                  {usage.usage === null ? 'Usage unknown' : `${formatBytes(usage.usage)} used`}
                  {usage.quota ? ` of ${formatBytes(usage.quota)}` : ''}
                </span>
                <span className="text-faint">
                  {usage.persisted
                    ? 'Persistent: the browser will not evict it'
                    : 'Not persistent: the browser may evict it under pressure'}
                </span>
              </div>
              {pct !== null ? (
                <div
                  role="meter"
                  aria-label="Storage used"
                  aria-valuenow={Math.round(pct)}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  className="mt-1.5 h-1.5 overflow-hidden rounded bg-sunken"
                >
                  <div className={`h-full ${pct > 90 ? 'bg-danger' : 'bg-accent'}`} style={{ width: `${pct}%` }} />
                </div>
              ) : null}
            </div>
            <p className="text-muted">
              To keep a copy elsewhere, use Export all (Backup). Freeing space: remove the images of a large conversation, or delete it.
            </p>
            <UnusedFiles onFreed={() => setTick((t) => t + 1)} />
            <h3 className="text-[12px] font-semibold tracking-wide text-faint uppercase">Biggest conversations</h3>
            {usage.biggest.length === 0 ? <p className="text-faint">Nothing stored yet.</p> : null}
            <ul className="divide-y divide-line rounded-md border border-line">
              {usage.biggest.map((c) => (
                <li key={c.id} data-testid="storage-conversation" className="flex items-center gap-2 px-2.5 py-1.5">
                  <span className="min-w-0 flex-1 truncate">
                    <TitleText title={c.title} />
                  </span>
                  <span className="shrink-0 text-[12px] text-faint tabular-nums">
                    {formatBytes(c.bytes)}
                    {c.images > 0 ? ` · ${c.images} image${c.images > 1 ? 's' : ''}` : ''}
                  </span>
                  {c.images > 0 ? (
                    <Button variant="ghost" className="h-7 px-2" onClick={() => void removeImages(c).then(() => setTick((t) => t + 1))}>
                      Remove images
                    </Button>
                  ) : null}
                  <Button
                    variant="ghost"
                    className="h-7 px-2"
                    aria-label={`Delete ${c.title}`}
                    onClick={() => void deleteWithUndo(c).then(() => setTick((t) => t + 1))}
                  >
                    Delete
                  </Button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </Dialog>
  );
}

/** Files no message or draft uses: what the last collection freed, and a button to collect now. */
function UnusedFiles({ onFreed }: { onFreed: () => void }) {
  const last = useCollectedBlobs((s) => s.last);
  const [busy, setBusy] = useState(false);
  const collect = () => {
    setBusy(true);
    // From the dialog the person asks for it: no grace time beyond a minute for attachments being added.
    void collectUnusedFiles(60_000)
      .then(onFreed, (err: unknown) => toast(`Freeing unused files failed: ${String(err)}`, 'error'))
      .finally(() => setBusy(false));
  };
  return (
    <div className="flex items-center gap-2">
      <span data-testid="storage-unused-files" className="flex-1 text-muted">
        {last === null
          ? 'Unused files (no message or draft uses them) are freed on idle.'
          : last.count === 0
            ? 'No unused files.'
            : `Freed ${last.count} unused file${last.count > 1 ? 's' : ''} (${formatBytes(last.bytes)}).`}
      </span>
      <Button variant="ghost" className="h-7 px-2" disabled={busy} onClick={collect}>
        Free unused files
      </Button>
    </div>
  );
}
