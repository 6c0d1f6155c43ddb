import { create } from 'zustand';
import type { AppError, FinishReason, ToolCall, Usage } from '../../domain/types';

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
  usage: Usage | null;
  usageEstimated: boolean;
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
}

export const useLiveRuns = create<LiveRunsState>()(() => ({ runs: {}, errors: {}, last: {} }));

export function patchRun(conversationId: string, patch: Partial<RunState>): void {
  useLiveRuns.setState((s) => {
    const run = s.runs[conversationId];
    if (!run) return s;
    return { runs: { ...s.runs, [conversationId]: { ...run, ...patch } } };
  });
}

export function endRun(conversationId: string): void {
  useLiveRuns.setState((s) => {
    const { [conversationId]: _gone, ...rest } = s.runs;
    return { runs: rest };
  });
}

export function setRunError(conversationId: string, error: AppError | null): void {
  useLiveRuns.setState((s) => ({ errors: { ...s.errors, [conversationId]: error } }));
}

export function useLiveChoice(conversationId: string, messageId: string): LiveChoice | undefined {
  return useLiveRuns((s) => s.runs[conversationId]?.choices[messageId]);
}
