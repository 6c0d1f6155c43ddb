// For servers that ignore `n`: the same request sent as k parallel requests of one choice each,
// streamed side by side and stored like the k choices of one response (labelled as a fan-out).
import { pathToLeaf } from '../../domain/messages';
import type { Completion, Message } from '../../domain/types';
import { dataURLsFor } from '../../lib/db/blobs-repo';
import { getConversation, updateConversation } from '../../lib/db/conversations-repo';
import { appendMessages, listMessages } from '../../lib/db/messages-repo';
import { streamLockName } from '../../lib/db/recovery';
import { runChatCompletion } from '../../lib/openai/client';
import { buildChatRequest } from '../../lib/openai/request';
import { newId } from '../../domain/ids';
import { activeEndpointConfig } from '../endpoints/endpoints-store';
import { flushParams } from '../conversations/params-writer';
import { useWorkspaceStore } from '../conversations/workspace-store';
import { claimRun, endRun, setRunError } from './live-run-store';
import { finish, newMessage } from './run-finish';
import { createRunPublisher } from './run-publisher';
import { choiceCount, exclusive, isRunning } from './run-service';

/** The lane's only choice, renumbered as choice `index` of the whole fan-out. */
function asChoice(completion: Completion, index: number): Completion {
  return { ...completion, choices: completion.choices.slice(0, 1).map((c) => ({ ...c, index })) };
}

/** Re-runs the turn of `messageId` as `n` parallel single-choice requests. */
export function fanOut(conversationId: string, messageId: string): Promise<void> {
  return exclusive(async () => {
    await flushParams();
    const conversation = await getConversation(conversationId);
    if (!conversation || isRunning(conversationId)) return;
    const all = await listMessages(conversationId);
    const target = all.find((m) => m.id === messageId);
    if (!target) return;
    const k = Math.max(2, choiceCount(conversation));
    await runLanes(conversationId, pathToLeaf(all, target.parentId), k);
  });
}

async function runLanes(conversationId: string, path: Message[], k: number): Promise<void> {
  const conversation = await getConversation(conversationId);
  if (!conversation) return;
  setRunError(conversationId, null);
  const controller = new AbortController();
  claimRun(conversationId, () => controller.abort());
  try {
    const params = { ...conversation.params, enabled: { ...conversation.params.enabled, n: false } };
    const blobs = await dataURLsFor(path);
    const built = buildChatRequest(path, params, (s) => (s.kind === 'url' ? s.url : (blobs.get(s.blobId) ?? '')));
    if (!built.ok) {
      setRunError(conversationId, built.error);
      return;
    }
    const requestId = newId();
    const parentId = path.at(-1)?.id ?? null;
    const placeholders = Array.from({ length: k }, (_, i) =>
      newMessage(conversationId, parentId, {
        role: 'assistant',
        status: 'streaming',
        choiceIndex: i,
        requestId,
        model: params.model,
        timing: { startedAt: Date.now() },
        extra: { fanOut: { lane: i + 1, of: k } },
      }),
    );
    await appendMessages(conversationId, placeholders, placeholders[0]!.id);
    const { endpoint, apiKey } = activeEndpointConfig();
    const lanes = () =>
      Promise.all(
      placeholders.map(async (placeholder, i) => {
        const publisher = createRunPublisher(conversationId, requestId, [placeholder], () => controller.abort());
        const run = () =>
          runChatCompletion({
            endpoint: { baseURL: endpoint.baseURL, apiKey, headers: endpoint.headers },
            body: built.body,
            signal: controller.signal,
            maxRetries: useWorkspaceStore.getState().maxRetries,
            now: Date.now,
            onUpdate: (c) => publisher.update(asChoice(c, i)),
            onRetry: publisher.retrying,
            onResponse: publisher.responded,
          });
        const result = await run();
        publisher.stop();
        await finish(conversationId, path, [placeholder], { ...result, completion: asChoice(result.completion, i), choiceTimings: publisher.choiceTimings() });
      }),
    );
    // One lock for the whole fan-out: other tabs see its replies as alive while any lane streams.
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    await (locks ? locks.request(streamLockName(requestId), lanes) : lanes());
    // Each lane committed itself; the first one that has a reply is the current branch.
    const kept = new Set((await listMessages(conversationId)).map((m) => m.id));
    const first = placeholders.find((p) => kept.has(p.id));
    if (first) await updateConversation(conversationId, { currentLeafId: first.id });
  } catch (err) {
    setRunError(conversationId, { kind: 'storage', message: `The fan-out could not run: ${err instanceof Error ? err.message : String(err)}` });
  } finally {
    endRun(conversationId);
  }
}
