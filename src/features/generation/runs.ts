import { toast } from '../../components/ui/toast';
import type { ContentPart } from '../../domain/types';
import { giveBackToComposer } from '../conversations/composer-store';
import type * as FanOutModule from './fan-out';
import type { Lane } from './fan-out';
import type * as RunServiceModule from './run-service';

export type { Lane } from './fan-out';
export { isRunning, stopRun } from './live-run-store';
export { ensureConversation } from './ensure-conversation';

/**
 * What the UI calls to start and stop runs. Starting one needs the request builder, the stream
 * reader and the accumulators, which the first screen never uses: they load in idle time after
 * start-up (`preloadRuns`) or on the first run, whichever comes first. Stopping and "is it
 * running" read the live-run store and need none of it.
 */
type RunService = typeof RunServiceModule;
type FanOut = typeof FanOutModule;
interface Runs {
  service: RunService;
  fanOut: FanOut;
}

let runs: Runs | null = null;
let loading: Promise<Runs> | null = null;

export function preloadRuns(): Promise<Runs> {
  loading ??= Promise.all([import('./run-service'), import('./fan-out')]).then(
    ([service, fanOut]) => (runs = { service, fanOut }),
    (err: unknown) => {
      loading = null; // a later run tries again (e.g. the network came back)
      throw err;
    },
  );
  return loading;
}

/** Synchronous once loaded, so a double click still meets the service's own guard at once. */
function withRuns<T>(task: (r: Runs) => Promise<T>, onFail?: () => void): Promise<T | undefined> {
  if (runs) return task(runs);
  return preloadRuns().then(task, (err: unknown) => {
    onFail?.();
    toast(
      `The request could not start: the app's code failed to load (${err instanceof Error ? err.message : String(err)}). Reload the page.`,
      'error',
      { ms: 15_000 },
    );
    return undefined;
  });
}

export function sendConversation(text: string, parts: ContentPart[] = []): Promise<void> {
  return withRuns(
    (r) => r.service.sendConversation(text, parts),
    () => giveBackToComposer(text, parts),
  ).then((started) => {
    // Another run was starting (e.g. a second send while the code loaded): this one never ran.
    if (started === false) giveBackToComposer(text, parts);
  });
}

export function regenerate(conversationId: string, messageId: string): Promise<void> {
  return withRuns((r) => r.service.regenerate(conversationId, messageId)).then(() => undefined);
}

export function rerunFrom(conversationId: string, messageId: string): Promise<void> {
  return withRuns((r) => r.service.rerunFrom(conversationId, messageId)).then(() => undefined);
}

export function continueReply(conversationId: string, messageId: string): Promise<void> {
  return withRuns((r) => r.service.continueReply(conversationId, messageId)).then(() => undefined);
}

export function fanOut(conversationId: string, messageId: string): Promise<void> {
  return withRuns((r) => r.fanOut.fanOut(conversationId, messageId)).then(() => undefined);
}

export function compareConfigurations(conversationId: string, lanes: Lane[]): Promise<void> {
  return withRuns((r) => r.fanOut.compareConfigurations(conversationId, lanes)).then(() => undefined);
}
