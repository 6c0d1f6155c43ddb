import { create } from 'zustand';
import { persist } from 'zustand/middleware';

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
    { name: 'pg.meter.daily', version: 1 },
  ),
);
