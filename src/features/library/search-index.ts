import type { ConversationSummary } from '../../domain/library';
import type { IndexedText } from '../../domain/library-search';
import { messageText } from '../../domain/messages';
import type { Message } from '../../domain/types';
import { follow, listMessages, messagesAfter } from '../../lib/db/repo';
import { libraryList, libraryListComplete, subscribeLibraryList } from './library-list';

/**
 * Message text of every conversation, held in memory for search (titles are searched straight
 * from the sidebar's list). Why in memory and not a persisted word index: a persisted index would
 * be rewritten on every throttled save of a streaming reply, only finds word prefixes, and misses
 * rows written by other means (older builds, imports, raw tools); a substring scan over the text
 * of 10,000 conversations takes a few milliseconds. The index is built in chunks the first time
 * someone searches, then follows every change (from any tab) through the `updatedAt` index of
 * messages (schema v2), re-reading only the conversations that changed. Rows written with their
 * old `updatedAt` (a conversation back from Undo, imported, restored from a backup) are below that
 * watermark: the conversation list catches them, as ids the index has not seen or whose
 * conversation `updatedAt` changed (see reconcile).
 */
type Entry = IndexedText;

const CHUNK = 2000;
let entries = new Map<string, Entry>();
let watermark = 0;
let building: Promise<void> | null = null;
let ready = false;
let version = 0;
let stopFollowing: (() => void) | null = null;
let stopReconciling: (() => void) | null = null;
/** Each indexed conversation's `updatedAt` as the list showed it when it was (re-)read. */
let listedAt = new Map<string, number>();
const listeners = new Set<() => void>();

function changed(): void {
  version++;
  for (const l of listeners) l();
}

export function subscribeSearchIndex(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function searchIndexVersion(): number {
  return version;
}

export function searchIndexReady(): boolean {
  return ready;
}

function entryOf(messages: readonly Message[]): Entry {
  const text = messages
    .map((m) => [messageText(m.content), m.reasoning ?? ''].join(' ').trim())
    .filter(Boolean)
    .join('\n');
  return { text, lower: text.toLowerCase() };
}

const yieldToPage = () => new Promise<void>((r) => setTimeout(r, 0));

async function build(): Promise<void> {
  const byConversation = new Map<string, Message[]>();
  let last: string | null = null;
  let high = 0;
  for (;;) {
    const chunk = await messagesAfter(last, CHUNK);
    for (const m of chunk) {
      const list = byConversation.get(m.conversationId);
      if (list) list.push(m);
      else byConversation.set(m.conversationId, [m]);
      if (m.updatedAt > high) high = m.updatedAt;
    }
    if (chunk.length < CHUNK) break;
    last = chunk[chunk.length - 1]!.id;
    await yieldToPage();
  }
  const next = new Map<string, Entry>();
  for (const [id, list] of byConversation) next.set(id, entryOf(list.sort((a, b) => a.createdAt - b.createdAt)));
  entries = next;
  watermark = high;
  ready = true;
  changed();
  followChanges();
  stopReconciling?.();
  stopReconciling = subscribeLibraryList(() => void reconcile());
  void reconcile();
}

/**
 * Brings the index in line with the conversation list: a conversation it has not seen (back from
 * Undo, imported, restored) or whose `updatedAt` changed without a newer message (a replaced
 * import) is read again; one that left the list is dropped. Only the whole list is trusted.
 */
async function reconcile(): Promise<void> {
  const list: readonly ConversationSummary[] | undefined = libraryList();
  if (!ready || !list || !libraryListComplete()) return;
  const present = new Set<string>();
  const stale: ConversationSummary[] = [];
  for (const c of list) {
    present.add(c.id);
    const seen = listedAt.get(c.id);
    // Indexed by the first build, before the list was compared: its current `updatedAt` is the baseline.
    if (seen === undefined && entries.has(c.id)) listedAt.set(c.id, c.updatedAt);
    else if (seen !== c.updatedAt) stale.push(c);
  }
  let dirty = false;
  for (const id of [...entries.keys()]) {
    if (present.has(id)) continue;
    entries.delete(id);
    listedAt.delete(id);
    dirty = true;
  }
  for (const c of stale) {
    listedAt.set(c.id, c.updatedAt);
    entries.set(c.id, entryOf(await listMessages(c.id)));
    dirty = true;
  }
  if (dirty) changed();
}

/** Re-reads the conversations whose messages changed since the watermark (this tab or another). */
function followChanges(): void {
  stopFollowing?.();
  stopFollowing = follow(
    'Following changes for search',
    (s) => s.messagesUpdatedAfter(watermark - 1),
    (recent) => void refresh(recent),
  );
}

async function refresh(recent: Message[]): Promise<void> {
  const ids = new Set(recent.map((m) => m.conversationId));
  if (ids.size === 0) return;
  for (const id of ids) {
    const list = await listMessages(id);
    if (list.length === 0) entries.delete(id);
    else entries.set(id, entryOf(list));
  }
  // Keep one ms of overlap so writes in the same millisecond are not missed.
  const high = Math.max(watermark, ...recent.map((m) => m.updatedAt));
  if (high > watermark) {
    watermark = high;
    followChanges();
  }
  changed();
}

/** Starts building the index (idempotent); resolves when it is ready. */
export function ensureSearchIndex(): Promise<void> {
  building ??= build().catch((err: unknown) => {
    building = null;
    console.error('Building the search index failed', err);
  });
  return building;
}

export function forgetConversation(id: string): void {
  listedAt.delete(id);
  if (entries.delete(id)) changed();
}

/** The indexed message text of a conversation (lower-cased once, when indexed). */
export function indexedText(conversationId: string): IndexedText | undefined {
  return entries.get(conversationId);
}

/** Test and tool hook: drop everything (e.g. after the database was swapped). */
export function resetSearchIndex(): void {
  stopFollowing?.();
  stopFollowing = null;
  stopReconciling?.();
  stopReconciling = null;
  listedAt = new Map();
  entries = new Map();
  watermark = 0;
  building = null;
  ready = false;
  changed();
}
