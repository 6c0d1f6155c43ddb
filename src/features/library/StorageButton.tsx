import { lazy, Suspense, useState } from 'react';
import { Button } from '../../components/ui/Button';
import { DatabaseIcon } from '../../components/ui/icons';
import { useStorageDialog } from './storage-dialog-store';

// The dialog (usage figures, cleanup) loads the first time it opens, then stays mounted so
// closing it returns focus the native way.
const StorageDialog = lazy(() => import('./StorageDialog').then((m) => ({ default: m.StorageDialog })));

export function StorageButton() {
  const open = useStorageDialog((s) => s.open);
  const openDialog = useStorageDialog((s) => s.setOpen);
  const [wanted, setWanted] = useState(false);
  if (open && !wanted) setWanted(true);
  return (
    <>
      <Button variant="ghost" data-testid="storage-button" className="w-full justify-start" onClick={() => openDialog(true)}>
        <DatabaseIcon /> Storage
      </Button>
      {wanted ? (
        <Suspense fallback={null}>
          <StorageDialog />
        </Suspense>
      ) : null}
    </>
  );
}
