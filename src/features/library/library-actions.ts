import { createMessage } from '../../domain/factories';
import { notify } from '../../lib/notify/notify';
import { messageText, pathToLeaf, textContent } from '../../domain/messages';
import type { Conversation, ConversationId, Message } from '../../domain/types';
import {
  duplicateConversation,
  getConversation,
  listMessages,
  removeBinaries,
  removeConversation,
  renameConversation,
  restoreConversation,
  setPinned,
  setTags,
} from '../../lib/db/repo';
import { stopRun } from '../generation/runs';
import { lastShownConversation } from '../conversations/use-active-conversation';
import { useWorkspaceStore } from '../conversations/workspace-store';
import { activeEndpointConfig } from '../endpoints/endpoints-store';
import { forgetConversation, resetSearchIndex } from './search-index';
import { errorMessage } from '../../domain/errors';
import { keyHeaderFor } from '../../domain/endpoints';

function failed(what: string, err: unknown): void {
  notify(`${what} failed: ${errorMessage(err)}`, 'error');
}

/**
 * After the database was deleted under the app (site data cleared) and recreated: the search index
 * starts again, and the conversation this tab still shows is written back.
 */
export async function restoreAfterDeletion(): Promise<void> {
  resetSearchIndex();
  const shown = lastShownConversation();
  if (!shown) return;
  await restoreConversation({ conversation: shown.conversation, messages: shown.messages, blobs: [] });
}

/**
 * Puts back the open conversation another tab deleted, as this tab last showed it (its images
 * were deleted with it and are not brought back).
 */
export async function restoreDeletedElsewhere(): Promise<void> {
  const shown = lastShownConversation();
  if (!shown) return;
  try {
    await restoreConversation({ conversation: shown.conversation, messages: shown.messages, blobs: [] });
    notify(`Restored “${shown.conversation.title}” from this tab`, 'success');
  } catch (err) {
    failed('Restoring', err);
  }
}

/** Deletes at once; the toast's Undo puts back the conversation, every message and image. */
export async function deleteWithUndo(conversation: Pick<Conversation, 'id' | 'title'>): Promise<void> {
  stopRun(conversation.id); // no tokens are spent on a conversation that is gone
  const ws = useWorkspaceStore.getState();
  const wasOpen = ws.activeConversationId === conversation.id;
  if (wasOpen) ws.open(null);
  try {
    const snapshot = await removeConversation(conversation.id);
    forgetConversation(conversation.id);
    if (!snapshot) return;
    notify(`Deleted “${conversation.title}”`, 'info', {
      ms: 10_000,
      action: {
        label: 'Undo',
        run: () =>
          void restoreConversation(snapshot).then(
            () => wasOpen && useWorkspaceStore.getState().open(conversation.id),
            (err: unknown) => failed('Undo', err),
          ),
      },
    });
  } catch (err) {
    failed('Deleting', err);
  }
}

/** Removes the images (and other files) of a conversation to free space, and says how many went. */
export async function removeImages(conversation: Pick<Conversation, 'id' | 'title'>): Promise<void> {
  const n = await removeBinaries(conversation.id);
  notify(`Removed ${n} image${n === 1 ? '' : 's'} from “${conversation.title}”`, 'success');
}

/** Renames; a title changed meanwhile in another tab is not overwritten without asking. */
export async function saveTitle(conversation: Pick<Conversation, 'id'>, title: string, from: string): Promise<void> {
  const res = await renameConversation(conversation.id, title, from);
  if (res.ok) return;
  notify(`This conversation was renamed in another tab to “${res.current}”. Your title was not saved.`, 'error', {
    action: { label: `Use “${title.trim()}”`, run: () => void renameConversation(conversation.id, title) },
  });
}

/** Tags as typed: separated by commas. */
export async function saveTags(conversationId: ConversationId, typed: string): Promise<void> {
  await setTags(conversationId, typed.split(','));
}

export async function pin(conversationId: ConversationId, pinned: boolean): Promise<void> {
  await setPinned(conversationId, pinned);
}

export async function duplicate(conversation: Pick<Conversation, 'id'>): Promise<void> {
  try {
    const copy = await duplicateConversation(conversation.id);
    if (copy) useWorkspaceStore.getState().open(copy.id);
  } catch (err) {
    failed('Duplicating', err);
  }
}

const TITLE_PROMPT =
  'Write a title of at most six words for the conversation below. Answer with the title only: no quotes, no punctuation at the end.';

/** One line, no wrapping quotes or trailing period, at most 60 characters. */
export function cleanTitle(raw: string): string {
  const line = (raw.split('\n').find((l) => l.trim() !== '') ?? '').trim();
  const unquoted = line.replace(/^["'“”‘’*#\s]+|["'“”‘’*.\s]+$/g, '').replace(/^title:\s*/i, '');
  return unquoted.length > 60 ? `${unquoted.slice(0, 57).trimEnd()}…` : unquoted;
}

/**
 * Asks the conversation's model for a title: one small, non-streamed request with the start of
 * the current branch (text only), sent only when the person asks for it.
 */
export async function titleFromModel(conversationId: ConversationId): Promise<void> {
  const conversation = await getConversation(conversationId);
  if (!conversation) return;
  const path = pathToLeaf(await listMessages(conversationId), conversation.currentLeafId);
  const excerpt = path
    .filter((m) => m.role === 'user' || m.role === 'assistant')
    .slice(0, 4)
    .map((m) => `${m.role}: ${messageText(m.content).slice(0, 1500)}`)
    .join('\n\n');
  if (excerpt.trim() === '') {
    notify('Nothing to name yet: the conversation has no messages.', 'info');
    return;
  }
  const now = Date.now();
  const system = createMessage(conversationId, null, { role: 'system', content: textContent(TITLE_PROMPT) }, now);
  const prompt: Message[] = [system, createMessage(conversationId, system.id, { role: 'user', content: textContent(excerpt) }, now)];
  // The request code loads with the first run; a title asked for before that loads it here.
  const [{ runChatCompletion }, { buildChatRequest }] = await Promise.all([
    import('../../lib/openai/client'),
    import('../../lib/openai/request'),
  ]);
  // Only the model: sampling settings of the conversation are not meant for this side request.
  const built = buildChatRequest(prompt, { ...conversation.params, enabled: {}, extraBody: '' }, () => '');
  if (!built.ok) return failed('Asking for a title', new Error(built.error.message));
  const { endpoint, apiKey } = activeEndpointConfig();
  notify('Asking the model for a title…', 'info', { ms: 2000 });
  const result = await runChatCompletion({
    endpoint: {
      baseURL: endpoint.baseURL,
      apiKey,
      headers: endpoint.headers,
      keyHeader: keyHeaderFor(endpoint),
      ...(endpoint.secretHeaders ? { secretHeaders: endpoint.secretHeaders } : {}),
    },
    body: built.body, // no `stream`: one JSON answer
    signal: AbortSignal.timeout(60_000),
    maxRetries: 1,
  });
  const title = cleanTitle(result.completion.choices[0]?.content ?? '');
  if (result.error || title === '') {
    notify(`No title: ${result.error?.message ?? 'the model answered with nothing.'}`, 'error');
    return;
  }
  const saved = await renameConversation(conversationId, title);
  if (saved.ok) notify(`Titled “${title}”`, 'success');
}
