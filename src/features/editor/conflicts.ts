/** What a person can do when another tab changed or deleted a message they were editing: nothing is lost either way. */
import { newMessageId } from '../../domain/ids';
import { notify } from '../../lib/notify/notify';
import type { Message } from '../../domain/types';
import { getConversation, getMessage, insertCopy } from '../../lib/db/repo';
import { clearConflict, setConflict, useConflicts } from './conflict-store';
import { useEditorStore } from './editor-store';
import { forgetEdits, knownVersion } from './pending-writes';

/** Keeps this tab's version as a new message beside the other tab's (an alternative of the same turn). */
export async function keepMineAsCopy(id: string): Promise<void> {
  const conflict = useConflicts.getState().conflicts[id];
  if (!conflict) return;
  const now = Date.now();
  const { mine } = conflict;
  const copy: Message = {
    ...mine,
    id: newMessageId(),
    status: mine.status === 'streaming' ? 'interrupted' : mine.status,
    createdAt: now,
    updatedAt: now,
  };
  if (conflict.current) copy.parentId = conflict.current.parentId;
  await insertCopy(mine.conversationId, copy);
  forgetEdits(id);
  clearConflict(id);
  useEditorStore.getState().closeEditor(id);
  notify('Your version was kept as a new alternative beside the other tab’s.', 'success');
}

/** Shows the other tab's version in the editor; this tab's unsaved edits are dropped. */
export function loadTheirs(id: string): void {
  const conflict = useConflicts.getState().conflicts[id];
  if (!conflict?.current) return;
  forgetEdits(id);
  const editor = useEditorStore.getState();
  editor.closeEditor(id);
  editor.openEditor(conflict.current);
  clearConflict(id, true);
}

/**
 * An open editor left the page. When its message is gone from a conversation that still exists,
 * and this tab did not delete it, another tab did: offer to keep this tab's version.
 */
export async function noticeDeletion(message: Message): Promise<void> {
  const id = message.id;
  if (!useEditorStore.getState().editing[id]) return; // closed or deleted here
  const [row, conversation] = await Promise.all([getMessage(id), getConversation(message.conversationId)]);
  if (row || !conversation || !useEditorStore.getState().editing[id]) return;
  const mine = useConflicts.getState().conflicts[id]?.mine ?? knownVersion(id) ?? message;
  setConflict(id, { reason: 'deleted', mine });
  notify('A message you were editing was deleted in another tab.', 'error', {
    ms: 20_000,
    action: { label: 'Keep my version', run: () => void keepMineAsCopy(id) },
  });
}
