// Parallel single-choice requests shown like the choices of one response: a fan-out (the same
// request k times, for servers that ignore `n`) or a compare of configurations (another model,
// endpoint or parameter set per column).
import { pathToLeaf } from '../../domain/messages';
import type { Completion, Message, RequestParams } from '../../domain/types';
import { appendMessages, dataURLsFor, getConversation, listMessages, updateConversation } from '../../lib/db/repo';
import { runChatCompletion } from '../../lib/openai/client';
import { buildChatRequest } from '../../lib/openai/request';
import type { WireChatRequest } from '../../lib/openai/wire';
import { newId } from '../../domain/ids';
import { activeEndpointConfig, endpointConfig } from '../endpoints/endpoints-store';
import { firstByteTimeout, useWorkspaceStore } from '../conversations/workspace-store';
import { claimRun, endRun, setRunError } from './live-run-store';
import { finish, newMessage } from './run-finish';
import { createRunPublisher } from './run-publisher';
import { startStream } from './run-start';
import { choiceCount, withIdleConversation } from './run-service';

/** The lane's only choice, renumbered as choice `index` of the whole fan-out. */
function asChoice(completion: Completion, index: number): Completion {
  return { ...completion, choices: completion.choices.slice(0, 1).map((c) => ({ ...c, index })) };
}

/** Re-runs the turn of `messageId` as `n` parallel single-choice requests. */
export function fanOut(conversationId: string, messageId: string): Promise<void> {
  return withIdleConversation(conversationId, async (conversation, all) => {
    const target = all.find((m) => m.id === messageId);
    if (!target) return;
    const k = Math.max(2, choiceCount(conversation));
    const lane: Lane = { params: conversation.params, endpointId: null, label: null };
    await runLanes(
      conversationId,
      pathToLeaf(all, target.parentId),
      Array.from({ length: k }, () => lane),
      'fanOut',
    );
  });
}

/** One column of a compare: its parameters (model included) and endpoint (null: the active one). */
export interface Lane {
  params: RequestParams;
  endpointId: string | null;
  label: string | null;
}

/**
 * Sends the open conversation to each configuration side by side. A conversation ending with a
 * reply runs its last turn again (the old reply stays an alternative).
 */
export function compareConfigurations(conversationId: string, lanes: Lane[]): Promise<void> {
  return withIdleConversation(conversationId, async (conversation, all) => {
    if (lanes.length === 0) return;
    const path = pathToLeaf(all, conversation.currentLeafId);
    const last = path.at(-1);
    await runLanes(conversationId, last?.role === 'assistant' ? path.slice(0, -1) : path, lanes, 'compare');
  });
}

async function runLanes(conversationId: string, path: Message[], lanes: Lane[], kind: 'fanOut' | 'compare'): Promise<void> {
  const conversation = await getConversation(conversationId);
  if (!conversation) return;
  setRunError(conversationId, null);
  const controller = new AbortController();
  claimRun(conversationId, () => controller.abort());
  const k = lanes.length;
  try {
    const blobs = await dataURLsFor(path);
    const bodies: WireChatRequest[] = [];
    for (const lane of lanes) {
      const params = { ...lane.params, enabled: { ...lane.params.enabled, n: false } };
      const built = buildChatRequest(path, params, (s) => (s.kind === 'url' ? s.url : (blobs.get(s.blobId) ?? '')));
      if (!built.ok) {
        setRunError(conversationId, lane.label ? { ...built.error, message: `${lane.label}: ${built.error.message}` } : built.error);
        return;
      }
      bodies.push(built.body);
    }
    const requestId = newId();
    const parentId = path.at(-1)?.id ?? null;
    const placeholders = Array.from({ length: k }, (_, i) =>
      newMessage(conversationId, parentId, {
        role: 'assistant',
        status: 'streaming',
        choiceIndex: i,
        requestId,
        model: lanes[i]!.params.model,
        timing: { startedAt: Date.now() },
        extra: { [kind]: { lane: i + 1, of: k, ...(lanes[i]!.label ? { label: lanes[i]!.label } : {}) } },
      }),
    );
    const runAll = (saved: Promise<void>) =>
      Promise.all(
        placeholders.map(async (placeholder, i) => {
          const publisher = createRunPublisher(conversationId, requestId, [placeholder], () => controller.abort(), saved);
          const laneEndpoint = lanes[i]!.endpointId;
          const { endpoint, apiKey } = (laneEndpoint ? endpointConfig(laneEndpoint) : undefined) ?? activeEndpointConfig();
          const run = () =>
            runChatCompletion({
              endpoint: { baseURL: endpoint.baseURL, apiKey, headers: endpoint.headers },
              body: bodies[i]!,
              signal: controller.signal,
              maxRetries: useWorkspaceStore.getState().maxRetries,
              ...firstByteTimeout(bodies[i]!.stream),
              now: Date.now,
              onUpdate: (c) => publisher.update(asChoice(c, i)),
              onRetry: publisher.retrying,
              onResponse: publisher.responded,
            });
          const result = await run();
          publisher.stop();
          await saved;
          await finish(conversationId, path, [placeholder], {
            ...result,
            completion: asChoice(result.completion, i),
            choiceTimings: publisher.choiceTimings(),
          });
        }),
      );
    // One lock for the whole fan-out (other tabs see its replies as alive while any lane streams);
    // the lanes start while their placeholders are written.
    await startStream(
      requestId,
      () => appendMessages(conversationId, placeholders, placeholders[0]!.id),
      () => controller.abort(),
      runAll,
    );
    // Each lane committed itself; the first one that has a reply is the current branch.
    const kept = new Set((await listMessages(conversationId)).map((m) => m.id));
    const first = placeholders.find((p) => kept.has(p.id));
    if (first) await updateConversation(conversationId, { currentLeafId: first.id });
  } catch (err) {
    setRunError(conversationId, {
      kind: 'storage',
      message: `The parallel requests could not run: ${err instanceof Error ? err.message : String(err)}`,
    });
  } finally {
    endRun(conversationId);
  }
}
