import { describe, expect, it } from 'vitest';
import { asConversationId, newConversationId, newMessageId } from './ids';
import type { ConversationId, MessageId } from './types';

const takesConversation = (id: ConversationId) => id;
const takesMessage = (id: MessageId) => id;

describe('id kinds', () => {
  it('keeps kinds apart (checked by the typecheck: each @ts-expect-error must be an error)', () => {
    const conversation = newConversationId();
    const message = newMessageId();
    // @ts-expect-error a message id is not a conversation id
    takesConversation(message);
    // @ts-expect-error a conversation id is not a message id
    takesMessage(conversation);
    // A plain string from outside (storage, a URL, an import) is accepted as either kind.
    expect(takesConversation(asConversationId('c-1'))).toBe('c-1');
    expect(takesMessage('m-1')).toBe('m-1');
    expect(conversation).not.toBe(message);
  });
});
