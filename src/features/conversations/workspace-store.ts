import { asConversationId } from '../../domain/ids';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import * as v from 'valibot';
import { defaultRequestParams } from '../../domain/params';
import type { ConversationId, RequestParams } from '../../domain/types';
import { persisted } from '../../lib/storage/persisted';
import { requestParamsSchema } from '../../lib/storage/schemas';

export const DEFAULT_MODEL = 'ref-chat';

/** An edit not yet saved, and the stored parameters it started from (to notice another tab's change). */
export interface PendingParams {
  id: string;
  params: RequestParams;
  base?: RequestParams;
}

interface WorkspaceState {
  /** The open conversation; null = a new, not yet saved one. */
  activeConversationId: ConversationId | null;
  /** Parameters of the unsaved conversation, and the default for new ones. */
  draftParams: RequestParams;
  /** How often a request that failed before its first byte is retried. */
  maxRetries: number;
  /** Seconds a streamed request may wait for its first byte before it fails with a timeout. */
  firstByteTimeoutSec: number;
  /** Parameter edits not yet written to the open conversation (see params-writer). */
  pendingParams: PendingParams | null;
  setPendingParams(pending: PendingParams | null): void;
  setMaxRetries(n: number): void;
  setFirstByteTimeoutSec(n: number): void;
  open(id: ConversationId | null): void;
  setDraftParams(params: RequestParams): void;
}

const storedSchema = v.partial(
  v.object({
    activeConversationId: v.nullable(v.pipe(v.string(), v.transform(asConversationId))),
    draftParams: requestParamsSchema,
    maxRetries: v.number(),
    firstByteTimeoutSec: v.number(),
    pendingParams: v.nullable(v.object({ id: v.string(), params: requestParamsSchema, base: v.optional(requestParamsSchema) })),
  }),
);

export const useWorkspaceStore = create<WorkspaceState>()(
  persist(
    (set) => ({
      activeConversationId: null,
      draftParams: defaultRequestParams(DEFAULT_MODEL),
      maxRetries: 2,
      firstByteTimeoutSec: 60,
      pendingParams: null,
      setPendingParams: (pending) => set({ pendingParams: pending }),
      setMaxRetries: (n) => set({ maxRetries: Math.max(0, Math.min(10, Math.floor(n))) }),
      setFirstByteTimeoutSec: (n) => set({ firstByteTimeoutSec: Number.isFinite(n) ? Math.max(1, Math.min(600, Math.round(n))) : 60 }),
      open: (id) => set({ activeConversationId: id }),
      setDraftParams: (params) => set({ draftParams: params }),
    }),
    persisted({
      store: 'workspace',
      version: 1, // pendingParams is persisted synchronously too: a write-ahead record replayed at startup.
      schema: storedSchema,
      partialize: (s) => ({
        activeConversationId: s.activeConversationId,
        draftParams: s.draftParams,
        maxRetries: s.maxRetries,
        firstByteTimeoutSec: s.firstByteTimeoutSec,
        pendingParams: s.pendingParams,
      }),
    }),
  ),
);

/** The person's first-byte timeout for a streamed request (a non-streamed answer keeps the client's long default). */
export function firstByteTimeout(stream: boolean | null | undefined): { firstByteTimeoutMs?: number } {
  return stream === true ? { firstByteTimeoutMs: useWorkspaceStore.getState().firstByteTimeoutSec * 1000 } : {};
}
