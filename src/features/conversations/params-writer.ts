import type { RequestParams } from '../../domain/types';
import { db } from '../../lib/db/schema';
import { useWorkspaceStore } from './workspace-store';

/**
 * Parameter edits show at once from the workspace store and reach IndexedDB debounced, so fast
 * typing never races the database. A send flushes first, so it always uses what is on screen.
 */
const DELAY_MS = 300;
let timer: ReturnType<typeof setTimeout> | null = null;

export function editParams(conversationId: string | null, params: RequestParams): void {
  const ws = useWorkspaceStore.getState();
  ws.setDraftParams(params); // the latest settings become the default for new conversations
  if (conversationId === null) return;
  ws.setPendingParams({ id: conversationId, params });
  if (timer !== null) clearTimeout(timer);
  timer = setTimeout(() => void flushParams(), DELAY_MS);
}

export async function flushParams(): Promise<void> {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  const pending = useWorkspaceStore.getState().pendingParams;
  if (!pending) return;
  // Not an activity: the conversation keeps its place in the newest-first list.
  await db().conversations.update(pending.id, { params: pending.params });
  // The pending record stays: it equals what is now stored, and clearing it would show the
  // conversation's previous params until the live query catches up, so an edit made in that
  // window would be built on stale values and undo the last ones.
}

if (typeof window !== 'undefined') window.addEventListener('pagehide', () => void flushParams());
