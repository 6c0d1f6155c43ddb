import type { Message } from '../../domain/types';
import { selectAlternative } from '../../lib/db/repo';
import { useCompareStore } from './compare-store';

/** Continues the conversation with one of the choices of a request: its branch shows, and the request reads decided. */
export async function continueWith(choice: Message): Promise<void> {
  await selectAlternative(choice.conversationId, choice.id);
  if (choice.requestId) useCompareStore.getState().decide(choice.requestId);
}
