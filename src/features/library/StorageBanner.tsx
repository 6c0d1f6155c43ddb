import { useSyncExternalStore } from 'react';
import { Button } from '../../components/ui/Button';
import { AlertIcon } from '../../components/ui/icons';
import { clearProblem, storageHealth, subscribeStorageHealth, type StorageProblem } from '../../lib/db/storage-health';
import { useStorageDialog } from './storage-dialog-store';

function text(p: StorageProblem): string {
  switch (p.kind) {
    case 'memory':
      if (p.reason === 'newer')
        return p.listed
          ? `Your saved conversations were written by a newer version of the playground. The ${p.listed === 1 ? 'one' : p.listed.toLocaleString()} this version can read ${p.listed === 1 ? 'is' : 'are'} shown here; the saved data is left untouched and changes in this tab are not saved. Open the newer version to keep working on them.`
          : 'Your saved conversations were written by a newer version of the playground. This tab leaves them untouched and works in memory only: nothing here is saved. Open the newer version to see them.';
      if (p.reason === 'unavailable')
        return 'This browser does not let the playground store data (a private window?). Everything works, but only in memory: it is gone when this tab closes.';
      return `The database could not be opened (${p.detail}). Working in memory only: nothing in this tab is saved.`;
    case 'blocked':
      return 'Waiting for another tab of the playground to close: it holds the database open in an older version. Close or reload that tab.';
    case 'upgraded-elsewhere':
      return 'A newer version of the playground was opened in another tab. Reload this tab to keep saving.';
    case 'deleted':
      return p.saved
        ? 'The stored data was deleted outside the playground (site data cleared?). The open conversation was saved again from this tab.'
        : 'The stored data was deleted outside the playground (site data cleared?), and saving the open conversation again failed: export it now to keep it.';
    case 'code':
      return `The playground's storage code could not be loaded (${p.detail}): changes in this tab are not saved. Reload the page to try again.`;
    case 'quota':
      return 'Storage is full: the last change could not be saved. Free space in Storage (remove large images), or export everything first.';
  }
}

/** `exportEverything` is the app's full backup (the share feature's), offered where data is at risk. */
export function StorageBanner({ exportEverything }: { exportEverything?: () => void }) {
  const health = useSyncExternalStore(subscribeStorageHealth, storageHealth);
  const openStorage = useStorageDialog((s) => s.setOpen);
  if (health.problems.length === 0) return null;
  return (
    <div className="pointer-events-none fixed inset-x-0 top-12 z-40 flex flex-col items-center gap-1.5">
      {health.problems.map((p) => (
        <div
          key={p.kind}
          role="alert"
          data-testid="storage-banner"
          data-kind={p.kind}
          className="pointer-events-auto flex max-w-[720px] items-start gap-2 rounded-md border border-warn/50 bg-warn-soft px-3 py-2 text-[13px] text-fg shadow-md"
        >
          <span className="mt-0.5 text-warn">
            <AlertIcon />
          </span>
          <span className="flex-1">{text(p)}</span>
          {p.kind === 'quota' ? (
            <Button className="h-7" onClick={() => openStorage(true)}>
              Open Storage
            </Button>
          ) : null}
          {exportEverything && (p.kind === 'quota' || (p.kind === 'deleted' && !p.saved)) ? (
            <Button className="h-7" data-testid="storage-banner-export" onClick={exportEverything}>
              Export everything
            </Button>
          ) : null}
          {p.kind === 'upgraded-elsewhere' || p.kind === 'code' ? (
            <Button className="h-7" onClick={() => location.reload()}>
              Reload
            </Button>
          ) : null}
          {p.kind === 'deleted' || p.kind === 'quota' ? (
            <button type="button" aria-label="Dismiss" className="px-1 text-faint hover:text-fg" onClick={() => clearProblem(p.kind)}>
              ×
            </button>
          ) : null}
        </div>
      ))}
    </div>
  );
}
