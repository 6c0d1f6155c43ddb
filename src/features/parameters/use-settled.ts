import { useEffect, useState } from 'react';
import type { Message } from '../../domain/types';

/** How long a value must stay the same before a settled view of it follows. */
const SETTLE_MS = 300;

/**
 * `value`, or while `settle` is on, `value` once it has stopped changing for a moment (typing
 * paused, a stream ended). For views whose update costs more than the gap between two keystrokes
 * or two streamed chunks: queued behind such an update, keystrokes reach the screen late.
 */
export function useSettled<T>(value: T, settle: boolean): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const timer = setTimeout(() => setSettled(value), settle ? SETTLE_MS : 0);
    return () => clearTimeout(timer);
  }, [value, settled, settle]);
  return settle ? settled : value;
}

/** Characters of text a conversation path carries (a cheap stand-in for the size of its request body). */
export function textSize(path: readonly Message[]): number {
  let size = 0;
  for (const m of path) {
    size += (m.reasoning?.length ?? 0) + (m.refusal?.length ?? 0);
    for (const p of m.content) if (p.type === 'text') size += p.text.length;
    for (const t of m.toolCalls ?? []) size += t.arguments.length;
  }
  return size;
}
