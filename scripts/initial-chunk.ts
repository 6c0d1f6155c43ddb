import type { CodeSplittingNameFunction } from 'rolldown';

type ChunkingContext = Parameters<CodeSplittingNameFunction>[1];

/**
 * Names the chunk of a module that the app's entry reaches through static imports alone (it loads
 * with the page whatever happens); everything else keeps the automatic split, so lazy code stays
 * lazy. Worker entries are not the page's entry.
 */
export const initialChunk = (() => {
  let memo = new Map<string, boolean>();
  let lastCtx: ChunkingContext | null = null;
  // A complete search over static importers each time (cycles cannot cut it short); only its
  // final answer is remembered.
  const reached = (id: string, ctx: ChunkingContext): boolean => {
    const queue = [id];
    const seen = new Set(queue);
    for (let i = 0; i < queue.length; i++) {
      const at = queue[i]!;
      if (memo.get(at) === true) return true;
      const info = ctx.getModuleInfo(at);
      if (!info) continue;
      if (info.isEntry && !at.includes('worker')) return true;
      for (const imp of info.importers) {
        if (!seen.has(imp)) {
          seen.add(imp);
          queue.push(imp);
        }
      }
    }
    return false;
  };
  return (id: string, ctx: ChunkingContext): string | null => {
    if (ctx !== lastCtx) {
      memo = new Map();
      lastCtx = ctx;
    }
    let known = memo.get(id);
    if (known === undefined) {
      known = reached(id, ctx);
      memo.set(id, known);
    }
    return known ? 'index' : null;
  };
})();
