import { useEffect } from 'react';
import { billedReplies, billingKey, dayKey, replyCost } from '../../domain/meter-stats';
import type { ModelFacts } from '../../domain/model-facts';
import type { Message } from '../../domain/types';
import { useDailyStore } from './daily-store';

/** Replies finished this long ago or less count as new (older rows came from a reload or import). */
const FRESH_MS = 2 * 60_000;

/** Adds each newly finished reply's cost to today's running total, once per request. */
export function useCostRecorder(messages: Message[], factsFor: (model: string) => ModelFacts, fallbackModel: string): void {
  useEffect(() => {
    const now = Date.now();
    const { record, recorded } = useDailyStore.getState();
    for (const m of billedReplies(messages)) {
      if (now - m.updatedAt > FRESH_MS) continue;
      const key = billingKey(m);
      if (recorded.includes(key)) continue;
      const tokens = m.usage?.totalTokens ?? (m.usage?.promptTokens ?? 0) + (m.usage?.completionTokens ?? 0);
      record(dayKey(m.updatedAt), key, replyCost(m, factsFor(m.model ?? fallbackModel)), tokens);
    }
  }, [messages, factsFor, fallbackModel]);
}
