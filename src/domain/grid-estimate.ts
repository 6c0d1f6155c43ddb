/**
 * What a grid run will cost, before it starts: per cell, the tokens of its substituted prompt and
 * the output it may produce, at the column's price (the meter's facts: price book, catalog, the
 * person's own prices). Pure.
 */
import { messageText } from './messages';
import { costUSD, type ModelFacts } from './model-facts';
import type { Message } from './types';

/**
 * Output tokens assumed per cell when the request sets no max tokens. Said beside the estimate:
 * it is a guess (a short answer), not what the model will do.
 */
export const ASSUMED_OUTPUT_TOKENS = 256;

/**
 * Prompt tokens of messages, roughly: about four characters a token (the app's count before its
 * tokenizer loads, domain/completion's roughTokens), plus the chat format's framing (3 a message,
 * 1 for the role, 3 priming the reply: domain/tokens). Within a few per cent for English prose.
 */
export function roughPromptTokens(messages: readonly Message[]): number {
  return 3 + messages.reduce((sum, m) => sum + Math.ceil(messageText(m.content).length / 4) + 4, 0);
}

export interface CellEstimate {
  promptTokens: number;
  /** max_completion_tokens / max_tokens when set, else null (the assumption is used). */
  maxOutputTokens: number | null;
  facts: ModelFacts;
}

export interface GridEstimate {
  cells: number;
  /** Cells whose model has a price; `usd` sums only those. */
  priced: number;
  usd: number;
  promptTokens: number;
  outputTokens: number;
  /** Some cell's output was the assumption (no max tokens set). */
  assumedOutput: boolean;
}

export function estimateCells(cells: readonly CellEstimate[]): GridEstimate {
  const e: GridEstimate = { cells: cells.length, priced: 0, usd: 0, promptTokens: 0, outputTokens: 0, assumedOutput: false };
  for (const cell of cells) {
    const output = cell.maxOutputTokens ?? ASSUMED_OUTPUT_TOKENS;
    if (cell.maxOutputTokens === null) e.assumedOutput = true;
    e.promptTokens += cell.promptTokens;
    e.outputTokens += output;
    const usd = costUSD({ promptTokens: cell.promptTokens, completionTokens: output }, cell.facts);
    if (usd === null) continue;
    e.priced++;
    e.usd += usd;
  }
  return e;
}

function dollars(usd: number): string {
  if (usd === 0) return '$0';
  if (usd < 1) return `$${usd.toPrecision(2)}`;
  return `$${usd.toFixed(2)}`;
}

const cellsWord = (n: number) => `${n} ${n === 1 ? 'cell' : 'cells'}`;

/** "≈ $0.12 for 800 cells", "≈ $0.09 for 600 of 800 cells (200 without a price)", "800 cells · no price". */
export function describeEstimate(e: GridEstimate): string {
  if (e.cells === 0) return '';
  if (e.priced === 0) return `${cellsWord(e.cells)} · no price`;
  if (e.priced === e.cells) return `≈ ${dollars(e.usd)} for ${cellsWord(e.cells)}`;
  return `≈ ${dollars(e.usd)} for ${e.priced} of ${cellsWord(e.cells)} (${e.cells - e.priced} without a price)`;
}

/** The estimate's working, for its tooltip. */
export function explainEstimate(e: GridEstimate): string {
  const output = e.assumedOutput
    ? `output: max tokens where set, else ${ASSUMED_OUTPUT_TOKENS} tokens a cell (an assumption)`
    : 'output: the max tokens each request allows (the most it can cost)';
  return `≈ ${e.promptTokens.toLocaleString('en-US')} prompt tokens (about 4 characters a token) + ${e.outputTokens.toLocaleString('en-US')} output tokens; ${output}.`;
}
