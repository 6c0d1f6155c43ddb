// Palette entries for actions whose buttons live in several widgets (library, endpoints, the
// messages): composed here, since widgets never import each other. Share, export, code and compare
// register their own (ShareToolbar, CompareButton); the rest are in commands.ts.
import { useEffect, useRef } from 'react';
import type { ActiveConversation } from '../features/conversations/use-active-conversation';
import { useEndpointsStore } from '../features/endpoints/endpoints-store';
import { isRunning } from '../features/generation/live-run-store';
import { regenerate } from '../features/generation/runs';
import { setDefaultView, toggleRaw } from '../features/conversations/message-view-actions';
import { useMessageViewStore } from '../features/conversations/message-view-store';
import { deleteWithUndo, duplicate, pin } from '../features/library/library-actions';
import { useLibraryStore } from '../features/library/library-store';
import { showPane } from '../features/workspace/layout-store';
import { registerCommands } from '../lib/commands/commands';

function focusAfterRender(selector: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}

/** Registers the conversation, reply, endpoint and model commands of the palette. */
export function usePaletteCommands(active: ActiveConversation): void {
  // Commands read the conversation when they run, not when they were registered.
  const current = useRef(active);
  useEffect(() => {
    current.current = active;
  }, [active]);
  const endpoints = useEndpointsStore((s) => s.endpoints);
  const activeEndpointId = useEndpointsStore((s) => s.activeId);

  useEffect(() => {
    const conversation = () => current.current.conversation;
    const lastReply = () => {
      const last = current.current.path.at(-1);
      return last?.role === 'assistant' ? last : null;
    };
    const idle = () => {
      const c = conversation();
      return c !== null && !isRunning(c.id);
    };
    return registerCommands([
      {
        id: 'conversation.rename',
        title: 'Rename this conversation',
        group: 'Conversation',
        keywords: ['title', 'name'],
        enabled: () => conversation() !== null,
        run: () => {
          const c = conversation();
          if (!c) return;
          showPane('library');
          useLibraryStore.getState().requestRename(c.id);
        },
      },
      {
        id: 'conversation.delete',
        title: 'Delete this conversation',
        group: 'Conversation',
        keywords: ['remove', 'trash'],
        enabled: () => conversation() !== null,
        run: () => {
          const c = conversation();
          if (c) void deleteWithUndo(c);
        },
      },
      {
        id: 'conversation.pin',
        title: 'Pin or unpin this conversation',
        group: 'Conversation',
        keywords: ['top', 'favourite'],
        enabled: () => conversation() !== null,
        run: () => {
          const c = conversation();
          if (c) void pin(c.id, c.pinnedAt === undefined);
        },
      },
      {
        id: 'conversation.duplicate',
        title: 'Duplicate this conversation',
        group: 'Conversation',
        keywords: ['copy', 'clone'],
        enabled: () => conversation() !== null,
        run: () => {
          const c = conversation();
          if (c) void duplicate(c);
        },
      },
      {
        id: 'reply.regenerate',
        title: 'Regenerate the last reply',
        group: 'Reply',
        keywords: ['retry', 'again', 'alternative'],
        enabled: () => idle() && lastReply() !== null,
        run: () => {
          const reply = lastReply();
          if (reply) void regenerate(reply.conversationId, reply.id);
        },
      },
      {
        id: 'view.raw-last',
        title: 'Raw text ↔ rendered: the last message',
        group: 'View',
        keywords: ['raw', 'markdown', 'source', 'plain', 'rendered', 'formatted', 'reply'],
        enabled: () => current.current.path.length > 0,
        run: () => {
          const last = current.current.path.at(-1);
          if (last) toggleRaw(last.id);
        },
      },
      {
        id: 'view.default-raw',
        title: 'Show messages as raw text by default',
        group: 'View',
        keywords: ['raw', 'markdown', 'source', 'plain', 'setting'],
        enabled: () => useMessageViewStore.getState().defaultView !== 'raw',
        run: () => setDefaultView('raw'),
      },
      {
        id: 'view.default-rendered',
        title: 'Show messages rendered by default',
        group: 'View',
        keywords: ['rendered', 'formatted', 'markdown', 'setting'],
        enabled: () => useMessageViewStore.getState().defaultView !== 'rendered',
        run: () => setDefaultView('rendered'),
      },
      {
        id: 'model.choose',
        title: 'Change the model…',
        group: 'Endpoint and model',
        keywords: ['model', 'switch', 'llm'],
        run: () => {
          showPane('params');
          focusAfterRender('[data-testid="model-input"]');
        },
      },
      {
        id: 'endpoint.edit',
        title: 'Edit the endpoint (base URL, key, headers)…',
        group: 'Endpoint and model',
        keywords: ['settings', 'server', 'api key', 'base url'],
        run: () => {
          showPane('params');
          focusAfterRender('[data-testid="endpoint-base-url"]');
        },
      },
    ]);
  }, []);

  useEffect(
    () =>
      // One entry per profile: switching endpoint is a search away ("use ollama").
      registerCommands(
        endpoints.map((e) => ({
          id: `endpoint.use.${e.id}`,
          title: `Use endpoint: ${e.name}`,
          group: 'Endpoint and model',
          keywords: ['switch', 'server', 'profile', e.baseURL],
          enabled: () => useEndpointsStore.getState().activeId !== e.id,
          run: () => useEndpointsStore.getState().setActive(e.id),
        })),
      ),
    [endpoints, activeEndpointId],
  );
}

/** The hook as a component, so the app can load these commands after its first screen. */
export default function PaletteCommands({ active }: { active: ActiveConversation }): null {
  usePaletteCommands(active);
  return null;
}
