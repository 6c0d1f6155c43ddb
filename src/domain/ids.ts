import type { ConversationId, MessageId, RequestId } from './types';

/** Random ids that work outside secure contexts too (randomUUID needs https or localhost). */
export function newId(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const newConversationId = (): ConversationId => newId() as ConversationId;
export const newMessageId = (): MessageId => newId() as MessageId;
export const newRequestId = (): RequestId => newId() as RequestId;

/**
 * A string that names a stored row, taken as its id: for what comes from outside the type system
 * (imported files, URLs, data attributes, other tabs' rows, test fixtures). Nothing is checked.
 */
export const asConversationId = (id: string): ConversationId => id as ConversationId;
export const asMessageId = (id: string): MessageId => id as MessageId;
export const asRequestId = (id: string): RequestId => id as RequestId;
export const asParentId = (id: string | null): MessageId | null => id as MessageId | null;
