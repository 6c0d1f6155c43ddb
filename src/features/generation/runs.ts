import type { ContentPart, ConversationId, MessageId } from '../../domain/types';
import { giveBackToComposer } from '../conversations/composer-store';
import { notify } from '../../lib/notify/notify';
import type * as RunActionsModule from './run-actions';
import type { Lane } from './start-requests';
import { errorMessage } from '../../domain/errors';

export type { Lane } from './start-requests';
export { isRunning, stopRun } from './live-run-store';
export { ensureConversation } from './ensure-conversation';
export { provideGenerationHooks } from './hooks';

/**
 * What the UI calls to start and stop runs. Starting one needs the request builder, the stream
 * reader and the accumulators, which the first screen never uses: they load in idle time after
 * start-up (`preloadRuns`) or on the first run, whichever comes first. Stopping and "is it
 * running" read the live-run store and need none of it.
 */
type RunActions = typeof RunActionsModule;

let actions: RunActions | null = null;
let loading: Promise<RunActions> | null = null;

export function preloadRuns(): Promise<RunActions> {
  loading ??= import('./run-actions').then(
    (loaded) => (actions = loaded),
    (err: unknown) => {
      loading = null; // a later run tries again (e.g. the network came back)
      throw err;
    },
  );
  return loading;
}

/** Synchronous once loaded, so a double click still meets the engine's own guard at once. */
function withRuns<T>(task: (r: RunActions) => Promise<T>, onFail?: () => void): Promise<T | undefined> {
  if (actions) return task(actions);
  return preloadRuns().then(task, (err: unknown) => {
    onFail?.();
    notify(`The request could not start: the app's code failed to load (${errorMessage(err)}). Reload the page.`, 'error', { ms: 15_000 });
    return undefined;
  });
}

export function sendConversation(text: string, parts: ContentPart[] = []): Promise<void> {
  return withRuns(
    (r) => r.sendConversation(text, parts),
    () => giveBackToComposer(text, parts),
  ).then((started) => {
    // Another run was starting (e.g. a second send while the code loaded): this one never ran.
    if (started === false) giveBackToComposer(text, parts);
  });
}

export function regenerate(conversationId: ConversationId, messageId: MessageId): Promise<void> {
  return withRuns((r) => r.regenerate(conversationId, messageId)).then(() => undefined);
}

export function rerunFrom(conversationId: ConversationId, messageId: MessageId): Promise<void> {
  return withRuns((r) => r.rerunFrom(conversationId, messageId)).then(() => undefined);
}

export function continueReply(conversationId: ConversationId, messageId: MessageId): Promise<void> {
  return withRuns((r) => r.continueReply(conversationId, messageId)).then(() => undefined);
}

export function askToContinue(conversationId: ConversationId, messageId: MessageId): Promise<void> {
  return withRuns((r) => r.askToContinue(conversationId, messageId)).then(() => undefined);
}

export function fanOut(conversationId: ConversationId, messageId: MessageId): Promise<void> {
  return withRuns((r) => r.fanOut(conversationId, messageId)).then(() => undefined);
}

export function compareConfigurations(conversationId: ConversationId, lanes: Lane[]): Promise<void> {
  return withRuns((r) => r.compareConfigurations(conversationId, lanes)).then(() => undefined);
}
