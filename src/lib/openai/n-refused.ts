/**
 * Servers that refuse `n` > 1 instead of answering with one choice. Groq documents it ("If N is
 * supplied, it must be equal to 1", a 400 — console.groq.com/docs/openai, "Currently Unsupported
 * OpenAI Features"); others say so in their own words. The app offers the same request as parallel
 * single-choice requests instead (a fan-out), so the person still gets choices side by side.
 */
import type { AppError } from '../../domain/types';

/**
 * How servers word the refusal, each from a real body (sources beside it). Matched against the
 * message the app read from the error body, whatever its shape.
 */
const REFUSAL_TEXT: readonly RegExp[] = [
  // Groq: {"error":{"message":"'n' : number must be at most 1","type":"invalid_request_error"}}
  // (quoted in llamastack/llama-stack tests/integration/inference/test_openai_completion.py, skip_if_doesnt_support_n;
  // and by many RAGAS users on Groq). Also Cerebras `"n" > 1 is not currently supported` (param n),
  // Together "`n` > 1 is not supported when streaming tokens" and Databricks `parameter "n" must be
  // equal to 1 for streaming mode` (the same llama-stack file).
  /(['"`])n\1\s*(:\s*number\s+)?(must be|>\s*1)/i,
  // llama.cpp llama-server (tools/server utils.hpp, oaicompat params parse): "Only one completion choice is allowed",
  // sent as a 500 server_error or a 400, by version; older builds prefix "Illegal param: ".
  /only one completion choice is allowed/i,
  // Gemini's OpenAI-compatible endpoint: "Only one candidate can be specified in the current model";
  // Vertex AI: "Unable to submit request because candidateCount must be 1 but the entered value was 2."
  /only one candidate can be specified|candidateCount must be 1/i,
];

/** Statuses a refusal comes with: a request error, or llama.cpp's 500 for the same thing. */
const REFUSAL_STATUS = new Set([400, 422, 500]);

/**
 * Whether `error` is the server refusing `n` > 1 for a request that asked for `askedChoices`: a
 * 400/422 naming `n` as its param (or a FastAPI entry at `n`), or a message worded as a refusal of `n`
 * (see {@link REFUSAL_TEXT}). False for any request that did not ask for several choices.
 */
export function nRefused(error: AppError | null | undefined, askedChoices: number): boolean {
  if (!error || askedChoices < 2 || error.status === undefined || !REFUSAL_STATUS.has(error.status)) return false;
  if (error.status !== 500 && (error.param === 'n' || (error.detailLines ?? []).some((line) => line.startsWith('n: ')))) return true;
  return REFUSAL_TEXT.some((re) => re.test(error.message));
}
