// The prompt grid's rows: one grid per conversation (test cases, columns) and one cell per row × column.
import { interruptedAfterReload, type Grid, type GridCell } from '../../domain/grid';
import { db } from './schema';

export async function getGrid(conversationId: string): Promise<Grid | undefined> {
  return db().grids.get(conversationId);
}

export async function putGrid(grid: Grid): Promise<void> {
  await db().grids.put(grid);
}

/** The stored cells of a conversation's grid; with `only`, just those of these ids (a screenful, by key). */
export async function listGridCells(conversationId: string, only?: readonly string[]): Promise<GridCell[]> {
  if (!only) return db().gridCells.where('conversationId').equals(conversationId).toArray();
  const found = await db().gridCells.bulkGet([...only]);
  return found.filter((c): c is GridCell => c !== undefined && c.conversationId === conversationId);
}

export async function putGridCells(cells: readonly GridCell[]): Promise<void> {
  if (cells.length > 0) await db().gridCells.bulkPut([...cells]);
}

export async function deleteGridCells(ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db().gridCells.bulkDelete([...ids]);
}

/**
 * Opening a grid no tab of this page is running: cells stored as streaming or queued were cut by
 * a reload or a killed tab. They become interrupted (their text kept), in one transaction.
 */
export async function interruptGridCells(conversationId: string, now: number): Promise<GridCell[]> {
  const d = db();
  return d.transaction('rw', d.gridCells, async () => {
    const cells = await d.gridCells.where('conversationId').equals(conversationId).toArray();
    const cut = cells.map((c) => interruptedAfterReload(c, now)).filter((c): c is GridCell => c !== null);
    if (cut.length > 0) await d.gridCells.bulkPut(cut);
    const byId = new Map(cut.map((c) => [c.id, c]));
    return cells.map((c) => byId.get(c.id) ?? c);
  });
}
