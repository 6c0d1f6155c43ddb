/**
 * Merging one choice's delta (or non-streamed message) into a domain Choice.
 * Mutates in place: the UI re-renders from the live object on every network chunk.
 */
import {
  endInlineSplit,
  feedInlineSplit,
  hasInlineReasoning,
  initialInlineSplit,
  INLINE_RAW_CONTENT_KEY,
  INLINE_UNCLOSED_KEY,
} from '../../domain/inline-reasoning';
import type { InlineSplit } from '../../domain/inline-reasoning';
import type { Choice, TokenLogprob, TopLogprob } from '../../domain/types';
import { asRecord, byteArray, index, isArray, isRecord, nonEmpty, num, setSafe, str } from './guards';
import type { JsonRecord } from './guards';
import { usageFromWire } from './usage';
import { CHOICE_KEYS, DELTA_KEYS } from './wire';

/** Bookkeeping that is not part of the domain Choice. */
export interface ChoiceState {
  choice: Choice;
  /** Wire tool-call index → position in choice.toolCalls (indices may start at 1, or repeat). */
  byIndex: Map<number, number>;
  byId: Map<string, number>;
  /** Position that indexless fragment 0 of a delta maps to (Moonshot-style). */
  groupStart: number;
  /** The content text exactly as the server sent it; null until a string arrives. */
  rawContent: string | null;
  /** Reasoning the server sent in its own fields (`reasoning_content`, `reasoning`, thinking parts). */
  separateReasoning: string | null;
  /** `<think>` tags inside the content, split as they arrive (used only without separate reasoning). */
  inline: InlineSplit;
}

export function newChoiceState(i: number): ChoiceState {
  return {
    choice: {
      index: i,
      role: null,
      content: null,
      reasoning: null,
      refusal: null,
      toolCalls: [],
      logprobs: null,
      finishReason: null,
      usage: null,
      audio: null,
      extra: {},
    },
    byIndex: new Map(),
    byId: new Map(),
    groupStart: 0,
    rawContent: null,
    separateReasoning: null,
    inline: initialInlineSplit,
  };
}

function addContent(state: ChoiceState, text: string): void {
  state.rawContent = (state.rawContent ?? '') + text;
  // Plain content (most replies) is the raw text: nothing more to split.
  if (state.inline.phase !== 'none') state.inline = feedInlineSplit(state.inline, text);
}

function addReasoning(state: ChoiceState, text: string): void {
  state.separateReasoning = (state.separateReasoning ?? '') + text;
}

/**
 * Sets the choice's content and reasoning from what arrived. Reasoning in its own fields wins:
 * then the content is shown exactly as sent. Otherwise thinking written inline in the content
 * (`<think>…</think>` at its start) becomes the reasoning, and the raw content is kept in
 * `extra` for the raw view.
 */
function syncText(state: ChoiceState): void {
  const { choice, rawContent, separateReasoning, inline } = state;
  const separate = separateReasoning !== null && separateReasoning !== '';
  choice.content = rawContent === null || separate || inline.phase === 'none' ? rawContent : inline.content;
  const split = !separate && rawContent !== null && hasInlineReasoning(inline);
  choice.reasoning = split ? inline.reasoning : separateReasoning;
  const { extra } = choice;
  if (split) extra[INLINE_RAW_CONTENT_KEY] = rawContent;
  else if (INLINE_RAW_CONTENT_KEY in extra) delete extra[INLINE_RAW_CONTENT_KEY];
  if (split && inline.unclosed) extra[INLINE_UNCLOSED_KEY] = true;
  else if (INLINE_UNCLOSED_KEY in extra) delete extra[INLINE_UNCLOSED_KEY];
}

/** The reply ended (however it ended): text held back as a possible tag is released. */
export function finishChoice(state: ChoiceState): void {
  if (state.rawContent === null) return;
  state.inline = endInlineSplit(state.inline);
  syncText(state);
}

/** Merges a wire choice. Returns how many characters of visible text it added. */
export function mergeChoice(state: ChoiceState, wire: JsonRecord): number {
  const { choice } = state;
  let added = 0;
  for (const key of Object.keys(wire)) if (!CHOICE_KEYS.has(key)) setSafe(choice.extra, key, wire[key]);

  const delta = asRecord(wire.delta) ?? asRecord(wire.message);
  if (delta) added += mergeDelta(state, delta);
  const finish = nonEmpty(wire.finish_reason);
  if (finish) choice.finishReason = finish;
  if (isRecord(wire.logprobs)) mergeLogprobs(choice, wire.logprobs);
  const usage = usageFromWire(wire.usage);
  if (usage) choice.usage = usage;
  return added;
}

function mergeDelta(state: ChoiceState, delta: JsonRecord): number {
  const { choice } = state;
  let added = 0;
  for (const key of Object.keys(delta)) if (!DELTA_KEYS.has(key)) setSafe(choice.extra, key, delta[key]);

  const role = nonEmpty(delta.role);
  if (role) choice.role = role;

  const content = delta.content;
  if (typeof content === 'string') {
    addContent(state, content);
    added += content.length;
  } else if (isArray(content)) {
    added += mergeContentParts(state, content);
  } else if (content != null) {
    setSafe(choice.extra, 'content', content);
  }

  const refusal = str(delta.refusal);
  if (refusal !== undefined) {
    choice.refusal = (choice.refusal ?? '') + refusal;
    added += refusal.length;
  }

  // vLLM sends the same text as both `reasoning` and `reasoning_content`: take one.
  const candidates = [delta.reasoning_content, delta.reasoning];
  const reasoning = candidates.find((c) => nonEmpty(c) !== undefined) ?? candidates.find((c) => typeof c === 'string');
  if (typeof reasoning === 'string') {
    addReasoning(state, reasoning);
    added += reasoning.length;
  }
  syncText(state);

  if (isArray(delta.tool_calls)) added += mergeToolCalls(state, delta.tool_calls);
  if (isRecord(delta.audio)) added += mergeAudio(choice, delta.audio);
  return added;
}

/** Mistral: `[{type:'text',text}, {type:'thinking', thinking:[{type:'text',text}]}]`. */
function mergeContentParts(state: ChoiceState, parts: unknown[]): number {
  let added = 0;
  for (const raw of parts) {
    const part = asRecord(raw);
    if (!part) continue;
    if (part.type === 'text') {
      const text = str(part.text) ?? '';
      addContent(state, text);
      added += text.length;
    } else if (part.type === 'thinking') {
      const thinking = part.thinking;
      const items = isArray(thinking) ? thinking : [thinking];
      for (const item of items) {
        const text = typeof item === 'string' ? item : str(asRecord(item)?.text);
        if (text === undefined) continue;
        addReasoning(state, text);
        added += text.length;
      }
    }
  }
  return added;
}

function newToolCall(state: ChoiceState): number {
  state.choice.toolCalls.push({ id: '', name: '', arguments: '' });
  return state.choice.toolCalls.length - 1;
}

/** Which call a fragment belongs to: by index, else by id, else by its position in the delta. */
function toolCallPosition(state: ChoiceState, frag: JsonRecord, j: number, created: { first: number }): number {
  const calls = state.choice.toolCalls;
  const id = nonEmpty(frag.id);
  const wireIndex = index(frag.index);
  if (wireIndex !== undefined) {
    let pos = state.byIndex.get(wireIndex);
    const existing = pos === undefined ? undefined : calls[pos];
    // Some providers reuse index 0 for every call: a new id means a new call.
    if (existing && id && existing.id && existing.id !== id) pos = undefined;
    if (pos === undefined && id) pos = state.byId.get(id);
    if (pos === undefined) pos = newToolCall(state);
    state.byIndex.set(wireIndex, pos);
    return pos;
  }
  if (id) {
    let pos = state.byId.get(id);
    if (pos === undefined) {
      pos = newToolCall(state);
      if (created.first < 0) {
        created.first = pos;
        state.groupStart = Math.max(0, pos - j);
      }
    }
    return pos;
  }
  const pos = state.groupStart + j;
  return pos < calls.length ? pos : newToolCall(state);
}

function mergeToolCalls(state: ChoiceState, fragments: unknown[]): number {
  let added = 0;
  const created = { first: -1 };
  fragments.forEach((raw, j) => {
    const frag = asRecord(raw);
    if (!frag) return;
    const pos = toolCallPosition(state, frag, j, created);
    const call = state.choice.toolCalls[pos];
    if (!call) return;
    const id = nonEmpty(frag.id);
    if (id && !call.id) {
      call.id = id;
      state.byId.set(id, pos);
    }
    const fn = asRecord(frag.function);
    const name = nonEmpty(fn?.name);
    if (name) {
      // Names normally arrive whole once; tolerate repeats and cumulative names, else concatenate.
      const before = call.name.length;
      call.name = call.name === '' || name.startsWith(call.name) ? name : call.name + name;
      added += Math.max(0, call.name.length - before);
    }
    const args = fn?.arguments;
    if (typeof args === 'string') {
      call.arguments += args;
      added += args.length;
    } else if (isRecord(args) && call.arguments === '') {
      // A few servers send parsed arguments; keep them as the JSON text the domain expects.
      call.arguments = JSON.stringify(args);
      added += call.arguments.length;
    }
  });
  return added;
}

function toTopLogprob(raw: unknown): TopLogprob | null {
  const rec = asRecord(raw);
  const token = rec ? str(rec.token) : undefined;
  const logprob = rec ? num(rec.logprob) : undefined;
  if (!rec || token === undefined || logprob === undefined) return null;
  return { token, logprob, bytes: byteArray(rec.bytes) };
}

function toTokenLogprob(raw: unknown): TokenLogprob | null {
  const top = toTopLogprob(raw);
  if (!top) return null;
  const list = asRecord(raw)?.top_logprobs;
  const topLogprobs = isArray(list) ? list.map(toTopLogprob).filter((t): t is TopLogprob => t !== null) : [];
  return { ...top, topLogprobs };
}

function mergeLogprobs(choice: Choice, logprobs: JsonRecord): void {
  const list = (choice.logprobs ??= []);
  for (const key of ['content', 'refusal'] as const) {
    const entries = logprobs[key];
    if (!isArray(entries)) continue;
    for (const entry of entries) {
      const mapped = toTokenLogprob(entry);
      if (mapped) list.push(mapped);
    }
  }
}

function mergeAudio(choice: Choice, audio: JsonRecord): number {
  const target = (choice.audio ??= { id: '', data: '', transcript: '', expiresAt: null });
  const id = nonEmpty(audio.id);
  if (id && !target.id) target.id = id;
  target.data += str(audio.data) ?? '';
  const transcript = str(audio.transcript) ?? '';
  target.transcript += transcript;
  const expires = num(audio.expires_at);
  if (expires !== undefined) target.expiresAt = expires;
  return transcript.length;
}
