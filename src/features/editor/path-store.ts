import { useEffect } from 'react';
import { create } from 'zustand';
import type { Message } from '../../domain/types';

/**
 * The current branch, shared with each message view so it can tell its place (first, last,
 * which tool calls are above) without every view re-rendering on every change.
 */
export const usePathStore = create<{ path: Message[]; index: Map<string, number> }>()(() => ({ path: [], index: new Map() }));

export function PathSync({ path }: { path: Message[] }) {
  useEffect(() => {
    usePathStore.setState({ path, index: new Map(path.map((m, i) => [m.id, i])) });
  }, [path]);
  return null;
}

export function usePlace(id: string): { index: number; count: number } {
  const index = usePathStore((s) => s.index.get(id) ?? -1);
  const count = usePathStore((s) => s.path.length);
  return { index, count };
}

/**
 * Which message editor owns the contract's single `image-file-input`: the last opened editor of a
 * user message on the current branch; null means the composer owns it.
 */
export function useFileInputOwner(activeEditorId: string | null): string | null {
  return usePathStore((s) => {
    if (!activeEditorId) return null;
    const i = s.index.get(activeEditorId);
    return i !== undefined && s.path[i]?.role === 'user' ? activeEditorId : null;
  });
}
