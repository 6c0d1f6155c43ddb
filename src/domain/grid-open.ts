/**
 * A grid cell as a conversation of its own, to continue by hand: the prompt with the row's values
 * written in, the cell's reply as the assistant's answer, with the column's model, parameters and
 * endpoint profile. Pure: the caller stores it and opens it.
 */
import { createMessage, newConversation } from './factories';
import type { GridCell } from './grid';
import { textContent } from './messages';
import type { Conversation, Message, MessageId, RequestParams } from './types';
import { substituteMessages, type VariableValues } from './variables';

export interface CellConversationInput {
  /** The grid's conversation, for its title. */
  source: Pick<Conversation, 'title'>;
  /** What the cell sent: the conversation's path without its last reply (grid-runner promptOf). */
  prompt: readonly Message[];
  values: VariableValues;
  /** The column's parameters (its model and overrides merged) and endpoint profile. */
  params: RequestParams;
  endpointId: string | null;
  cell: GridCell | undefined;
  /** 1-based, for the title. */
  rowNumber: number;
  now: number;
}

export type CellConversation =
  { ok: true; conversation: Conversation; messages: Message[]; leafId: MessageId } | { ok: false; missing: string[] };

export function cellConversation(input: CellConversationInput): CellConversation {
  const substituted = substituteMessages(input.prompt, input.values);
  if (!substituted.ok) return { ok: false, missing: substituted.missing };
  const conversation = {
    ...newConversation(input.params, input.endpointId, input.now),
    title: `${input.source.title} · row ${input.rowNumber} · ${input.params.model}`,
  };
  const messages: Message[] = [];
  let parentId: MessageId | null = null;
  for (const m of substituted.messages) {
    // Only the content and who said it: the run-specific fields belong to the grid's conversation.
    const copy: Message = createMessage(
      conversation.id,
      parentId,
      {
        role: m.role,
        content: m.content,
        ...(m.name !== undefined ? { name: m.name } : {}),
        ...(m.toolCalls ? { toolCalls: m.toolCalls } : {}),
        ...(m.toolCallId !== undefined ? { toolCallId: m.toolCallId } : {}),
        ...(m.reasoning !== undefined ? { reasoning: m.reasoning } : {}),
      },
      input.now,
    );
    messages.push(copy);
    parentId = copy.id;
  }
  const { cell } = input;
  if (cell && (cell.status === 'done' || cell.status === 'interrupted') && cell.text !== '') {
    const reply = createMessage(
      conversation.id,
      parentId,
      {
        role: 'assistant',
        content: textContent(cell.text),
        status: cell.status,
        finishReason: cell.finishReason,
        model: input.params.model,
        ...(cell.promptTokens !== null || cell.completionTokens !== null
          ? {
              usage: {
                promptTokens: cell.promptTokens,
                completionTokens: cell.completionTokens,
                totalTokens:
                  cell.promptTokens !== null && cell.completionTokens !== null ? cell.promptTokens + cell.completionTokens : null,
                raw: {},
              },
            }
          : {}),
      },
      input.now,
    );
    messages.push(reply);
  }
  const leafId = messages.at(-1)?.id;
  if (!leafId) return { ok: false, missing: [] };
  return { ok: true, conversation: { ...conversation, currentLeafId: leafId }, messages, leafId };
}
