import { describe, expect, it } from 'vitest';
import { createMessage, newConversation } from './factories';
import { emptyCell, type GridCell } from './grid';
import { cellConversation } from './grid-open';
import { textContent } from './messages';
import { defaultRequestParams } from './params';

const source = newConversation(defaultRequestParams('m-own'), 'ep-own');
const system = createMessage(source.id, null, { role: 'system', content: textContent('Answer in {{lang}}.') });
const user = createMessage(source.id, system.id, { role: 'user', content: textContent('Capital of {{country}}?'), usage: null });
const params = { ...defaultRequestParams('m-col'), temperature: 0.3 };
const done: GridCell = {
  ...emptyCell(source.id, 'r', 'k', 0),
  status: 'done',
  text: 'Paris.',
  finishReason: 'stop',
  promptTokens: 12,
  completionTokens: 3,
};
const input = (cell: GridCell | undefined) => ({
  source: { title: 'Capitals' },
  prompt: [system, user],
  values: { lang: 'French', country: 'France' },
  params,
  endpointId: 'ep-col',
  cell,
  rowNumber: 2,
  now: 1000,
});

describe('a grid cell as a conversation', () => {
  it('is the prompt with the row’s values, then the cell’s reply, on the column’s model, parameters and endpoint', () => {
    const made = cellConversation(input(done));
    if (!made.ok) throw new Error('not made');
    const { conversation, messages, leafId } = made;
    expect(conversation.id).not.toBe(source.id);
    expect(conversation).toMatchObject({ title: 'Capitals · row 2 · m-col', endpointId: 'ep-col', currentLeafId: leafId });
    expect(conversation.params).toEqual(params);
    expect(messages.map((m) => [m.role, m.content])).toEqual([
      ['system', textContent('Answer in French.')],
      ['user', textContent('Capital of France?')],
      ['assistant', textContent('Paris.')],
    ]);
    // A chain of new ids in the new conversation.
    expect(messages.every((m) => m.conversationId === conversation.id)).toBe(true);
    expect(messages.map((m) => m.parentId)).toEqual([null, messages[0]!.id, messages[1]!.id]);
    expect(messages.some((m) => m.id === system.id || m.id === user.id)).toBe(false);
    expect(messages[2]).toMatchObject({
      status: 'done',
      finishReason: 'stop',
      model: 'm-col',
      usage: { promptTokens: 12, completionTokens: 3, totalTokens: 15 },
    });
    expect(leafId).toBe(messages[2]!.id);
  });

  it('without a reply (never run, or failed) it is the prompt alone, to send by hand', () => {
    for (const cell of [undefined, { ...done, status: 'error' as const, text: '' }]) {
      const made = cellConversation(input(cell));
      expect(made.ok && made.messages.map((m) => m.role)).toEqual(['system', 'user']);
    }
  });

  it('a row without a value for a variable is refused with the names', () => {
    expect(cellConversation({ ...input(done), values: { lang: 'French' } })).toEqual({ ok: false, missing: ['country'] });
  });
});
