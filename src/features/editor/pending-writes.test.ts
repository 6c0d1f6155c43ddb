import type * as VersionTrackerModule from '../../lib/db/version-tracker';
import { describe, expect, it, vi } from 'vitest';
import type { Message } from '../../domain/types';
import type { GuardedWrite } from '../../lib/db/repo';

const modifyMessageIf = vi.fn<(id: string, expected: Message | undefined, change: (m: Message) => Message) => Promise<GuardedWrite>>();
vi.mock('../../lib/db/repo', async () => {
  const tracker = await vi.importActual<typeof VersionTrackerModule>('../../lib/db/version-tracker');
  return { createVersionTracker: tracker.createVersionTracker, modifyMessageIf };
});
const { flushEdits, queueEdit } = await import('./pending-writes');

const row = (id: string, name = ''): Message => ({
  id,
  conversationId: 'c',
  parentId: null,
  role: 'user',
  name,
  content: [],
  status: 'done',
  createdAt: 1,
  updatedAt: 1,
});

describe('queued message edits', () => {
  it('an edit queued in any microtask after a write lands is written too, and flushEdits waits for it', async () => {
    const stored = new Map<string, Message>();
    modifyMessageIf.mockImplementation(async (id, _expected, change) => {
      const next = change(stored.get(id) ?? row(id));
      stored.set(id, next);
      return { ok: true, row: next };
    });
    // The edit arrives k microtasks after the first write resolved (an await in the code that edits).
    for (let k = 0; k < 12; k++) {
      const id = `m${k}`;
      let release!: () => void;
      modifyMessageIf.mockImplementationOnce(
        (i, _expected, change) =>
          new Promise((resolve) => {
            release = () => {
              const next = change(stored.get(i) ?? row(i));
              stored.set(i, next);
              resolve({ ok: true, row: next });
            };
          }),
      );
      queueEdit(id, (m) => ({ ...m, name: `${m.name}a` }));
      release();
      for (let i = 0; i < k; i++) await Promise.resolve();
      queueEdit(id, (m) => ({ ...m, name: `${m.name}b` }));
      await flushEdits();
      expect(stored.get(id)?.name, `edit queued ${k} microtasks after the write`).toBe('ab');
    }
  });
});
