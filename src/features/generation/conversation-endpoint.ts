/**
 * A conversation keeps its endpoint profile (its model is in its parameters). Opening it makes its
 * profile the active one, so the endpoint panel shows what a send will use; choosing another
 * profile while it is open moves the conversation to that profile. A conversation whose profile was
 * deleted says so and runs nowhere until the person picks one: it never silently goes elsewhere.
 */
import type { AppError, Conversation, ConversationId } from '../../domain/types';
import * as repo from '../../lib/db/repo';
import { useWorkspaceStore } from '../conversations/workspace-store';
import { useEndpointsStore } from '../endpoints/endpoints-store';
import { setRunError } from './live-run-store';

/** Set while the app (not the person) changes the active profile to follow an opened conversation. */
let following = false;

/** Stable code of the error a run reports when its conversation's profile is gone (the banner offers the fix). */
export const ENDPOINT_GONE = 'endpoint_profile_gone';

export function endpointGoneError(): AppError {
  const active = useEndpointsStore.getState();
  const name = active.endpoints.find((e) => e.id === active.activeId)?.name ?? 'the active profile';
  return {
    kind: 'invalid',
    code: ENDPOINT_GONE,
    message: "This conversation's endpoint profile has been deleted, so nothing was sent.",
    hint: `Run it against ${name} instead, or pick another profile in the endpoint panel.`,
  };
}

/**
 * On opening: the conversation's profile becomes the active one. A conversation that names none
 * (made before conversations kept theirs, or imported without one) takes the active one.
 */
export function followConversationEndpoint(conversation: Pick<Conversation, 'id' | 'endpointId'>): void {
  const { endpoints, activeId, setActive } = useEndpointsStore.getState();
  const wanted = conversation.endpointId;
  if (wanted === null) {
    void repo.setConversationEndpoint(conversation.id, activeId).catch(() => undefined);
    return;
  }
  if (!endpoints.some((e) => e.id === wanted)) return setRunError(conversation.id, endpointGoneError());
  if (wanted === activeId) return;
  following = true;
  try {
    setActive(wanted);
  } finally {
    following = false;
  }
}

/** The person chose to run the conversation against the active profile (its own is gone). */
export function moveToActiveEndpoint(conversationId: ConversationId): Promise<void> {
  return repo.setConversationEndpoint(conversationId, useEndpointsStore.getState().activeId);
}

/**
 * Started once by the app: a profile the person makes active while a conversation is open becomes
 * that conversation's. Deleting the active profile is not a choice: the conversation keeps naming
 * it, and says it is gone.
 */
export function startEndpointBinding(): () => void {
  return useEndpointsStore.subscribe((s, prev) => {
    if (following || s.activeId === prev.activeId) return;
    if (!s.endpoints.some((e) => e.id === prev.activeId)) return; // the previous one was deleted
    const id = useWorkspaceStore.getState().activeConversationId;
    if (id) void repo.setConversationEndpoint(id, s.activeId).catch(() => undefined);
  });
}
