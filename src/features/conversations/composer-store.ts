import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import * as v from 'valibot';
import type { ContentPart, ConversationId } from '../../domain/types';
import { persisted } from '../../lib/storage/persisted';
import { useWorkspaceStore } from './workspace-store';

/** Whose draft the composer shows: a conversation's id, or the new conversation's. */
export const NEW_DRAFT = 'new';
/** Drafts kept for conversations not open now; the oldest beyond this are dropped. */
const MAX_DRAFTS = 50;

export interface Draft {
  text: string;
  /** Files attached to the message (stored as blobs already). */
  parts: ContentPart[];
  savedAt: number;
}

interface ComposerState {
  /** The conversation the text and parts below belong to (NEW_DRAFT for a new one). */
  owner: string;
  text: string;
  setText: (text: string) => void;
  parts: ContentPart[];
  setParts: (parts: ContentPart[]) => void;
  /** The unsent drafts of the other conversations, kept until they are opened again. */
  drafts: Record<string, Draft>;
  /** Shows `owner`'s draft, keeping the current one for its conversation. */
  switchTo: (owner: string) => void;
  /** The new conversation was just stored as `id`: what is being typed stays, now as its draft. */
  adoptNewDraft: (id: ConversationId) => void;
}

const isEmpty = (d: { text: string; parts: ContentPart[] }) => d.text === '' && d.parts.length === 0;

function keepNewest(drafts: Record<string, Draft>): Record<string, Draft> {
  const entries = Object.entries(drafts);
  if (entries.length <= MAX_DRAFTS) return drafts;
  return Object.fromEntries(entries.sort((a, b) => b[1].savedAt - a[1].savedAt).slice(0, MAX_DRAFTS));
}

// Attachments of a draft are parts this app wrote: their kind and where their bytes are is checked
// (the full import schema would add its weight to the first screen's code for no gain).
const partSchema = v.union([
  v.object({ type: v.literal('text'), text: v.string() }),
  v.looseObject({
    type: v.picklist(['image', 'audio', 'file']),
    source: v.looseObject({ kind: v.picklist(['blob', 'url']) }),
  }),
]) as unknown as v.GenericSchema<ContentPart>;

const draftSchema = v.object({ text: v.string(), parts: v.array(partSchema), savedAt: v.number() });
const storedSchema = v.partial(
  v.object({ owner: v.string(), text: v.string(), parts: v.array(partSchema), drafts: v.record(v.string(), draftSchema) }),
);

/**
 * The message being written, per conversation: shared so the request preview can show the next
 * request exactly, and persisted (text and attachment references, on every change) so a draft
 * survives a reload or a killed tab and waits in its conversation while another one is open.
 */
export const useComposerStore = create<ComposerState>()(
  persist(
    (set, get) => ({
      owner: NEW_DRAFT,
      text: '',
      setText: (text) => set({ text }),
      parts: [],
      setParts: (parts) => set({ parts }),
      drafts: {},
      switchTo: (owner) => {
        const s = get();
        if (owner === s.owner) return;
        const drafts = { ...s.drafts };
        if (isEmpty(s)) delete drafts[s.owner];
        else drafts[s.owner] = { text: s.text, parts: s.parts, savedAt: Date.now() };
        const next = Object.hasOwn(drafts, owner) ? drafts[owner]! : null;
        delete drafts[owner];
        set({ owner, text: next?.text ?? '', parts: next?.parts ?? [], drafts: keepNewest(drafts) });
      },
      adoptNewDraft: (id) => {
        if (get().owner === NEW_DRAFT) set({ owner: id });
      },
    }),
    persisted({
      store: 'composer',
      version: 1,
      schema: storedSchema,
      partialize: (s) => ({ owner: s.owner, text: s.text, parts: s.parts, drafts: s.drafts }),
    }),
  ),
);

// The composer follows the open conversation: each keeps its own draft.
useComposerStore.getState().switchTo(useWorkspaceStore.getState().activeConversationId ?? NEW_DRAFT);
useWorkspaceStore.subscribe((s, prev) => {
  if (s.activeConversationId !== prev.activeConversationId) useComposerStore.getState().switchTo(s.activeConversationId ?? NEW_DRAFT);
});

/** Puts a message that was never stored back where it was typed, unless something new is there. */
export function giveBackToComposer(text: string, parts: ContentPart[]): void {
  const composer = useComposerStore.getState();
  if (composer.text === '') composer.setText(text);
  if (composer.parts.length === 0 && parts.length > 0) composer.setParts(parts);
}
