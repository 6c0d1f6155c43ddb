import 'fake-indexeddb/auto';
import { vi } from 'vitest';
import { createMessage } from '../../domain/factories';
import { pathToLeaf, textContent } from '../../domain/messages';
import { defaultRequestParams } from '../../domain/params';
import type { Choice, Completion, Conversation, Endpoint, Message, RequestParams } from '../../domain/types';
import * as store from '../../lib/db/store';
import { PlaygroundDB, setDb } from '../../lib/db/schema';
import type { CompletionOptions, CompletionResult } from '../../lib/openai/client';
import type { GenerationDeps } from './deps';
import { useLiveRuns } from './live-run-store';
import type { Lane } from './start-requests';

// What the run engine's unit tests share: a fresh fake-indexeddb database, a scripted completion
// client, and test deps around the real repositories.
export function choice(index: number, content: string, finishReason: string | null = 'stop'): Choice {
  return {
    index,
    role: 'assistant',
    content,
    reasoning: null,
    refusal: null,
    toolCalls: [],
    logprobs: null,
    finishReason,
    usage: null,
    audio: null,
    extra: {},
  };
}

export function completion(choices: Choice[]): Completion {
  return {
    id: 'cmpl',
    model: 'ref-chat',
    created: 1,
    systemFingerprint: null,
    serviceTier: null,
    choices,
    usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15, raw: {} },
    error: null,
    sawDone: true,
    extra: {},
  };
}

export function result(c: Completion, outcome: CompletionResult['outcome'] = 'done'): CompletionResult {
  return {
    outcome,
    completion: c,
    error: outcome === 'error' ? { kind: 'http', status: 500, message: 'The server failed' } : null,
    status: outcome === 'error' ? 500 : 200,
    headers: {},
    timing: { startedAt: 1000, firstByteAt: 1010, firstTokenAt: 1020, finishedAt: 1100 },
  };
}

/** A completion client that answers each request from `answer`, and keeps what it was asked. */
export function scriptedClient(answer: (body: CompletionOptions, call: number) => Promise<CompletionResult> | CompletionResult) {
  const calls: CompletionOptions[] = [];
  const complete = vi.fn(async (opts: CompletionOptions) => {
    calls.push(opts);
    return answer(opts, calls.length - 1);
  });
  return { complete, calls };
}

export const endpoint = (id: string, baseURL: string): Endpoint => ({ id, name: id, baseURL, headers: {} }) as unknown as Endpoint;

export function testDeps(
  complete: GenerationDeps['complete'],
  overrides: Partial<GenerationDeps> = {},
): GenerationDeps & { notices: string[] } {
  const notices: string[] = [];
  return {
    repo: store,
    complete,
    endpointFor: (id) => ({
      endpoint: endpoint(id ?? 'active', id ? `https://${id}.example/v1` : 'https://active.example/v1'),
      apiKey: 'sk-test',
    }),
    endpointExists: (id) => id !== 'deleted-profile',
    rememberUnsupported: vi.fn(),
    modelFacts: () => ({}),
    learnRule: vi.fn(),
    settings: () => ({ maxRetries: 0, firstByteTimeoutMs: () => undefined }),
    notify: (message) => void notices.push(message),
    clock: { now: () => 5000, setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (t) => clearTimeout(t) },
    lock: (_name, body) => body(),
    countReplies: vi.fn(async () => undefined),
    created: vi.fn(),
    variableValues: () => ({}),
    notices,
    ...overrides,
  };
}

export const params = (patch: (p: RequestParams) => void = () => undefined): RequestParams => {
  const p = defaultRequestParams('ref-chat');
  patch(p);
  return p;
};
export const lane = (p: RequestParams, endpointId: string | null = null, label: string | null = null): Lane => ({
  params: p,
  endpointId,
  label,
});

export async function storedConversation(c: Conversation): Promise<{ conversation: Conversation; all: Message[]; path: Message[] }> {
  const conversation = (await store.getConversation(c.id))!;
  const all = await store.listMessages(c.id);
  return { conversation, all, path: pathToLeaf(all, conversation.currentLeafId) };
}

/** A stored conversation with one user message, ready to run. */
export async function conversationWithQuestion(p: RequestParams = params()): Promise<{ conversation: Conversation; path: Message[] }> {
  const conversation = await store.createConversation(p, null);
  const user = createMessage(conversation.id, null, { role: 'user', content: textContent('Hello?') });
  await store.appendMessages(conversation.id, [user], user.id, 'Hello?');
  return { conversation: (await store.getConversation(conversation.id))!, path: [user] };
}

/** A new database and an empty live-run store (call in beforeEach). */
export async function freshDatabase(): Promise<void> {
  const d = new PlaygroundDB(`test-${Math.random()}`);
  await d.open();
  setDb(d);
  useLiveRuns.setState({ runs: {}, errors: {}, last: {}, settled: {}, dismissed: {} });
}
