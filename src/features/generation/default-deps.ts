import * as repo from '../../lib/db/repo';
import { notify } from '../../lib/notify/notify';
import { runChatCompletion } from '../../lib/openai/client';
import { useComposerStore } from '../conversations/composer-store';
import { firstByteTimeout, useWorkspaceStore } from '../conversations/workspace-store';
import { useVariablesStore, variableValues } from '../conversations/variables-store';
import { activeEndpointConfig, endpointConfig, useEndpointsStore } from '../endpoints/endpoints-store';
import { modelFactsNow } from '../endpoints/model-catalog';
import type { GenerationDeps } from './deps';
import { generationHooks } from './hooks';
import { webLock } from './run-start';

const clock: GenerationDeps['clock'] = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (timer) => clearTimeout(timer),
};

/** The real dependencies: the lazy database facade, the fetch client, the person's settings. */
export function generationDeps(): GenerationDeps {
  return {
    repo,
    complete: runChatCompletion,
    endpointFor: (id) => (id ? endpointConfig(id) : undefined) ?? activeEndpointConfig(),
    endpointExists: (id) => useEndpointsStore.getState().endpoints.some((e) => e.id === id),
    rememberUnsupported: (id, field) => useEndpointsStore.getState().markUnsupported(id, field),
    modelFacts: modelFactsNow,
    learnRule: (id, key, value) => useEndpointsStore.getState().learnRule(id, key, value),
    settings: () => ({
      maxRetries: useWorkspaceStore.getState().maxRetries,
      firstByteTimeoutMs: (stream) => firstByteTimeout(stream).firstByteTimeoutMs,
    }),
    notify,
    countReplies: (...args) => generationHooks().countReplies(...args),
    clock,
    lock: webLock,
    variableValues,
    created: (conversationId) => {
      // The values given before the conversation existed are its own, wherever the person went meanwhile.
      useVariablesStore.getState().adoptNew(conversationId);
      // Unless the person opened another conversation meanwhile.
      const ws = useWorkspaceStore.getState();
      if (ws.activeConversationId !== null) return;
      // What the person started typing while it was being stored is the new conversation's draft.
      useComposerStore.getState().adoptNewDraft(conversationId);
      ws.open(conversationId);
    },
  };
}
