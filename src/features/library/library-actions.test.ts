import { beforeEach, describe, expect, it, vi } from 'vitest';
import { textContent } from '../../domain/messages';
import { defaultRequestParams } from '../../domain/params';
import type { Conversation, Message } from '../../domain/types';

const repo = {
  removeBinaries: vi.fn((_id: string) => Promise.resolve(2)),
  renameConversation: vi.fn((_id: string, _title: string, _expected?: string): Promise<{ ok: true } | { ok: false; current: string }> =>
    Promise.resolve({ ok: true }),
  ),
  restoreConversation: vi.fn((_snapshot: unknown) => Promise.resolve()),
  setPinned: vi.fn((_id: string, _pinned: boolean) => Promise.resolve()),
  setTags: vi.fn((_id: string, _tags: string[]) => Promise.resolve()),
  duplicateConversation: vi.fn(),
  getConversation: vi.fn(),
  listMessages: vi.fn(),
  removeConversation: vi.fn(),
};
vi.mock('../../lib/db/repo', () => repo);
const toast = vi.fn();
vi.mock('../../lib/notify/notify', () => ({ notify: toast }));
vi.mock('../generation/runs', () => ({ stopRun: vi.fn() }));
vi.mock('../endpoints/endpoints-store', () => ({ activeEndpointConfig: vi.fn() }));
let shown: { conversation: Conversation; messages: Message[] } | null = null;
vi.mock('../conversations/use-active-conversation', () => ({ lastShownConversation: () => shown }));
const resetSearchIndex = vi.fn();
vi.mock('./search-index', () => ({ resetSearchIndex, forgetConversation: vi.fn() }));

const { pin, removeImages, restoreAfterDeletion, saveTags, saveTitle } = await import('./library-actions');

const conversation: Conversation = {
  id: 'c1',
  title: 'Plans',
  params: defaultRequestParams('m'),
  endpointId: null,
  currentLeafId: 'm1',
  createdAt: 1,
  updatedAt: 1,
} as Conversation;
const message: Message = {
  id: 'm1',
  conversationId: 'c1',
  parentId: null,
  role: 'user',
  content: textContent('hi'),
  status: 'done',
  createdAt: 1,
  updatedAt: 1,
};

beforeEach(() => {
  vi.clearAllMocks();
  shown = null;
});

describe('restoreAfterDeletion', () => {
  it('starts the search index again and writes back the conversation this tab shows', async () => {
    shown = { conversation, messages: [message] };
    await restoreAfterDeletion();
    expect(resetSearchIndex).toHaveBeenCalledTimes(1);
    expect(repo.restoreConversation).toHaveBeenCalledWith({ conversation, messages: [message], blobs: [] });
  });

  it('writes nothing when no conversation was shown', async () => {
    await restoreAfterDeletion();
    expect(resetSearchIndex).toHaveBeenCalledTimes(1);
    expect(repo.restoreConversation).not.toHaveBeenCalled();
  });
});

describe('removeImages', () => {
  it('removes the files of a conversation and says how many', async () => {
    await removeImages({ id: 'c1', title: 'Plans' });
    expect(repo.removeBinaries).toHaveBeenCalledWith('c1');
    expect(toast).toHaveBeenCalledWith('Removed 2 images from “Plans”', 'success');
  });

  it('says one image in the singular', async () => {
    repo.removeBinaries.mockResolvedValueOnce(1);
    await removeImages({ id: 'c1', title: 'Plans' });
    expect(toast).toHaveBeenCalledWith('Removed 1 image from “Plans”', 'success');
  });
});

describe('saveTitle', () => {
  it('renames from the title the person started from', async () => {
    await saveTitle({ id: 'c1' }, 'New', 'Old');
    expect(repo.renameConversation).toHaveBeenCalledWith('c1', 'New', 'Old');
    expect(toast).not.toHaveBeenCalled();
  });

  it('asks before overwriting a title changed in another tab, and overwrites when told to', async () => {
    repo.renameConversation.mockResolvedValueOnce({ ok: false, current: 'Theirs' });
    await saveTitle({ id: 'c1' }, ' Mine ', 'Old');
    expect(toast).toHaveBeenCalledTimes(1);
    const [text, kind, opts] = toast.mock.calls[0]! as [string, string, { action: { label: string; run: () => void } }];
    expect(text).toContain('“Theirs”');
    expect(kind).toBe('error');
    expect(opts.action.label).toBe('Use “Mine”');
    opts.action.run();
    expect(repo.renameConversation).toHaveBeenLastCalledWith('c1', ' Mine ');
  });
});

describe('saveTags and pin', () => {
  it('splits typed tags at commas', async () => {
    await saveTags('c1', 'work, ideas');
    expect(repo.setTags).toHaveBeenCalledWith('c1', ['work', ' ideas']);
  });

  it('pins and unpins', async () => {
    await pin('c1', true);
    await pin('c1', false);
    expect(repo.setPinned.mock.calls).toEqual([
      ['c1', true],
      ['c1', false],
    ]);
  });
});
