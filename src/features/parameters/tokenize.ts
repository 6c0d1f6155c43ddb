/**
 * Token ids for logit_bias, with the tokenizer of OpenAI models (others use their own
 * vocabularies; the ids are then only a guess). The encodings are large, so each is imported on use.
 */
export interface EncodedToken {
  id: number;
  text: string;
}

export function encodingFor(model: string): 'cl100k_base' | 'o200k_base' {
  const id = model.toLowerCase().split('/').pop() ?? '';
  return /^(gpt-4(?!o|\.)|gpt-3\.5|text-embedding)/.test(id) ? 'cl100k_base' : 'o200k_base';
}

export async function encodeForModel(model: string, text: string): Promise<{ tokens: EncodedToken[]; encoding: string }> {
  const encoding = encodingFor(model);
  const mod =
    encoding === 'cl100k_base' ? await import('gpt-tokenizer/encoding/cl100k_base') : await import('gpt-tokenizer/encoding/o200k_base');
  const ids = mod.encode(text);
  return { tokens: ids.map((id) => ({ id, text: mod.decode([id]) })), encoding };
}
