import type { ConversationId, Message, RequestParams } from '../../domain/types';
import type { Endpoint } from '../../domain/types';
import type { ModelFacts } from '../../domain/model-facts';
import type { VariableValues } from '../../domain/variables';
import type { RuleKey } from '../../domain/provider-rules';
import type { Store } from '../../lib/db/repo';
import type { Notifier } from '../../lib/notify/notify';
import type { CompletionOptions, CompletionResult } from '../../lib/openai/client';

/** The repository calls a run makes: the lazy facade in the app, the store itself in tests. */
export type RunRepository = Pick<
  Store,
  | 'getConversation'
  | 'listMessages'
  | 'appendMessages'
  | 'updateConversation'
  | 'dataURLsFor'
  | 'putMessagesIf'
  | 'commitReplies'
  | 'deleteMessages'
  | 'putBlob'
>;

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): ReturnType<typeof setTimeout>;
  clearTimeout(timer: ReturnType<typeof setTimeout>): void;
}

export interface RunSettings {
  maxRetries: number;
  /** The first-byte timeout for a request with this `stream` value (undefined: the client's default). */
  firstByteTimeoutMs(stream: boolean | null | undefined): number | undefined;
}

/**
 * Everything a run needs from outside the engine, passed in: the app wires the real ones
 * (default-deps.ts), tests give fakes (an in-memory database, a scripted completion client).
 */
export interface GenerationDeps {
  repo: RunRepository;
  /** Runs one chat completion; never throws (lib/openai/client). */
  complete(options: CompletionOptions): Promise<CompletionResult>;
  /** The profile a lane runs against (null: the active one), with its key. */
  endpointFor(endpointId: string | null): { endpoint: Endpoint; apiKey: string };
  /** Whether profile `endpointId` still exists (a conversation whose profile was deleted runs nowhere). */
  endpointExists(endpointId: string): boolean;
  /** The server of profile `endpointId` refused `field`, a field the app adds on its own: remember to leave it out. */
  rememberUnsupported(endpointId: string, field: string): void;
  /** What is known of `model` on that endpoint (the facts the request preview uses): decides provider rules. */
  modelFacts(endpoint: Endpoint, apiKey: string, model: string): ModelFacts;
  /** A refusal taught the profile `endpointId` a provider rule: remember it, marked as learned. */
  learnRule<K extends RuleKey>(endpointId: string, key: K, value: NonNullable<Endpoint[K]>): void;
  settings(): RunSettings;
  /** Tells the person something outside the conversation's own banner. */
  notify: Notifier;
  clock: Clock;
  /** Serialises a request's start with other tabs (navigator.locks); runs `body` directly where there are none. */
  lock<T>(name: string, body: () => Promise<T>): Promise<T>;
  /** After replies are saved: the tokenizer's count stored beside their usage (the meter's). */
  countReplies(path: readonly Message[], replies: readonly Message[], params: RequestParams): Promise<void>;
  /** The values of the prompt variables (`{{name}}`) for a run of `conversationId` (null: the one not stored yet). */
  variableValues(conversationId: ConversationId | null): VariableValues;
  /** A conversation the run created is stored: open it (unless the person opened another meanwhile). */
  created(conversationId: ConversationId): void;
}
