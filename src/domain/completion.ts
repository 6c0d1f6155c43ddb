import type { Choice, Completion, Message, Usage } from './types';

/** The fields of an assistant message that come from one assembled choice. */
export function messageFieldsFromChoice(choice: Choice, completion: Completion): Partial<Message> {
  const fields: Partial<Message> = {
    content: choice.content ? [{ type: 'text', text: choice.content }] : [],
    finishReason: choice.finishReason,
  };
  if (choice.reasoning) fields.reasoning = choice.reasoning;
  if (choice.refusal) fields.refusal = choice.refusal;
  if (choice.toolCalls.length > 0) fields.toolCalls = choice.toolCalls.map((t) => ({ ...t }));
  if (choice.logprobs) fields.logprobs = choice.logprobs;
  if (choice.audio) fields.audio = { id: choice.audio.id, transcript: choice.audio.transcript, expiresAt: choice.audio.expiresAt };
  const usage = choice.usage ?? completion.usage;
  if (usage) fields.usage = usage;
  if (completion.model) fields.model = completion.model;
  if (completion.id) fields.responseId = completion.id;
  if (completion.systemFingerprint) fields.systemFingerprint = completion.systemFingerprint;
  if (completion.dropped) fields.droppedEvents = { count: completion.dropped.count, samples: [...completion.dropped.samples] };
  const extra = { ...completion.extra, ...choice.extra };
  if (Object.keys(extra).length > 0) fields.extra = extra;
  return fields;
}

export function hasAnyOutput(completion: Completion): boolean {
  return completion.choices.some(
    (c) => (c.content ?? '') !== '' || (c.reasoning ?? '') !== '' || (c.refusal ?? '') !== '' || c.toolCalls.length > 0,
  );
}

/** A rough count (4 characters a token) used only until the tokenizer meter has a real one. */
export function roughTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function estimatedUsage(promptText: string, completionText: string): Usage {
  const promptTokens = roughTokens(promptText);
  const completionTokens = roughTokens(completionText);
  return { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens, raw: {} };
}
