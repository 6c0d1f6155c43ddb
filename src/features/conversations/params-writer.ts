import { notify } from '../../lib/notify/notify';
import type { ConversationId, RequestParams } from '../../domain/types';
import { createVersionTracker, saveParams, storage } from '../../lib/db/repo';
import { useWorkspaceStore } from './workspace-store';

/**
 * Parameter edits show at once from the workspace store and reach IndexedDB debounced, so fast
 * typing never races the database. A send flushes first, so it always uses what is on screen.
 * Each edit remembers the stored parameters it started from: if another tab changed them
 * meanwhile, the save does not overwrite that change silently but asks.
 */
const DELAY_MS = 300;
let timer: ReturnType<typeof setTimeout> | null = null;
/** What this tab last saved per conversation: a change seen in storage that equals it is ours, not another tab's. */
const savedHere = createVersionTracker<RequestParams>();

export function editParams(conversationId: ConversationId | null, params: RequestParams, stored?: RequestParams): void {
  const ws = useWorkspaceStore.getState();
  ws.setDraftParams(params); // the latest settings become the default for new conversations
  if (conversationId === null) return;
  const prev = ws.pendingParams;
  const base = prev?.id === conversationId ? prev.base : stored;
  ws.setPendingParams({ id: conversationId, params, ...(base ? { base } : {}) });
  if (timer !== null) clearTimeout(timer);
  timer = setTimeout(() => void flushParams(), DELAY_MS);
}

export async function flushParams(): Promise<void> {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  if (!useWorkspaceStore.getState().pendingParams) return;
  await storage(); // the pending record is read once the database is open, just before writing
  const id = useWorkspaceStore.getState().pendingParams?.id;
  // One save of a conversation's parameters at a time: a second flush (a send right after an edit)
  // reads the pending record and what this tab saved only once the first has landed, so it never
  // mistakes this tab's own save for another tab's.
  if (id) await savedHere.after([id], savePending);
}

async function savePending(): Promise<void> {
  const pending = useWorkspaceStore.getState().pendingParams;
  if (!pending) return;
  const before = savedHere.known(pending.id);
  const write = await saveParams(pending.id, pending.params, pending.base, before ? [before] : []);
  if (write.saved) savedHere.remember(pending.id, pending.params);
  const conflict = !write.saved && write.current !== undefined;
  // The pending record stays (now based on what was stored): clearing it would show the
  // conversation's previous params until the live query catches up, so an edit made in that window
  // would be built on stale values and undo the last ones. A newer edit made while saving keeps its
  // values and starts from what this tab just stored.
  const now = useWorkspaceStore.getState().pendingParams;
  if (!conflict && now?.id === pending.id) useWorkspaceStore.getState().setPendingParams({ ...now, base: pending.params });
  if (conflict) {
    notify('The settings of this conversation were changed in another tab; yours were not saved over them.', 'error', {
      ms: 15_000,
      action: { label: 'Keep mine', run: () => void saveParams(pending.id, pending.params) },
    });
  }
}

if (typeof window !== 'undefined') window.addEventListener('pagehide', () => void flushParams());
