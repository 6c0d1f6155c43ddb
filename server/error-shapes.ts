// "[[error-shape:NAME]]": answers with the recorded error body of one recognised error shape
// (src/lib/openai/error-shapes.ts lists them), with its status from the wire INDEX, by replaying
// the wire case. "[[fault:vllm-midstream-error]]" replays vLLM's mid-stream error event.
import type { ServerResponse } from 'node:http';
import { ApiError } from './errors';
import { replayCase } from './replay';

/** Shape name → its example in the wire cases folder. Kept equal to ERROR_SHAPES' examples by a unit test. */
export const ERROR_SHAPE_CASES: Readonly<Record<string, string>> = {
  gemini: 'gemini-400-api-key-invalid.error.json',
  anthropic: 'anthropic-400-invalid-request.error.json',
  'azure-content-filter': 'azure-400-content-filter.error.json',
  openrouter: 'openrouter-400-provider-error-raw.error.json',
  llamacpp: 'llamacpp-400-exceed-context-size.error.json',
  openai: 'openai-400-unsupported-parameter.error.json',
  vllm: 'vllm-400-context-length.error.json',
  fastapi: 'mistral-422-extra-forbidden.error.json',
  ollama: 'ollama-404-model-not-found.error.json',
  html: 'nginx-502-bad-gateway.error.html',
  text: 'ollama-404-page-not-found.error.txt',
  /** Not a recognised shape: what the client does with a body it cannot read. */
  unknown: 'unknown-503-unrecognised-shape.error.json',
};

export const VLLM_MIDSTREAM_CASE = 'vllm-midstream-error-object.sse';

export function respondWithErrorShape(name: string, res: ServerResponse, wireDir: string, headers: Record<string, string>): Promise<void> {
  const file = Object.hasOwn(ERROR_SHAPE_CASES, name) ? ERROR_SHAPE_CASES[name] : undefined;
  if (!file) {
    throw new ApiError(400, `Unknown error shape '${name}'. Known: ${Object.keys(ERROR_SHAPE_CASES).join(', ')}.`, 'error-shape');
  }
  return replayCase(res, wireDir, file, headers);
}
