/**
 * One count of a prompt, used by the live meter (before sending) and by a finished run (the
 * estimate stored next to the server's usage), so both show the same number for the same request.
 * Texts go to the counting worker; images are counted by their measured sizes.
 */
import {
  encodingForModel,
  imagesTokens,
  messageCountItems,
  messageFraming,
  messageTextTokens,
  messageTokens,
  messageTokenText,
  requestExtraTexts,
  sumPrompt,
} from '../../domain/tokens';
import type { Encoding, PromptBreakdown } from '../../domain/tokens';
import type { ContentPart, Message, RequestParams } from '../../domain/types';
import { countTexts } from '../../lib/tokens/token-counter';
import { loadFunctionFormatter } from '../../lib/tokens/function-format';
import { sizeLookup, useImageSizes } from './image-sizes';

/** FNV-1a: a cheap content key for the draft and the request extras. */
export function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}:${(h >>> 0).toString(36)}`;
}

export interface PromptCount {
  encoding: Encoding;
  exact: boolean;
  breakdown: PromptBreakdown;
  perMessage: Record<string, number>;
  textTokens: Record<string, number>;
  workerMs: number;
  loadMs: number;
}

export interface PromptInput {
  /** Messages as they will be sent (streaming replies are left out by the caller). */
  sent: readonly Message[];
  params: RequestParams;
  /** Composer text and attachments, sent as one more user message; '' and [] when none. */
  draft: string;
  attached: readonly ContentPart[];
}

export async function countPrompt({ sent, params, draft, attached }: PromptInput): Promise<PromptCount> {
  const { encoding, exact } = encodingForModel(params.model);
  const hasTools = params.enabled.tools && params.values.tools.length > 0;
  const { tools, toolsRendered, schema } = requestExtraTexts(params, hasTools ? await loadFunctionFormatter() : undefined);
  const items: [string, string][] = sent.flatMap(messageCountItems);
  const draftKey = `draft:${hash(draft)}`;
  const toolsKey = `tools:${hash(tools)}`;
  const schemaKey = `schema:${hash(schema)}`;
  const sizeOf = sizeLookup(useImageSizes.getState().sizes);
  const hasDraft = draft.trim() !== '' || attached.length > 0;
  if (draft.trim() !== '') items.push([draftKey, draft]);
  if (tools) items.push([toolsKey, tools]);
  if (schema) items.push([schemaKey, schema]);
  const { counts, workerMs, loadMs } = await countTexts(encoding, items);
  const perMessage: Record<string, number> = {};
  const textTokens: Record<string, number> = {};
  const texts: number[] = [];
  let framing = 0;
  let images = 0;
  for (const m of sent) {
    const t = messageTextTokens(m, counts) ?? 0;
    texts.push(t);
    framing += messageFraming(m);
    images += imagesTokens(m.content, sizeOf, params.model);
    perMessage[m.id] = messageTokens(m, t, sizeOf, params.model);
    textTokens[m.id] = t;
  }
  images += imagesTokens(attached, sizeOf, params.model);
  const breakdown = sumPrompt({
    messageTexts: texts,
    framing,
    imageTokens: images,
    toolsTokens: tools ? (counts.get(toolsKey) ?? 0) : 0,
    toolsRendered,
    schemaTokens: schema ? (counts.get(schemaKey) ?? 0) : 0,
    draftTokens: hasDraft ? (draft.trim() !== '' ? (counts.get(draftKey) ?? 0) : 0) : null,
  });
  return { encoding, exact, breakdown, perMessage, textTokens, workerMs, loadMs };
}

/** Completion tokens of a reply with its model's encoding: its text, reasoning and tool calls. */
export async function countCompletion(reply: Message, model: string): Promise<number> {
  const { encoding } = encodingForModel(model);
  const text = messageTokenText(reply) + (reply.reasoning ?? '') + (reply.refusal ?? '');
  const key = `reply:${reply.id}:${hash(text)}`;
  const { counts } = await countTexts(encoding, [[key, text]]);
  return counts.get(key) ?? 0;
}
