import { createMessage } from '../../domain/factories';
import { useEffect } from 'react';
import { pendingToolCalls } from '../../domain/conversation-edits';
import { textContent } from '../../domain/messages';
import type { Message } from '../../domain/types';
import { applyMessageEdit } from '../../lib/db/repo';
import { rememberedResult, useEditorStore } from './editor-store';

/**
 * When a reply ends with tool calls, adds one tool message per call for the person to fill in,
 * pre-filled with the result last written for that function. Each reply is handled once, so
 * deleting the added messages does not bring them back.
 */
export function useToolResultSlots(path: Message[], running: boolean): void {
  const last = [...path].reverse().find((m) => m.role !== 'tool');
  const lastId = last?.id;
  // Only replies the model produced (they carry a request id), not tool calls typed by hand.
  const ready =
    !running && last?.role === 'assistant' && last.requestId !== undefined && last.status === 'done' && (last.toolCalls?.length ?? 0) > 0;
  useEffect(() => {
    if (!ready || !lastId) return;
    const store = useEditorStore.getState();
    if (store.handledToolReplies.includes(lastId)) return;
    store.markHandled(lastId);
    const calls = pendingToolCalls(path);
    if (calls.length === 0) return;
    const now = Date.now();
    let parentId = path.at(-1)!.id;
    const rows: Message[] = calls.map((c, i) => {
      const row = createMessage(
        path[0]!.conversationId,
        parentId,
        { role: 'tool', toolCallId: c.id, content: textContent(rememberedResult(store.mockResults, c.name) ?? '') },
        now + i,
      );
      parentId = row.id;
      return row;
    });
    void applyMessageEdit(rows[0]!.conversationId, { put: rows, remove: [], leafId: rows.at(-1)!.id }).then(() => {
      for (const r of rows) store.openEditor(r);
      store.requestFocus(rows[0]!.id, 'text-input');
    });
  }, [ready, lastId, path]);
}
