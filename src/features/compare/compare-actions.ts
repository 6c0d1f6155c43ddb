import type { Message } from '../../domain/types';
import { showBranch } from '../../lib/db/repo';
import { useCompareStore } from './compare-store';

/** Continues the conversation with one of the choices of a request: its branch shows, and the request reads decided. */
export async function continueWith(choice: Message): Promise<void> {
  await showBranch(choice.conversationId, choice.id);
  if (choice.requestId) useCompareStore.getState().decide(choice.requestId);
}
