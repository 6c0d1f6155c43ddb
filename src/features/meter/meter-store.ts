import type { ConversationId } from '../../domain/types';
import { create } from 'zustand';
import type { Encoding, PromptBreakdown } from '../../domain/tokens';

export interface PromptEstimate {
  conversationId: ConversationId | null;
  model: string;
  encoding: Encoding;
  /** False when the model's own tokenizer is not available: the count is an approximation. */
  exact: boolean;
  breakdown: PromptBreakdown;
  /** Tokens of tool definitions + response schema, with their framing. */
  extras: number;
  /** Worker time of the latest count (0 when all came from the cache). */
  workerMs: number;
  /** Of the latest count's wait, the time the tokenizer took to load (first count only). */
  loadMs: number;
}

interface MeterState {
  estimate: PromptEstimate | null;
  /** Tokens of each counted message (text, framing, images), by message id. */
  perMessage: Record<string, number>;
  /** Text tokens only (for a reply: its completion estimate), by message id. */
  textTokens: Record<string, number>;
  pending: boolean;
  detailsOpen: boolean;
  setDetailsOpen(open: boolean): void;
}

/** The latest estimate of the open conversation; written by usePromptEstimate only. */
export const useMeterStore = create<MeterState>()((set) => ({
  estimate: null,
  perMessage: {},
  textTokens: {},
  pending: false,
  detailsOpen: false,
  setDetailsOpen: (open) => set({ detailsOpen: open }),
}));
