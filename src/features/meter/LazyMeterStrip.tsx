import { lazy, Suspense } from 'react';
import type { Conversation, Message } from '../../domain/types';

// The meter (counting, costs, facts) stays out of the initial bundle; it mounts a moment later.
const MeterStrip = lazy(() => import('./MeterStrip').then((m) => ({ default: m.MeterStrip })));

export function LazyMeterStrip(props: { conversation: Conversation | null; path: Message[]; messages: Message[] }) {
  return (
    <Suspense fallback={<span className="text-[11px] text-faint">Counting tokens…</span>}>
      <MeterStrip {...props} />
    </Suspense>
  );
}
