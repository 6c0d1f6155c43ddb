import { useEffect, useMemo, useState } from 'react';
import { dayTotal, startOfDay } from '../../domain/meter-stats';
import type { DayTotal } from '../../domain/meter-stats';
import { laneEndpointId } from '../../domain/price-book';
import { providerOf } from '../../domain/providers';
import type { Message } from '../../domain/types';
import type { ProviderId } from '../../domain/providers';
import { follow } from '../../lib/db/repo';
import type { Store } from '../../lib/db/repo';
import { useFactsResolver } from '../endpoints/model-catalog';
import { useActiveEndpoint, useEndpointsStore } from '../endpoints/endpoints-store';

/**
 * Today's cost across conversations, computed from the replies stored in IndexedDB (followed live,
 * so every tab shows the same figure and none can overwrite another's), each priced on its
 * conversation's provider with today's prices: a price added or corrected re-prices the day.
 */
export function useTodayTotal(): DayTotal | null {
  const from = startOfDay(Date.now());
  const [billed, setBilled] = useState<Awaited<ReturnType<Store['repliesBilledSince']>> | null>(null);
  useEffect(() => follow("today's costs", (s) => s.repliesBilledSince(from), setBilled), [from]);
  const endpoints = useEndpointsStore((s) => s.endpoints);
  const active = useActiveEndpoint();
  const providerOfReply = useMemo(() => {
    const byId = new Map(endpoints.map((e) => [e.id, providerOf(e)]));
    // A compare lane's own profile, else its conversation's; a conversation without a recorded
    // profile (older rows) ran against the active one.
    return (m: Message): ProviderId =>
      byId.get(laneEndpointId(m) ?? '') ?? byId.get(billed?.endpointOf[m.conversationId] ?? '') ?? providerOf(active);
  }, [endpoints, active, billed]);
  const resolve = useFactsResolver(useMemo(() => endpoints.map(providerOf), [endpoints]));
  return useMemo(
    () => (billed ? dayTotal(billed.replies, (m) => resolve(m.model ?? '', providerOfReply(m)).facts) : null),
    [billed, resolve, providerOfReply],
  );
}
