import type { Conversation } from '../../domain/types';
import { createConversation, getConversation } from '../../lib/db/repo';
import { activeEndpointConfig } from '../endpoints/endpoints-store';
import { useWorkspaceStore } from '../conversations/workspace-store';

/** Opens the active conversation, or creates it from the draft parameters (adding a message to a new one). */
export async function ensureConversation(): Promise<Conversation> {
  const ws = useWorkspaceStore.getState();
  const existing = ws.activeConversationId ? await getConversation(ws.activeConversationId) : undefined;
  if (existing) return existing;
  const conversation = await createConversation(ws.draftParams, activeEndpointConfig().endpoint.id);
  ws.open(conversation.id);
  return conversation;
}
