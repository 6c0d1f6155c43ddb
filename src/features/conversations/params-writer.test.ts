import type * as VersionTrackerModule from '../../lib/db/version-tracker';
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { defaultRequestParams } from '../../domain/params';
import type { RequestParams } from '../../domain/types';
import * as conversations from '../../lib/db/conversations-repo';
import { PlaygroundDB, setDb } from '../../lib/db/schema';

const notify = vi.fn();
vi.mock('../../lib/notify/notify', () => ({ notify }));
/** A save that takes a while, as IndexedDB does when it is busy. */
let slow = 0;
vi.mock('../../lib/db/repo', async () => {
  const tracker = await vi.importActual<typeof VersionTrackerModule>('../../lib/db/version-tracker');
  return {
    createVersionTracker: tracker.createVersionTracker,
    storage: async () => undefined,
    saveParams: async (...args: Parameters<typeof conversations.saveParams>) => {
      await new Promise((resolve) => setTimeout(resolve, slow));
      return conversations.saveParams(...args);
    },
  };
});
const { editParams, flushParams } = await import('./params-writer');

const withTemperature = (t: number): RequestParams => {
  const p = defaultRequestParams('ref-chat');
  p.enabled.temperature = true;
  p.values.temperature = t;
  return p;
};

describe('parameter saves', () => {
  it('a send right after an edit, while the previous save is still writing, saves the newest values without a false conflict', async () => {
    const d = new PlaygroundDB(`test-${Math.random()}`);
    await d.open();
    setDb(d);
    const c = await conversations.createConversation(withTemperature(1), null);
    slow = 30;
    editParams(c.id, withTemperature(0.5), c.params);
    const first = flushParams(); // the debounce fired: this save is under way
    await new Promise((resolve) => setTimeout(resolve, 5));
    editParams(c.id, withTemperature(0.2), c.params);
    const second = flushParams(); // Ctrl+Enter flushes again before the first has landed
    await Promise.all([first, second]);
    expect(notify).not.toHaveBeenCalled();
    expect((await conversations.getConversation(c.id))?.params.values.temperature).toBe(0.2);
  });
});
