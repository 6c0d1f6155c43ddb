import type { Message } from '../../domain/types';
import { streamingMessages, updateMessage } from './messages-repo';
import { streamLockName } from './names';

async function isOwnedByLiveTab(m: Message): Promise<boolean> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks || !m.requestId) return false;
  const state = await locks.query();
  return (state.held ?? []).some((l) => l.name === streamLockName(m.requestId!));
}

/**
 * Replies left `streaming` by a tab that was closed, reloaded or killed are marked interrupted,
 * keeping every token that was saved. Replies another open tab is still streaming are left alone.
 */
export async function recoverInterruptedStreams(): Promise<number> {
  let count = 0;
  for (const m of await streamingMessages()) {
    if (await isOwnedByLiveTab(m)) continue;
    await updateMessage(m.id, {
      status: 'interrupted',
      error: { kind: 'interrupted', message: 'The page was closed or reloaded while this reply was streaming. What had arrived is kept.' },
    });
    count++;
  }
  return count;
}
