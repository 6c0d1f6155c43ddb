// The values of prompt variables (`{{name}}`, domain/variables.ts) for ordinary sends, per
// conversation. Kept beside the conversation rather than in it: the stored messages keep
// `{{name}}` as written, and a value is a setting of the next request (like a draft), not history.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import * as v from 'valibot';
import type { ConversationId } from '../../domain/types';
import type { VariableValues } from '../../domain/variables';
import { persisted } from '../../lib/storage/persisted';

/** The key of a conversation not stored yet (its values move to it when it is created). */
export const NEW_CONVERSATION = 'new';
/** The values of this many conversations are kept (the most recently changed). */
const KEEP = 200;

interface VariablesState {
  /** Values per conversation id (NEW_CONVERSATION for the unsaved one), in order of last change. */
  byConversation: Record<string, Record<string, string>>;
  setValue(conversationId: ConversationId | null, name: string, value: string): void;
  /** The unsaved conversation was stored as `id`: its values are now that conversation's. */
  adoptNew(id: ConversationId): void;
}

const storedSchema = v.partial(v.object({ byConversation: v.record(v.string(), v.record(v.string(), v.string())) }));

/** Most recently changed last; the oldest are dropped beyond KEEP. */
function withLatest(all: Record<string, Record<string, string>>, key: string, values: Record<string, string>) {
  const rest = Object.entries(all).filter(([k]) => k !== key);
  return Object.fromEntries([...rest, [key, values]].slice(-KEEP));
}

export const useVariablesStore = create<VariablesState>()(
  persist(
    (set) => ({
      byConversation: {},
      setValue: (conversationId, name, value) =>
        set((s) => {
          const key = conversationId ?? NEW_CONVERSATION;
          const own = Object.hasOwn(s.byConversation, key) ? s.byConversation[key]! : {};
          return { byConversation: withLatest(s.byConversation, key, { ...own, [name]: value }) };
        }),
      adoptNew: (id) =>
        set((s) => {
          if (!Object.hasOwn(s.byConversation, NEW_CONVERSATION)) return s;
          const { [NEW_CONVERSATION]: values, ...rest } = s.byConversation;
          return { byConversation: withLatest(rest, id, values!) };
        }),
    }),
    persisted({ store: 'variables', version: 1, schema: storedSchema, partialize: (s) => ({ byConversation: s.byConversation }) }),
  ),
);

const NONE: VariableValues = Object.freeze({});

/** The values for the next request of `conversationId` (null: the unsaved conversation). */
export function variableValues(conversationId: ConversationId | null): VariableValues {
  const all = useVariablesStore.getState().byConversation;
  const key = conversationId ?? NEW_CONVERSATION;
  return Object.hasOwn(all, key) ? all[key]! : NONE;
}

/** The same, as a subscription for components. */
export function useVariableValues(conversationId: ConversationId | null): VariableValues {
  return useVariablesStore((s) => {
    const key = conversationId ?? NEW_CONVERSATION;
    return Object.hasOwn(s.byConversation, key) ? s.byConversation[key]! : NONE;
  });
}
