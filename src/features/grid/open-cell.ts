// "Open as conversation": a cell becomes a conversation of its own, opened in the chat to continue by hand.
import { cellId } from '../../domain/grid';
import { cellConversation } from '../../domain/grid-open';
import { errorMessage } from '../../domain/errors';
import type { Conversation, Message } from '../../domain/types';
import { missingVariablesMessage } from '../../domain/variables';
import * as repo from '../../lib/db/repo';
import { useWorkspaceStore } from '../conversations/workspace-store';
import { activeEndpointConfig } from '../endpoints/endpoints-store';
import { lanesFor } from '../generation/lanes';
import { promptOf } from './grid-runner';
import { useGridStore } from './grid-store';

/** Stores the cell of `rowId` × `configId` as a new conversation and opens it; false (with the reason shown) when it cannot. */
export async function openCellAsConversation(
  conversation: Conversation,
  path: readonly Message[],
  rowId: string,
  configId: string,
): Promise<boolean> {
  const { grid, cells } = useGridStore.getState();
  const rowIndex = grid?.rows.findIndex((r) => r.id === rowId) ?? -1;
  const config = grid?.configs.find((c) => c.id === configId);
  if (!grid || rowIndex < 0 || !config) return false;
  const problem = (text: string) => {
    useGridStore.setState({ problem: text });
    return false;
  };
  const lanes = lanesFor(conversation, [config]);
  if (typeof lanes === 'string') return problem(lanes);
  const lane = lanes[0]!;
  const made = cellConversation({
    source: conversation,
    prompt: promptOf(path),
    values: grid.rows[rowIndex]!.values,
    // As the cell ran: one reply, so no `n`.
    params: { ...lane.params, enabled: { ...lane.params.enabled, n: false } },
    endpointId: config.endpointId ?? activeEndpointConfig().endpoint.id,
    cell: cells[cellId(grid.conversationId, rowId, configId)],
    rowNumber: rowIndex + 1,
    now: Date.now(),
  });
  if (!made.ok)
    return problem(
      made.missing.length > 0
        ? missingVariablesMessage(made.missing).replace('the Variables panel', 'this row')
        : 'This conversation has no messages to open.',
    );
  try {
    await repo.appendMessages(made.conversation.id, made.messages, made.leafId, undefined, made.conversation);
  } catch (err) {
    return problem(`The conversation could not be stored: ${errorMessage(err)}`);
  }
  useWorkspaceStore.getState().open(made.conversation.id);
  return true;
}
