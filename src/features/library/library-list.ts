import type { ConversationSummary } from '../../domain/library';
import { FIRST_ROWS } from '../../lib/db/boot-read';
import { follow, readSummaries } from '../../lib/db/repo';

/** The sidebar's list: its first rows read at start-up (before React renders), then live across tabs. */
let current: ConversationSummary[] | undefined;
let stop: (() => void) | null = null;
let full = false;
const listeners = new Set<() => void>();

function emit(): void {
  for (const l of listeners) l();
}

export function subscribeLibraryList(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function libraryList(): ConversationSummary[] | undefined {
  return current;
}

/** Whether {@link libraryList} is the whole list (not only the first rows read at start-up). */
export function libraryListComplete(): boolean {
  return full;
}

/** The first rows as read at start-up (boot-read), shown until the whole list arrives. */
export function showFirstRows(rows: ConversationSummary[]): void {
  if (full) return;
  current = rows;
  emit();
}

/** Follows the whole list from now on (after any change, from any tab). */
export function followLibraryList(): void {
  stop?.();
  stop = follow(
    'Reading the conversation list',
    (s) => s.readSummaries(),
    (list) => {
      full = true;
      current = list;
      emit();
    },
  );
}

/** Starts following the list; resolves once at least the first screen is known (so it paints with the app). */
export async function startLibraryList(): Promise<void> {
  followLibraryList();
  try {
    showFirstRows(await readSummaries(FIRST_ROWS));
  } catch (err) {
    console.error('Reading the first conversations failed', err);
  }
}
