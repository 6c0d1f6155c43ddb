import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import * as v from 'valibot';
import type { Message } from '../../domain/types';
import { persisted } from '../../lib/storage/persisted';

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
  openEditor(message: Message): void;
  closeEditor(id: string): void;
  rememberResult(name: string, result: string): void;
  markHandled(id: string): void;
}

const storedSchema = v.partial(v.object({ mockResults: v.record(v.string(), v.string()), handledToolReplies: v.array(v.string()) }));

export const useEditorStore = create<EditorState>()(
  persist(
    (set) => ({
      editing: {},
      activeEditorId: null,
      originals: {},
      mockResults: {},
      handledToolReplies: [],
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
