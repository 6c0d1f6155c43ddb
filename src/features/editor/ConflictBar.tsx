import { Button } from '../../components/ui/Button';
import { useConflicts } from './conflict-store';
import { keepMineAsCopy, loadTheirs } from './conflicts';

/** Shown in an editor whose message another tab changed: nothing more is saved until the person chooses. */
export function ConflictBar({ id }: { id: string }) {
  const conflict = useConflicts((s) => s.conflicts[id]);
  if (conflict?.reason !== 'changed') return null;
  return (
    <div
      data-testid="edit-conflict"
      role="alert"
      className="mb-2.5 flex flex-wrap items-center gap-2 rounded-md border border-warn/40 bg-warn-soft px-3 py-2 text-[12.5px] text-warn"
    >
      <span className="min-w-0 flex-1">This message was changed in another tab. Your edits here are not saved over it.</span>
      <Button className="h-7" onClick={() => loadTheirs(id)} data-testid="conflict-load-theirs">
        Load their version
      </Button>
      <Button className="h-7" variant="ghost" onClick={() => void keepMineAsCopy(id)} data-testid="conflict-keep-mine">
        Keep mine as a copy
      </Button>
    </div>
  );
}
