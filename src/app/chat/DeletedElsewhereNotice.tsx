import { Button } from '../../components/ui/Button';
import { AlertIcon } from '../../components/ui/icons';
import { useWorkspaceStore } from '../../features/conversations/workspace-store';
import { restoreDeletedElsewhere } from '../../features/library/library-actions';

/** The open conversation was deleted in another tab: said here, with the way back. */
export function DeletedElsewhereNotice() {
  return (
    <div className="flex min-h-0 flex-1 items-center justify-center px-6">
      <div
        role="alert"
        data-testid="conversation-deleted-elsewhere"
        className="flex max-w-md flex-col items-center gap-3 rounded-xl border border-line bg-panel px-6 py-5 text-center"
      >
        <span className="text-warn">
          <AlertIcon />
        </span>
        <div>
          <p className="text-[14px] font-semibold">This conversation was deleted in another tab.</p>
          <p className="mt-1 text-[13px] text-muted">
            This tab still has it as it was last shown: restore it from here (without its images), or start a new one.
          </p>
        </div>
        <div className="flex gap-2">
          <Button variant="primary" onClick={() => void restoreDeletedElsewhere()}>
            Restore from this tab
          </Button>
          <Button onClick={() => useWorkspaceStore.getState().open(null)}>New conversation</Button>
        </div>
      </div>
    </div>
  );
}
