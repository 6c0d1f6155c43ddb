import { newConversationId, newMessageId } from './ids';
import type { RequestedOutput } from './structured-output';
import type { Conversation, ConversationId, Message, MessageId, RequestId, RequestParams } from './types';

/**
 * The one way to make a new message: every field a stored row needs, with `fields` on top.
 * `now` is passed so callers with an injected clock (the run engine, tests) stay deterministic.
 */
export function createMessage(
  conversationId: ConversationId,
  parentId: MessageId | null,
  fields: Partial<Message> & Pick<Message, 'role'>,
  now: number = Date.now(),
): Message {
  return { id: newMessageId(), conversationId, parentId, content: [], status: 'done', createdAt: now, updatedAt: now, ...fields };
}

/** An empty assistant reply a request streams into: one per choice (or per lane of a fan-out or compare). */
export function createReplyPlaceholder(
  conversationId: ConversationId,
  parentId: MessageId | null,
  reply: {
    choiceIndex: number;
    requestId: RequestId;
    model: string;
    extra?: Record<string, unknown>;
    requestedOutput?: RequestedOutput | undefined;
  },
  now: number = Date.now(),
): Message {
  return createMessage(
    conversationId,
    parentId,
    {
      role: 'assistant',
      status: 'streaming',
      choiceIndex: reply.choiceIndex,
      requestId: reply.requestId,
      model: reply.model,
      timing: { startedAt: now },
      ...(reply.extra ? { extra: reply.extra } : {}),
      ...(reply.requestedOutput ? { requestedOutput: reply.requestedOutput } : {}),
    },
    now,
  );
}

/** A new, empty conversation with its own copy of `params`. */
export function newConversation(params: RequestParams, endpointId: string | null, now: number = Date.now()): Conversation {
  return {
    id: newConversationId(),
    title: 'New conversation',
    createdAt: now,
    updatedAt: now,
    currentLeafId: null,
    params: structuredClone(params),
    endpointId,
  };
}
