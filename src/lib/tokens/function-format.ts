/**
 * Tool definitions as OpenAI's chat format shows them to the model (a TypeScript `namespace
 * functions`), from gpt-tokenizer's chat/function counting. Loaded only when a request has tools.
 */
import type { FormatFunctions } from '../../domain/tokens';

export async function loadFunctionFormatter(): Promise<FormatFunctions> {
  const { formatFunctionDefinitions } = await import('gpt-tokenizer/esm/functionCalling');
  return (functions) => formatFunctionDefinitions(functions as Parameters<typeof formatFunctionDefinitions>[0]);
}
