import type { CodeSplittingNameFunction } from 'rolldown';

type ChunkingContext = Parameters<CodeSplittingNameFunction>[1];

/**
 * Names the chunk of a module that the entry reaches through static imports alone (it loads with
 * the page whatever happens); everything else keeps the automatic split, so lazy code stays lazy.
 */
export const initialChunk = (() => {
  let memo = new Map<string, boolean>();
  let lastCtx: ChunkingContext | null = null;
  const reached = (id: string, ctx: ChunkingContext, path: Set<string>): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const info = ctx.getModuleInfo(id);
    if (!info) return false;
    if (info.isEntry) return memo.set(id, !id.includes('worker')).get(id)!;
    if (path.has(id)) return false; // a cycle: decided by another importer
    path.add(id);
    const out = info.importers.some((imp) => reached(imp, ctx, path));
    path.delete(id);
    memo.set(id, out);
    return out;
  };
  return (id: string, ctx: ChunkingContext): string | null => {
    if (ctx !== lastCtx) {
      memo = new Map();
      lastCtx = ctx;
    }
    return reached(id, ctx, new Set()) ? 'index' : null;
  };
})();
