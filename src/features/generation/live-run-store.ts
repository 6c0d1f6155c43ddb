import { create } from 'zustand';
import { messageText } from '../../domain/messages';
import type { AppError, ConversationId, FinishReason, Message, MessageId, MessageStatus, ToolCall } from '../../domain/types';

/** What one streaming choice shows right now; replaced once per animation frame. */
export interface LiveChoice {
  content: string;
  reasoning: string;
  refusal: string;
  toolCalls: ToolCall[];
  finishReason: FinishReason | null;
}

export interface RetryState {
  attempt: number;
  maxRetries: number;
  /** Epoch ms when the next try starts. */
  until: number;
  message: string;
}

export interface RunState {
  requestId: string;
  /** Message id per choice index. */
  messageIds: string[];
  phase: 'connecting' | 'retrying' | 'streaming';
  retry: RetryState | null;
  choices: Record<string, LiveChoice>;
  abort: () => void;
}

export interface LastResponse {
  status: number | null;
  /** Response headers of the latest request (rate limits, request id). */
  headers?: Record<string, string>;
}

/**
 * Client state of requests in flight, per conversation. Streaming text lives here (not in
 * IndexedDB, not in React state) until the run flushes it; components subscribe per message.
 */
interface LiveRunsState {
  runs: Record<string, RunState>;
  /** The error of the latest request per conversation, shown in the banner. */
  errors: Record<string, AppError | null>;
  last: Record<string, LastResponse>;
  /**
   * Final state of replies whose run just ended, by message id, until the database row shows it:
   * bridges the gap between the run ending and the live query delivering the final row.
   */
  settled: Record<string, { choice: LiveChoice; status: MessageStatus }>;
  /** A saved error the person dismissed, by conversation: the id of its message. */
  dismissed: Record<string, string>;
}

export const useLiveRuns = create<LiveRunsState>()(() => ({ runs: {}, errors: {}, last: {}, settled: {}, dismissed: {} }));

export function isRunning(conversationId: ConversationId): boolean {
  return useLiveRuns.getState().runs[conversationId] !== undefined;
}

export function stopRun(conversationId: ConversationId): void {
  useLiveRuns.getState().runs[conversationId]?.abort();
}

/** Marks a conversation busy at once (before any await), with a way to abort it. */
export function claimRun(conversationId: ConversationId, abort: () => void): void {
  useLiveRuns.setState((s) => ({
    runs: { ...s.runs, [conversationId]: { requestId: '', messageIds: [], phase: 'connecting', retry: null, choices: {}, abort } },
  }));
}

export function settle(rows: Message[]): void {
  const entries = rows.map((m) => [
    m.id,
    {
      status: m.status,
      choice: {
        content: messageText(m.content),
        reasoning: m.reasoning ?? '',
        refusal: m.refusal ?? '',
        toolCalls: m.toolCalls ?? [],
        finishReason: m.finishReason ?? null,
      },
    },
  ]);
  useLiveRuns.setState((s) => ({ settled: { ...s.settled, ...Object.fromEntries(entries) } }));
  setTimeout(() => {
    useLiveRuns.setState((s) => {
      const next = { ...s.settled };
      for (const m of rows) delete next[m.id];
      return { settled: next };
    });
  }, 5000);
}

export function patchRun(conversationId: ConversationId, patch: Partial<RunState>): void {
  useLiveRuns.setState((s) => {
    const run = s.runs[conversationId];
    if (!run) return s;
    return { runs: { ...s.runs, [conversationId]: { ...run, ...patch } } };
  });
}

export function endRun(conversationId: ConversationId): void {
  useLiveRuns.setState((s) => {
    const { [conversationId]: _gone, ...rest } = s.runs;
    return { runs: rest };
  });
}

export function setRunError(conversationId: ConversationId, error: AppError | null): void {
  useLiveRuns.setState((s) => ({ errors: { ...s.errors, [conversationId]: error } }));
}

export function useLiveChoice(conversationId: ConversationId, messageId: MessageId): LiveChoice | undefined {
  return useLiveRuns((s) => s.runs[conversationId]?.choices[messageId]);
}
