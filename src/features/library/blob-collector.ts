import { create } from 'zustand';
import { collectOrphanBlobs } from '../../lib/db/repo';
import type { CollectedBlobs } from '../../lib/db/blobs-repo';
import { useComposerStore } from '../conversations/composer-store';

/**
 * Stored images and audio that no message and no unsent draft uses any more (an attachment removed
 * from a draft, a draft discarded, a reply rewritten) are collected: on idle some time after start,
 * and from the Storage dialog. Files younger than the grace time are left alone, so an attachment
 * being added right now (stored a moment before the composer names it) is never taken.
 */
const GRACE_MS = 10 * 60_000;
const FIRST_RUN_MS = 30_000;

export const useCollectedBlobs = create<{ last: (CollectedBlobs & { at: number }) | null }>()(() => ({ last: null }));

/** Blob ids named by every unsent draft, the open one included. */
export function draftBlobIds(): Set<string> {
  const s = useComposerStore.getState();
  const ids = new Set<string>();
  for (const draft of [{ parts: s.parts }, ...Object.values(s.drafts)])
    for (const p of draft.parts) if (p.type !== 'text' && p.source.kind === 'blob') ids.add(p.source.blobId);
  return ids;
}

export async function collectUnusedFiles(graceMs = GRACE_MS): Promise<CollectedBlobs> {
  const result = await collectOrphanBlobs(draftBlobIds(), graceMs);
  useCollectedBlobs.setState({ last: { ...result, at: Date.now() } });
  return result;
}

/** Once per page load, when the page is idle some time after start. */
export function scheduleUnusedFileCollection(): void {
  setTimeout(() => {
    const run = () => void collectUnusedFiles().catch((err: unknown) => console.warn('Collecting unused files failed', err));
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 10_000 });
    else run();
  }, FIRST_RUN_MS);
}
