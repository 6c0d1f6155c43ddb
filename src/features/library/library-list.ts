import { liveQuery, type Subscription } from 'dexie';
import type { ConversationSummary } from '../../domain/library';
import { readSummaries } from '../../lib/db/library-list';

/** The sidebar's list, live across tabs, started right after the database opens (before React renders). */
let current: ConversationSummary[] | undefined;
let subscription: Subscription | null = null;
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

/** Starts following the list; resolves once at least the first screen is known (so it paints with the app). */
export async function startLibraryList(): Promise<void> {
  subscription?.unsubscribe();
  let full = false;
  subscription = liveQuery(() => readSummaries()).subscribe({
    next: (list) => {
      full = true;
      current = list;
      emit();
    },
    error: (err: unknown) => {
      // E.g. the database was closed under the app; follow again once it is back.
      console.error('Reading the conversation list failed', err);
      setTimeout(() => void startLibraryList(), 1000);
    },
  });
  try {
    const head = await readSummaries(60);
    if (!full) {
      current = head;
      emit();
    }
  } catch (err) {
    console.error('Reading the first conversations failed', err);
  }
}
