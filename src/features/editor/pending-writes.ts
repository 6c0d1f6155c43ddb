/**
 * Message edits are written through as the person types. Each edit is a function of the stored
 * row, so edits made from different controls never overwrite each other; queued edits of one
 * message are applied together in one transaction. Sending awaits `flushEdits()` so a request
 * never misses a keystroke.
 */
import type { Message } from '../../domain/types';
import { modifyMessage } from '../../lib/db/messages-repo';

export type MessageUpdater = (m: Message) => Message;

const inFlight = new Map<string, Promise<void>>();
const queued = new Map<string, MessageUpdater[]>();

function drain(id: string): Promise<void> {
  const updaters = queued.get(id);
  if (!updaters || updaters.length === 0) {
    inFlight.delete(id);
    return Promise.resolve();
  }
  queued.delete(id);
  const p = modifyMessage(id, (m) => {
    let cur = m;
    for (const u of updaters) cur = u(cur);
    return cur;
  })
    .catch((err: unknown) => console.error('Saving an edit failed', err))
    .then(() => drain(id));
  inFlight.set(id, p);
  return p;
}

export function queueEdit(id: string, update: MessageUpdater): void {
  const list = queued.get(id);
  if (list) list.push(update);
  else queued.set(id, [update]);
  if (!inFlight.has(id)) void drain(id);
}

export async function flushEdits(): Promise<void> {
  while (inFlight.size > 0) await Promise.all([...inFlight.values()]);
}
