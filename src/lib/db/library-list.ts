import type { ConversationSummary } from '../../domain/library';
import { readSummaryKeys } from './native-reads';
import { db } from './schema';

/**
 * The sidebar list (see readSummaryKeys). No transaction: the reads need not be one snapshot, as a
 * live query re-runs them after any change; count() is what makes it re-run on any change to the
 * table, while the keys are read natively (Dexie's per-key callbacks cost about as much again).
 */
export async function readSummaries(limit = Infinity): Promise<ConversationSummary[]> {
  const d = db();
  const total = await d.conversations.count();
  return readSummaryKeys(d.backendDB(), limit, total);
}
