import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import * as v from 'valibot';
import { persisted } from '../../lib/storage/persisted';

export interface DayTotal {
  usd: number;
  tokens: number;
  replies: number;
  /** Replies without a known price (not in usd). */
  unpriced: number;
}

interface DailyState {
  days: Record<string, DayTotal>;
  /** Replies already added (by request id), newest last; bounded. */
  recorded: string[];
  record(day: string, key: string, usd: number | null, tokens: number): void;
}

const KEEP_KEYS = 2000;
const KEEP_DAYS = 90;

// JSON stores a NaN total as null, which the running sums have always added as 0.
const total = v.pipe(
  v.nullable(v.number()),
  v.transform((n) => n ?? 0),
);
const storedSchema = v.partial(
  v.object({
    days: v.record(v.string(), v.object({ usd: total, tokens: total, replies: total, unpriced: total })),
    recorded: v.array(v.string()),
  }),
);

/** Running cost per day, across conversations, kept in this browser (deleting a chat does not refund it). */
export const useDailyStore = create<DailyState>()(
  persist(
    (set) => ({
      days: {},
      recorded: [],
      record: (day, key, usd, tokens) =>
        set((s) => {
          if (s.recorded.includes(key)) return s;
          const prev = s.days[day] ?? { usd: 0, tokens: 0, replies: 0, unpriced: 0 };
          const next: DayTotal = {
            usd: prev.usd + (usd ?? 0),
            tokens: prev.tokens + tokens,
            replies: prev.replies + 1,
            unpriced: prev.unpriced + (usd === null ? 1 : 0),
          };
          const days = Object.fromEntries(
            Object.entries({ ...s.days, [day]: next })
              .sort(([a], [b]) => a.localeCompare(b))
              .slice(-KEEP_DAYS),
          );
          return { days, recorded: [...s.recorded, key].slice(-KEEP_KEYS) };
        }),
    }),
    persisted({ store: 'meterDaily', version: 1, schema: storedSchema }),
  ),
);
