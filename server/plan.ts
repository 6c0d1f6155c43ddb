// Turns a validated request into a complete, deterministic plan of what each
// choice will say; streaming and non-streamed responses both render from it.
import { composeJsonObject, composeReasoning, composeReply, continueText } from './reply';
import type { ReplyInput } from './reply';
import { longMarkdown } from './longform';
import { makePieceLogprobs } from './logprobs';
import type { TokenLogprob } from './logprobs';
import { hash53, hashHex, Rng } from './prng';
import { sampleFromSchema } from './schema';
import { countPromptTokens, countTokens, pieceTokenBytes, tokenize } from './tokens';
import type { Piece } from './tokens';
import { planToolCalls } from './tools';
import type { PlannedToolCall } from './tools';
import type { Triggers } from './triggers';
import type { ChatRequest } from './types';

export type FinishReason = 'stop' | 'length' | 'tool_calls';

export interface ChoicePlan {
  index: number;
  reasoning: Piece[];
  content: Piece[];
  /** Per content piece, the logprobs of its tokens (several when a character spans tokens). */
  logprobs: TokenLogprob[][] | null;
  toolCalls: PlannedToolCall[];
  /** Per tool call, the argument string split into 1–6 character fragments. */
  argFragments: string[][];
  finishReason: FinishReason;
  completionTokens: number;
  reasoningTokens: number;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number; audio_tokens: number };
  completion_tokens_details: {
    reasoning_tokens: number;
    audio_tokens: number;
    accepted_prediction_tokens: number;
    rejected_prediction_tokens: number;
  };
}

export interface Plan {
  id: string;
  created: number;
  model: string;
  choices: ChoicePlan[];
  usage: Usage;
}

/** Keeps whole pieces while they fit in `budget` tokens. */
function takeTokens(pieces: Piece[], budget: number): { kept: Piece[]; used: number; cut: boolean } {
  let used = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (!piece) break;
    if (used + piece.tokens > budget) return { kept: pieces.slice(0, i), used, cut: true };
    used += piece.tokens;
  }
  return { kept: pieces, used, cut: false };
}

function applyStop(text: string, stops: string[]): { text: string; stopped: boolean } {
  let at = -1;
  for (const stop of stops) {
    const i = text.indexOf(stop);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  return at < 0 ? { text, stopped: false } : { text: text.slice(0, at), stopped: true };
}

function splitFragments(text: string, rng: Rng): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length;) {
    const size = rng.range(1, 6);
    out.push(text.slice(i, i + size));
    i += size;
  }
  return out;
}

/**
 * [[persona:NAME]]: replies shaped like a particular server. The inline-think ones are a reasoning
 * model (DeepSeek-R1, QwQ, Qwen3) served without a reasoning parser (Ollama, LM Studio, vLLM without
 * `--reasoning-parser`, llama.cpp with `--reasoning-format none`): the thinking is written inside
 * `content` between `<think>` tags, never in `reasoning_content`, and streamed in pieces of one or
 * two characters so the tags are cut across chunks.
 */
export const PERSONAS: Readonly<Record<string, { content: string; finishReason: FinishReason }>> = {
  'inline-think': { content: '<think>\nI should greet.\n</think>\n\nHello!', finishReason: 'stop' },
  /** The thinking never closes: the model ran out of tokens while still thinking. */
  'inline-think-open': { content: '<think>\nI should greet, but first let me think about how', finishReason: 'length' },
};

/** Each token split into pieces of at most two characters; the token counts ride on the first one. */
function smallPieces(text: string): Piece[] {
  return tokenize(text).flatMap((piece) => {
    const chars = [...piece.text];
    const out: Piece[] = [];
    for (let i = 0; i < chars.length; i += 2) out.push({ text: chars.slice(i, i + 2).join(''), tokens: i === 0 ? piece.tokens : 0 });
    return out;
  });
}

function contentText(request: ChatRequest, input: ReplyInput, triggers: Triggers, rng: Rng): string {
  // A continued reply gets the rest of what the request would have answered (see continueText).
  if (triggers.reply !== undefined) return continueText(triggers.reply, input.prefill, rng);
  if (triggers.tokens !== undefined) {
    const exact = takeTokens(tokenize(longMarkdown(triggers.tokens, rng)), triggers.tokens).kept;
    return continueText(exact.map((p) => p.text).join(''), input.prefill, rng);
  }
  const format = request.responseFormat;
  if (format?.type === 'json_schema') return JSON.stringify(sampleFromSchema(format.json_schema?.schema ?? {}));
  if (format?.type === 'json_object') return composeJsonObject(input);
  return composeReply(input, rng);
}

function planChoice(request: ChatRequest, input: ReplyInput, triggers: Triggers, index: number, reasoningModel: boolean): ChoicePlan {
  const { tools, responseFormat, seed, temperature, model, messages } = request;
  // A continuation is seeded like the request it continues (without the prefill), so it carries on the same text.
  const seedMessages = input.prefill !== null ? messages.slice(0, -1) : messages;
  const seedKey = [
    model,
    JSON.stringify(seedMessages),
    JSON.stringify(responseFormat),
    JSON.stringify(tools),
    seed,
    temperature > 0 ? index : 0,
  ].join('|');
  const rng = new Rng(hash53(seedKey));
  const toolCalls = triggers.reply !== undefined ? [] : planToolCalls(request, input.userText, seedKey);

  const persona = triggers.persona === undefined ? undefined : PERSONAS[triggers.persona];
  if (persona) {
    const content = smallPieces(persona.content);
    const lpRng = new Rng(hash53(`${seedKey}|logprobs`));
    return {
      index,
      reasoning: [],
      content,
      logprobs: request.logprobs ? content.map((p) => makePieceLogprobs(pieceTokenBytes(p), lpRng, request.topLogprobs)) : null,
      toolCalls: [],
      argFragments: [],
      finishReason: persona.finishReason,
      completionTokens: content.reduce((sum, p) => sum + p.tokens, 0),
      reasoningTokens: 0,
    };
  }

  let budget = request.maxTokens ?? Infinity;
  let cut = false;
  let reasoning: Piece[] = [];
  if (reasoningModel) {
    const taken = takeTokens(
      tokenize(
        composeReasoning(
          input,
          new Rng(hash53(`${seedKey}|think`)),
          toolCalls.map((t) => t.name),
        ),
      ),
      budget,
    );
    reasoning = taken.kept;
    budget -= taken.used;
    cut = taken.cut;
  }
  const reasoningTokens = reasoning.reduce((sum, p) => sum + p.tokens, 0);

  let content: Piece[] = [];
  let stopped = false;
  if (toolCalls.length === 0 && !cut) {
    const stop = applyStop(contentText(request, input, triggers, rng), request.stop);
    stopped = stop.stopped;
    // [[tokens:N]] is exact: the long text is generated slightly longer and cut in contentText.
    const pieces = tokenize(stop.text);
    const taken = takeTokens(pieces, budget);
    content = taken.kept;
    cut = taken.cut && !stopped;
  }
  const lpRng = new Rng(hash53(`${seedKey}|logprobs`));
  const fragRng = new Rng(hash53(`${seedKey}|fragments`));
  const toolTokens = toolCalls.reduce((sum, t) => sum + countTokens(t.name + t.arguments) + 3, 0);
  return {
    index,
    reasoning,
    content,
    logprobs: request.logprobs ? content.map((p) => makePieceLogprobs(pieceTokenBytes(p), lpRng, request.topLogprobs)) : null,
    toolCalls,
    argFragments: toolCalls.map((t) => splitFragments(t.arguments, fragRng)),
    finishReason: toolCalls.length > 0 ? 'tool_calls' : cut ? 'length' : 'stop',
    completionTokens: reasoningTokens + content.reduce((sum, p) => sum + p.tokens, 0) + toolTokens,
    reasoningTokens,
  };
}

export function buildPlan(
  request: ChatRequest,
  userText: string,
  triggers: Triggers,
  requestKey: string,
  reasoningModel: boolean,
  /** The trailing assistant message the reply continues; null (or absent) to answer anew. */
  prefill: string | null = null,
): Plan {
  const input: ReplyInput = { request, userText, prefill };
  const choices = Array.from({ length: request.n }, (_, i) => planChoice(request, input, triggers, i, reasoningModel));
  const prompt = countPromptTokens(request.messages, request.tools);
  const completion = choices.reduce((sum, c) => sum + c.completionTokens, 0);
  return {
    id: `chatcmpl-ref-${hashHex(requestKey).slice(0, 24)}`,
    created: 1_700_000_000 + (hash53(requestKey) % 60_000_000),
    model: request.model,
    choices,
    usage: {
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: prompt + completion,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: choices.reduce((sum, c) => sum + c.reasoningTokens, 0),
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    },
  };
}
