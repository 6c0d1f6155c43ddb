import { create } from 'zustand';
import type { Message } from '../../domain/types';

/** A message this tab was editing that another tab changed or deleted meanwhile. */
export interface EditConflict {
  reason: 'changed' | 'deleted';
  /** This tab's version, with the edits that were not written. */
  mine: Message;
  /** The stored version (when it still exists). */
  current?: Message;
}

interface ConflictState {
  conflicts: Record<string, EditConflict>;
  /** Bumped when an editor must show the stored text again (its text boxes own their value). */
  reloads: Record<string, number>;
}

export const useConflicts = create<ConflictState>()(() => ({ conflicts: {}, reloads: {} }));

export function setConflict(id: string, conflict: EditConflict): void {
  useConflicts.setState((s) => ({ conflicts: { ...s.conflicts, [id]: conflict } }));
}

export function clearConflict(id: string, reload = false): void {
  useConflicts.setState((s) => {
    const conflicts = { ...s.conflicts };
    delete conflicts[id];
    return { conflicts, reloads: reload ? { ...s.reloads, [id]: (s.reloads[id] ?? 0) + 1 } : s.reloads };
  });
}
