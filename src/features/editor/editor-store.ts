import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import * as v from 'valibot';
import type { Message, MessageId } from '../../domain/types';
import { persisted } from '../../lib/storage/persisted';

/** What a focus request can name inside a message (or, with no message, in the editor bar). */
export type FocusTarget = 'edit-button' | 'text-input' | 'role-select' | 'move-up' | 'move-down' | 'add-message';

/** An element to focus once it is rendered (after an edit the live query shows a moment later). */
export interface FocusRequest {
  messageId: MessageId | null;
  target: FocusTarget;
}

/** A focus request not taken by then is dropped: an element that shows up much later is not focused out of the blue. */
export const FOCUS_REQUEST_MS = 1000;

interface EditorState {
  /** Messages whose editor is open. */
  editing: Record<string, true>;
  /** The editor that receives files from the one image file input (the last one opened). */
  activeEditorId: string | null;
  /** How a message looked when its editor opened, so "edit and re-run" can fork from it. */
  originals: Record<string, Message>;
  /** The last tool result written per function name, offered again for the next call. */
  mockResults: Record<string, string>;
  /** Assistant replies whose tool calls already got tool messages (never added twice). */
  handledToolReplies: string[];
  /** The element to focus next (see useFocusRequest); one at a time, the newest wins. */
  focusRequest: FocusRequest | null;
  openEditor(message: Message): void;
  closeEditor(id: string): void;
  rememberResult(name: string, result: string): void;
  markHandled(id: string): void;
  requestFocus(messageId: MessageId | null, target: FocusTarget): void;
  /** Clears `request` once it was taken (or expired); a newer request stays. */
  focusDone(request: FocusRequest): void;
}

const storedSchema = v.partial(v.object({ mockResults: v.record(v.string(), v.string()), handledToolReplies: v.array(v.string()) }));

export const useEditorStore = create<EditorState>()(
  persist(
    (set, get) => ({
      editing: {},
      activeEditorId: null,
      originals: {},
      mockResults: {},
      handledToolReplies: [],
      focusRequest: null,
      openEditor: (message) =>
        set((s) => ({
          editing: { ...s.editing, [message.id]: true },
          activeEditorId: message.id,
          originals: s.originals[message.id] ? s.originals : { ...s.originals, [message.id]: message },
        })),
      closeEditor: (id) =>
        set((s) => {
          const editing = { ...s.editing };
          delete editing[id];
          const originals = { ...s.originals };
          delete originals[id];
          const rest = Object.keys(editing);
          return { editing, originals, activeEditorId: s.activeEditorId === id ? (rest.at(-1) ?? null) : s.activeEditorId };
        }),
      rememberResult: (name, result) => set((s) => ({ mockResults: { ...s.mockResults, [name]: result } })),
      markHandled: (id) => set((s) => ({ handledToolReplies: [...s.handledToolReplies.slice(-199), id] })),
      requestFocus: (messageId, target) => {
        const request: FocusRequest = { messageId, target };
        set({ focusRequest: request });
        setTimeout(() => get().focusDone(request), FOCUS_REQUEST_MS);
      },
      focusDone: (request) => set((s) => (s.focusRequest === request ? { focusRequest: null } : s)),
    }),
    persisted({
      store: 'editor',
      version: 1,
      schema: storedSchema,
      partialize: (s) => ({ mockResults: s.mockResults, handledToolReplies: s.handledToolReplies }),
    }),
  ),
);

/** The result remembered for a function name; own keys only, so a tool named "constructor" or "__proto__" finds nothing. */
export function rememberedResult(results: Record<string, string>, name: string): string | undefined {
  const value = Object.hasOwn(results, name) ? results[name] : undefined;
  return typeof value === 'string' ? value : undefined;
}
