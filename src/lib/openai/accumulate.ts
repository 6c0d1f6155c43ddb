/**
 * The delta accumulator: folds stream chunks (or one non-streamed body) into a domain
 * Completion. Pure apart from mutating its own live object, which is mutated in place so
 * the UI can re-render long streams without copying.
 */
import type { Choice, Completion, Usage } from '../../domain/types';
import { errorFromStreamBody } from './errors';
import { asRecord, index, isArray, isRecord, nonEmpty, num, setSafe } from './guards';
import type { JsonRecord } from './guards';
import { usageFromWire } from './usage';
import { CHUNK_KEYS } from './wire';
import { finishChoice, mergeChoice, newChoiceState } from './accumulate-choice';
import type { ChoiceState } from './accumulate-choice';

/** How many dropped events keep their raw text, and how much of each: enough to see what went wrong. */
export const DROPPED_SAMPLES = 3;
export const DROPPED_SAMPLE_CHARS = 2000;

export interface CompletionAccumulator {
  /** One parsed `data:` payload (or a whole non-streamed body). Ignored after pushDone(). */
  push(chunk: unknown): void;
  /** A `data:` payload that could not be parsed as JSON. */
  pushMalformed(sample: string): void;
  /** `data: [DONE]` was seen. Also finishes. */
  pushDone(): void;
  /**
   * The reply ended, however it ended (done, error, abort, a cut stream): text held back as a
   * possible `<think>` tag cut at a chunk boundary is released. Safe to call more than once.
   */
  finish(): void;
  /** The live object, mutated in place. Use snapshotCompletion() to keep a copy. */
  readonly completion: Completion;
  /** Characters of content, reasoning, refusal, tool-call and transcript text so far. */
  readonly textChars: number;
  /** Number of chunks that were JSON objects. */
  readonly validChunks: number;
  /** The first payload that was not a JSON object, if any. */
  readonly malformedSample: string | null;
}

export function emptyCompletion(): Completion {
  return {
    id: null,
    model: null,
    created: null,
    systemFingerprint: null,
    serviceTier: null,
    choices: [],
    usage: null,
    error: null,
    sawDone: false,
    extra: {},
  };
}

export function createCompletionAccumulator(): CompletionAccumulator {
  const completion = emptyCompletion();
  const states = new Map<number, ChoiceState>();
  let textChars = 0;
  let validChunks = 0;
  let malformedSample: string | null = null;
  // Usage found inside a choice only fills in until a top-level usage arrives.
  let topLevelUsage = false;

  function stateFor(i: number): ChoiceState {
    let state = states.get(i);
    if (state) return state;
    state = newChoiceState(i);
    states.set(i, state);
    // Keep choices sorted by index; new indices are rare, so a linear insert is fine.
    const at = completion.choices.findIndex((c) => c.index > i);
    if (at < 0) completion.choices.push(state.choice);
    else completion.choices.splice(at, 0, state.choice);
    return state;
  }

  function setUsage(usage: Usage, fromTop: boolean): void {
    if (fromTop) topLevelUsage = true;
    else if (topLevelUsage) return;
    completion.usage = usage;
  }

  function fillHeader(chunk: JsonRecord): void {
    // First non-empty value wins; Azure's first chunk has id:"" model:"" created:0.
    completion.id ??= nonEmpty(chunk.id) ?? null;
    completion.model ??= nonEmpty(chunk.model) ?? null;
    completion.systemFingerprint ??= nonEmpty(chunk.system_fingerprint) ?? null;
    completion.serviceTier ??= nonEmpty(chunk.service_tier) ?? null;
    const created = num(chunk.created);
    if (completion.created === null && created !== undefined && created > 0) completion.created = created;
  }

  function pushMalformed(sample: string): void {
    if (completion.sawDone) return;
    const dropped = (completion.dropped ??= { count: 0, samples: [] });
    dropped.count++;
    if (dropped.samples.length < DROPPED_SAMPLES) {
      dropped.samples.push(sample.length > DROPPED_SAMPLE_CHARS ? `${sample.slice(0, DROPPED_SAMPLE_CHARS)}…` : sample);
    }
    malformedSample ??= sample;
  }

  function push(raw: unknown): void {
    if (completion.sawDone) return;
    const chunk = asRecord(raw);
    if (!chunk) {
      pushMalformed(JSON.stringify(raw) ?? String(raw));
      return;
    }
    validChunks++;
    // vLLM's ErrorResponse sent as an event of its own: `data: {"object":"error","message":…}`.
    if (chunk.object === 'error' && chunk.choices === undefined && chunk.error == null) {
      if (completion.error === null) completion.error = errorFromStreamBody(chunk);
      return;
    }
    fillHeader(chunk);
    for (const key of Object.keys(chunk)) if (!CHUNK_KEYS.has(key)) setSafe(completion.extra, key, chunk[key]);

    if (isArray(chunk.choices)) {
      for (const rawChoice of chunk.choices) {
        const wire = asRecord(rawChoice);
        if (!wire) continue;
        const state = stateFor(index(wire.index) ?? 0);
        textChars += mergeChoice(state, wire);
        if (state.choice.usage && isRecord(wire.usage)) setUsage(state.choice.usage, false);
      }
    } else if (chunk.choices != null) {
      setSafe(completion.extra, 'choices', chunk.choices);
    }

    // Usage may come at the top level, or only inside Groq's x_groq; null never erases.
    const usage = usageFromWire(chunk.usage) ?? usageFromWire(asRecord(chunk.x_groq)?.usage);
    if (usage) setUsage(usage, true);

    if (chunk.error != null && completion.error === null) completion.error = errorFromStreamBody(chunk);
  }

  function finish(): void {
    for (const state of states.values()) finishChoice(state);
  }

  return {
    push,
    pushMalformed,
    pushDone() {
      completion.sawDone = true;
      finish();
    },
    finish,
    completion,
    get textChars() {
      return textChars;
    },
    get validChunks() {
      return validChunks;
    },
    get malformedSample() {
      return malformedSample;
    },
  };
}

function copyChoice(c: Choice): Choice {
  return {
    ...c,
    toolCalls: c.toolCalls.map((t) => ({ ...t })),
    logprobs: c.logprobs ? [...c.logprobs] : null,
    usage: c.usage ? { ...c.usage } : null,
    audio: c.audio ? { ...c.audio } : null,
    extra: { ...c.extra },
  };
}

/**
 * A copy safe to keep while the live object keeps changing. Raw extras and logprob
 * entries are shared: they are never mutated after they arrive.
 */
export function snapshotCompletion(c: Completion): Completion {
  return {
    ...c,
    choices: c.choices.map(copyChoice),
    usage: c.usage ? { ...c.usage } : null,
    error: c.error ? { ...c.error } : null,
    extra: { ...c.extra },
    ...(c.dropped ? { dropped: { count: c.dropped.count, samples: [...c.dropped.samples] } } : {}),
  };
}

/**
 * One SSE `data` payload: `[DONE]`, a JSON chunk, or something malformed. An `event: error`
 * whose data is not already `{error: …}` is wrapped so it surfaces as a stream error.
 */
export function pushEventData(acc: CompletionAccumulator, data: string, event?: string): void {
  if (acc.completion.sawDone) return;
  const trimmed = data.trim();
  if (trimmed === '') return;
  if (trimmed === '[DONE]') {
    acc.pushDone();
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    if (event === 'error') acc.push({ error: trimmed });
    else acc.pushMalformed(trimmed);
    return;
  }
  acc.push(event === 'error' && !(isRecord(parsed) && 'error' in parsed) ? { error: parsed } : parsed);
}
