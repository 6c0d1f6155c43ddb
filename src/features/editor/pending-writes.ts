/**
 * Message edits are written through as the person types. Each edit is a function of the stored
 * row, so edits made from different controls never overwrite each other; queued edits of one
 * message are applied together in one transaction. Sending awaits `flushEdits()` so a request
 * never misses a keystroke.
 *
 * While a message's editor is open, its writes are guarded: they go through only when the stored
 * row still holds what this tab last saw of it. When another tab changed or deleted it meanwhile,
 * nothing is written; the edits are held and the person chooses (see conflict-store, conflicts.ts).
 */
import { sameWritten } from '../../domain/message-versions';
import type { Message } from '../../domain/types';
import { createVersionTracker, modifyMessageIf } from '../../lib/db/repo';
import { setConflict, useConflicts } from './conflict-store';
import { useEditorStore } from './editor-store';

export type MessageUpdater = (m: Message) => Message;

const queued = new Map<string, MessageUpdater[]>();
/** What this tab last saw of each message it is editing (the row at open, then each row it wrote), and its writes under way. */
const versions = createVersionTracker<Message>();

// An editor closed (or reopened on another version) starts from what it shows next.
useEditorStore.subscribe((s, prev) => {
  versions.forget(Object.keys(prev.editing).filter((id) => !s.editing[id]));
});

function baseOf(id: string): Message | undefined {
  const editor = useEditorStore.getState();
  if (!editor.editing[id]) return undefined;
  return versions.known(id) ?? editor.originals[id];
}

function applyAll(m: Message, updaters: readonly MessageUpdater[]): Message {
  let cur = m;
  for (const u of updaters) cur = u(cur);
  return cur;
}

function hold(id: string, updaters: MessageUpdater[], reason: 'changed' | 'deleted', current: Message | undefined): void {
  const open = useConflicts.getState().conflicts[id];
  const from = open?.mine ?? baseOf(id) ?? current;
  if (!from) return;
  setConflict(id, { reason, mine: applyAll(from, updaters), ...(current ? { current } : {}) });
}

/**
 * Messages whose queue is being written. Set and cleared synchronously (the tracker's record of a
 * write ends a few microtasks after it), so an edit queued right after a write always finds either
 * a drain that will take it or none, and starts one.
 */
const draining = new Set<string>();

function drain(id: string): Promise<void> {
  const updaters = queued.get(id);
  if (!updaters || updaters.length === 0) {
    draining.delete(id);
    return Promise.resolve();
  }
  draining.add(id);
  queued.delete(id);
  const conflict = useConflicts.getState().conflicts[id];
  if (conflict) {
    // Held: written only once the person has chosen.
    hold(id, updaters, conflict.reason, conflict.current);
    return drain(id);
  }
  const base = baseOf(id);
  const p = modifyMessageIf(id, base, (m) => applyAll(m, updaters))
    .then((res) => {
      if (res.ok) {
        if (base) versions.remember(id, res.row);
      } else hold(id, updaters, res.reason, res.reason === 'changed' ? res.current : undefined);
    })
    .catch((err: unknown) => console.error('Saving an edit failed', err))
    .then(() => drain(id));
  versions.track([id], p);
  return p;
}

export function queueEdit(id: string, update: MessageUpdater): void {
  const list = queued.get(id);
  if (list) list.push(update);
  else queued.set(id, [update]);
  if (!draining.has(id)) void drain(id);
}

export async function flushEdits(): Promise<void> {
  await versions.idle();
}

/**
 * Called with each version of a message its open editor receives: a version written by another
 * tab (newer than what this tab last saw, with different text) is a conflict before the next keystroke.
 */
export function noticeVersion(m: Message): void {
  const base = baseOf(m.id);
  if (!base || versions.busy(m.id) || useConflicts.getState().conflicts[m.id]) return;
  if (m.updatedAt > base.updatedAt && !sameWritten(m, base)) setConflict(m.id, { reason: 'changed', mine: base, current: m });
}

/** Drops what this tab knew and held of a message (after the person chose a version). */
export function forgetEdits(id: string): void {
  versions.forget([id]);
  queued.delete(id);
}

export function knownVersion(id: string): Message | undefined {
  return baseOf(id);
}
