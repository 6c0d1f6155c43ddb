import { toast } from '../../components/ui/toast';
import type { RequestParams } from '../../domain/types';
import { storage } from '../../lib/db/repo';
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
const savedHere = new Map<string, RequestParams>();

export function editParams(conversationId: string | null, params: RequestParams, stored?: RequestParams): void {
  const ws = useWorkspaceStore.getState();
  ws.setDraftParams(params); // the latest settings become the default for new conversations
  if (conversationId === null) return;
  const prev = ws.pendingParams;
  const base = prev?.id === conversationId ? prev.base : stored;
  ws.setPendingParams({ id: conversationId, params, ...(base ? { base } : {}) });
  if (timer !== null) clearTimeout(timer);
  timer = setTimeout(() => void flushParams(), DELAY_MS);
}

/** Structural equality of plain JSON-like values (key order does not matter). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export async function flushParams(): Promise<void> {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  if (!useWorkspaceStore.getState().pendingParams) return;
  const d = (await storage()).db();
  const pending = useWorkspaceStore.getState().pendingParams;
  if (!pending) return;
  const conflict = await d.transaction('rw', d.conversations, async () => {
    const current = await d.conversations.get(pending.id);
    if (!current) return null;
    const ours = [pending.base, pending.params, savedHere.get(pending.id)];
    if (pending.base && !ours.some((p) => p !== undefined && sameValue(current.params, p))) return current.params;
    // Not an activity: the conversation keeps its place in the newest-first list.
    await d.conversations.update(pending.id, { params: pending.params });
    savedHere.set(pending.id, pending.params);
    return null;
  });
  // The pending record stays (now based on what was stored): clearing it would show the
  // conversation's previous params until the live query catches up, so an edit made in that window
  // would be built on stale values and undo the last ones. A newer edit made while saving keeps its
  // values and starts from what this tab just stored.
  const now = useWorkspaceStore.getState().pendingParams;
  if (!conflict && now?.id === pending.id) useWorkspaceStore.getState().setPendingParams({ ...now, base: pending.params });
  if (conflict) {
    toast('The settings of this conversation were changed in another tab; yours were not saved over them.', 'error', {
      ms: 15_000,
      action: { label: 'Keep mine', run: () => void d.conversations.update(pending.id, { params: pending.params }) },
    });
  }
}

if (typeof window !== 'undefined') window.addEventListener('pagehide', () => void flushParams());
