import { useCallback, useMemo, useRef } from 'react';
import { pathToLeaf } from '../../domain/messages';
import type { Conversation, ConversationId, Message, RequestParams } from '../../domain/types';
import { storage, type Store } from '../../lib/db/repo';
import { editParams } from './params-writer';
import { useFollowed } from './use-followed';
import { useWorkspaceStore } from './workspace-store';

export interface ActiveConversation {
  conversation: Conversation | null;
  /** Every message of the conversation, all branches. */
  messages: Message[];
  /** The messages of the current branch, root first. */
  path: Message[];
  loading: boolean;
  /** The open conversation was shown, then deleted elsewhere (another tab): its last state is in lastShownConversation(). */
  deletedElsewhere: boolean;
}

interface Loaded {
  conversation: Conversation | null;
  messages: Message[];
}

function readConversation(s: Store, id: ConversationId): Promise<Loaded> {
  return Promise.all([s.getConversation(id), s.listMessages(id)]).then(([conversation, messages]) => ({
    conversation: conversation ?? null,
    messages,
  }));
}

const NOTHING: Loaded = { conversation: null, messages: [] };

/** Read at start-up beside the sidebar's list, so the first render already shows the conversation. */
let prefetched: { id: string; data: Loaded } | null = null;

/** The open conversation as read at start-up before the database code loaded (boot-read). */
export function showPrefetchedConversation(id: string, data: Loaded): void {
  prefetched = { id, data };
}

export async function prefetchActiveConversation(): Promise<void> {
  const id = useWorkspaceStore.getState().activeConversationId;
  if (!id) return;
  prefetched = { id, data: await readConversation(await storage(), id) };
}

/** What this tab last showed of a conversation, kept so it can be written back if the database is deleted under the app. */
let lastShown: { conversation: Conversation; messages: Message[] } | null = null;

export function lastShownConversation(): { conversation: Conversation; messages: Message[] } | null {
  return lastShown;
}

/** The open conversation, live from IndexedDB: changes from this or another tab show at once. */
export function useActiveConversation(): ActiveConversation {
  const id = useWorkspaceStore((s) => s.activeConversationId);
  const first = prefetched?.id === id ? prefetched.data : undefined;
  // Live queries return new objects on every change; reusing unchanged rows keeps memoized
  // message views from re-rendering a whole long conversation on each throttled save.
  const cache = useRef<Map<string, Message> | null>(null);
  cache.current ??= new Map((first?.messages ?? []).map((m) => [m.id, m]));
  const data = useFollowed(
    id,
    async (s): Promise<Loaded> => {
      if (!id) return { conversation: null, messages: [] };
      const { conversation, messages } = await readConversation(s, id);
      prefetched = null; // from now on the live query is the source
      const previous = cache.current ?? new Map<string, Message>();
      const next = new Map<string, Message>();
      const stable = messages.map((m) => {
        const old = previous.get(m.id);
        const keep = old && old.updatedAt === m.updatedAt && old.status === m.status ? old : m;
        next.set(m.id, keep);
        return keep;
      });
      cache.current = next;
      return { conversation, messages: stable };
    },
    first,
  );
  // A new conversation (no id) has nothing to read: it shows at once, without the database.
  const shown = id ? data : NOTHING;
  // Shown a moment ago and gone now, while still the open one: deleted by another tab (a delete in
  // this tab closes the conversation first).
  const deletedElsewhere = id !== null && shown !== undefined && shown.conversation === null && lastShown?.conversation.id === id;
  if (shown?.conversation) lastShown = { conversation: shown.conversation, messages: shown.messages };
  const path = useMemo(() => (shown?.conversation ? pathToLeaf(shown.messages, shown.conversation.currentLeafId) : []), [shown]);
  return {
    conversation: shown?.conversation ?? null,
    messages: shown?.messages ?? [],
    path,
    loading: shown === undefined,
    deletedElsewhere,
  };
}

/** Parameters of the open conversation (unsaved edits first), or of the draft for a new one. */
export function useActiveParams(conversation: Conversation | null): { params: RequestParams; setParams: (next: RequestParams) => void } {
  const draft = useWorkspaceStore((s) => s.draftParams);
  const pending = useWorkspaceStore((s) => s.pendingParams);
  const read = conversation ? (pending?.id === conversation.id ? pending.params : conversation.params) : draft;
  // The conversation row is read again on every save of its messages (a streaming reply is saved
  // every 750 ms) and comes back as a new object: the same parameters keep the same object, so
  // the settings panels (memoized on it) do not re-render while a reply streams.
  const last = useRef<{ json: string; params: RequestParams } | null>(null);
  const json = JSON.stringify(read);
  if (last.current?.json !== json) last.current = { json, params: read };
  const params = last.current.params;
  const conversationId = conversation?.id ?? null;
  // What is stored, for the write's conflict check: read at the time of the edit, not a dependency.
  const stored = useRef(conversation?.params);
  stored.current = conversation?.params;
  const setParams = useCallback((next: RequestParams) => editParams(conversationId, next, stored.current), [conversationId]);
  return { params, setParams };
}
