import { beforeEach, describe, expect, it, vi } from 'vitest';
import { textContent } from '../../domain/messages';
import type { Message } from '../../domain/types';

const selectAlternative = vi.fn<(conversationId: string, messageId: string) => Promise<void>>(() => Promise.resolve());
vi.mock('../../lib/db/repo', () => ({ selectAlternative }));

const { continueWith } = await import('./compare-actions');
const { useCompareStore } = await import('./compare-store');

function choice(fields: Partial<Message> = {}): Message {
  return {
    id: 'b',
    conversationId: 'c1',
    parentId: 'a',
    role: 'assistant',
    content: textContent('B'),
    status: 'done',
    createdAt: 1,
    updatedAt: 1,
    ...fields,
  };
}

beforeEach(() => {
  selectAlternative.mockClear();
  useCompareStore.setState({ decided: [] });
});

describe('continueWith', () => {
  it('shows the chosen branch and marks its request decided', async () => {
    await continueWith(choice({ requestId: 'r1' }));
    expect(selectAlternative).toHaveBeenCalledWith('c1', 'b');
    expect(useCompareStore.getState().decided).toEqual(['r1']);
  });

  it('decides nothing for a choice without a request', async () => {
    await continueWith(choice());
    expect(selectAlternative).toHaveBeenCalledWith('c1', 'b');
    expect(useCompareStore.getState().decided).toEqual([]);
  });

  it('does not mark the request decided when the branch could not be shown', async () => {
    selectAlternative.mockRejectedValueOnce(new Error('closed'));
    await expect(continueWith(choice({ requestId: 'r2' }))).rejects.toThrow('closed');
    expect(useCompareStore.getState().decided).toEqual([]);
  });
});
